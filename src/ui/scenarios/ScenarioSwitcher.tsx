import { For, createUniqueId } from "solid-js";

/** A scenario the model defines. */
export interface ScenarioOption {
  readonly name: string;
  readonly label: string;
}

/** Props of the scenario switcher. */
export interface ScenarioSwitcherProps {
  readonly scenarios: readonly ScenarioOption[];
  /** The scenario shown, or null for the base case. */
  readonly current: string | null;
  readonly onSwitch?: (name: string | null) => void;
  /** The base case's label; "Base" by default. */
  readonly baseLabel?: string;
}

/** Tunables of the switcher. */
export const SwitcherLimits = {
  /** Labels longer than this show the scenario's name instead (the label stays as a tooltip). */
  maxLabel: 24,
} as const;

/** The text on a scenario's button: its label when short, else its name. */
export function shortLabel(option: {
  readonly name: string | null;
  readonly label: string;
}): string {
  if (option.label.length <= SwitcherLimits.maxLabel || option.name === null) return option.label;
  return option.name;
}

/**
 * The base case and each scenario as a segmented radio group (native radios, so arrow keys move
 * between scenarios as in any radio group). Choosing one raises `onSwitch`.
 */
export function ScenarioSwitcher(props: ScenarioSwitcherProps) {
  const group = createUniqueId();
  const options = () => [
    { name: null, label: props.baseLabel ?? "Base" },
    ...props.scenarios.map((s) => ({ name: s.name, label: s.label })),
  ];
  return (
    <fieldset class="pc-switcher">
      <legend class="pc-switcher-legend">Scenario</legend>
      <For each={options()}>
        {(option) => (
          <label
            class="pc-switcher-option"
            classList={{ "pc-switcher-on": props.current === option.name }}
          >
            <input
              type="radio"
              name={`pc-scenario-${group}`}
              value={option.name ?? ""}
              checked={props.current === option.name}
              onChange={() => props.onSwitch?.(option.name)}
            />
            <span title={option.label}>{shortLabel(option)}</span>
          </label>
        )}
      </For>
    </fieldset>
  );
}

import { For } from "solid-js";
import { moneyScales, type MoneyScale } from "./scale";

/** Props of the grid's toolbar. */
export interface GridToolbarProps {
  readonly scale: MoneyScale;
  readonly onScale: (scale: MoneyScale) => void;
  readonly showFormulas: boolean;
  readonly onShowFormulas: (show: boolean) => void;
  readonly onFind: () => void;
}

let toolbars = 0;

/**
 * The grid's view controls: the scale of money (each line as written, all in £000 or all in £m),
 * "Show formulas", and "Find line". Native radios and buttons, so every control is reached by Tab
 * and worked by the keyboard.
 */
export function GridToolbar(props: GridToolbarProps) {
  const group = `pc-grid-scale-${String(++toolbars)}`;
  return (
    <div class="pc-grid-toolbar" role="group" aria-label="Grid view">
      <fieldset class="pc-grid-scale">
        <legend>Money in</legend>
        <For each={moneyScales}>
          {(choice) => (
            <label class="pc-grid-scale-choice">
              <input
                type="radio"
                name={group}
                value={choice.scale}
                checked={props.scale === choice.scale}
                onChange={() => props.onScale(choice.scale)}
              />
              <span>{choice.label}</span>
            </label>
          )}
        </For>
      </fieldset>
      <button
        type="button"
        class="pc-button pc-grid-toggle"
        aria-pressed={props.showFormulas}
        onClick={() => props.onShowFormulas(!props.showFormulas)}
      >
        Show formulas
      </button>
      <button
        type="button"
        class="pc-button"
        aria-keyshortcuts="Control+K"
        title="Find a line by name or label (Ctrl+K)"
        onClick={() => props.onFind()}
      >
        Find line…
      </button>
    </div>
  );
}

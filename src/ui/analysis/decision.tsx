import { createSignal, Show, type JSX } from "solid-js";
import { FigureMenu } from "./FigureMenu";
import { GoalSeekDialog, type AnalysisCaller, type FigureRef } from "./GoalSeekDialog";
import { createSensitivity, type SensitivityState } from "./SensitivityPanel";

/** What the decision analyses need from the workbench around them. */
export interface DecisionHost {
  readonly caller: AnalysisCaller;
  /** The figure selected in the grid. */
  readonly selection: () => FigureRef | null;
  /** The revision the workbench shows. */
  readonly revision: () => number;
  /** The period of grid column `col` of line `key`, or null for a line with one value. */
  readonly periodOf: (key: string, col: number) => string | null;
  readonly select: (key: string, period: string | null) => void;
  readonly showLineage: () => void;
  readonly showSensitivity: () => void;
  /** Adds a scenario declaration to the model text (the user pressed "Add as scenario"). */
  readonly addScenario: (declaration: string) => void;
}

/** The analyses' state and entry points, for the composition root to wire in. */
export interface DecisionAnalysis {
  readonly sensitivity: SensitivityState;
  /** Opens the goal seek dialog for a figure (nothing without one). */
  goalSeek(figure: FigureRef | null): void;
  /** Shows the Sensitivity tab and runs it for a figure, with the last step and threshold. */
  analyse(figure: FigureRef | null): void;
  /** Selects an input's first cell in the grid (a tornado bar chosen). */
  selectInput(key: string): void;
  /** Alt+G (goal seek) and Alt+T (sensitivity) on the selected figure. */
  onKeyDown(e: KeyboardEvent): void;
  /** The context menu of a grid figure: a `contextmenu` on a cell with `data-col` in a row with `data-key`. */
  onContextMenu(e: MouseEvent): void;
  /** The goal seek dialog and the figure menu, when open. */
  Overlays(): JSX.Element;
}

interface MenuAt {
  readonly figure: FigureRef;
  readonly x: number;
  readonly y: number;
  readonly back: HTMLElement;
}

/** Makes the decision analyses over the workbench `host`. */
export function createDecisionAnalysis(host: DecisionHost): DecisionAnalysis {
  const sensitivity = createSensitivity(host.caller);
  const [goalSeekFor, setGoalSeekFor] = createSignal<FigureRef | null>(null);
  const [menu, setMenu] = createSignal<MenuAt | null>(null);

  const analyse = (figure: FigureRef | null) => {
    host.showSensitivity();
    if (!figure) return;
    const last = sensitivity.asked();
    void sensitivity.analyse(
      { figure, step: last?.step ?? "10%", threshold: last?.threshold ?? "0" },
      host.revision(),
    );
  };

  return {
    sensitivity,
    goalSeek: (figure) => setGoalSeekFor(figure),
    analyse,
    selectInput: (key) => host.select(key, host.periodOf(key, 0)),
    onKeyDown(e) {
      if (!e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
      const key = e.key.toLowerCase();
      if (key !== "g" && key !== "t") return;
      e.preventDefault();
      if (key === "g") setGoalSeekFor(host.selection());
      else analyse(host.selection());
    },
    onContextMenu(e) {
      const td = (e.target as HTMLElement).closest<HTMLElement>("td[data-col]");
      const key = td?.closest<HTMLElement>("tr[data-key]")?.dataset["key"];
      if (!td || key === undefined) return;
      e.preventDefault();
      const period = host.periodOf(key, Number(td.dataset["col"]));
      host.select(key, period);
      // The menu key and Shift+F10 give no pointer position: open the menu by the cell.
      const box = td.getBoundingClientRect();
      const keyboard = e.clientX === 0 && e.clientY === 0;
      setMenu({
        figure: { key, period },
        x: keyboard ? box.left : e.clientX,
        y: keyboard ? box.bottom : e.clientY,
        back: td,
      });
    },
    Overlays: () => (
      <>
        <Show when={goalSeekFor()}>
          {(f) => (
            <GoalSeekDialog
              caller={host.caller}
              revision={host.revision()}
              figure={f()}
              onAddScenario={(text) => host.addScenario(text)}
              onClose={() => setGoalSeekFor(null)}
            />
          )}
        </Show>
        <Show when={menu()} keyed>
          {(m) => (
            <FigureMenu
              at={{ x: m.x, y: m.y }}
              label={`Figure ${m.figure.key}`}
              items={[
                { label: "Trace", run: () => host.showLineage() },
                { label: "Goal seek…", shortcut: "Alt+G", run: () => setGoalSeekFor(m.figure) },
                { label: "Sensitivity (tornado)", shortcut: "Alt+T", run: () => analyse(m.figure) },
              ]}
              onClose={() => {
                setMenu(null);
                m.back.focus();
              }}
            />
          )}
        </Show>
      </>
    ),
  };
}

/**
 * `text` with `declaration` added at its end after a blank line, and where the declaration now
 * is (to select it in the editor).
 */
export function appendDeclaration(
  text: string,
  declaration: string,
): { readonly text: string; readonly from: number; readonly to: number } {
  const gap = text === "" || text.endsWith("\n\n") ? "" : text.endsWith("\n") ? "\n" : "\n\n";
  const from = text.length + gap.length;
  return { text: text + gap + declaration, from, to: from + declaration.length };
}

import { For, Show, createSignal } from "solid-js";
import type { ComparisonDto } from "../../protocol";
import { shortLabel, type ScenarioOption } from "./ScenarioSwitcher";

/** Props of the side-by-side scenario comparison. */
export interface ComparisonTableProps {
  readonly comparison: ComparisonDto;
  /** The model's scenarios, for their labels in the headings. */
  readonly scenarios?: readonly ScenarioOption[];
  /** Raised when a line's name is clicked. */
  readonly onSelect?: (key: string) => void;
}

const zero = /^[-+]?0*(?:\.0*)?$/;

/**
 * True where the two sides differ in a period: by the exact difference when there is one (so two
 * values that round to the same display still count), else by the displayed text (errors).
 */
export function differsAt(row: ComparisonDto["rows"][number], i: number): boolean {
  const exact = row.exact.difference[i];
  if (exact !== null && exact !== undefined) return !zero.test(exact);
  return row.left[i] !== row.right[i];
}

/**
 * Two scenarios side by side: for each period the left value, the right value and the
 * difference (right − left). Rows that change are marked, and so is each differing figure; a
 * toggle hides the rows that do not change.
 */
export function ComparisonTable(props: ComparisonTableProps) {
  const [onlyChanged, setOnlyChanged] = createSignal(false);
  const nameOf = (name: string | null) =>
    name === null ? "Base" : (props.scenarios?.find((s) => s.name === name)?.label ?? name);
  // Column headings repeat per period, so they use the short form; the bar names both in full.
  const shortOf = (name: string | null) => shortLabel({ name, label: nameOf(name) });
  const rows = () => props.comparison.rows.filter((r) => r.changed || !onlyChanged());
  const changedCount = () => props.comparison.rows.filter((r) => r.changed).length;
  return (
    <div class="pc-compare">
      <div class="pc-compare-bar">
        <span>
          <strong>{nameOf(props.comparison.left)}</strong> against{" "}
          <strong>{nameOf(props.comparison.right)}</strong>
          <span class="pc-muted">
            {" "}
            · {changedCount()} of {props.comparison.rows.length} lines differ
          </span>
        </span>
        <label class="pc-compare-filter">
          <input
            type="checkbox"
            checked={onlyChanged()}
            onChange={(e) => setOnlyChanged(e.currentTarget.checked)}
          />{" "}
          Only lines that differ
        </label>
      </div>
      <div class="pc-compare-scroll">
        <table class="pc-compare-table">
          <thead>
            <tr>
              <th scope="col" rowSpan={2} class="pc-compare-corner">
                Line item
              </th>
              <For each={props.comparison.periods}>
                {(p) => (
                  <th scope="colgroup" colSpan={3} class="pc-compare-period">
                    {p}
                  </th>
                )}
              </For>
            </tr>
            <tr>
              <For each={props.comparison.periods}>
                {() => (
                  <>
                    <th
                      scope="col"
                      class="pc-fig pc-compare-side"
                      title={nameOf(props.comparison.left)}
                    >
                      {shortOf(props.comparison.left)}
                    </th>
                    <th
                      scope="col"
                      class="pc-fig pc-compare-side"
                      title={nameOf(props.comparison.right)}
                    >
                      {shortOf(props.comparison.right)}
                    </th>
                    <th
                      scope="col"
                      class="pc-fig pc-compare-side pc-compare-diffhead"
                      title="Right minus left"
                    >
                      Change
                    </th>
                  </>
                )}
              </For>
            </tr>
          </thead>
          <tbody>
            <For each={rows()}>
              {(row) => (
                <tr
                  class="pc-compare-row"
                  classList={{ "pc-compare-changed": row.changed }}
                  data-key={row.key}
                >
                  <th scope="row" class="pc-compare-label">
                    <Show
                      when={props.onSelect}
                      fallback={<span class="pc-compare-name">{row.label}</span>}
                    >
                      <button
                        class="pc-link pc-compare-link pc-compare-name"
                        title={row.label}
                        onClick={() => props.onSelect?.(row.key)}
                      >
                        {row.label}
                      </button>
                    </Show>
                    <span class="pc-compare-unit">{row.unit}</span>
                  </th>
                  <For each={props.comparison.periods}>
                    {(_, i) => (
                      <>
                        <td class="pc-fig pc-compare-left">{row.left[i()] ?? ""}</td>
                        <td
                          class="pc-fig pc-compare-right"
                          classList={{ "pc-compare-differs": differsAt(row, i()) }}
                        >
                          {row.right[i()] ?? ""}
                        </td>
                        <td
                          class="pc-fig pc-compare-diff"
                          classList={{ "pc-compare-differs": differsAt(row, i()) }}
                        >
                          {differsAt(row, i()) ? (row.difference[i()] ?? "") : ""}
                        </td>
                      </>
                    )}
                  </For>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </div>
  );
}

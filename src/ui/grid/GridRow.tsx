import { For, Show, onCleanup } from "solid-js";
import { GridCell } from "./GridCell";
import type { RowModel } from "./rows";

/** Props of one line item's row. */
export interface GridRowProps {
  readonly row: RowModel;
  readonly periods: readonly string[];
  /** Whether the cell in column `col` (0-based period index) holds the roving tab stop. */
  readonly isActive: (key: string, col: number) => boolean;
  /** Keeps the grid's map from cell id to element current, for moving focus. */
  readonly register: (key: string, col: number, el: HTMLElement | null) => void;
}

/**
 * One row: a sticky row header (label, unit, input marker) and a cell per period. A scalar line
 * (`line.scalar` set) shows its one value in a single cell spanning every period column.
 */
export function GridRow(props: GridRowProps) {
  // Rows are keyed by `LineDto.key`, so the key of a mounted row never changes.
  const key = props.row.key;
  const line = () => props.row.line();
  const registerFor = (col: number) => (el: HTMLElement | null) => {
    props.register(key, col, el);
    if (el) onCleanup(() => props.register(key, col, null));
  };
  const headerTitle = () =>
    [key, line().source !== undefined ? `Source: ${line().source ?? ""}` : ""]
      .filter((s) => s !== "")
      .join("\n");
  return (
    <tr
      role="row"
      class="pc-grid-row"
      classList={{
        "pc-grid-row-input": line().kind === "input",
        "pc-grid-row-member": line().member !== undefined,
      }}
      aria-rowindex={props.row.ariaRow()}
      data-key={key}
    >
      <th
        role="rowheader"
        class="pc-grid-rowheader"
        aria-colindex={1}
        scope="row"
        title={headerTitle()}
      >
        <span class="pc-grid-rh">
          <span class="pc-grid-label">{line().label}</span>
          <Show when={line().kind === "input"}>
            <span class="pc-grid-kind" title="Input">
              in
            </span>
          </Show>
          <span class="pc-grid-unit">{line().unit}</span>
        </span>
      </th>
      <Show
        when={line().scalar === undefined}
        fallback={
          <GridCell
            cell={props.row.scalar()}
            period="All periods"
            kind={line().kind}
            colIndex={2}
            colSpan={props.periods.length}
            active={props.isActive(key, 0)}
            register={registerFor(0)}
            dataCol={0}
          />
        }
      >
        <For each={props.periods}>
          {(period, col) => (
            <GridCell
              cell={props.row.cell(col())}
              period={period}
              kind={line().kind}
              colIndex={col() + 2}
              active={props.isActive(key, col())}
              register={registerFor(col())}
              dataCol={col()}
            />
          )}
        </For>
      </Show>
    </tr>
  );
}

import { For, Show, onCleanup } from "solid-js";
import type { LineDto } from "../../protocol";
import { GridCell } from "./GridCell";

/** Props of one line item's row. */
export interface GridRowProps {
  readonly line: LineDto;
  readonly periods: readonly string[];
  readonly rowIndex: number;
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
  const key = () => props.line.key;
  const isScalar = () => props.line.scalar !== undefined;
  const registerFor = (col: number) => (el: HTMLElement | null) => {
    // The key is read once per cell: rows are keyed by `LineDto.key`, so it never changes.
    const k = key();
    props.register(k, col, el);
    if (el)
      onCleanup(() => {
        props.register(k, col, null);
      });
  };
  const headerTitle = () =>
    [props.line.key, props.line.source ? `Source: ${props.line.source}` : ""]
      .filter((s) => s !== "")
      .join("\n");
  return (
    <tr
      role="row"
      class="pc-grid-row"
      classList={{
        "pc-grid-row-input": props.line.kind === "input",
        "pc-grid-row-member": props.line.member !== undefined,
      }}
      aria-rowindex={props.rowIndex}
      data-key={props.line.key}
    >
      <th
        role="rowheader"
        class="pc-grid-rowheader"
        aria-colindex={1}
        scope="row"
        title={headerTitle()}
      >
        <span class="pc-grid-rh">
          <span class="pc-grid-label">{props.line.label}</span>
          <Show when={props.line.kind === "input"}>
            <span class="pc-grid-kind" title="Input">
              in
            </span>
          </Show>
          <span class="pc-grid-unit">{props.line.unit}</span>
        </span>
      </th>
      <Show
        when={!isScalar()}
        fallback={
          <GridCell
            cell={props.line.scalar}
            period="All periods"
            kind={props.line.kind}
            colIndex={2}
            colSpan={props.periods.length}
            active={props.isActive(key(), 0)}
            register={registerFor(0)}
            dataCol={0}
          />
        }
      >
        <For each={props.periods}>
          {(period, col) => (
            <GridCell
              cell={props.line.cells[col()]}
              period={period}
              kind={props.line.kind}
              colIndex={col() + 2}
              active={props.isActive(key(), col())}
              register={registerFor(col())}
              dataCol={col()}
            />
          )}
        </For>
      </Show>
    </tr>
  );
}

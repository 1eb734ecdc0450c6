import { Show } from "solid-js";
import type { CellDto } from "../../protocol";

/** Props of one figure cell of the grid. */
export interface GridCellProps {
  readonly cell: CellDto | undefined;
  /** The period this cell shows, or a label such as "All periods" for a scalar line. */
  readonly period: string;
  readonly kind: "input" | "calc";
  readonly colIndex: number;
  /** The cell belongs to a scalar line (one value for every period). */
  readonly scalar?: boolean;
  /** Holds the grid's single tab stop. */
  readonly active: boolean;
  /** Is the selected cell. */
  readonly selected: boolean;
  /** Is outlined as related to the selection (a value it used). */
  readonly marked?: boolean;
  /** Registers the cell element so the grid can move focus to it; `null` on unmount. */
  readonly register: (el: HTMLElement | null) => void;
  readonly dataCol: number;
}

/**
 * One figure of the grid: the pre-formatted display value, an error code with its message as a
 * tooltip, or a badge when the period follows an exception rule. Negative figures arrive already
 * bracketed in `display`.
 */
export function GridCell(props: GridCellProps) {
  const error = () => props.cell?.error;
  const title = () => {
    const e = error();
    if (e) return `${e.code}: ${e.message}`;
    if (props.cell?.exception === true) return `${props.period} uses an exception rule`;
    if (props.scalar === true) return "One value for every period";
    return undefined;
  };
  return (
    <td
      ref={(el) => {
        props.register(el);
      }}
      role="gridcell"
      class="pc-grid-cell pc-fig"
      classList={{
        "pc-grid-input": props.kind === "input",
        "pc-grid-error": error() !== undefined,
        "pc-grid-exception": props.cell?.exception === true,
        "pc-grid-active": props.selected,
        "pc-grid-marked": props.marked === true,
        "pc-grid-scalar": props.scalar === true,
        "pc-grid-scalar-rest": props.scalar === true && props.cell === undefined,
      }}
      aria-colindex={props.colIndex}
      aria-selected={props.selected}
      tabIndex={props.active ? 0 : -1}
      title={title()}
      data-col={props.dataCol}
    >
      <Show when={props.cell?.exception === true}>
        <span class="pc-grid-badge">
          <span class="pc-visually-hidden">exception </span>
        </span>
      </Show>
      <Show when={error()} fallback={props.cell?.display ?? ""}>
        {(e) => (
          <>
            <span class="pc-grid-errcode">{e().code}</span>
            {/* The tooltip is mouse-only; screen readers get the message with the code. */}
            <span class="pc-visually-hidden">: {e().message}</span>
          </>
        )}
      </Show>
    </td>
  );
}

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
 * Room for a figure in a period column: GridWidths.period less the cell's padding (grid.css).
 * Figure cells do not clip their content (a clip per cell made every frame's compositing cost
 * grow with the cells on screen: docs/performance.md), so a figure that would not fit is shown
 * smaller and, past that, clipped with its full text in the tooltip.
 */
const figureRoom = 96 - 20;

/** A figure's width in CSS pixels, estimated: tabular digits are about 0.56 em, marks 0.32 em. */
export function figureWidth(display: string, fontPx: number): number {
  let digits = 0;
  for (let i = 0; i < display.length; i++) {
    const c = display.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
  }
  return fontPx * (0.56 * digits + 0.32 * (display.length - digits));
}

/** How a figure fits its column: as it is, smaller, or clipped (see {@link figureRoom}). */
export function figureFit(display: string): "fits" | "small" | "clipped" {
  if (figureWidth(display, 13) <= figureRoom) return "fits";
  return figureWidth(display, 11.5) <= figureRoom ? "small" : "clipped";
}

/**
 * One figure of the grid: the pre-formatted display value, an error code with its message as a
 * tooltip, or a badge when the period follows an exception rule. Negative figures arrive already
 * bracketed in `display`.
 */
export function GridCell(props: GridCellProps) {
  const error = () => props.cell?.error;
  const fit = () => {
    const display = props.cell?.display;
    return display === undefined || error() !== undefined ? "fits" : figureFit(display);
  };
  const title = () => {
    const e = error();
    if (e) return `${e.code}: ${e.message}`;
    const full = fit() === "clipped" ? `${props.cell?.display ?? ""}: ` : "";
    if (props.cell?.exception === true) return `${full}${props.period} uses an exception rule`;
    if (props.scalar === true) return `${full}One value for every period`;
    return full === "" ? undefined : (props.cell?.display ?? "");
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
        "pc-grid-small": fit() !== "fits",
        "pc-grid-clipped": fit() === "clipped",
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

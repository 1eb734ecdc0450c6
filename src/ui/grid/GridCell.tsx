import { createRenderEffect, Show } from "solid-js";
import type { CellDto } from "../../protocol";
import { GridFonts, GridWidths } from "./widths";

/** Props of one figure cell of the grid. */
export interface GridCellProps {
  readonly cell: CellDto | undefined;
  /** The figure's text: the cell's display, or its money in the grid's chosen scale. */
  readonly display: string;
  /** The formula this period uses, when the grid shows formulas (its tooltip then names it). */
  readonly formula?: string | undefined;
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
 * Room for a figure in a period column: its width less the cell's padding.
 * Figure cells do not clip their content (a clip per cell made every frame's compositing cost
 * grow with the cells on screen: docs/performance.md), so a figure that would not fit is shown
 * smaller and, past that, clipped with its full text in the tooltip.
 */
const figureRoom = GridWidths.period - GridWidths.padding;

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
  if (figureWidth(display, GridFonts.figure) <= figureRoom) return "fits";
  return figureWidth(display, GridFonts.small) <= figureRoom ? "small" : "clipped";
}

/**
 * One figure of the grid: the pre-formatted display value, an error code with its message as a
 * tooltip, or a badge when the period follows an exception rule. Negative figures arrive already
 * bracketed in `display`.
 *
 * A keystroke changes hundreds of cells on screen, so each cell's work is split by what it
 * depends on: one effect for what follows from the figure (classes, tooltip), one for the
 * selection (highlight, tab stop), and the figure's text as a text node of its own. A new figure
 * then never re-reads the selection, and a moved selection never re-reads the figure.
 */
export function GridCell(props: GridCellProps) {
  const error = () => props.cell?.error;
  const td = (
    <td
      ref={(el) => {
        props.register(el);
      }}
      role="gridcell"
      class="pc-grid-cell pc-fig"
      aria-colindex={props.colIndex}
      data-col={props.dataCol}
    >
      <Show when={props.cell?.exception === true}>
        <span class="pc-grid-badge">
          <span class="pc-visually-hidden">exception </span>
        </span>
      </Show>
      <Show when={error()} fallback={props.display}>
        {(e) => (
          <>
            <span class="pc-grid-errcode">{e().code}</span>
            {/* The tooltip is mouse-only; screen readers get the message with the code. */}
            <span class="pc-visually-hidden">: {e().message}</span>
          </>
        )}
      </Show>
    </td>
  ) as HTMLTableCellElement;
  createRenderEffect(() => {
    const cell = props.cell;
    const e = cell?.error;
    const exception = cell?.exception === true;
    const scalar = props.scalar === true;
    const display = props.display;
    const fit = cell === undefined || e !== undefined ? "fits" : figureFit(display);
    const list = td.classList;
    list.toggle("pc-grid-input", props.kind === "input");
    list.toggle("pc-grid-error", e !== undefined);
    list.toggle("pc-grid-exception", exception);
    list.toggle("pc-grid-scalar", scalar);
    list.toggle("pc-grid-scalar-rest", scalar && cell === undefined);
    list.toggle("pc-grid-small", fit !== "fits");
    list.toggle("pc-grid-clipped", fit === "clipped");
    const full = fit === "clipped" ? `${display}: ` : "";
    const said = e
      ? `${e.code}: ${e.message}`
      : exception
        ? `${full}${props.period} uses an exception rule`
        : scalar
          ? `${full}One value for every period`
          : full === ""
            ? undefined
            : display;
    const formula = props.formula === undefined ? undefined : `= ${props.formula}`;
    const title =
      said === undefined ? formula : formula === undefined ? said : `${said}\n${formula}`;
    if (title === undefined) td.removeAttribute("title");
    else if (td.title !== title) td.title = title;
  });
  createRenderEffect(() => {
    const selected = props.selected;
    td.classList.toggle("pc-grid-active", selected);
    td.classList.toggle("pc-grid-marked", props.marked === true);
    td.setAttribute("aria-selected", String(selected));
    td.tabIndex = props.active ? 0 : -1;
  });
  return td;
}

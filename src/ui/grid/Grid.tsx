import { GridWidths } from "./widths";
import { PaneLimits, Splitter } from "../layout";
import {
  For,
  Show,
  createComputed,
  createEffect,
  createMemo,
  createSelector,
  createSignal,
  onCleanup,
  onMount,
  untrack,
} from "solid-js";
import type { LineDto } from "../../protocol";
import { GridRow, Spacer, type GridHandle, type LineFormulas } from "./GridRow";

export type { GridHandle, LineFormulas } from "./GridRow";
import { inRange, moveActive, rangeBetween, type CellRange, type GridPosition } from "./navigation";
import type { MoneyScale } from "./scale";
import { copiedLine, selectionTsv } from "./tsv";
import { LineTable, type GridItem } from "./rows";
import { itemTops, renderPlan, visibleRange, type GridMetrics } from "./window";

/** A selected cell: a line item's key and a period (`null` for a scalar line's single value). */
export interface GridSelection {
  readonly key: string;
  readonly period: string | null;
}

/** Props of the model grid. */
export interface GridProps {
  /** Column headings, e.g. ["2018/19", "2019/20"]. */
  readonly periods: readonly string[];
  /**
   * The lines to show, kept up to date by the owner (the workbench store applies the worker's
   * cell deltas to it). Give either this or `lines`.
   */
  readonly table?: LineTable;
  /** Line items in display order, grouped by `section`; diffed by key on every change. */
  readonly lines?: readonly LineDto[];
  /** The selection the container wants shown (e.g. after following a trace). */
  readonly selection?: GridSelection | null;
  /** Raised when the user moves to a cell by click or keyboard. */
  readonly onSelect?: (key: string, period: string | null) => void;
  /** Raised on Enter or double-click: show where this figure came from. */
  readonly onTrace?: (key: string, period: string | null) => void;
  /** Cells to outline, e.g. the values the selected figure used (from its lineage). */
  readonly marked?: readonly GridSelection[];
  /** Accessible name of the grid. */
  readonly label?: string;
  /** Width of the label column in CSS pixels (default `GridWidths.label`). */
  readonly labelWidth?: number;
  /** The widest its separator may make the label column (default `PaneLimits.label.max`). */
  readonly labelMax?: number;
  /**
   * Raised while the label column's separator is moved (by pointer or keys); without it the
   * column has no separator.
   */
  readonly onLabelWidth?: (width: number) => void;
  /** Raised when a move of the label column's separator ends: remember the width. */
  readonly onLabelWidthCommit?: () => void;
  /** Shows every money line in £000 or £m, or each in its own unit (default). */
  readonly scale?: MoneyScale;
  /**
   * The calculated lines' formulas by line name: when given, a column beside the labels shows
   * each line's main formula, and a figure's tooltip the formula of its period.
   */
  readonly formulas?: ReadonlyMap<string, LineFormulas> | undefined;
  /** Width of the formula column in CSS pixels (default `GridWidths.formula`). */
  readonly formulaWidth?: number;
  /** Receives the grid's handle once it is made. */
  readonly onReady?: (handle: GridHandle) => void;
}

interface Active {
  readonly key: string;
  readonly col: number;
}

const cellId = (key: string, col: number): string => `${key}\u0001${col}`;

/**
 * Row heights in CSS pixels (grid.css sets the same, and the grid measures the real ones once it
 * is on screen) and how many rows beyond the screen are drawn.
 */
export const GridRows = {
  /** A line item's row. */
  height: 25,
  /** A section heading's row. */
  sectionHeight: 32,
  /** The column header row. */
  headerHeight: 27,
  /** Rows drawn above and below those in view, so a quick scroll does not show a blank band. */
  overscan: 10,
  /** The height assumed for the scroll area before it can be measured (tests, first render). */
  initialViewport: 1_500,
} as const;

/**
 * Line items grouped by section × periods, with a sticky header row, first column and section
 * heading. Only the rows in view (and a few either side) are in the DOM: the grid windows its
 * rows, with spacer rows standing for the rest, so scrolling and updating cost the screen, not
 * the model. The active row and the heading of the section at the top are always drawn, so focus
 * survives scrolling and the heading sticks. Printing draws every row. Keyboard navigation
 * follows the ARIA grid pattern with a roving tabindex (one cell is in the tab order).
 */
export function Grid(props: GridProps) {
  const own = new LineTable();
  const table = () => props.table ?? own;
  createComputed(() => {
    const lines = props.lines;
    if (props.table === undefined && lines !== undefined) untrack(() => own.setLines(lines));
  });
  // Each evaluation brings a new periods array; keep the old one while the labels are the same,
  // so a keystroke does not re-diff every drawn row's columns.
  const periods = createMemo(() => props.periods, undefined, {
    equals: (a, b) => a.length === b.length && a.every((p, i) => p === b[i]),
  });
  const layout = () => table().layout();
  const order = () => layout().ordered;

  // ---- Windowing: which items are drawn.
  let scroller: HTMLDivElement | undefined;
  const [scrollTop, setScrollTop] = createSignal(0);
  const [viewport, setViewport] = createSignal<number>(GridRows.initialViewport);
  const [metrics, setMetrics] = createSignal<GridMetrics>(
    { row: GridRows.height, section: GridRows.sectionHeight, header: GridRows.headerHeight },
    { equals: (a, b) => a.row === b.row && a.section === b.section && a.header === b.header },
  );
  const [printing, setPrinting] = createSignal(false);
  const tops = createMemo(() => itemTops(layout().items, metrics()));

  const [active, setActive] = createSignal<Active | null>(null);
  // Where a range selection (shift+arrows, shift+click) started; null: the selection is one cell.
  const [anchor, setAnchor] = createSignal<Active | null>(null);
  // The cell holding the tab stop: the chosen one if it still exists, else the first cell.
  const current = createMemo<Active | null>(() => {
    const a = active();
    const rows = order();
    const n = periods().length;
    if (a && layout().rowOf.has(a.key)) return { key: a.key, col: Math.min(a.col, n - 1) };
    const first = rows[0];
    return first && n > 0 ? { key: first.key, col: 0 } : null;
  });

  const plan = createMemo(() => {
    const items = layout().items;
    if (printing()) return { items, gaps: new Map<GridItem, number>(), after: 0 };
    const range = visibleRange(tops(), scrollTop(), viewport(), GridRows.overscan);
    const pinned: number[] = [];
    const c = current();
    const activeRow = c ? table().row(c.key) : undefined;
    if (activeRow) pinned.push(layout().indexOf.get(activeRow) ?? -1);
    // The heading of the section at the top of the view, so it can stick there.
    const top = items[visibleRange(tops(), scrollTop(), 0, 0).first];
    const heading = top?.kind === "row" ? layout().headingOf.get(top) : undefined;
    if (heading) pinned.push(layout().indexOf.get(heading) ?? -1);
    return renderPlan(items, tops(), range, pinned);
  });
  const drawn = createMemo(() => plan().items, undefined, {
    equals: (a, b) => a.length === b.length && a.every((x, i) => x === b[i]),
  });

  const measure = () => {
    if (!scroller) return;
    if (scroller.clientHeight > 0) setViewport(scroller.clientHeight);
    const row = scroller.querySelector<HTMLElement>("tbody tr.pc-grid-row");
    const section = scroller.querySelector<HTMLElement>("tbody tr.pc-grid-section");
    const head = scroller.querySelector<HTMLElement>("thead tr");
    const h = (el: HTMLElement | null) => el?.getBoundingClientRect().height ?? 0;
    const m = untrack(metrics);
    setMetrics({
      row: h(row) || m.row,
      section: h(section) || m.section,
      header: h(head) || m.header,
    });
  };
  onMount(() => {
    measure();
    if (typeof ResizeObserver !== "undefined" && scroller) {
      const observer = new ResizeObserver(() => measure());
      observer.observe(scroller);
      onCleanup(() => observer.disconnect());
    }
    // Printing draws every row: the printout is the whole grid, not the screenful in view.
    // jsdom has no matchMedia; browsers all do.
    const print: MediaQueryList | undefined =
      typeof window.matchMedia === "function" ? window.matchMedia("print") : undefined;
    const onPrintMedia = (e: MediaQueryListEvent) => setPrinting(e.matches);
    const before = () => setPrinting(true);
    const after = () => setPrinting(false);
    print?.addEventListener("change", onPrintMedia);
    window.addEventListener("beforeprint", before);
    window.addEventListener("afterprint", after);
    onCleanup(() => {
      print?.removeEventListener("change", onPrintMedia);
      window.removeEventListener("beforeprint", before);
      window.removeEventListener("afterprint", after);
    });
  });

  /** Scrolls so that the row of `key` is in view below the sticky header and heading. */
  const reveal = (key: string) => {
    const row = table().row(key);
    const index = row ? layout().indexOf.get(row) : undefined;
    if (!scroller || index === undefined) return;
    const top = tops()[index] ?? 0;
    const bottom = tops()[index + 1] ?? top;
    const m = metrics();
    const view = scroller.clientHeight - m.header;
    if (top - m.section < scroller.scrollTop) scroller.scrollTop = Math.max(0, top - m.section);
    else if (view > 0 && bottom > scroller.scrollTop + view) scroller.scrollTop = bottom - view;
    setScrollTop(scroller.scrollTop);
  };

  const isScalar = (key: string) => table().row(key)?.line().scalar !== undefined;
  const activeId = () => {
    const c = current();
    if (!c) return "";
    // A scalar line has one cell (column 0) that stands for every period column.
    return cellId(c.key, isScalar(c.key) ? 0 : c.col);
  };
  const isActiveId = createSelector(activeId);
  const isActive = (key: string, col: number) => isActiveId(cellId(key, col));
  // The default tab stop is not a selection: nothing is marked selected until the user or the
  // container picks a cell.
  // A range: every cell between the anchor and the active cell (a scalar line's one cell when its
  // row is inside).
  const range = createMemo<CellRange | null>(() => {
    const a = anchor();
    const c = current();
    if (!a || !c || !active()) return null;
    const rowOf = layout().rowOf;
    const from = rowOf.get(a.key);
    const to = rowOf.get(c.key);
    if (from === undefined || to === undefined) return null;
    return rangeBetween({ row: from, col: a.col }, { row: to, col: c.col });
  });
  // What is selected: a range, or one cell by id. The selector notifies only the cells whose
  // membership changed.
  const selection = createMemo(() => ({ range: range(), id: active() ? activeId() : "" }));
  const isSelectedId = createSelector<{ range: CellRange | null; id: string }, string>(
    selection,
    (id, sel) => {
      if (!sel.range) return id === sel.id;
      const cut = id.lastIndexOf("\u0001");
      const key = id.slice(0, cut);
      const row = untrack(layout).rowOf.get(key);
      if (row === undefined) return false;
      const r = sel.range;
      const col = Number(id.slice(cut + 1));
      // A scalar line's one cell (column 0) is in the range when its row is.
      return isScalar(key) ? col === 0 && row >= r.top && row <= r.bottom : inRange(r, row, col);
    },
  );
  const isSelected = (key: string, col: number) => isSelectedId(cellId(key, col));
  // Marked cells by id; a scalar line's mark sits on its one cell (column 0). The selector only
  // notifies cells whose membership changed.
  const markedIds = createMemo(() => {
    const ids = new Set<string>();
    for (const m of props.marked ?? []) {
      const col = m.period === null ? 0 : periods().indexOf(m.period);
      if (col >= 0) ids.add(cellId(m.key, isScalar(m.key) ? 0 : col));
    }
    return ids;
  });
  const isMarkedId = createSelector<ReadonlySet<string>, string>(markedIds, (id, ids) =>
    ids.has(id),
  );
  const isMarked = (key: string, col: number) => isMarkedId(cellId(key, col));

  createEffect(() => {
    const sel = props.selection;
    if (!sel) return;
    const col = sel.period === null ? 0 : periods().indexOf(sel.period);
    if (col < 0) return;
    setActive({ key: sel.key, col });
    untrack(() => reveal(sel.key));
  });

  const cells = new Map<string, HTMLElement>();
  const register = (key: string, col: number, el: HTMLElement | null) => {
    if (el) cells.set(cellId(key, col), el);
    else cells.delete(cellId(key, col));
  };

  const periodOf = (key: string, col: number): string | null =>
    isScalar(key) ? null : (periods()[col] ?? null);

  const choose = (next: Active, focus: boolean, extend = false) => {
    // Compare with the explicit choice, not the default tab stop: a first click must select.
    const prev = untrack(active);
    if (!extend) setAnchor(null);
    else if (!untrack(anchor)) setAnchor(untrack(current));
    setActive(next);
    if (focus) {
      // The active row is always drawn, so its cell exists now wherever it is.
      reveal(next.key);
      cells.get(untrack(activeId))?.focus({ preventScroll: true });
    }
    const moved =
      !prev ||
      prev.key !== next.key ||
      periodOf(prev.key, prev.col) !== periodOf(next.key, next.col);
    if (moved) props.onSelect?.(next.key, periodOf(next.key, next.col));
  };

  const cellFromEvent = (e: Event): Active | null => {
    const td = (e.target as HTMLElement).closest<HTMLElement>("td[data-col]");
    const key = td?.closest<HTMLElement>("tr[data-key]")?.dataset["key"];
    if (!td || key === undefined) return null;
    return { key, col: Number(td.dataset["col"]) };
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const c = current();
    if (!c) return;
    if (e.key === "Enter") {
      e.preventDefault();
      props.onTrace?.(c.key, periodOf(c.key, c.col));
      return;
    }
    const pos: GridPosition = { row: layout().rowOf.get(c.key) ?? 0, col: c.col };
    const next = moveActive(pos, e, { rows: order().length, cols: periods().length });
    if (!next) return;
    e.preventDefault();
    const row = order()[next.row];
    if (row) choose({ key: row.key, col: next.col }, true, e.shiftKey);
  };

  /** The selection (a range, or the selected cell) as lines for the clipboard. */
  const copied = () => {
    const c = current();
    if (!c) return null;
    const row = layout().rowOf.get(c.key) ?? 0;
    const r = range() ?? { top: row, bottom: row, left: c.col, right: c.col };
    const lines = order()
      .slice(r.top, r.bottom + 1)
      .map((m) => copiedLine(m.current(), r.left, r.right, props.scale ?? "shown"));
    return { periods: periods().slice(r.left, r.right + 1), lines };
  };

  // Ctrl+C on a cell copies the selection as tab-separated text, with its periods and labels, to
  // paste into a spreadsheet; text the user selected with the mouse copies as the browser does.
  const onCopy = (e: ClipboardEvent) => {
    const focused = document.activeElement;
    if (!(focused instanceof HTMLElement) || !focused.closest("td[data-col]")) return;
    if (!scroller?.contains(focused) || e.clipboardData === null) return;
    // Text selected in the grid (a label dragged over) copies as text; a selection left behind
    // elsewhere (in the editor) does not stop the cells being copied.
    const picked = window.getSelection();
    if (picked && !picked.isCollapsed && picked.anchorNode && scroller.contains(picked.anchorNode))
      return;
    const data = copied();
    if (!data) return;
    e.clipboardData.setData("text/plain", selectionTsv(data.periods, data.lines));
    e.preventDefault();
  };

  props.onReady?.({
    select: (key) => {
      const c = untrack(current);
      if (untrack(layout).rowOf.has(key)) choose({ key, col: c?.col ?? 0 }, true);
    },
    reveal: (key) => reveal(key),
    focus: () => cells.get(untrack(activeId))?.focus({ preventScroll: false }),
  });

  const ariaRowOf = (item: GridItem) => (layout().indexOf.get(item) ?? 0) + 2;
  const labelWidth = () => props.labelWidth ?? GridWidths.label;
  // The formula column, when shown, stands between the labels and the periods.
  const formulaCols = () => (props.formulas ? 1 : 0);
  const formulaWidth = () => props.formulaWidth ?? GridWidths.formula;
  const columns = () => periods().length + 1 + formulaCols();

  return (
    <div
      class="pc-grid-scroll"
      style={{ "scroll-padding-left": `${labelWidth()}px` }}
      ref={(el) => (scroller = el)}
      onCopy={onCopy}
      onScroll={(e) => {
        // Redrawing moves rows in the DOM, and a moved element loses focus: give it back.
        const focused = document.activeElement;
        setScrollTop(e.currentTarget.scrollTop);
        if (
          focused instanceof HTMLElement &&
          focused !== document.activeElement &&
          focused.isConnected &&
          scroller?.contains(focused)
        )
          focused.focus({ preventScroll: true });
      }}
    >
      <table
        role="grid"
        class="pc-grid"
        style={{
          width: `${labelWidth() + formulaCols() * formulaWidth() + periods().length * GridWidths.period}px`,
        }}
        aria-label={props.label ?? "Model"}
        aria-readonly="true"
        aria-rowcount={layout().items.length + 1}
        aria-colcount={columns()}
        aria-multiselectable="true"
        data-lines={order().length}
      >
        {/* Fixed column widths: a changed figure then never re-measures the other rows. */}
        <colgroup>
          <col style={{ width: `${labelWidth()}px` }} />
          <Show when={props.formulas}>
            <col style={{ width: `${formulaWidth()}px` }} />
          </Show>
          <For each={periods()}>{() => <col style={{ width: `${GridWidths.period}px` }} />}</For>
        </colgroup>
        <thead>
          <tr role="row" aria-rowindex={1}>
            <th role="columnheader" class="pc-grid-corner" aria-colindex={1} scope="col">
              Line item
              <Show when={props.onLabelWidth}>
                {(resize) => (
                  <Splitter
                    class="pc-grid-label-split"
                    label="Resize the label column"
                    orientation="vertical"
                    direction={1}
                    value={labelWidth()}
                    min={PaneLimits.label.min}
                    max={props.labelMax ?? PaneLimits.label.max}
                    onResize={(width) => resize()(width)}
                    onCommit={() => props.onLabelWidthCommit?.()}
                  />
                )}
              </Show>
            </th>
            <Show when={props.formulas}>
              <th role="columnheader" class="pc-grid-formula-head" aria-colindex={2} scope="col">
                Formula
              </th>
            </Show>
            <For each={periods()}>
              {(period, i) => (
                <th
                  role="columnheader"
                  class="pc-grid-colheader pc-fig"
                  aria-colindex={i() + 2 + formulaCols()}
                  scope="col"
                >
                  {period}
                </th>
              )}
            </For>
          </tr>
        </thead>
        <tbody
          style={{ "--pc-grid-sticky-top": `${metrics().header}px` }}
          onKeyDown={onKeyDown}
          onMouseDown={(e) => {
            // Shift+click extends the cell selection; it must not select the page's text.
            if (e.shiftKey && cellFromEvent(e)) e.preventDefault();
          }}
          onClick={(e) => {
            const cell = cellFromEvent(e);
            if (cell) choose(cell, true, e.shiftKey);
          }}
          onDblClick={(e) => {
            const cell = cellFromEvent(e);
            if (cell) props.onTrace?.(cell.key, periodOf(cell.key, cell.col));
          }}
        >
          <For each={drawn()}>
            {(item) => {
              const gap = () => plan().gaps.get(item) ?? 0;
              return (
                <>
                  <Show when={gap() > 0}>
                    <Spacer height={gap()} span={columns()} />
                  </Show>
                  {item.kind === "section" ? (
                    <tr role="row" class="pc-grid-section" aria-rowindex={ariaRowOf(item)}>
                      <th role="rowheader" colSpan={columns()} aria-colindex={1} scope="colgroup">
                        <span class="pc-grid-section-name">{item.name}</span>
                      </th>
                    </tr>
                  ) : (
                    <GridRow
                      row={item}
                      ariaRow={ariaRowOf(item)}
                      periods={periods()}
                      isActive={isActive}
                      isSelected={isSelected}
                      isMarked={isMarked}
                      register={register}
                      scale={props.scale ?? "shown"}
                      formulas={props.formulas}
                    />
                  )}
                </>
              );
            }}
          </For>
          <Show when={plan().after > 0}>
            <Spacer height={plan().after} span={columns()} />
          </Show>
        </tbody>
      </table>
    </div>
  );
}

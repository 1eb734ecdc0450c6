import {
  For,
  batch,
  createComputed,
  createEffect,
  createMemo,
  createSelector,
  createSignal,
  untrack,
} from "solid-js";
import type { LineDto } from "../../protocol";
import { GridRow } from "./GridRow";
import { moveActive, type GridPosition } from "./navigation";
import { makeRowCache, type RowModel, type SectionModel } from "./rows";

/** A selected cell: a line item's key and a period (`null` for a scalar line's single value). */
export interface GridSelection {
  readonly key: string;
  readonly period: string | null;
}

/** Props of the model grid. */
export interface GridProps {
  /** Column headings, e.g. ["2018/19", "2019/20"]. */
  readonly periods: readonly string[];
  /** Line items in display order; grouped by `section` in order of first appearance. */
  readonly lines: readonly LineDto[];
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
}

interface Active {
  readonly key: string;
  readonly col: number;
}

const cellId = (key: string, col: number): string => `${key}\u0001${col}`;

/** Column widths in CSS pixels; the table uses fixed layout, so these are what it shows. */
export const GridWidths = {
  label: 300,
  period: 96,
} as const;

/**
 * Line items grouped by section × periods, with a sticky header row and first column. Keyboard
 * navigation follows the ARIA grid pattern with a roving tabindex (one cell is in the tab order).
 * Incoming lines are diffed into row models keyed by `LineDto.key` with a signal per cell, so a
 * new evaluation only touches the cells whose contents changed.
 */
export function Grid(props: GridProps) {
  const cache = makeRowCache();
  const [model, setModel] = createSignal<{ sections: SectionModel[]; ordered: RowModel[] }>({
    sections: [],
    ordered: [],
  });
  // Diff the new lines into the keyed row models before rendering, untracked and batched so each
  // changed cell notifies once and nothing else does.
  createComputed(() => {
    const lines = props.lines;
    untrack(() => {
      batch(() => setModel(cache.update(lines)));
    });
  });
  const sectionNames = createMemo(() => model().sections.map((s) => s.name), undefined, {
    equals: (a, b) => a.length === b.length && a.every((s, i) => s === b[i]),
  });
  const sectionOf = createMemo(() => new Map(model().sections.map((s) => [s.name, s])));
  const order = () => model().ordered;
  const layout = createMemo(() => {
    const rowOf = new Map<string, number>();
    order().forEach((row, i) => rowOf.set(row.key, i));
    const last = model().sections.at(-1);
    return { rowOf, rowCount: last ? last.ariaRow + last.rows.length : 1 };
  });

  const [active, setActive] = createSignal<Active | null>(null);
  // The cell holding the tab stop: the chosen one if it still exists, else the first cell.
  const current = createMemo<Active | null>(() => {
    const a = active();
    const rows = order();
    const n = props.periods.length;
    if (a && layout().rowOf.has(a.key)) return { key: a.key, col: Math.min(a.col, n - 1) };
    const first = rows[0];
    return first && n > 0 ? { key: first.key, col: 0 } : null;
  });
  const isScalar = (key: string) => {
    const row = layout().rowOf.get(key);
    return row !== undefined && order()[row]?.line().scalar !== undefined;
  };
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
  const isSelectedId = createSelector(() => (active() ? activeId() : ""));
  const isSelected = (key: string, col: number) => isSelectedId(cellId(key, col));
  // Marked cells by id; a scalar line's mark sits on its one cell (column 0). The selector only
  // notifies cells whose membership changed.
  const markedIds = createMemo(() => {
    const ids = new Set<string>();
    for (const m of props.marked ?? []) {
      const col = m.period === null ? 0 : props.periods.indexOf(m.period);
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
    const col = sel.period === null ? 0 : props.periods.indexOf(sel.period);
    if (col >= 0) setActive({ key: sel.key, col });
  });

  const cells = new Map<string, HTMLElement>();
  const register = (key: string, col: number, el: HTMLElement | null) => {
    if (el) cells.set(cellId(key, col), el);
    else cells.delete(cellId(key, col));
  };

  const periodOf = (key: string, col: number): string | null =>
    isScalar(key) ? null : (props.periods[col] ?? null);

  const choose = (next: Active, focus: boolean) => {
    // Compare with the explicit choice, not the default tab stop: a first click must select.
    const prev = untrack(active);
    setActive(next);
    if (focus) cells.get(untrack(activeId))?.focus();
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
    const next = moveActive(pos, e, { rows: order().length, cols: props.periods.length });
    if (!next) return;
    e.preventDefault();
    const row = order()[next.row];
    if (row) choose({ key: row.key, col: next.col }, true);
  };

  return (
    <div class="pc-grid-scroll">
      <table
        role="grid"
        class="pc-grid"
        style={{ width: `${GridWidths.label + props.periods.length * GridWidths.period}px` }}
        aria-label={props.label ?? "Model"}
        aria-readonly="true"
        aria-rowcount={layout().rowCount}
        aria-colcount={props.periods.length + 1}
      >
        {/* Fixed column widths: a changed figure then never re-measures the other rows. */}
        <colgroup>
          <col style={{ width: `${GridWidths.label}px` }} />
          <For each={props.periods}>
            {() => <col style={{ width: `${GridWidths.period}px` }} />}
          </For>
        </colgroup>
        <thead>
          <tr role="row" aria-rowindex={1}>
            <th role="columnheader" class="pc-grid-corner" aria-colindex={1} scope="col">
              Line item
            </th>
            <For each={props.periods}>
              {(period, i) => (
                <th
                  role="columnheader"
                  class="pc-grid-colheader pc-fig"
                  aria-colindex={i() + 2}
                  scope="col"
                >
                  {period}
                </th>
              )}
            </For>
          </tr>
        </thead>
        <tbody
          onKeyDown={onKeyDown}
          onClick={(e) => {
            const cell = cellFromEvent(e);
            if (cell) choose(cell, true);
          }}
          onDblClick={(e) => {
            const cell = cellFromEvent(e);
            if (cell) props.onTrace?.(cell.key, periodOf(cell.key, cell.col));
          }}
        >
          <For each={sectionNames()}>
            {(name) => {
              const section = () => sectionOf().get(name);
              return (
                <>
                  <tr role="row" class="pc-grid-section" aria-rowindex={section()?.ariaRow}>
                    <th
                      role="rowheader"
                      colSpan={props.periods.length + 1}
                      aria-colindex={1}
                      scope="colgroup"
                    >
                      {name}
                    </th>
                  </tr>
                  <For each={section()?.rows ?? []}>
                    {(row) => (
                      <GridRow
                        row={row}
                        periods={props.periods}
                        isActive={isActive}
                        isSelected={isSelected}
                        isMarked={isMarked}
                        register={register}
                      />
                    )}
                  </For>
                </>
              );
            }}
          </For>
        </tbody>
      </table>
    </div>
  );
}

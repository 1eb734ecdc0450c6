import { batch, createSignal, untrack, type Accessor, type Setter } from "solid-js";
import { assert } from "../../base";
import type { CellDto, ErrorDto, LineDto, LinesDeltaDto } from "../../protocol";

/**
 * One grid row with a signal per cell. Row models live as long as their key does, so when a new
 * evaluation arrives only the cells whose contents changed notify, and only those DOM nodes are
 * touched: a keyed, per-cell diff. A row that is not on screen has no subscribers, so setting its
 * cells costs a comparison and nothing else.
 */
export interface RowModel {
  readonly kind: "row";
  readonly key: string;
  /** The line's metadata (label, unit, kind...); notifies only when that changes, not its cells. */
  readonly line: Accessor<LineDto>;
  /** The cell in period column `col`. */
  readonly cell: (col: number) => CellDto | undefined;
  readonly scalar: Accessor<CellDto | undefined>;
  /** The whole line as it is now, notifying whenever any part of it changed (charts, tooltips). */
  readonly current: Accessor<LineDto>;
}

/** A section's heading in the grid; one object per section name for as long as the table lives. */
export interface SectionHeading {
  readonly kind: "section";
  readonly name: string;
}

/** What the grid shows one row for: a section heading or a line. */
export type GridItem = SectionHeading | RowModel;

/** The rows of one section, in display order. */
export interface SectionModel {
  readonly name: string;
  readonly heading: SectionHeading;
  readonly rows: readonly RowModel[];
  /** ARIA row index of the section's heading row. */
  readonly ariaRow: number;
}

/**
 * The grid's shape: which lines, in which order, under which headings. It changes only when lines
 * are added, removed, reordered or moved to another section, never when figures change.
 */
export interface TableLayout {
  readonly sections: readonly SectionModel[];
  /** Line rows in display order (what the keyboard moves through). */
  readonly ordered: readonly RowModel[];
  /** Headings and rows in display order: what the grid draws, one table row each. */
  readonly items: readonly GridItem[];
  /** Position of an item in `items`; its ARIA row index is this + 2 (row 1 is the header). */
  readonly indexOf: ReadonlyMap<GridItem, number>;
  /** Position of a line's row in `ordered`, by key. */
  readonly rowOf: ReadonlyMap<string, number>;
  /** The heading above each row. */
  readonly headingOf: ReadonlyMap<RowModel, SectionHeading>;
}

interface RowState {
  readonly model: RowModel;
  readonly setLine: Setter<LineDto>;
  readonly setScalar: Setter<CellDto | undefined>;
  readonly setCurrent: (line: LineDto) => void;
  /** The signal pair of column `col`, created on first use. */
  readonly slot: (col: number) => [Accessor<CellDto | undefined>, Setter<CellDto | undefined>];
  readonly width: () => number;
}

const sameError = (a: ErrorDto | undefined, b: ErrorDto | undefined): boolean =>
  a === b ||
  (a !== undefined &&
    b !== undefined &&
    a.code === b.code &&
    a.message === b.message &&
    a.origin?.item === b.origin?.item &&
    a.origin?.period === b.origin?.period);

/** Two cells render the same. */
export function sameCell(a: CellDto | undefined, b: CellDto | undefined): boolean {
  return (
    a === b ||
    (a !== undefined &&
      b !== undefined &&
      a.value === b.value &&
      a.display === b.display &&
      a.exception === b.exception &&
      sameError(a.error, b.error))
  );
}

/** Two lines have the same metadata (cells are compared separately). */
export function sameLineMeta(a: LineDto, b: LineDto): boolean {
  return (
    a.key === b.key &&
    a.name === b.name &&
    a.member === b.member &&
    a.memberLabel === b.memberLabel &&
    a.label === b.label &&
    a.section === b.section &&
    a.kind === b.kind &&
    a.unit === b.unit &&
    a.source === b.source &&
    (a.scalar === undefined) === (b.scalar === undefined)
  );
}

function makeRow(line: LineDto): RowState {
  const [lineSig, setLine] = createSignal(line, { equals: sameLineMeta });
  const [scalar, setScalar] = createSignal(line.scalar, { equals: sameCell });
  const [current, setCurrent] = createSignal(line, { equals: false });
  const cells: [Accessor<CellDto | undefined>, Setter<CellDto | undefined>][] = [];
  const slot = (col: number) => {
    while (cells.length <= col) {
      cells.push(createSignal<CellDto | undefined>(undefined, { equals: sameCell }));
    }
    const pair = cells[col];
    assert(pair, "a cell slot exists once created");
    return pair;
  };
  line.cells.forEach((c, i) => slot(i)[1](c));
  return {
    model: {
      kind: "row",
      key: line.key,
      line: lineSig,
      scalar,
      current,
      cell: (col) => slot(col)[0](),
    },
    setLine,
    setScalar,
    setCurrent: (l) => setCurrent(() => l),
    slot,
    width: () => cells.length,
  };
}

/** Sets every field of an existing row from `line`; only what changed notifies. */
function updateRow(state: RowState, line: LineDto): void {
  state.setLine(line);
  state.setScalar(line.scalar);
  const n = Math.max(state.width(), line.cells.length);
  for (let i = 0; i < n; i++) state.slot(i)[1](line.cells[i]);
  state.setCurrent(line);
}

const emptyLayout: TableLayout = {
  sections: [],
  ordered: [],
  items: [],
  indexOf: new Map(),
  rowOf: new Map(),
  headingOf: new Map(),
};

/**
 * The lines of the evaluation shown, as row models the grid renders from. A whole evaluation
 * (`setLines`) is diffed by key; a delta (`applyDelta`) touches only the lines and cells it names,
 * so a keystroke that changes a few figures costs a few signal writes whatever the model's size.
 * The layout (order and sections) is rebuilt only when the delta adds, removes or reorders lines
 * or moves one to another section.
 */
export class LineTable {
  private rows = new Map<string, RowState>();
  private readonly headings = new Map<string, SectionHeading>();
  private readonly layoutSignal = createSignal<TableLayout>(emptyLayout);

  /** The current layout; notifies only when the shape changed. */
  readonly layout: Accessor<TableLayout> = this.layoutSignal[0];

  /** The row model of a line (untracked lookup), or undefined when there is no such line. */
  row(key: string): RowModel | undefined {
    return this.rows.get(key)?.model;
  }

  /** Every line as it is now, in display order. Costs the model's size: not for the keystroke path. */
  lines(): LineDto[] {
    return untrack(() => this.layout().ordered.map((r) => r.current()));
  }

  /** Shows a whole evaluation's lines, keeping the row models of keys that stay. */
  setLines(lines: readonly LineDto[]): void {
    batch(() => {
      const next = new Map<string, RowState>();
      const order: string[] = [];
      for (const line of lines) {
        if (next.has(line.key)) continue; // a duplicate key would break keyed rendering
        const state = this.rows.get(line.key);
        if (state) updateRow(state, line);
        next.set(line.key, state ?? makeRow(line));
        order.push(line.key);
      }
      this.rows = next;
      if (!this.sameShape(order)) this.relayout(order);
    });
  }

  /**
   * Applies a delta on top of the lines shown. Returns false, changing nothing, when the delta
   * names cells of a line this table does not have (it was made for another base).
   */
  applyDelta(delta: LinesDeltaDto): boolean {
    for (const change of delta.cells) if (!this.rows.has(change.key)) return false;
    batch(() => {
      let reshape = delta.order !== undefined || delta.removed.length > 0;
      const added: string[] = [];
      for (const key of delta.removed) this.rows.delete(key);
      for (const line of delta.lines) {
        const state = this.rows.get(line.key);
        if (state) {
          if (untrack(state.model.line).section !== line.section) reshape = true;
          updateRow(state, line);
        } else {
          this.rows.set(line.key, makeRow(line));
          added.push(line.key);
          reshape = true;
        }
      }
      for (const change of delta.cells) {
        const state = this.rows.get(change.key);
        assert(state, "checked above");
        const before = untrack(state.model.current);
        const cells = before.cells.slice();
        change.cols.forEach((col, i) => {
          const cell = change.cells[i];
          if (cell === undefined) return;
          cells[col] = cell;
          state.slot(col)[1](cell);
        });
        state.setCurrent({ ...before, cells });
      }
      if (!reshape) return;
      const order = delta.order ?? [
        ...untrack(this.layout)
          .ordered.map((r) => r.key)
          .filter((k) => this.rows.has(k)),
        ...added,
      ];
      this.relayout(order);
    });
    return true;
  }

  private heading(name: string): SectionHeading {
    let heading = this.headings.get(name);
    if (!heading) this.headings.set(name, (heading = { kind: "section", name }));
    return heading;
  }

  /** Whether `order` (all live keys) gives the layout shown: same keys, order and sections. */
  private sameShape(order: readonly string[]): boolean {
    const shown = untrack(this.layout);
    if (shown.ordered.length !== order.length) return false;
    for (let i = 0; i < order.length; i++) {
      const row = shown.ordered[i];
      const state = this.rows.get(order[i] as string);
      if (row === undefined || state?.model !== row) return false;
      if (shown.headingOf.get(row)?.name !== untrack(row.line).section) return false;
    }
    return true;
  }

  private relayout(order: readonly string[]): void {
    const bySection = new Map<string, RowModel[]>();
    const seen = new Set<string>();
    for (const key of order) {
      const state = this.rows.get(key);
      if (!state || seen.has(key)) continue;
      seen.add(key);
      const section = untrack(state.model.line).section;
      let group = bySection.get(section);
      if (!group) bySection.set(section, (group = []));
      group.push(state.model);
    }
    // Lines the order left out (it should name every line) still show, last.
    for (const [key, state] of this.rows) {
      if (seen.has(key)) continue;
      const section = untrack(state.model.line).section;
      let group = bySection.get(section);
      if (!group) bySection.set(section, (group = []));
      group.push(state.model);
    }
    const sections: SectionModel[] = [];
    const ordered: RowModel[] = [];
    const items: GridItem[] = [];
    const indexOf = new Map<GridItem, number>();
    const rowOf = new Map<string, number>();
    const headingOf = new Map<RowModel, SectionHeading>();
    for (const [name, rows] of bySection) {
      const heading = this.heading(name);
      sections.push({ name, heading, rows, ariaRow: items.length + 2 });
      indexOf.set(heading, items.length);
      items.push(heading);
      for (const row of rows) {
        indexOf.set(row, items.length);
        items.push(row);
        rowOf.set(row.key, ordered.length);
        ordered.push(row);
        headingOf.set(row, heading);
      }
    }
    for (const name of [...this.headings.keys()])
      if (!bySection.has(name)) this.headings.delete(name);
    this.layoutSignal[1]({ sections, ordered, items, indexOf, rowOf, headingOf });
  }
}

import { createSignal, type Accessor, type Setter } from "solid-js";
import { assert } from "../../base";
import type { CellDto, ErrorDto, LineDto } from "../../protocol";

/**
 * One grid row with a signal per cell. Row models live as long as their key does, so when a new
 * evaluation arrives only the cells whose contents changed notify, and only those DOM nodes are
 * touched: a keyed, per-cell diff that costs a few comparisons per cell.
 */
export interface RowModel {
  readonly key: string;
  /** The line's metadata (label, unit, kind...); changes rarely. */
  readonly line: Accessor<LineDto>;
  /** The cell in period column `col`. */
  readonly cell: (col: number) => CellDto | undefined;
  readonly scalar: Accessor<CellDto | undefined>;
  /** 1-based ARIA row index, counting the header and section rows. */
  readonly ariaRow: Accessor<number>;
}

interface RowState {
  readonly model: RowModel;
  readonly setLine: Setter<LineDto>;
  readonly setScalar: Setter<CellDto | undefined>;
  readonly setAriaRow: Setter<number>;
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
  const [ariaRow, setAriaRow] = createSignal(0);
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
    model: { key: line.key, line: lineSig, scalar, ariaRow, cell: (col) => slot(col)[0]() },
    setLine,
    setScalar,
    setAriaRow,
    slot,
    width: () => cells.length,
  };
}

/** The rows of one section, in display order. */
export interface SectionModel {
  readonly name: string;
  readonly rows: readonly RowModel[];
  /** ARIA row index of the section's heading row. */
  readonly ariaRow: number;
}

/**
 * A keyed cache of row models. `update` takes a new evaluation's lines and returns the sections
 * (in order of first appearance) with stable row models; rows whose key disappeared are dropped.
 * Call it inside `batch` so the per-cell notifications land together.
 */
export function makeRowCache() {
  let rows = new Map<string, RowState>();
  return {
    update(lines: readonly LineDto[]): { sections: SectionModel[]; ordered: RowModel[] } {
      const next = new Map<string, RowState>();
      const bySection = new Map<string, RowState[]>();
      for (const line of lines) {
        if (next.has(line.key)) continue; // a duplicate key would break keyed rendering
        let state = rows.get(line.key);
        if (state) {
          state.setLine(line);
          state.setScalar(line.scalar);
          const n = Math.max(state.width(), line.cells.length);
          for (let i = 0; i < n; i++) state.slot(i)[1](line.cells[i]);
        } else {
          state = makeRow(line);
        }
        next.set(line.key, state);
        let group = bySection.get(line.section);
        if (!group) bySection.set(line.section, (group = []));
        group.push(state);
      }
      rows = next;
      const sections: SectionModel[] = [];
      const ordered: RowModel[] = [];
      let aria = 2; // row 1 is the column header row
      for (const [name, group] of bySection) {
        sections.push({ name, ariaRow: aria++, rows: group.map((s) => s.model) });
        for (const s of group) {
          s.setAriaRow(aria++);
          ordered.push(s.model);
        }
      }
      return { sections, ordered };
    },
  };
}

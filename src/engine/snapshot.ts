import type { Diagnostic } from "../lang";
import type { CheckOutcome } from "./checks";
import { exactValue, showValue } from "./checks";
import { isError, valuesEqual, type ErrorValue, type Value } from "./eval/value";
import type { EngineDimension, EngineLine, EngineModel } from "./model";

/** An error value as plain data: its code, message and where it started. */
export interface ErrorInfo {
  readonly code: string;
  readonly message: string;
  /** The line item key (`name` or `name[member]`) and period label where the error started. */
  readonly origin?: { readonly item: string; readonly period?: string };
}

/**
 * One cell. `value` is exact text in base units (pounds, not £m; 2.99% as "0.0299"; a period
 * value as its label; a condition as "true"/"false"), null for an error. `display` is formatted in
 * the line's display unit, with brackets for negatives.
 */
export interface CellSnapshot {
  readonly value: string | null;
  readonly display: string;
  readonly error?: ErrorInfo;
  /** True where this period uses an exception rule rather than the line's main formula. */
  readonly exception?: boolean;
}

/** One line of the grid: a line item, or one member of a dimensioned line item. Mirrors `LineDto`. */
export interface LineSnapshot {
  readonly key: string;
  readonly name: string;
  readonly member?: string;
  /** The member's label from its dimension (`children "People - Children's Services"`), when it has one. */
  readonly memberLabel?: string;
  readonly label: string;
  readonly section: string;
  readonly kind: "input" | "calc";
  readonly unit: string;
  readonly cells: readonly CellSnapshot[];
  /** Set for a line with one value for all periods (also repeated in `cells`). */
  readonly scalar?: CellSnapshot;
  readonly source?: string;
  readonly from: number;
  readonly to: number;
}

/** A check's outcome with its span. Mirrors `CheckDto`. */
export interface CheckSnapshot extends CheckOutcome {
  readonly from: number;
  readonly to: number;
}

/** A diagnostic as plain data. Mirrors `DiagnosticDto`. */
export interface DiagnosticSnapshot {
  readonly code: string;
  readonly severity: "error" | "warning" | "info";
  readonly message: string;
  readonly from: number;
  readonly to: number;
  readonly item?: string;
  readonly related?: readonly {
    readonly from: number;
    readonly to: number;
    readonly message: string;
  }[];
}

/** A line whose only change since the previous snapshot is where it is in the text. */
export interface MovedLine {
  readonly key: string;
  readonly from: number;
  readonly to: number;
}

/**
 * The periods in which one line's cells changed, when nothing else about the line did but perhaps
 * its span: `cols` are 0-based period indices, ascending.
 */
export interface ChangedCells {
  readonly key: string;
  readonly cols: readonly number[];
}

/**
 * How the grid lines changed since the previous snapshot the same engine returned (from
 * `update`, `setScenario` or `snapshot`), so the worker can send only that. Applying it to the
 * previous snapshot's lines gives this snapshot's `lines`: drop `removed`, set `from`/`to` of
 * `moved`, replace or add `lines` by key, then order by `order` when it is present.
 */
export interface SnapshotDelta {
  /** Every line's key in grid order, when lines were added, removed or reordered; else absent. */
  readonly order?: readonly string[];
  /** Lines that are new, or changed in more than their span (values, label, unit, ...), whole. */
  readonly lines: readonly LineSnapshot[];
  /** Lines whose only change is their span (text above them was edited). */
  readonly moved: readonly MovedLine[];
  /** Keys of lines that are gone. */
  readonly removed: readonly string[];
  /**
   * For the lines in `lines` that existed before and changed only in some cells (and perhaps
   * their span): which cells, so the worker can send those cells alone. Scalar lines are never
   * listed (their one value stands in every cell).
   */
  readonly cells: readonly ChangedCells[];
}

/**
 * A whole evaluated model as plain, structured-clone data. Mirrors `EvaluationDto` without the
 * `revision` and `elapsedMs` the worker adds. `changed` lists the keys of lines whose values
 * changed since the previous snapshot of the same engine; `delta` says how to turn the previous
 * snapshot's `lines` into these. Line and cell objects are reused from one snapshot to the next
 * when nothing in them changed, so `lines` costs little to build.
 */
export interface EvalSnapshot {
  readonly title: string;
  readonly scenario: string | null;
  readonly scenarios: readonly { readonly name: string; readonly label: string }[];
  readonly periods: readonly string[];
  readonly lines: readonly LineSnapshot[];
  readonly checks: readonly CheckSnapshot[];
  readonly masterCheck: {
    readonly passed: boolean;
    readonly failed: number;
    readonly known: number;
  };
  readonly diagnostics: readonly DiagnosticSnapshot[];
  readonly changed: readonly string[];
  /** The lines' changes since the previous snapshot, for sending only those. */
  readonly delta: SnapshotDelta;
}

/** The key an auditor would type for a line (and member): `band_d`, `pressures[children]`. */
export function lineKey(line: EngineLine, model: EngineModel, member: number): string {
  const dim = model.dimensions[line.dim];
  if (dim === undefined) return line.name;
  return `${line.name}[${dim.members[member]?.name ?? member}]`;
}

/** An error value as plain data, its origin resolved to a key and period label. */
export function errorInfo(error: ErrorValue, model: EngineModel): ErrorInfo {
  const line = model.lines[model.lineByName.get(error.origin.item) ?? -1];
  const item =
    line === undefined || error.origin.member < 0
      ? error.origin.item
      : lineKey(line, model, error.origin.member);
  const period = model.periods[error.origin.period];
  return {
    code: error.code,
    message: error.message,
    origin: period === undefined ? { item } : { item, period },
  };
}

/** One cell as plain data, shown to `decimals` places when given (else the unit's default). */
export function cellSnapshot(
  v: Value,
  unit: string,
  model: EngineModel,
  exception: boolean,
  decimals?: number,
): CellSnapshot {
  const base = isError(v)
    ? { value: null, display: `#${v.code}`, error: errorInfo(v, model) }
    : {
        value: exactValue(v, model.periods),
        display: showValue(v, unit, model.periods, decimals),
      };
  return exception ? { ...base, exception: true } : base;
}

/** The formatted cells of one member of a line item: every period, and the scalar when one. */
interface RowCells {
  readonly cells: readonly CellSnapshot[];
  readonly scalar: CellSnapshot | undefined;
}

/**
 * A line item's grid lines with what they were built from, so the next snapshot rebuilds only
 * what changed: cells are formatted again only when the values (or how they are shown) changed,
 * and a line object is new only when one of its fields changed.
 */
export interface LineSnapshotCache {
  readonly line: EngineLine;
  readonly shapeKey: string;
  /** The members of the line's dimension as text (names and labels), "" for none. */
  readonly members: string;
  readonly values: readonly Value[];
  /** What the formatting depends on besides the values and the shape: unit, decimals, scalar, exceptions. */
  readonly format: string;
  readonly rows: readonly RowCells[];
  readonly snaps: readonly LineSnapshot[];
}

function formatKey(line: EngineLine): string {
  let exceptions = "";
  if (!line.scalar) {
    for (let t = 0; t < line.ruleOf.length; t++)
      exceptions += line.rules[line.ruleOf[t] ?? -1]?.exception === true ? "1" : "0";
  }
  return `${line.unit}\u0000${line.decimals ?? ""}\u0000${line.scalar ? 1 : 0}\u0000${exceptions}`;
}

function rowCells(
  line: EngineLine,
  model: EngineModel,
  cells: readonly Value[],
  m: number,
): RowCells {
  const P = model.periods.length;
  const row = new Array<CellSnapshot>(P);
  if (line.scalar) {
    const scalar = cellSnapshot(cells[m * P] as Value, line.unit, model, false, line.decimals);
    row.fill(scalar);
    return { cells: row, scalar };
  }
  for (let t = 0; t < P; t++) {
    const exception = line.rules[line.ruleOf[t] ?? -1]?.exception ?? false;
    row[t] = cellSnapshot(cells[m * P + t] as Value, line.unit, model, exception, line.decimals);
  }
  return { cells: row, scalar: undefined };
}

/**
 * Whether cells `[from, from + count)` hold equal values in `a` and `b`, none of them an error (an
 * error's shown origin depends on more than the value).
 */
function sameRow(a: readonly Value[], b: readonly Value[], from: number, count: number): boolean {
  for (let i = from; i < from + count; i++) {
    const x = a[i] as Value;
    const y = b[i] as Value;
    if (isError(x) || isError(y) || !valuesEqual(x, y)) return false;
  }
  return true;
}

/** Whether `snap` already says everything `next` would (the same cells and fields). */
function sameLine(snap: LineSnapshot | undefined, next: LineSnapshot): snap is LineSnapshot {
  return (
    snap !== undefined &&
    snap.cells === next.cells &&
    snap.from === next.from &&
    snap.to === next.to &&
    sameButCellsAndSpan(snap, next)
  );
}

/**
 * Whether two compilations of a line item differ in nothing the grid shows but their span (and
 * id): what the compile cache makes of a declaration that text inserted above it only moved.
 */
function sameButSpan(a: EngineLine, b: EngineLine): boolean {
  return (
    a.name === b.name &&
    a.label === b.label &&
    a.section === b.section &&
    a.kind === b.kind &&
    a.unit === b.unit &&
    a.decimals === b.decimals &&
    a.dim === b.dim &&
    a.memberCount === b.memberCount &&
    a.source === b.source &&
    a.rules === b.rules &&
    a.ruleOf === b.ruleOf &&
    a.scalar === b.scalar
  );
}

/** A grid line with every field of `snap` but its span. */
function withSpan(snap: LineSnapshot, from: number, to: number): LineSnapshot {
  // Written out rather than spread: grid lines come in several shapes, and a spread of many
  // shapes takes V8's slow path.
  const next: Mutable<LineSnapshot> = {
    key: snap.key,
    name: snap.name,
    label: snap.label,
    section: snap.section,
    kind: snap.kind,
    unit: snap.unit,
    cells: snap.cells,
    from,
    to,
  };
  if (snap.member !== undefined) next.member = snap.member;
  if (snap.memberLabel !== undefined) next.memberLabel = snap.memberLabel;
  if (snap.scalar !== undefined) next.scalar = snap.scalar;
  if (snap.source !== undefined) next.source = snap.source;
  return next;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const membersKeys = new WeakMap<EngineDimension, string>();

/** A dimension's members, names and labels, as one text (made once per compiled dimension). */
function membersKey(dim: EngineDimension | undefined): string {
  if (dim === undefined) return "";
  let key = membersKeys.get(dim);
  if (key === undefined) {
    key = dim.members.map((m) => `${m.name}\u0001${m.label}`).join("\u0000");
    membersKeys.set(dim, key);
  }
  return key;
}

/** A cache entry; always built here, so that every entry has one shape. */
function cacheEntry(
  line: EngineLine,
  model: EngineModel,
  values: readonly Value[],
  format: string,
  rows: readonly RowCells[],
  snaps: readonly LineSnapshot[],
): LineSnapshotCache {
  const members = membersKey(model.dimensions[line.dim]);
  return { line, shapeKey: model.shapeKey, members, values, format, rows, snaps };
}

/**
 * The grid lines of one line item (one per member), from its cells, reusing what `previous`
 * (the same line item's last result) already formatted. A line item that only moved keeps its
 * formatted cells and gets copies of its grid lines with the new span.
 */
export function cachedLineSnapshots(
  line: EngineLine,
  model: EngineModel,
  values: readonly Value[],
  previous: LineSnapshotCache | undefined,
): LineSnapshotCache {
  const dim = model.dimensions[line.dim];
  // The shape key holds member names; their labels are shown too, so the members must be the same.
  const sameShape =
    previous !== undefined &&
    previous.shapeKey === model.shapeKey &&
    previous.members === membersKey(dim);
  if (sameShape && previous.line === line && previous.values === values) return previous;
  if (sameShape && previous.values === values && sameButSpan(previous.line, line)) {
    const { from, to } = line.span;
    const snaps = previous.snaps.map((s) => withSpan(s, from, to));
    return cacheEntry(line, model, values, previous.format, previous.rows, snaps);
  }
  // The format depends on the unit, decimals, scalar flag and exception rules: when those are the
  // same objects as before, so is the format, without building its key.
  const before = previous?.line;
  const format =
    before !== undefined &&
    before.unit === line.unit &&
    before.decimals === line.decimals &&
    before.scalar === line.scalar &&
    before.rules === line.rules &&
    before.ruleOf === line.ruleOf
      ? (previous as LineSnapshotCache).format
      : formatKey(line);
  const sameFormat =
    sameShape &&
    previous.format === format &&
    previous.rows.length === line.memberCount &&
    previous.values.length === values.length;
  const reuseCells = sameFormat && previous.values === values;
  const P = model.periods.length;
  const rows = new Array<RowCells>(line.memberCount);
  const snaps = new Array<LineSnapshot>(line.memberCount);
  let same = reuseCells && previous.snaps.length === line.memberCount;
  for (let m = 0; m < line.memberCount; m++) {
    // Values recomputed but equal (other members of a table whose one cell was edited) keep
    // their formatted row.
    const row =
      reuseCells || (sameFormat && sameRow(previous.values, values, m * P, P))
        ? (previous.rows[m] as RowCells)
        : rowCells(line, model, values, m);
    rows[m] = row;
    const next = lineSnapshot(line, model, dim, m, row);
    const old = previous?.snaps[m];
    if (sameLine(old, next)) snaps[m] = old;
    else {
      same = false;
      snaps[m] = next;
    }
  }
  if (same && previous !== undefined)
    return cacheEntry(line, model, values, format, previous.rows, previous.snaps);
  return cacheEntry(line, model, values, format, rows, snaps);
}

/** The grid line of member `m` of `line` (of dimension `dim`), with its formatted row. */
function lineSnapshot(
  line: EngineLine,
  model: EngineModel,
  dim: EngineModel["dimensions"][number] | undefined,
  m: number,
  row: RowCells,
): LineSnapshot {
  const member = dim?.members[m]?.name;
  const memberLabel = dim?.members[m]?.label;
  const next: Mutable<LineSnapshot> = {
    key: lineKey(line, model, m),
    name: line.name,
    label: line.label,
    section: line.section,
    kind: line.kind,
    unit: line.unit,
    cells: row.cells,
    from: line.span.from,
    to: line.span.to,
  };
  if (member !== undefined) next.member = member;
  if (memberLabel !== undefined && memberLabel !== "" && memberLabel !== member)
    next.memberLabel = memberLabel;
  if (row.scalar !== undefined) next.scalar = row.scalar;
  if (line.source !== undefined) next.source = line.source;
  return next;
}

/** A language diagnostic as plain data, with its line item named. */
export function diagnosticSnapshot(d: Diagnostic, model: EngineModel): DiagnosticSnapshot {
  const item = d.item === undefined ? undefined : model.lines[d.item as number]?.name;
  return {
    code: d.code,
    severity: d.severity,
    message: d.message,
    from: d.span.from,
    to: d.span.to,
    ...(item === undefined ? {} : { item }),
    ...(d.related === undefined
      ? {}
      : {
          related: d.related.map((r) => ({ from: r.span.from, to: r.span.to, message: r.message })),
        }),
  };
}

/** Whether two grid lines differ in nothing but their span and perhaps their cells. */
function sameButCellsAndSpan(a: LineSnapshot, b: LineSnapshot): boolean {
  return (
    a.scalar === b.scalar &&
    a.key === b.key &&
    a.name === b.name &&
    a.member === b.member &&
    a.memberLabel === b.memberLabel &&
    a.label === b.label &&
    a.section === b.section &&
    a.kind === b.kind &&
    a.unit === b.unit &&
    a.source === b.source
  );
}

/** Whether two lines differ in nothing but their span. */
function onlyMoved(a: LineSnapshot, b: LineSnapshot): boolean {
  return a.cells === b.cells && sameButCellsAndSpan(a, b);
}

/** Two cells show and mean the same (equal values, display, exception flag and error). */
export function sameCellSnapshot(
  a: CellSnapshot | undefined,
  b: CellSnapshot | undefined,
): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined) return false;
  if (a.value !== b.value || a.display !== b.display || a.exception !== b.exception) return false;
  const x = a.error;
  const y = b.error;
  return (
    x === y ||
    (x !== undefined &&
      y !== undefined &&
      x.code === y.code &&
      x.message === y.message &&
      x.origin?.item === y.origin?.item &&
      x.origin?.period === y.origin?.period)
  );
}

/**
 * The periods whose cells differ between `a` and `b`, when the two lines differ in nothing but
 * cells and span; `null` when anything else changed, or either is a scalar line.
 */
function changedCols(a: LineSnapshot, b: LineSnapshot): number[] | null {
  if (a.scalar !== undefined || b.scalar !== undefined || a.cells.length !== b.cells.length)
    return null;
  if (!sameButCellsAndSpan(a, b)) return null;
  const cols: number[] = [];
  for (let i = 0; i < a.cells.length; i++)
    if (!sameCellSnapshot(a.cells[i], b.cells[i])) cols.push(i);
  return cols;
}

/**
 * The delta from `before` to `lines` when both have the same keys in the same order, none twice
 * (the usual edit: no line added, removed or renamed). Compares by position, so an unchanged line
 * costs one comparison.
 */
export function sameOrderDelta(
  before: readonly LineSnapshot[],
  lines: readonly LineSnapshot[],
): SnapshotDelta {
  const changed: LineSnapshot[] = [];
  const cells: ChangedCells[] = [];
  const moved: MovedLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as LineSnapshot;
    const old = before[i] as LineSnapshot;
    if (old === line) continue;
    if (onlyMoved(old, line)) {
      moved.push({ key: line.key, from: line.from, to: line.to });
      continue;
    }
    changed.push(line);
    const cols = changedCols(old, line);
    if (cols !== null) cells.push({ key: line.key, cols });
  }
  return { lines: changed, moved, removed: [], cells };
}

/** The delta from the lines `before` (by key, in `beforeOrder`) to `lines`. */
export function linesDelta(
  before: ReadonlyMap<string, LineSnapshot>,
  beforeOrder: readonly string[],
  lines: readonly LineSnapshot[],
): SnapshotDelta {
  const changed: LineSnapshot[] = [];
  const cells: ChangedCells[] = [];
  const moved: MovedLine[] = [];
  const seen = new Set<string>();
  let sameOrder = lines.length === beforeOrder.length;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as LineSnapshot;
    if (sameOrder && beforeOrder[i] !== line.key) sameOrder = false;
    seen.add(line.key);
    const old = before.get(line.key);
    if (old === line) continue;
    if (old !== undefined && onlyMoved(old, line)) {
      moved.push({ key: line.key, from: line.from, to: line.to });
      continue;
    }
    changed.push(line);
    const cols = old === undefined ? null : changedCols(old, line);
    if (cols !== null) cells.push({ key: line.key, cols });
  }
  const removed = beforeOrder.filter((k) => !seen.has(k));
  // Duplicate keys (a name declared twice) cannot be addressed by key: send everything.
  if (seen.size !== lines.length || before.size !== beforeOrder.length)
    return { order: lines.map((l) => l.key), lines, moved: [], removed, cells: [] };
  return sameOrder
    ? { lines: changed, moved, removed, cells }
    : { order: lines.map((l) => l.key), lines: changed, moved, removed, cells };
}

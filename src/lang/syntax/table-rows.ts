/**
 * An edit inside one row of a large input table, re-parsed as that row alone. The chunk's previous
 * trees are reused: the rows before the edit as they are, the rows after it moved (their children's
 * spans are relative to the row, so a move is one shallow copy per row), and only the edited line
 * goes through the parser, inside a one-period stand-in table. Anything less plain (an edit across
 * lines, a line that is not exactly one row, any diagnostic but a cell count) returns undefined,
 * and the caller parses the whole chunk.
 */
import { makeSpan } from "../../base";
import type { Span } from "../../base";
import type * as A from "../ast";
import { makeDiagnostic } from "../diagnostics";
import type { Diagnostic } from "../diagnostics";
import type { IdSource } from "./incremental";
import { relativize, shiftDiagnostic } from "./incremental";
import { parseModel } from "./parse";

/** The stand-in declaration a lone row is parsed in: one period, so it parses quickly. */
const standIn = "input t = table 2000/01\n";

type TableValue = Extract<A.InputValue, { kind: "table" | "member-table" }>;

/** True when a node's span ends at or before `at` (a clause of the declaration before the rows). */
function endsBefore(value: unknown, at: number): boolean {
  if (typeof value !== "object" || value === null) return true;
  if (Array.isArray(value)) return value.every((v) => endsBefore(v, at));
  const span = (value as { span?: Span }).span;
  return span === undefined || span.to <= at;
}

/** The index of the row whose span is exactly within `[from, to]` (decl-relative), if any. */
function rowOn(rows: readonly A.TableRow[], from: number, to: number): number | undefined {
  let lo = 0;
  let hi = rows.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const row = rows[mid] as A.TableRow;
    if (row.span.to < from) lo = mid + 1;
    else if (row.span.from > to) hi = mid - 1;
    else {
      const before = rows[mid - 1];
      const after = rows[mid + 1];
      const alone =
        row.span.from >= from &&
        row.span.to <= to &&
        (before === undefined || before.span.to < from) &&
        (after === undefined || after.span.from > to);
      return alone ? mid : undefined;
    }
  }
  return undefined;
}

/**
 * The chunk `now` parsed from `was` (whose declarations `decls` sit at `offset`, absolute), when
 * the two differ inside one row of a table: declarations at `offset` and diagnostics relative to
 * the chunk's start. Undefined when the edit is anything else.
 */
export function reparseTableRow(
  was: string,
  previous: {
    readonly decls: readonly A.Decl[];
    readonly offset: number;
    /** Relative to the chunk's start. */
    readonly relative: readonly Diagnostic[];
  },
  now: string,
  ids: IdSource,
): { decls: A.Decl[]; diagnostics: Diagnostic[] } | undefined {
  const { decls, offset } = previous;
  // Only cell counts, so that the edited row's own diagnostics can be told apart.
  if (previous.relative.some((d) => d.code !== "P1015")) return undefined;
  const shortest = Math.min(was.length, now.length);
  let p = 0;
  while (p < shortest && was.charCodeAt(p) === now.charCodeAt(p)) p++;
  let s = 0;
  while (
    s < shortest - p &&
    was.charCodeAt(was.length - 1 - s) === now.charCodeAt(now.length - 1 - s)
  )
    s++;
  const delta = now.length - was.length;
  const oldChanged = was.slice(p, was.length - s);
  const newChanged = now.slice(p, now.length - s);
  if (/[\n\r]/.test(oldChanged) || /[\n\r]/.test(newChanged)) return undefined;
  const lineStart = was.lastIndexOf("\n", p - 1) + 1;
  let lineEnd = was.indexOf("\n", p);
  if (lineEnd < 0) lineEnd = was.length;
  const oldLine = was.slice(lineStart, lineEnd);
  if (oldLine.includes("\r")) return undefined;
  // The declaration holding the line.
  const k = decls.findIndex(
    (d) => d.span.from - offset <= lineStart && d.span.to - offset >= lineEnd,
  );
  const decl = decls[k];
  // A record's row is spread over its column inputs: re-parse the whole chunk.
  if (decl === undefined || decl.kind !== "input" || decl.record !== undefined) return undefined;
  const value = decl.value;
  if (value.kind !== "table" && value.kind !== "member-table") return undefined;
  const declStart = decl.span.from - offset;
  const from = lineStart - declStart;
  const to = lineEnd - declStart;
  if (from <= 0) return undefined;
  // Nothing but rows may sit on or after the line.
  for (const key of Object.keys(decl) as (keyof A.InputDecl)[]) {
    if (key !== "value" && key !== "span" && !endsBefore(decl[key], from)) return undefined;
  }
  const header: unknown = value.header;
  if (!endsBefore(header, from)) return undefined;
  const r = rowOn(value.rows, from, to);
  if (r === undefined) return undefined;
  const oldRow = value.rows[r] as A.TableRow;
  // The edit must lie within the row's tokens: text after them (a comment) may sit past the
  // declaration's end, which the move below would then get wrong.
  if (p < declStart + oldRow.span.from || was.length - s > declStart + oldRow.span.to)
    return undefined;
  const newLine = now.slice(lineStart, lineEnd + delta);
  const parsed = parseModel(`${standIn}${newLine}\n`);
  const [only] = parsed.ast.decls;
  if (parsed.ast.decls.length !== 1 || only === undefined || only.kind !== "input")
    return undefined;
  if (parsed.diagnostics.some((d) => d.code !== "P1015")) return undefined;
  const standInValue = only.value;
  if (standInValue.kind !== "table" || standInValue.rows.length !== 1) return undefined;
  const parsedRow = standInValue.rows[0] as A.TableRow;
  if ((parsedRow.member === undefined) !== (oldRow.member === undefined)) return undefined;
  const row = relativize(parsedRow, standIn.length - from, ids);
  // The declaration ends where its last row ends: then it ends where the new row does.
  const last = r === value.rows.length - 1;
  if (
    last &&
    (value.span.to !== oldRow.span.to || decl.span.to - decl.span.from !== oldRow.span.to)
  )
    return undefined;
  const endShift = last ? row.span.to - oldRow.span.to : delta;
  const expected = value.kind === "member-table" ? 1 : value.header.length;
  return {
    decls: decls.map((d, i) => {
      if (i < k) return d;
      if (i > k) return { ...d, span: makeSpan(d.span.from + delta, d.span.to + delta) };
      const rows = value.rows.map((x, j) =>
        j < r
          ? x
          : j === r
            ? row
            : { ...x, span: makeSpan(x.span.from + delta, x.span.to + delta) },
      );
      const table: TableValue = {
        ...value,
        id: ids.next() as A.NodeId,
        span: makeSpan(value.span.from, value.span.to + endShift),
        rows,
      };
      return {
        ...decl,
        id: ids.next() as A.NodeId,
        span: makeSpan(decl.span.from, decl.span.to + endShift),
        value: table,
      };
    }),
    diagnostics: rowDiagnostics(
      previous.relative,
      declStart + oldRow.span.from,
      declStart + oldRow.span.to,
      delta,
      row.cells.length !== expected && expected > 0
        ? makeDiagnostic("P1015", makeSpan(declStart + row.span.from, declStart + row.span.to), {
            found: row.cells.length,
            expected,
          })
        : undefined,
    ),
  };
}

/**
 * The chunk's diagnostics after the row `[from, to)` (chunk-relative) was replaced: that row's
 * cell count dropped and replaced by `added`, later ones moved by `delta`.
 */
function rowDiagnostics(
  old: readonly Diagnostic[],
  from: number,
  to: number,
  delta: number,
  added: Diagnostic | undefined,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const d of old) {
    if (d.span.from === from && d.span.to === to) continue;
    out.push(d.span.from >= to ? shiftDiagnostic(d, delta) : d);
  }
  if (added !== undefined) out.push(added);
  return out;
}

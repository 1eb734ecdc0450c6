/**
 * Importing figures from CSV into a model's inputs, previewed before anything changes. The CSV is
 * the grid's own shape (`gridCsv`: key, label, unit, then one column per period, values in the
 * row's unit), so a grid exported, edited in a spreadsheet and imported round-trips. Each input
 * named by a row gets its values rewritten as a table of every period; empty cells keep the
 * model's value; rows of calculations are ignored. The new text is checked before it is offered:
 * an import that would add an error, or that does not give the figures asked for, is refused.
 */
import { checkModel, parseModel, type CheckedLineItem, type InputDecl } from "../lang";
import { exactInUnit } from "../engine";
import { csvImportMessage, type CsvImportCode } from "./codes";

/** One figure the import changes, in the line's unit. `before` is null where there was none. */
export interface CsvChange {
  readonly key: string;
  readonly period: string;
  readonly before: string | null;
  readonly after: string;
}

/** What an import would do, or why it cannot. */
export type CsvImportPreview =
  | {
      readonly ok: true;
      /** The inputs rewritten, in model order. */
      readonly inputs: readonly string[];
      readonly changes: readonly CsvChange[];
      /** Rows left alone: calculations, and inputs whose figures are all as in the model. */
      readonly ignored: number;
      /** The model text with the figures in; nothing is changed until the caller uses it. */
      readonly text: string;
    }
  | {
      readonly ok: false;
      readonly code: CsvImportCode;
      readonly message: string;
      /** The CSV line (1-based) the problem is on, when it is one line's. */
      readonly line?: number;
    };

/** Reads CSV with double-quoted cells ("" is a quote inside one); CRLF or LF line ends. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (quoted) {
      if (c === '"' && text.charAt(i + 1) === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text.charAt(i + 1) === "\n") i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += c;
  }
  if (cell !== "" || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows.filter((r) => r.some((c) => c.trim() !== ""));
}

/** Tunables of the import. */
export const CsvImportLimits = { maxBytes: 2 * 1024 * 1024, maxRows: 100_000 } as const;

const figure = /^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;

/** A figure as a plain canonical decimal: no commas, no leading or trailing zeros, no "-0". */
export function canonicalFigure(text: string): string {
  const negative = text.startsWith("-");
  const body = text.replace(/^-/, "").replace(/,/g, "");
  const [whole = "0", fraction = ""] = body.split(".");
  const w = whole.replace(/^0+(?=\d)/, "");
  const f = fraction.replace(/0+$/, "");
  const plain = f === "" ? w : `${w}.${f}`;
  return negative && /[1-9]/.test(plain) ? `-${plain}` : plain;
}

function refuse(
  code: CsvImportCode,
  args: Record<string, string>,
  line?: number,
): CsvImportPreview {
  const message = csvImportMessage(code, args);
  return line === undefined ? { ok: false, code, message } : { ok: false, code, message, line };
}

/** Previews importing `csv` into the inputs of `text`. Never throws; changes nothing. */
export function previewCsvImport(text: string, csv: string): CsvImportPreview {
  if (csv.length > CsvImportLimits.maxBytes) return refuse("P7001", { detail: "it is over 2 MiB" });
  const rows = parseCsv(csv.replace(/^\uFEFF/, ""));
  const header = rows[0];
  if (header?.[0] !== "key" || header[2] !== "unit")
    return refuse("P7001", { detail: "its first row is not key, label, unit and the periods" });
  if (rows.length > CsvImportLimits.maxRows)
    return refuse("P7001", { detail: `it has over ${CsvImportLimits.maxRows} rows` });
  const checked = checkModel(text);
  const periods = checked.periods;
  const columns = header.slice(3).map((p) => periods.indexOf(p.trim()));
  const unknown = columns.findIndex((c) => c < 0);
  if (unknown >= 0)
    return refuse("P7002", { period: header[3 + unknown] ?? "", first: periods[0] ?? "" }, 1);

  const byName = new Map(checked.lineItems.map((l) => [l.name, l]));
  // The figures asked for: input name → member index → period index → canonical figure.
  const wanted = new Map<string, Map<number, Map<number, string>>>();
  let ignored = 0;
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r] ?? [];
    const key = (row[0] ?? "").trim();
    const match = /^([^[\]]+)(?:\[([^[\]]+)\])?$/.exec(key);
    const item = match === null ? undefined : byName.get(match[1] ?? "");
    if (item === undefined) return refuse("P7003", { key }, r + 1);
    if (item.kind !== "input") {
      ignored++;
      continue;
    }
    const dim = checked.dimensions.find((d) => d.name === item.dimension);
    const memberName = match?.[2];
    const member =
      dim === undefined
        ? memberName === undefined
          ? 0
          : -1
        : dim.members.findIndex((m) => m.name === memberName);
    if (member < 0) return refuse("P7003", { key }, r + 1);
    const unit = (row[2] ?? "").trim();
    if (unit !== item.unit.display)
      return refuse("P7004", { key, unit, expected: item.unit.display }, r + 1);
    const cells = wanted.get(item.name) ?? new Map<number, Map<number, string>>();
    wanted.set(item.name, cells);
    const values = cells.get(member) ?? new Map<number, string>();
    cells.set(member, values);
    for (let c = 0; c < columns.length; c++) {
      const cell = (row[3 + c] ?? "").trim();
      if (cell === "") continue;
      if (!figure.test(cell)) return refuse("P7005", { key, text: cell.slice(0, 40) }, r + 1);
      values.set(columns[c] ?? 0, canonicalFigure(cell));
    }
  }

  const ast = parseModel(text).ast;
  const edits: { from: number; to: number; insert: string }[] = [];
  const changes: CsvChange[] = [];
  const inputs: string[] = [];
  for (const item of checked.lineItems) {
    const asked = wanted.get(item.name);
    if (asked === undefined) continue;
    const grid = currentFigures(item, checked.dimensions, periods.length);
    if (grid === undefined) return refuse("P7006", { key: item.name });
    const names = memberNames(item, checked.dimensions);
    let changed = false;
    for (const [m, values] of asked) {
      for (const [t, v] of values) {
        const before = grid[m]?.[t] ?? null;
        if (before !== null && before !== "blank" && canonicalFigure(before) === v) continue;
        (grid[m] as (string | null)[])[t] = v;
        const key = names[m] === undefined ? item.name : `${item.name}[${names[m] ?? ""}]`;
        changes.push({ key, period: periods[t] ?? "", before, after: v });
        changed = true;
      }
    }
    if (!changed) {
      ignored += asked.size;
      continue;
    }
    const missing = grid.findIndex((row) => row.some((v) => v === null));
    if (missing >= 0) return refuse("P7007", { key: item.name });
    const decl = ast.decls.find(
      (d): d is InputDecl => d.kind === "input" && d.name.name === item.name,
    );
    if (decl === undefined) return refuse("P7006", { key: item.name });
    edits.push({
      from: decl.value.span.from,
      to: decl.value.span.to,
      insert: tableText(periods, names, grid as string[][]),
    });
    inputs.push(item.name);
  }
  if (changes.length === 0) return refuse("P7008", {});
  let next = text;
  for (const e of [...edits].sort((a, b) => b.from - a.from))
    next = next.slice(0, e.from).replace(/\s+$/, "") + e.insert + next.slice(e.to);
  const problem = verify(checked.diagnostics.length, next, changes);
  if (problem !== undefined) return refuse("P7009", { detail: problem });
  return { ok: true, inputs, changes, ignored, text: next };
}

/** Each member's value in each period, in the line's unit (null: none given), or undefined for text. */
function currentFigures(
  item: CheckedLineItem,
  dimensions: ReturnType<typeof checkModel>["dimensions"],
  P: number,
): (string | null)[][] | undefined {
  if (item.definition.kind !== "input") return undefined;
  const values = item.definition.values;
  const count = dimensions.find((d) => d.name === item.dimension)?.members.length ?? 1;
  const grid: (string | null)[][] = [];
  for (let m = 0; m < count; m++) {
    const row: (string | null)[] = [];
    for (let t = 0; t < P; t++) {
      const v =
        values.kind === "scalar"
          ? values.value
          : values.kind === "series"
            ? values.values[t]
            : values.kind === "table"
              ? values.rows[m]?.[t]
              : values.values[m];
      if (v?.startsWith('"') === true) return undefined;
      row.push(
        v === undefined || v === null
          ? null
          : v === "blank"
            ? v
            : exactInUnit(v, item.unit.display),
      );
    }
    grid.push(row);
  }
  return grid;
}

function memberNames(
  item: CheckedLineItem,
  dimensions: ReturnType<typeof checkModel>["dimensions"],
): (string | undefined)[] {
  const dim = dimensions.find((d) => d.name === item.dimension);
  return dim === undefined ? [undefined] : dim.members.map((m) => m.name);
}

/** An input's value as a table of every period, one row per member, aligned in columns. */
function tableText(
  periods: readonly string[],
  members: readonly (string | undefined)[],
  grid: readonly (readonly string[])[],
): string {
  const lead = Math.max(5, ...members.map((m) => (m ?? "").length));
  const widths = periods.map((p, t) =>
    Math.max(p.length, ...grid.map((row) => (row[t] ?? "").length)),
  );
  const line = (first: string, cells: readonly string[]) =>
    `  ${first.padEnd(lead)}  ${cells.map((c, t) => c.padStart(widths[t] ?? 0)).join("  ")}`.trimEnd();
  return ["", line("table", periods), ...grid.map((row, m) => line(members[m] ?? "", row))].join(
    "\n",
  );
}

/** Checks the new text: no new diagnostics, and each changed figure reads back as asked. */
function verify(
  diagnosticsBefore: number,
  text: string,
  changes: readonly CsvChange[],
): string | undefined {
  const checked = checkModel(text);
  if (checked.diagnostics.length > diagnosticsBefore)
    return checked.diagnostics[checked.diagnostics.length - 1]?.message ?? "a new diagnostic";
  for (const c of changes) {
    const [, name = "", member] = /^([^[\]]+)(?:\[([^[\]]+)\])?$/.exec(c.key) ?? [];
    const item = checked.lineItems.find((l) => l.name === name);
    const dims = checked.dimensions;
    const m =
      member === undefined
        ? 0
        : (dims
            .find((d) => d.name === item?.dimension)
            ?.members.findIndex((x) => x.name === member) ?? -1);
    const t = checked.periods.indexOf(c.period);
    const got =
      item === undefined ? undefined : currentFigures(item, dims, checked.periods.length)?.[m]?.[t];
    if (got === undefined || got === null || canonicalFigure(got) !== c.after)
      return `${c.key} in ${c.period} would read ${got ?? "nothing"}, not ${c.after}`;
  }
  return undefined;
}

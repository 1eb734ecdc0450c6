import type {
  CellSnapshot,
  CheckSnapshot,
  DiagnosticSnapshot,
  ErrorInfo,
  ExplainNode,
  LineSnapshot,
} from "../engine";
import { baseUnitOf, exactInUnit } from "../engine";
import { gridCsv } from "../export/csv";
import { errorCount, type Report } from "./report";

/** 1-based line and column of a UTF-16 offset in `text`. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: end - start + 1 };
}

/** One diagnostic as `file:line:col: severity CODE message`. */
export function renderDiagnostic(file: string, text: string, d: DiagnosticSnapshot): string {
  const at = lineColumn(text, d.from);
  return `${file}:${at.line}:${at.column}: ${d.severity} ${d.code} ${d.message}`;
}

/** A check's outcome and each failure, for `precept check` and the table output. */
export function renderCheck(c: CheckSnapshot): string[] {
  const status =
    c.known !== undefined ? (c.passed ? "known, now passes" : "known") : c.passed ? "pass" : "FAIL";
  const out = [
    `[${status}] ${c.name}${c.label !== "" && c.label !== c.name ? ` (${c.label})` : ""}`,
  ];
  if (c.known !== undefined) out.push(`    known finding: ${c.known}`);
  for (const f of c.failures) {
    const where = [f.period, f.member].filter((x) => x !== undefined).join(" ");
    out.push(
      `    ${where === "" ? "" : `${where}: `}${f.message} (left ${f.left}, right ${f.right})`,
    );
  }
  return out;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

/**
 * The master check line. It passes only when every check holds (known findings allowed) and the
 * model has no error: checks over a model with errors prove nothing.
 */
export function renderMaster(r: Report): string {
  const m = r.snapshot.masterCheck;
  const total = r.snapshot.checks.length;
  const errors = errorCount(r);
  if (errors > 0) {
    const failed = r.failedChecks > 0 ? `; ${r.failedChecks} of ${total} checks failed` : "";
    return `Master check: FAIL (the model has ${plural(errors, "error")}${failed})`;
  }
  return r.failedChecks === 0
    ? `Master check: pass (${total} checks${m.known > 0 ? `, ${m.known} known findings` : ""})`
    : `Master check: FAIL (${r.failedChecks} of ${total} checks failed)`;
}

/** Values as an aligned text table in display units, brackets for negatives. */
export function renderTable(r: Report): string {
  const s = r.snapshot;
  const header = ["", "unit", ...s.periods];
  const rows = r.lines.map((l) => [l.key, l.unit, ...l.cells.map((c) => c.display)]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const pad = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i < 2 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join("  ")
      .trimEnd();
  const lines = [
    `${s.title}${s.scenario === null ? "" : ` — scenario ${s.scenario}`}`,
    pad(header),
  ];
  let section = "";
  for (const [i, row] of rows.entries()) {
    const line = r.lines[i] as LineSnapshot;
    if (line.section !== section && line.section !== "") {
      section = line.section;
      lines.push(`## ${section}`);
    }
    lines.push(pad(row));
  }
  lines.push("", ...s.checks.flatMap(renderCheck), renderMaster(r));
  return lines.join("\n") + "\n";
}

/** A cell in JSON: its exact value, null when blank, or `{ error: { code, message, origin } }`. */
export type JsonCell = string | null | { readonly error: ErrorInfo };

/** A cell as `eval --format json` writes it, its value in `unit` (the line's). */
export function jsonCell(c: CellSnapshot | undefined, unit: string): JsonCell {
  if (c === undefined) return null;
  if (c.error !== undefined) return { error: c.error };
  return c.value === null ? null : exactInUnit(c.value, unit);
}

/** A line's values in JSON, in `unit`: `value` for a scalar, else `values` by period. */
function jsonValues(l: LineSnapshot, periods: readonly string[], unit: string): object {
  if (l.scalar !== undefined) return { unit, value: jsonCell(l.scalar, unit) };
  const values: Record<string, JsonCell> = {};
  periods.forEach((p, i) => (values[p] = jsonCell(l.cells[i], unit)));
  return { unit, values };
}

/**
 * The JSON object of `precept eval --format json`. Each item's values are exact and in the unit
 * it names: `unit` is the line's own unit (a `(£000)` line's values in thousands, a `(%)` line's
 * 2.99 for 2.99%), and `base` repeats them in the base unit (`£`, `number`: 52400000, 0.0299). A
 * blank cell is null and an error cell is `{ "error": { "code", "message", "origin": { "item",
 * "period" } } }` (origin: the line item and period where the error started). Each check has its
 * name, label, whether it passed, its failures and, for a known finding, `known` (the
 * explanation). `errors` counts the error diagnostics; `diagnostics` lists every diagnostic with
 * its line and column.
 */
export function renderJson(r: Report, text: string): string {
  const s = r.snapshot;
  const items: Record<string, unknown> = {};
  for (const l of r.lines) {
    items[l.key] = {
      ...jsonValues(l, s.periods, l.unit),
      base: jsonValues(l, s.periods, baseUnitOf(l.unit)),
    };
  }
  const checks = s.checks.map((c) => ({
    name: c.name,
    label: c.label,
    passed: c.passed,
    ...(c.known === undefined ? {} : { known: c.known }),
    failures: c.failures,
  }));
  const diagnostics = s.diagnostics.map((d) => {
    const at = lineColumn(text, d.from);
    return {
      code: d.code,
      severity: d.severity,
      message: d.message,
      line: at.line,
      column: at.column,
      ...(d.item === undefined ? {} : { item: d.item }),
    };
  });
  return (
    JSON.stringify(
      {
        model: s.title,
        scenario: s.scenario,
        periods: s.periods,
        items,
        checks,
        errors: errorCount(r),
        diagnostics,
      },
      null,
      2,
    ) + "\n"
  );
}

export { csvCell } from "../export/csv";

/**
 * Values as CSV: key, label, unit, then one exact value per period in that row's unit (errors as
 * codes, blank cells empty); see `gridCsv`.
 */
export function renderCsv(r: Report, base = false): string {
  return gridCsv(r.snapshot.periods, r.lines, base);
}

/** A derivation tree as indented text, one cell per line. */
export function renderExplain(tree: ExplainNode): string {
  const out: string[] = [];
  const stack: { node: ExplainNode; depth: number }[] = [{ node: tree, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop() as { node: ExplainNode; depth: number };
    const cell = node.period === undefined ? node.key : `${node.key}[${node.period}]`;
    const unit = node.unit === "" || node.unit === "%" ? "" : ` ${node.unit}`;
    let detail: string;
    if (node.error !== undefined) detail = `  ${node.error.code}: ${node.error.message}`;
    else if (node.formula !== undefined) detail = `  = ${node.formula}`;
    else if (node.period === "opening") detail = "  opening value";
    else detail = "  input";
    if (node.source !== undefined && node.formula === undefined)
      detail += `, source "${node.source}"`;
    if (node.repeated === true) detail += " (shown above)";
    out.push(`${"  ".repeat(depth)}${cell} = ${node.display}${unit}${detail}`);
    for (let i = node.children.length - 1; i >= 0; i--) {
      stack.push({ node: node.children[i] as ExplainNode, depth: depth + 1 });
    }
  }
  return out.join("\n") + "\n";
}

import type {
  CheckSnapshot,
  DiagnosticSnapshot,
  EvalSnapshot,
  ExplainNode,
  LineSnapshot,
} from "../engine";

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

/** The master check line. */
export function renderMaster(s: EvalSnapshot): string {
  const m = s.masterCheck;
  return m.passed
    ? `Master check: pass (${s.checks.length} checks${m.known > 0 ? `, ${m.known} known findings` : ""})`
    : `Master check: FAIL (${m.failed} of ${s.checks.length} checks failed)`;
}

/** Values as an aligned text table in display units, brackets for negatives. */
export function renderTable(s: EvalSnapshot): string {
  const header = ["", "unit", ...s.periods];
  const rows = s.lines.map((l) => [l.key, l.unit, ...l.cells.map((c) => c.display)]);
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
    const line = s.lines[i] as LineSnapshot;
    if (line.section !== section && line.section !== "") {
      section = line.section;
      lines.push(`## ${section}`);
    }
    lines.push(pad(row));
  }
  lines.push("", ...s.checks.flatMap(renderCheck), renderMaster(s));
  return lines.join("\n") + "\n";
}

/**
 * The JSON object of `precept eval --format json`: exact values in base units. Each check has its
 * name, label, whether it passed, its failures and, for a known finding, `known` (the explanation).
 */
export function renderJson(s: EvalSnapshot): string {
  const items: Record<string, unknown> = {};
  for (const l of s.lines) {
    if (l.scalar !== undefined) items[l.key] = { unit: l.unit, value: l.scalar.value };
    else {
      const values: Record<string, string | null> = {};
      s.periods.forEach((p, i) => (values[p] = l.cells[i]?.value ?? null));
      items[l.key] = { unit: l.unit, values };
    }
  }
  const checks = s.checks.map((c) => ({
    name: c.name,
    label: c.label,
    passed: c.passed,
    ...(c.known === undefined ? {} : { known: c.known }),
    failures: c.failures,
  }));
  return (
    JSON.stringify(
      { model: s.title, scenario: s.scenario, periods: s.periods, items, checks },
      null,
      2,
    ) + "\n"
  );
}

/** Characters that make a spreadsheet read a text cell as a formula. */
const formulaStart = /^[=+\-@\t\r\n]/;
/** A plain decimal number, which a spreadsheet reads as a number. */
const plainNumber = /^-?\d+(\.\d+)?$/;

/**
 * One CSV cell. Numbers stay numbers; text that a spreadsheet would take for a formula (starting
 * with = + - @ tab CR or LF once leading spaces, including no-break spaces, are trimmed) gets a leading
 * apostrophe; cells with commas, quotes or line breaks are quoted.
 */
export function csvCell(text: string): string {
  let out = text;
  if (!plainNumber.test(text) && formulaStart.test(text.replace(/^\p{Zs}+/u, ""))) out = `'${text}`;
  return /[",\r\n]/.test(out) ? `"${out.replace(/"/g, '""')}"` : out;
}

/**
 * Values as CSV: key, label, unit, then one exact base-unit value per period (errors as codes,
 * blank cells empty).
 */
export function renderCsv(s: EvalSnapshot): string {
  const rows = [["key", "label", "unit", ...s.periods]];
  for (const l of s.lines) {
    rows.push([
      l.key,
      l.label,
      l.unit,
      ...l.cells.map((c) => c.value ?? (c.error === undefined ? "" : `#${c.error.code}`)),
    ]);
  }
  return rows.map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n";
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

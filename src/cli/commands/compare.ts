import { type ComparisonRow, type Engine, type LineSnapshot } from "../../engine";
import type { Command } from "../args";
import type { Output } from "../main";
import { exactInUnit } from "../../engine";
import { csvCell, jsonCell, renderDiagnostic, renderMaster, type JsonCell } from "../render";
import { exitCodeOf, makeReport, type Report } from "../report";

type CompareCommand = Extract<Command, { kind: "compare" }>;

const nameOf = (s: string | null): string => s ?? "base";

/**
 * `precept compare FILE A B`: both scenarios' values by period, the difference B − A and the
 * difference as a percentage of |A|, as a table (changed lines only), CSV or JSON (every line).
 * Values come from each scenario's report, so a line with an error diagnostic, and its readers,
 * show as that error in both. The exit code is the worse of the two scenarios' (docs/cli.md);
 * the caller has checked that both scenarios exist.
 */
export function runCompare(
  command: CompareCommand,
  engine: Engine,
  file: string,
  text: string,
  io: Output,
): number {
  const left = makeReport(engine, engine.setScenario(command.left));
  const right = makeReport(engine, engine.setScenario(command.right));
  const comparison = engine.compare(command.left, command.right);
  for (const d of left.errors) io.err(`${renderDiagnostic(file, text, d)}\n`);
  const rows = joinRows(comparison.rows, left, right);
  const names = { left: nameOf(command.left), right: nameOf(command.right) };
  io.out(
    command.format === "json"
      ? renderCompareJson(rows, left, right, names)
      : command.format === "csv"
        ? renderCompareCsv(rows, left.snapshot.periods, names)
        : renderCompareTable(rows, left, right, names),
  );
  return Math.max(exitCodeOf(left), exitCodeOf(right));
}

/** One line in both scenarios, as each report shows it, with the engine's differences. */
interface JoinedRow {
  readonly left: LineSnapshot;
  readonly right: LineSnapshot;
  readonly row: ComparisonRow;
  /** Whether the line is shown as an error because of a diagnostic (no differences then). */
  readonly tainted: boolean;
  readonly changed: boolean;
}

function joinRows(
  rows: readonly ComparisonRow[],
  left: Report,
  right: Report,
): readonly JoinedRow[] {
  const byKey = (r: Report) => new Map(r.lines.map((l) => [l.key, l]));
  // The report replaces a line shown as a diagnostic's error by a new object.
  const tainted = new Set(
    left.lines.filter((l, i) => l !== left.snapshot.lines[i]).map((l) => l.key),
  );
  const a = byKey(left);
  const b = byKey(right);
  const out: JoinedRow[] = [];
  for (const row of rows) {
    const l = a.get(row.key);
    const r = b.get(row.key);
    if (l === undefined || r === undefined) continue;
    const t = tainted.has(row.key);
    out.push({ left: l, right: r, row, tainted: t, changed: !t && row.changed });
  }
  return out;
}

/** The difference (or relative difference) cells of a row, blank where the line is an error. */
/** A difference in the line's unit (a £000 line's in thousands), as the values beside it are. */
const inUnit = (v: string | null, unit: string): string | null =>
  v === null ? null : exactInUnit(v, unit);

function differences(j: JoinedRow, which: "difference" | "relative"): readonly (string | null)[] {
  return j.tainted ? j.row.left.map(() => null) : j.row[which];
}

function displays(j: JoinedRow, which: "differenceDisplay" | "relativeDisplay"): readonly string[] {
  return j.tainted ? j.row.left.map(() => "") : j.row[which];
}

function renderCompareTable(
  rows: readonly JoinedRow[],
  left: Report,
  right: Report,
  names: { left: string; right: string },
): string {
  const s = left.snapshot;
  const shown = rows.filter((r) => r.changed);
  const series = [names.left, names.right, "difference", "difference %"];
  const table: string[][] = [];
  const sections: (string | undefined)[] = [];
  let section = "";
  for (const j of shown) {
    if (j.left.section !== section && j.left.section !== "") {
      section = j.left.section;
      sections[table.length] = section;
    }
    const cells = [
      j.left.cells.map((c) => c.display),
      j.right.cells.map((c) => c.display),
      displays(j, "differenceDisplay"),
      displays(j, "relativeDisplay"),
    ];
    cells.forEach((values, k) =>
      table.push([
        k === 0 ? j.left.key : "",
        k === 0 ? j.left.unit : "",
        series[k] ?? "",
        ...values,
      ]),
    );
  }
  const header = ["", "unit", "", ...s.periods];
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((r) => (r[i] ?? "").length)));
  const pad = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i < 3 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join("  ")
      .trimEnd();
  const out = [`${s.title} — ${names.right} compared with ${names.left}`, pad(header)];
  table.forEach((row, i) => {
    const heading = sections[i];
    if (heading !== undefined) out.push(`## ${heading}`);
    out.push(pad(row));
  });
  const same = rows.length - shown.length;
  if (shown.length === 0) out.push("No line differs between the two scenarios.");
  out.push(
    "",
    `${same} ${same === 1 ? "line is" : "lines are"} the same in both and not shown (--format csv or json lists every line).`,
    `${names.left}: ${renderMaster(left)}`,
    `${names.right}: ${renderMaster(right)}`,
  );
  return out.join("\n") + "\n";
}

function renderCompareCsv(
  rows: readonly JoinedRow[],
  periods: readonly string[],
  names: { left: string; right: string },
): string {
  // Values are in the unit the row names (a £000 line's in thousands), as eval's CSV gives them.
  const exact = (l: LineSnapshot) =>
    l.cells.map((c) =>
      c.value !== null
        ? exactInUnit(c.value, l.unit)
        : c.error === undefined
          ? ""
          : `#${c.error.code}`,
    );
  const out = [["key", "label", "unit", "series", ...periods]];
  for (const j of rows) {
    const head = [j.left.key, j.left.label, j.left.unit];
    out.push([...head, names.left, ...exact(j.left)]);
    out.push([...head, names.right, ...exact(j.right)]);
    out.push([
      ...head,
      "difference",
      ...differences(j, "difference").map((v) => (v === null ? "" : exactInUnit(v, j.left.unit))),
    ]);
    out.push([...head, "relative", ...differences(j, "relative").map((v) => v ?? "")]);
  }
  return out.map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

function renderCompareJson(
  rows: readonly JoinedRow[],
  left: Report,
  right: Report,
  names: { left: string; right: string },
): string {
  const periods = left.snapshot.periods;
  const byPeriod = <T>(values: readonly T[]): Record<string, T> =>
    Object.fromEntries(periods.map((p, i) => [p, values[i] as T]));
  const items: Record<string, unknown> = {};
  for (const j of rows) {
    const head = { label: j.left.label, unit: j.left.unit, changed: j.changed };
    const l = j.left.scalar;
    const r = j.right.scalar;
    // A line with one value for all periods has one value here too, as in `eval`'s JSON.
    items[j.left.key] =
      l !== undefined && r !== undefined
        ? {
            ...head,
            left: jsonCell(l, j.left.unit),
            right: jsonCell(r, j.left.unit),
            difference: inUnit(differences(j, "difference")[0] ?? null, j.left.unit),
            relative: differences(j, "relative")[0] ?? null,
          }
        : {
            ...head,
            left: byPeriod<JsonCell>(j.left.cells.map((c) => jsonCell(c, j.left.unit))),
            right: byPeriod<JsonCell>(j.right.cells.map((c) => jsonCell(c, j.left.unit))),
            difference: byPeriod(differences(j, "difference").map((v) => inUnit(v, j.left.unit))),
            relative: byPeriod(differences(j, "relative")),
          };
  }
  const master = (r: Report) => ({
    passed: r.failedChecks === 0 && r.errors.length === 0,
    failed: r.failedChecks,
  });
  return (
    JSON.stringify(
      {
        model: left.snapshot.title,
        left: names.left,
        right: names.right,
        periods,
        items,
        masterCheck: { left: master(left), right: master(right) },
        errors: left.errors.length,
      },
      null,
      2,
    ) + "\n"
  );
}

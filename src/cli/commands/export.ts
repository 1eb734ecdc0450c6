/**
 * `precept export FILE --format xlsx|csv --output OUT [--scenario S]`: writes the evaluated model
 * as a spreadsheet with live formulas (`src/export`), or its grid as CSV. The file is written
 * beside OUT and renamed over it, so an interrupted export never leaves half a file.
 */
import { renameSync, rmSync, writeFileSync } from "node:fs";
import type { Engine, EvalSnapshot } from "../../engine";
import { buildWorkbookPlan } from "../../export/build";
import { writeXlsx } from "../../export/xlsx";
import type { Command } from "../args";
import type { Output } from "../main";
import { renderCsv, renderDiagnostic } from "../render";
import { exitCodeOf, ExitCode, makeReport } from "../report";

type ExportCommand = Extract<Command, { kind: "export" }>;

/** Runs the export; the exit code is the model's (0 or 1), or 2 when OUT cannot be written. */
export async function runExport(
  command: ExportCommand,
  engine: Engine,
  snap: EvalSnapshot,
  text: string,
  io: Output,
): Promise<number> {
  const report = makeReport(engine, snap);
  for (const d of report.errors) io.err(`${renderDiagnostic(command.file, text, d)}\n`);
  let bytes: Uint8Array | string;
  let summary: string;
  if (command.format === "csv") {
    bytes = renderCsv(report);
    summary = `${report.lines.length} rows`;
  } else {
    const plan = buildWorkbookPlan(engine.checked(), engine.evaluation(), command.scenario);
    bytes = await writeXlsx(plan);
    const sheets = plan.sheets.length;
    summary =
      `${sheets} sheet${sheets === 1 ? "" : "s"}, ${plan.stats.formulas} formula cells, ` +
      `${plan.stats.values} calculated cells as values (see the Notes sheet)`;
  }
  const temp = `${command.output}.precept-export.tmp`;
  try {
    writeFileSync(temp, bytes);
    renameSync(temp, command.output);
  } catch (error) {
    rmSync(temp, { force: true });
    const reason = error instanceof Error && "code" in error ? String(error.code) : "error";
    io.err(`precept: cannot write '${command.output}' (${reason}).\n`);
    return ExitCode.usage;
  }
  io.out(`${command.output}: ${summary}\n`);
  return exitCodeOf(report);
}

import {
  sensitivity,
  type Engine,
  type SensitivityResult,
  type SensitivityRow,
  type Shown,
} from "../../engine";
import type { Command } from "../args";
import type { Output } from "../main";
import { csvCell } from "../render";
import { ExitCode } from "../report";

type SensitivityCommand = Extract<Command, { kind: "sensitivity" }>;

/**
 * `precept sensitivity FILE OUTPUT`: a one-at-a-time sensitivity of one output cell, rows in
 * tornado order (largest swing first), each with its switching value (where the output crosses
 * the threshold, default 0), as a table, CSV or JSON. Exit 0 when it ran; 1 for a model without
 * periods (P2009); 2 for a request that
 * cannot run (unknown line, a calculation named as an input, a malformed number or change).
 */
export function runSensitivity(command: SensitivityCommand, engine: Engine, io: Output): number {
  const result = sensitivity(engine.evaluation(command.scenario), {
    output: command.output,
    ...(command.period === undefined ? {} : { period: command.period }),
    ...(command.inputs === undefined ? {} : { inputs: command.inputs }),
    ...(command.step === undefined ? {} : { step: command.step }),
    ...(command.low === undefined ? {} : { low: command.low }),
    ...(command.high === undefined ? {} : { high: command.high }),
    ...(command.threshold === undefined ? {} : { threshold: command.threshold }),
  });
  if (!result.ok) {
    io.err(`precept: ${result.code} ${result.message}\n`);
    // A model without periods has no cells to vary: the model is the problem, not the request.
    return result.code === "P2009" ? ExitCode.modelProblem : ExitCode.usage;
  }
  io.out(
    command.format === "json"
      ? JSON.stringify(result, null, 2) + "\n"
      : command.format === "csv"
        ? renderSensitivityCsv(result)
        : renderSensitivityTable(result, command.threshold),
  );
  return ExitCode.ok;
}

const d = (s: Shown | undefined): string => s?.display ?? "";

/** The switching value as the table shows it: the change, and the value where there is one. */
export function switchingText(row: SensitivityRow): string {
  const s = row.switching;
  if (s.kind === "none") return "none";
  const change = s.change === undefined ? "" : s.change.display;
  const value = s.value === undefined ? "" : s.value.display;
  const text = change !== "" && value !== "" ? `${change} (${value})` : change || value;
  return s.approximate ? `${text}, steps` : text;
}

/** The table; `threshold` as typed, since the output's own decimals may round it (2.5 years as 3). */
function renderSensitivityTable(r: SensitivityResult, threshold: string | undefined): string {
  const wanted = threshold ?? r.threshold.display;
  const unit = r.outputUnit === "" || r.outputUnit === "%" ? "" : ` (${r.outputUnit})`;
  const header = [
    "input",
    "unit",
    "base",
    "low",
    "high",
    "output low",
    "output high",
    "swing",
    `switching value (${r.output} = ${wanted})`,
  ];
  const rows = r.rows.map((row) => [
    row.key,
    row.unit,
    d(row.base),
    row.low === undefined ? d(row.lowChange) : d(row.low),
    row.high === undefined ? d(row.highChange) : d(row.high),
    d(row.outputLow),
    d(row.outputHigh),
    row.swing === undefined ? (row.error ?? "") : row.swing.display,
    switchingText(row),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((x) => (x[i] ?? "").length)));
  const pad = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i < 2 || i === 8 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join("  ")
      .trimEnd();
  const out = [
    `Sensitivity of ${r.output} = ${r.base.display}${unit} (one input at a time, largest swing first)`,
    pad(header),
    ...rows.map(pad),
  ];
  if (r.rows.length === 0) out.push("No input to vary.");
  for (const s of r.skipped) out.push(`skipped ${s.key}: ${s.reason}`);
  out.push(
    `Switching value: the change from the base (and the value) at which ${r.output} = ${wanted}${threshold === undefined ? unit : ""}.`,
  );
  return out.join("\n") + "\n";
}

function renderSensitivityCsv(r: SensitivityResult): string {
  const out = [
    [
      "input",
      "label",
      "unit",
      "base",
      "low",
      "high",
      "low_change",
      "high_change",
      "output_low",
      "output_high",
      "swing",
      "switching_change",
      "switching_value",
    ],
  ];
  const e = (s: Shown | undefined): string => s?.exact ?? "";
  for (const row of r.rows) {
    const sw = row.switching;
    out.push([
      row.key,
      row.label,
      row.unit,
      e(row.base),
      e(row.low),
      e(row.high),
      e(row.lowChange),
      e(row.highChange),
      e(row.outputLow),
      e(row.outputHigh),
      e(row.swing),
      sw.kind === "found" ? e(sw.change) : "",
      sw.kind === "found" ? e(sw.value) : "",
    ]);
  }
  return out.map((x) => x.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

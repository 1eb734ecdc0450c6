import { renameSync, writeFileSync } from "node:fs";
import { analysisError, createEngine, type Engine, type EvalSnapshot } from "../engine";
import { parseArgs, usage, type Command } from "./args";
import { runCompare } from "./commands/compare";
import { runExport } from "./commands/export";
import { runSensitivity } from "./commands/sensitivity";
import { runSolve } from "./commands/solve";
import { formatText } from "./format";
import { readModelFile } from "./input";
import {
  renderCheck,
  renderCsv,
  renderDiagnostic,
  renderExplain,
  renderJson,
  renderMaster,
  renderTable,
} from "./render";
import { exitCodeOf, ExitCode, makeReport } from "./report";

/** Where the command writes; the tests pass buffers. */
export interface Output {
  out(text: string): void;
  err(text: string): void;
}

/**
 * The process's stdout and stderr. When the reader goes away (`precept eval … | head`), writing
 * fails with EPIPE: the rest of the output is dropped quietly instead of dying with a stack trace.
 */
function makeProcessOutput(): Output {
  const closed = { out: false, err: false };
  const guard = (stream: NodeJS.WriteStream, which: "out" | "err") => {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      closed[which] = true;
      if (error.code !== "EPIPE" && which === "out" && !closed.err)
        process.stderr.write(`precept: cannot write the output (${error.code ?? "error"}).\n`);
    });
  };
  guard(process.stdout, "out");
  guard(process.stderr, "err");
  return {
    out: (text) => {
      if (!closed.out) process.stdout.write(text);
    },
    err: (text) => {
      if (!closed.err) process.stderr.write(text);
    },
  };
}

/**
 * Entry of the `precept` command; returns the exit code (docs/cli.md): 0 the command did its job
 * and the model has no error diagnostic and no failed check; 1 it has one (for
 * `format`: a file is not formatted or cannot be formatted safely); 2 a usage error or a file
 * that cannot be taken as a model (missing, unreadable, not UTF-8, too large); 70 a bug in
 * Precept. Messages are one line each, never a stack trace.
 */
export function main(
  argv: readonly string[],
  io: Output = makeProcessOutput(),
): number | Promise<number> {
  const command = parseArgs(argv);
  if (command.kind === "help") {
    io.out(`${usage}\n`);
    return ExitCode.ok;
  }
  if (command.kind === "usage-error") {
    io.err(`precept: ${command.message}\n${usage}\n`);
    return ExitCode.usage;
  }
  const internal = (error: unknown): number => {
    // A bug in Precept, not in the model: one line, no stack trace.
    io.err(`precept: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    return ExitCode.internal;
  };
  try {
    const code = command.kind === "format" ? runFormat(command, io) : runModel(command, io);
    return typeof code === "number" ? code : code.catch(internal);
  } catch (error) {
    return internal(error);
  }
}

type ModelCommand = Exclude<Command, { kind: "format" | "help" | "usage-error" }>;

function runModel(command: ModelCommand, io: Output): number | Promise<number> {
  const file = readModelFile(command.file);
  if (!file.ok) {
    io.err(`precept: ${file.message}\n`);
    return ExitCode.usage;
  }
  const text = file.text;
  const engine = createEngine();
  engine.update(text);
  const scenarios = command.kind === "compare" ? [command.left, command.right] : [command.scenario];
  const known = engine.snapshot().scenarios.map((s) => s.name);
  for (const s of scenarios) {
    if (s !== null && !known.includes(s)) {
      const choices = ["base", ...known].map((n) => `'${n}'`).join(", ");
      const e = analysisError("P6007", { name: s, choices: `one of ${choices}` });
      io.err(`precept: ${e.code} ${e.message}\n`);
      return ExitCode.usage;
    }
  }
  if (command.kind === "compare") return runCompare(command, engine, command.file, text, io);
  const snap = engine.setScenario(command.scenario);
  switch (command.kind) {
    case "check":
      return runCheck(engine, snap, command.file, text, io);
    case "eval": {
      const report = makeReport(engine, snap);
      for (const d of report.errors) io.err(`${renderDiagnostic(command.file, text, d)}\n`);
      io.out(
        command.format === "json"
          ? renderJson(report, text)
          : command.format === "csv"
            ? renderCsv(report, command.baseUnits)
            : renderTable(report),
      );
      return exitCodeOf(report);
    }
    case "export":
      return runExport(command, engine, snap, text, io);
    case "solve":
    case "sensitivity": {
      const report = makeReport(engine, snap);
      for (const d of report.errors) io.err(`${renderDiagnostic(command.file, text, d)}\n`);
      return command.kind === "solve"
        ? runSolve(command, engine, io)
        : runSensitivity(command, engine, io);
    }
    case "explain": {
      const result = engine.explain(command.target);
      if (!result.ok) {
        io.err(`precept: ${result.message}\n`);
        return ExitCode.usage;
      }
      const report = makeReport(engine, snap);
      for (const d of report.errors) io.err(`${renderDiagnostic(command.file, text, d)}\n`);
      io.out(renderExplain(result.tree));
      return result.tree.error === undefined ? exitCodeOf(report) : ExitCode.modelProblem;
    }
  }
}

function runCheck(
  engine: Engine,
  snap: EvalSnapshot,
  file: string,
  text: string,
  io: Output,
): number {
  const report = makeReport(engine, snap);
  for (const d of snap.diagnostics) io.out(`${renderDiagnostic(file, text, d)}\n`);
  for (const c of snap.checks) io.out(`${renderCheck(c).join("\n")}\n`);
  io.out(`${renderMaster(report)}\n`);
  return exitCodeOf(report);
}

function runFormat(command: Extract<Command, { kind: "format" }>, io: Output): number {
  let code: number = ExitCode.ok;
  for (const name of command.files) {
    const file = readModelFile(name);
    if (!file.ok) {
      io.err(`precept: ${file.message}\n`);
      return ExitCode.usage;
    }
    const result = formatText(file.text);
    if (!result.ok) {
      io.err(`precept: ${name} was not formatted: ${result.reason}.\n`);
      code = ExitCode.modelProblem;
      continue;
    }
    if (command.mode === "print") io.out(result.text);
    else if (result.changed && command.mode === "check") {
      io.out(`${name}: not formatted (precept format --write fixes it)\n`);
      code = ExitCode.modelProblem;
    } else if (result.changed) {
      // Write beside the file and rename over it, so an interrupted write leaves the old text.
      const temp = `${name}.precept-format.tmp`;
      try {
        writeFileSync(temp, result.text);
        renameSync(temp, name);
      } catch (error) {
        const reason = error instanceof Error && "code" in error ? String(error.code) : "error";
        io.err(`precept: cannot write '${name}' (${reason}).\n`);
        return ExitCode.usage;
      }
      io.out(`${name}: formatted\n`);
    }
  }
  return code;
}

import { readFileSync } from "node:fs";
import { createEngine } from "../engine";
import { parseArgs, usage } from "./args";
import {
  renderCheck,
  renderCsv,
  renderDiagnostic,
  renderExplain,
  renderJson,
  renderMaster,
  renderTable,
} from "./render";

/** Where the command writes; the tests pass buffers. */
export interface Output {
  out(text: string): void;
  err(text: string): void;
}

const processOutput: Output = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

/**
 * Entry of the `precept` command; returns the exit code. 0: success; 1: the model has an error
 * diagnostic or a failed check (`check`), or the cell is an error (`explain`); 2: a usage error
 * or an unreadable file, with a one-line message and never a stack trace.
 */
export function main(argv: readonly string[], io: Output = processOutput): number {
  const command = parseArgs(argv);
  if (command.kind === "help") {
    io.out(`${usage}\n`);
    return 0;
  }
  if (command.kind === "usage-error") {
    io.err(`precept: ${command.message}\n${usage}\n`);
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(command.file, "utf8");
  } catch (error) {
    const reason = error instanceof Error && "code" in error ? String(error.code) : "unreadable";
    io.err(`precept: cannot read '${command.file}' (${reason}).\n`);
    return 2;
  }
  try {
    const engine = createEngine();
    engine.update(text);
    if (command.scenario !== null) {
      const known = engine.snapshot().scenarios.some((s) => s.name === command.scenario);
      if (!known) {
        io.err(`precept: unknown scenario '${command.scenario}'.\n`);
        return 2;
      }
    }
    const snap = engine.setScenario(command.scenario);
    switch (command.kind) {
      case "check": {
        for (const d of snap.diagnostics) io.out(`${renderDiagnostic(command.file, text, d)}\n`);
        for (const c of snap.checks) io.out(`${renderCheck(c).join("\n")}\n`);
        io.out(`${renderMaster(snap)}\n`);
        const errors = snap.diagnostics.some((d) => d.severity === "error");
        return errors || !snap.masterCheck.passed ? 1 : 0;
      }
      case "eval":
        for (const d of snap.diagnostics) {
          if (d.severity === "error") io.err(`${renderDiagnostic(command.file, text, d)}\n`);
        }
        io.out(
          command.format === "json"
            ? renderJson(snap)
            : command.format === "csv"
              ? renderCsv(snap)
              : renderTable(snap),
        );
        return 0;
      case "explain": {
        const result = engine.explain(command.target);
        if (!result.ok) {
          io.err(`precept: ${result.message}\n`);
          return 2;
        }
        io.out(renderExplain(result.tree));
        return result.tree.error === undefined ? 0 : 1;
      }
    }
  } catch (error) {
    // A bug in Precept, not in the model: one line, no stack trace.
    io.err(`precept: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    return 70;
  }
}

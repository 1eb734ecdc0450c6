import type { Engine } from "../../engine";
import type { Command } from "../args";
import type { Output } from "../main";
import { ExitCode } from "../report";

type SolveCommand = Extract<Command, { kind: "solve" }>;

/**
 * `precept solve FILE --input X --target LINE --value Z`: goal seek on the engine's incremental
 * path. Prints the input value found and the target there (table or JSON) and exits 0; exits 1
 * with a P4005 message when no value in the range reaches the target (or P2009, a model without
 * periods, whose cells do not exist), and 2 for a request that
 * names an unknown line, member or period, a calculation as the input, or a malformed number.
 */
export function runSolve(command: SolveCommand, engine: Engine, io: Output): number {
  const result = engine.goalSeek(
    {
      input: command.input,
      target: command.target,
      value: command.value,
      ...(command.period === undefined ? {} : { period: command.period }),
      ...(command.low === undefined ? {} : { low: command.low }),
      ...(command.high === undefined ? {} : { high: command.high }),
    },
    command.scenario,
  );
  if (command.format === "json") {
    io.out(JSON.stringify(result, null, 2) + "\n");
  } else if (result.ok) {
    const unit = (u: string) => (u === "" || u === "%" ? "" : ` ${u}`);
    const lines = [
      `${result.inputKey} = ${result.solution.input.display}${unit(result.inputUnit)}  (exact ${result.input})`,
      `gives ${result.targetKey} = ${result.solution.target.display}${unit(result.targetUnit)}  (wanted ${command.value}; exact ${result.target})`,
    ];
    if (result.base !== undefined) {
      lines.push(
        `at the model's own values: ${result.inputKey} = ${result.base.input.display}${unit(result.inputUnit)}, ` +
          `${result.targetKey} = ${result.base.target.display}${unit(result.targetUnit)}`,
      );
    }
    for (const passes of [false, true]) {
      const names = result.checks.filter((c) => c.passes === passes).map((c) => c.name);
      if (names.length === 0) continue;
      const shown =
        names.length > 6 ? [...names.slice(0, 5), `and ${names.length - 5} more`] : names;
      const which = names.length === 1 ? "check" : `${names.length} checks`;
      lines.push(
        passes
          ? `${which} that fail at the model's own values pass at the solution: ${shown.join(", ")}`
          : `${which} that pass at the model's own values FAIL at the solution: ${shown.join(", ")}`,
      );
    }
    lines.push(`${result.iterations} evaluations`);
    io.out(lines.join("\n") + "\n");
  }
  if (result.ok) return ExitCode.ok;
  if (command.format !== "json" || result.code !== "P4005")
    io.err(`precept: ${result.code} ${result.message}\n`);
  return result.code === "P4005" || result.code === "P2009"
    ? ExitCode.modelProblem
    : ExitCode.usage;
}

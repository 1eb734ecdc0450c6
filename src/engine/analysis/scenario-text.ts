import { exactInUnit, isDecimal, toExactString } from "../num";
import type { Evaluation } from "../recompute";
import { selectInput } from "./selector";

/** Model text that declares a scenario, or why none can be written for that input. */
export type ScenarioText =
  | { readonly ok: true; readonly name: string; readonly text: string }
  | { readonly ok: false; readonly reason: string };

/**
 * The declaration of a scenario that sets `input` (as goal seek names it: `name`,
 * `name[2019/20]`) to `value` (exact, base units), leaving its other cells at their values in
 * `base`. The name is `prefix`, or `prefix_2`, `prefix_3`, … when the model has it already. The
 * values are exact: the scenario gives the solution's target exactly, not to display rounding.
 * Only for lines without a dimension (an override of a dimensioned input is a table of members).
 */
export function solutionScenarioText(
  base: Evaluation,
  input: string,
  value: string,
  prefix: string,
  label: string,
): ScenarioText {
  const model = base.compiled.model;
  const selected = selectInput(model, input, "Goal seek");
  if (!selected.ok) return { ok: false, reason: selected.message };
  const line = selected.line;
  if (line.dim >= 0)
    return {
      ok: false,
      reason: `'${line.name}' has a dimension; copy the value into the model text instead.`,
    };
  const literal = (exact: string) =>
    line.unit === "%" ? `${exactInUnit(exact, "%")}%` : exactInUnit(exact, line.unit);
  const chosen = new Set(selected.cells);
  let body: string;
  if (line.scalar || chosen.size === line.inputs.length) {
    body = ` ${literal(value)}`;
  } else {
    const rows: string[] = [];
    for (const [i, period] of model.periods.entries()) {
      const cell = line.inputs[i];
      const kept = isDecimal(cell) ? toExactString(cell) : undefined;
      if (!chosen.has(i) && kept === undefined)
        return { ok: false, reason: `'${line.name}[${period}]' is not a number.` };
      const exact = chosen.has(i) ? value : (kept ?? value);
      rows.push(`\n    | ${period} : ${literal(exact)}`);
    }
    body = rows.join("");
  }
  const taken = new Set(model.scenarios.map((s) => s.name));
  let name = prefix;
  for (let n = 2; taken.has(name); n++) name = `${prefix}_${String(n)}`;
  const quoted = label.replace(/["\\]/g, "'");
  return {
    ok: true,
    name,
    text: `scenario ${name} "${quoted}" {\n  ${line.name} =${body}\n}\n`,
  };
}

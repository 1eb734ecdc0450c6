import { analysisError, type AnalysisError } from "./analysis/codes";
import { parseQuantity } from "./analysis/quantity";
import { findRoot, RootLimits } from "./analysis/root";
import { selectCell, selectInput } from "./analysis/selector";
import { show, ShowLimits, type Shown } from "./analysis/show";
import { cellOf, Trials } from "./analysis/trials";
import { evaluateCheck } from "./checks";
import { describeKind, isError, type Value } from "./eval/value";
import { dec, isDecimal, toExactString, type Decimal } from "./num";
import type { Evaluation } from "./recompute";

/** Tunables of goal seek (the search itself is {@link RootLimits}). */
export const GoalSeekLimits = {
  maxExpansions: RootLimits.maxExpansions,
  maxIterations: RootLimits.maxIterations,
  tolerance: RootLimits.tolerance,
} as const;

/**
 * What to solve: set the cells of `input` so that `target` equals `value`. `input` is a line
 * (every cell), `name[member]`, `name[period]` or `name[member, period]`; every selected cell
 * takes the same value. `target` names one cell (`gap[2019/20]`, or `gap` with `period`).
 */
export interface GoalSeekRequest {
  readonly input: string;
  readonly target: string;
  /** Period label of the target cell when `target` names none; not needed for a line with one value. */
  readonly period?: string;
  /** The wanted value: a plain decimal in base units, or written as `3%`, `£1.5m`, `(4,000)`. */
  readonly value: string;
  /** Only change the input in this period (the same as `input[period]`). */
  readonly inputPeriod?: string;
  /** The search range for the input; without both, a range around its current value, widened until the target crosses `value`. */
  readonly low?: string;
  readonly high?: string;
}

/** The value of the input and the target, at the model's own inputs or at the solution. */
export interface GoalSeekPoint {
  readonly input: Shown;
  readonly target: Shown;
}

/**
 * The outcome of a goal seek. Found: the input value (exact, and shown in the input's unit), the
 * target it gives, and the trials it took. Not found: a code (P4005 when there is no solution in
 * the range; P2001, P2003, P2004 or P6xxx for a request that cannot be run) and a message; when
 * the target steps over the value without reaching it (it reads a rounded line), `jump` gives
 * the two closest inputs either side.
 */
export type GoalSeekResult =
  | {
      readonly ok: true;
      /** The input value found, exact in base units. */
      readonly input: string;
      /** The target's value there, exact in base units. */
      readonly target: string;
      readonly iterations: number;
      readonly inputKey: string;
      readonly targetKey: string;
      readonly inputUnit: string;
      readonly targetUnit: string;
      readonly solution: GoalSeekPoint;
      /** The input's and target's values before the search (the input's first selected cell). */
      readonly base: GoalSeekPoint | undefined;
      /**
       * The checks whose outcome the solution changes (known findings aside): a check that
       * passes at the model's own values and fails at the solution (the referendum limit, say),
       * or the other way round.
       */
      readonly checks: readonly {
        readonly name: string;
        readonly label: string;
        readonly passes: boolean;
      }[];
    }
  | (AnalysisError & {
      readonly jump?: { readonly below: GoalSeekPoint; readonly above: GoalSeekPoint };
    });

/**
 * Finds the input value that makes the target cell equal the wanted value, on decimals: widens a
 * range around the current value until the difference changes sign, then narrows it by the
 * secant method guarded by bisection ({@link findRoot}). Each trial is an incremental recompute
 * from `base` of what the input's changed cells reach; `base` is unchanged.
 */
export function goalSeek(base: Evaluation, request: GoalSeekRequest): GoalSeekResult {
  const model = base.compiled.model;
  const selected = selectInput(model, request.input, "Goal seek", request.inputPeriod);
  if (!selected.ok) return selected;
  const target = selectCell(model, request.target, request.period);
  if (!target.ok) return target;
  const wanted = parseQuantity(request.value);
  if (wanted === undefined) return analysisError("P6005", { text: request.value });
  const low = request.low === undefined ? undefined : parseQuantity(request.low);
  if (low === undefined && request.low !== undefined)
    return analysisError("P6005", { text: request.low });
  const high = request.high === undefined ? undefined : parseQuantity(request.high);
  if (high === undefined && request.high !== undefined)
    return analysisError("P6005", { text: request.high });
  if (low !== undefined && high !== undefined && !low.lt(high))
    return analysisError("P6009", { low: request.low ?? "", high: request.high ?? "" });

  const input = selected.line;
  const trials = new Trials(base);
  const chosen = new Set(selected.cells);
  const targetAt = (x: Decimal): Value => {
    const cells = input.inputs.map((v, i) => (chosen.has(i) ? x : v));
    return cellOf(trials.run([{ line: input, cells }]), target.line.id, target.index);
  };
  const numberOf = (v: Value): Decimal | { error: string } =>
    isDecimal(v)
      ? v
      : { error: isError(v) ? `${v.code} ${v.message}` : `it is ${describeKind(v)}, not a number` };
  const f = (x: Decimal): Decimal | { error: string } => {
    const v = numberOf(targetAt(x));
    return "s" in v ? v.minus(wanted) : v;
  };

  const first = input.inputs[selected.cells[0] ?? 0];
  const current = first !== undefined && isDecimal(first) ? first : undefined;
  const baseTarget = cellOf(base, target.line.id, target.index);
  const basePoint =
    current !== undefined && isDecimal(baseTarget)
      ? { input: show(current, input), target: show(baseTarget, target.line) }
      : undefined;
  const centre = current ?? dec("0");
  const width = centre.abs().gt(1) ? centre.abs() : dec("1");
  const given = low !== undefined && high !== undefined;
  const result = findRoot(f, {
    lo: low ?? centre.minus(width),
    hi: high ?? centre.plus(width),
    fixed: given,
  });
  const point = (x: Decimal, t: Decimal): GoalSeekPoint => ({
    input: show(x, input, ShowLimits.extraDecimals),
    target: show(t, target.line, ShowLimits.extraDecimals),
  });
  const where = `'${target.key}' = ${request.value}`;
  const inUnit = (v: Shown, unit: string) =>
    unit === "" || unit === "%" ? v.display : `${v.display} ${unit}`;
  const t = (p: GoalSeekPoint) => inUnit(p.target, target.line.unit);
  const x = (p: GoalSeekPoint) => inUnit(p.input, input.unit);
  switch (result.kind) {
    case "root": {
      const at = trials.run([
        { line: input, cells: input.inputs.map((v, i) => (chosen.has(i) ? result.x : v)) },
      ]);
      return {
        ok: true,
        input: toExactString(result.x),
        target: toExactString(result.fx.plus(wanted)),
        iterations: trials.count,
        inputKey: selected.key,
        targetKey: target.key,
        inputUnit: input.unit,
        targetUnit: target.line.unit,
        solution: point(result.x, result.fx.plus(wanted)),
        base: basePoint,
        checks: changedChecks(base, at),
      };
    }
    case "none": {
      const [a, b] = [
        point(result.lo, result.flo.plus(wanted)),
        point(result.hi, result.fhi.plus(wanted)),
      ];
      return analysisError("P4005", {
        function: "Goal seek",
        detail:
          `no value of '${selected.key}' from ${x(a)} to ${x(b)} gives ${where} ` +
          `('${target.key}' is ${t(a)} and ${t(b)} at the ends). ` +
          (given
            ? "Widen --low and --high, or check that the target reads the input."
            : "Check that the target reads the input and can reach the value."),
      });
    }
    case "jump": {
      const below = point(result.lo, result.flo.plus(wanted));
      const above = point(result.hi, result.fhi.plus(wanted));
      return {
        ...analysisError("P4005", {
          function: "Goal seek",
          detail:
            `'${target.key}' steps over ${request.value} without reaching it: it is ${t(below)} just ` +
            `below '${selected.key}' = ${x(above)} (exact ${above.input.exact}) and ${t(above)} from there. ` +
            "It reads a rounded line; take the side you need, or solve for a line before the rounding.",
        }),
        jump: { below, above },
      };
    }
    case "error":
      return analysisError("P4005", {
        function: "Goal seek",
        detail: `at '${selected.key}' = ${show(result.x, input).display}, '${target.key}' is not a number (${result.error}). Give --low and --high that avoid it.`,
      });
    case "unconverged":
      return analysisError("P4005", {
        function: "Goal seek",
        detail: `the search did not settle within ${RootLimits.maxIterations} steps between ${show(result.lo, input).display} and ${show(result.hi, input).display}. Give a narrower --low and --high.`,
      });
  }
}

/** The checks (known findings aside) that pass in one evaluation and fail in the other. */
function changedChecks(
  before: Evaluation,
  after: Evaluation,
): { name: string; label: string; passes: boolean }[] {
  const out: { name: string; label: string; passes: boolean }[] = [];
  const model = after.compiled.model;
  for (const check of model.checks) {
    if (check.known !== undefined) continue;
    const was = evaluateCheck(check, before.compiled.model, before.values).passed;
    const now = evaluateCheck(check, model, after.values).passed;
    if (was !== now) out.push({ name: check.name, label: check.label, passes: now });
  }
  return out;
}

import type { CompiledModel } from "./compile";
import { isError, type Value } from "./eval/value";
import type { EngineLine } from "./model";
import { dec, isDecimal, parseDecimal, toExactString, type Decimal } from "./num";
import { recompute, type Evaluation } from "./recompute";

/** Tunables of goal seek. */
export const GoalSeekLimits = {
  /** Times the search range is widened (doubled) looking for a sign change. */
  maxExpansions: 60,
  /** Bisection and secant steps once bracketed. */
  maxIterations: 200,
  /** Stop when the target is this close to the wanted value (base units). */
  tolerance: dec("0.000000001"),
} as const;

/** What to solve: set `input` (in every period, or only in `inputPeriod`) so `target[period]` = `value`. */
export interface GoalSeekRequest {
  readonly input: string;
  readonly target: string;
  /** Period label of the target cell; optional when the target has one value for all periods. */
  readonly period?: string;
  /** The wanted value, exact decimal in base units. */
  readonly value: string;
  /** Only change the input in this period (default: every period). */
  readonly inputPeriod?: string;
  /** The search range for the input, exact decimals in base units (default: around its current value). */
  readonly low?: string;
  readonly high?: string;
}

/** The outcome of a goal seek: the input value found, and the target value it gives. */
export type GoalSeekResult =
  | {
      readonly ok: true;
      readonly input: string;
      readonly target: string;
      readonly iterations: number;
    }
  | { readonly ok: false; readonly message: string };

/**
 * Finds the input value that makes the target cell equal the wanted value, on decimals: widens a
 * range around the current value until the difference changes sign, then narrows it by the
 * secant method guarded by bisection. Each trial is an incremental recompute of what depends on
 * the input. Fails with a message when the input or target is unknown, when there is no sign
 * change in the range, or when the target is an error value at a trial point.
 */
export function goalSeek(base: Evaluation, request: GoalSeekRequest): GoalSeekResult {
  const model = base.compiled.model;
  const inputId = model.lineByName.get(request.input);
  const input = inputId === undefined ? undefined : model.lines[inputId];
  if (input?.kind !== "input") {
    return {
      ok: false,
      message: `'${request.input}' is not an input. Goal seek changes an input.`,
    };
  }
  if (input.dim >= 0) {
    return {
      ok: false,
      message: `'${request.input}' has one value per member; goal seek needs a single input.`,
    };
  }
  const targetId = model.lineByName.get(request.target);
  const target = targetId === undefined ? undefined : model.lines[targetId];
  if (target === undefined || targetId === undefined) {
    return { ok: false, message: `Unknown line item '${request.target}'.` };
  }
  if (target.dim >= 0) {
    return {
      ok: false,
      message: `'${request.target}' has one value per member; pick a single line.`,
    };
  }
  const P = model.periods.length;
  const t =
    request.period === undefined ? (target.scalar ? 0 : -1) : model.periods.indexOf(request.period);
  if (t < 0) return { ok: false, message: "Give the period of the target, such as 2021/22." };
  const only = request.inputPeriod === undefined ? -1 : model.periods.indexOf(request.inputPeriod);
  if (request.inputPeriod !== undefined && only < 0) {
    return { ok: false, message: `${request.inputPeriod} is not one of the model's periods.` };
  }
  const wanted = parseDecimal(request.value);
  if (wanted === undefined) return { ok: false, message: `'${request.value}' is not a number.` };

  let current = base;
  let trials = 0;
  const differenceAt = (x: Decimal): Decimal | string => {
    trials++;
    const cells = input.inputs.map((v, i) => (only < 0 || i % P === only ? x : v));
    const line: EngineLine = {
      ...input,
      inputs: cells,
      scalar: input.scalar && only < 0,
      fingerprint: `${input.fingerprint}\u0000goal ${toExactString(x)}`,
    };
    const lines = model.lines.map((l) => (l.id === input.id ? line : l));
    const next: CompiledModel = { ...base.compiled, model: { ...model, lines } };
    current = recompute(current, next);
    const v: Value = (current.values[targetId] as readonly Value[])[t] as Value;
    if (isError(v)) return v.message;
    if (!isDecimal(v)) return `'${request.target}' is not a number.`;
    return v.minus(wanted);
  };

  const start = input.inputs[only < 0 ? 0 : only];
  const centre = start !== undefined && isDecimal(start) ? start : dec("0");
  const low = request.low === undefined ? undefined : parseDecimal(request.low);
  const high = request.high === undefined ? undefined : parseDecimal(request.high);
  const given = low !== undefined && high !== undefined;
  const width = centre.abs().gt(1) ? centre.abs() : dec("1");
  let lo: Decimal = low ?? centre.minus(width);
  let hi: Decimal = high ?? centre.plus(width);
  let flo = differenceAt(lo);
  let fhi = differenceAt(hi);
  for (let i = 0; !given && i < GoalSeekLimits.maxExpansions; i++) {
    if (typeof flo !== "string" && typeof fhi !== "string" && flo.s !== fhi.s) break;
    if (typeof flo !== "string" && flo.isZero()) break;
    if (typeof fhi !== "string" && fhi.isZero()) break;
    const span = hi.minus(lo);
    lo = lo.minus(span);
    hi = hi.plus(span);
    flo = differenceAt(lo);
    fhi = differenceAt(hi);
  }
  if (typeof flo === "string" || typeof fhi === "string") {
    return {
      ok: false,
      message: `No solution: the target is an error value (${typeof flo === "string" ? flo : String(fhi)}).`,
    };
  }
  const found = (x: Decimal, d: Decimal): GoalSeekResult => ({
    ok: true,
    input: toExactString(x),
    target: toExactString(d.plus(wanted)),
    iterations: trials,
  });
  if (flo.isZero()) return found(lo, flo);
  if (fhi.isZero()) return found(hi, fhi);
  if (flo.s === fhi.s) {
    return {
      ok: false,
      message:
        `No solution between ${toExactString(lo)} and ${toExactString(hi)}: ` +
        `'${request.target}' does not reach ${request.value} for any '${request.input}' in that range.`,
    };
  }
  for (let i = 0; i < GoalSeekLimits.maxIterations; i++) {
    // Secant point, falling back to the midpoint when it is not strictly inside the range.
    let x: Decimal = lo.minus(flo.times(hi.minus(lo)).div(fhi.minus(flo)));
    if (i % 3 === 2 || !x.gt(lo) || !x.lt(hi)) x = lo.plus(hi).div(2);
    const fx = differenceAt(x);
    if (typeof fx === "string") return { ok: false, message: `No solution: ${fx}` };
    if (fx.abs().lte(GoalSeekLimits.tolerance)) return found(x, fx);
    if (fx.s === flo.s) {
      lo = x;
      flo = fx;
    } else {
      hi = x;
      fhi = fx;
    }
  }
  return { ok: false, message: `No solution found within ${GoalSeekLimits.maxIterations} steps.` };
}

import { formatMessage } from "../lang";
import { isInvariant } from "./compile";
import type { Code } from "./eval/code";
import { makeFrame, type Frame } from "./eval/frame";
import { applyBinary, evaluate } from "./eval/interpreter";
import { isBlank, isError, isPeriod, type Value } from "./eval/value";
import { periodLabelAt } from "./periods";
import type { EngineCheck, EngineLine, EngineModel } from "./model";
import { defaultDecimals, formatDisplay, isDecimal, toExactString, type Decimal } from "./num";

/** Tunables of check failure messages. */
export const CheckDisplay = {
  /** The most decimals a failure message shows to tell two different values apart. */
  maxDecimals: 10,
} as const;

/** One period (and member) in which a check does not hold, with the values on both sides. */
export interface CheckFailure {
  /** The period label, or undefined when the check reads no period. */
  readonly period?: string;
  readonly member?: string;
  /** Both sides formatted in the compared unit (the whole condition's value for a bare condition). */
  readonly left: string;
  readonly right: string;
  readonly message: string;
}

/** The outcome of one check over every period (and member). Spans are added by the snapshot. */
export interface CheckOutcome {
  readonly name: string;
  readonly label: string;
  readonly passed: boolean;
  readonly known?: string;
  readonly failures: readonly CheckFailure[];
}

/**
 * Evaluates a check in every period of its range (once when it reads no period) and for every
 * member of its dimension. A period where a side or the condition is blank is skipped. A check fails where its condition is false, where `left` and `right` differ by more
 * than the tolerance, or where a side is an error value. Never throws on user input.
 */
export function evaluateCheck(
  check: EngineCheck,
  model: EngineModel,
  values: readonly (readonly Value[])[],
): CheckOutcome {
  if (model.periods.length === 0) return notEvaluated(check);
  const f = makeFrame(model, values as Value[][]);
  f.line = pseudoLine(check, f.line);
  const scalar = new Uint8Array(model.lines.map((l) => (l.scalar ? 1 : 0)));
  const codes: Code[] =
    check.test.kind === "condition"
      ? [check.test.expr]
      : [check.test.left, check.test.right, check.test.tolerance];
  const invariant = codes.every((c) => isInvariant(c, scalar));
  const dim = model.dimensions[check.dim];
  const memberCount = dim === undefined ? 1 : dim.members.length;
  const first = invariant ? 0 : check.from;
  const last = invariant ? 0 : Math.min(check.to, model.periods.length - 1);
  const failures: CheckFailure[] = [];
  for (let m = 0; m < memberCount; m++) {
    if (dim !== undefined) f.members[check.dim] = m;
    for (let t = first; t <= last; t++) {
      f.period = t;
      f.scalar = invariant;
      const failure = runOnce(check, f);
      if (failure === null) continue;
      const period = invariant ? undefined : model.periods[t];
      const member = dim?.members[m]?.name;
      failures.push({
        ...(period === undefined ? {} : { period }),
        ...(member === undefined ? {} : { member }),
        ...failure,
      });
    }
  }
  return {
    name: check.name,
    label: check.label,
    passed: failures.length === 0,
    ...(check.known === undefined ? {} : { known: check.known }),
    failures,
  };
}

/**
 * A model without periods (its `periods` line missing or invalid, reported as P2009) has no cells
 * to read, so a check cannot be evaluated: it is reported as not holding rather than passing.
 */
function notEvaluated(check: EngineCheck): CheckOutcome {
  const detail =
    "the model has no periods, so the check could not be evaluated. Fix the 'periods' line.";
  return {
    name: check.name,
    label: check.label,
    passed: false,
    ...(check.known === undefined ? {} : { known: check.known }),
    failures: [
      {
        left: "",
        right: "",
        message: formatMessage("P4007", { name: check.name, period: "every period", detail }),
      },
    ],
  };
}

function pseudoLine(check: EngineCheck, template: EngineLine): EngineLine {
  return { ...template, id: -1, name: check.name, dim: check.dim, span: check.span };
}

/** Evaluates the check in the frame's period; null when it holds. */
function runOnce(
  check: EngineCheck,
  f: Frame,
): { left: string; right: string; message: string } | null {
  const where = f.scalar ? "every period" : (f.model.periods[f.period] ?? "");
  // Decimals of the values shown; set from the sides (and tolerance) before a failure is built.
  let places: number | undefined;
  const show = (v: Value): string => showValue(v, check.unit, f.model.periods, places);
  const failure = (left: Value, right: Value, detail: string) => ({
    left: show(left),
    right: show(right),
    message: formatMessage("P4007", { name: check.name, period: where, detail }),
  });
  if (check.test.kind === "approx") {
    const left = evaluate(check.test.left, f);
    const right = evaluate(check.test.right, f);
    const tolerance = evaluate(check.test.tolerance, f);
    places = shownDecimals(check, f, [check.test.left, check.test.right], left, right, tolerance);
    for (const v of [left, right, tolerance])
      if (isError(v)) return failure(left, right, v.message);
    // Nothing to compare in a blank period.
    if (isBlank(left) || isBlank(right)) return null;
    if (!isDecimal(left) || !isDecimal(right) || !isDecimal(tolerance)) {
      return failure(left, right, "both sides and the tolerance must be numbers.");
    }
    if (left.minus(right).abs().lte(tolerance)) return null;
    return failure(
      left,
      right,
      `${check.test.leftText} is ${show(left)} but ${check.test.rightText} is ${show(right)}, ` +
        `more than ${show(tolerance)} apart.`,
    );
  }
  const expr = check.test.expr;
  // A single comparison reports both of its sides.
  if (expr.kind === "chain" && expr.ops.length === 1 && isComparison(expr.ops[0])) {
    const left = evaluate(expr.terms[0] as Code, f);
    const right = evaluate(expr.terms[1] as Code, f);
    const op = expr.ops[0];
    places = shownDecimals(check, f, expr.terms, left, right, undefined);
    const result = applyBinary(f, op, left, right, expr.spans[0] ?? { from: 0, to: 0 });
    if (result === true || isBlank(result)) return null;
    if (isError(result)) return failure(left, right, result.message);
    const [l, r] = check.test.text.split(op, 2).map((s) => s.trim());
    return failure(
      left,
      right,
      `${l ?? "left"} is ${show(left)}, ${r ?? "right"} is ${show(right)}; expected ${op}.`,
    );
  }
  const v = evaluate(expr, f);
  if (v === true || isBlank(v)) return null;
  return failure(v, true, isError(v) ? v.message : `${check.test.text} is not true.`);
}

/**
 * The decimals a failure shows its values with, in the check's unit: at least the unit's default,
 * the `decimals` of a line a side names directly, and as many as the tolerance is written with
 * (`within £0.0005m` shows £m to 4 places); then more, up to {@link CheckDisplay.maxDecimals},
 * until two different sides no longer look the same. Undefined keeps the unit's default.
 */
function shownDecimals(
  check: EngineCheck,
  f: Frame,
  sides: readonly Code[],
  left: Value,
  right: Value,
  tolerance: Value | undefined,
): number | undefined {
  let places: number | undefined;
  const atLeast = (n: number | undefined) => {
    if (n !== undefined) places = Math.max(places ?? defaultDecimals(check.unit) ?? 0, n);
  };
  for (const side of sides) if (side.kind === "ref") atLeast(f.model.lines[side.line]?.decimals);
  if (tolerance !== undefined && isDecimal(tolerance)) atLeast(decimalsOf(tolerance, check.unit));
  if (isDecimal(left) && isDecimal(right) && !left.eq(right)) {
    let n = places ?? defaultDecimals(check.unit);
    if (n === undefined) return places;
    while (
      n < CheckDisplay.maxDecimals &&
      formatDisplay(left, check.unit, n) === formatDisplay(right, check.unit, n)
    )
      n++;
    atLeast(n);
  }
  return places;
}

/** How many decimals `v` has when shown in `unit` (0.0005m in £m: 4). */
function decimalsOf(v: Decimal, unit: string): number {
  const shown = formatDisplay(v, unit, CheckDisplay.maxDecimals).replace(/[^0-9.]/g, "");
  const dot = shown.indexOf(".");
  return dot < 0 ? 0 : shown.slice(dot + 1).replace(/0+$/, "").length;
}

function isComparison(op: string | undefined): op is "=" | "<>" | "<" | "<=" | ">" | ">=" {
  return op === "=" || op === "<>" || op === "<" || op === "<=" || op === ">" || op === ">=";
}

/**
 * A value for people: display-formatted numbers (to `decimals` places when given, else the unit's
 * default), period labels, error messages.
 */
export function showValue(
  v: Value,
  unit: string,
  periods: readonly string[],
  decimals?: number,
): string {
  if (isDecimal(v)) return formatDisplay(v, unit, decimals);
  if (typeof v === "boolean") return v ? "true" : "false";
  if (typeof v === "string") return v;
  if (isPeriod(v)) return periodLabelAt(periods, v.index);
  if (isError(v)) return `#${v.code}`;
  // Blank, or a cell that does not exist (never expected: callers index cells by period).
  return "";
}

/** A value as exact text: decimal strings in base units, period labels, true/false; null for errors. */
export function exactValue(v: Value, periods: readonly string[]): string | null {
  if (isDecimal(v)) return toExactString(v);
  if (typeof v === "boolean") return v ? "true" : "false";
  if (typeof v === "string") return v;
  if (isPeriod(v)) return periodLabelAt(periods, v.index);
  return null;
}

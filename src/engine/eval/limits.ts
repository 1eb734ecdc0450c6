import type { Span } from "../../base";
import { formatMessage } from "../../lang";
import { isDecimal, isInRange, NumPolicy, rangeFault, type Decimal } from "../num";
import { fail, type Frame } from "./frame";
import { makeError, type ErrorOrigin, type ErrorValue, type Value } from "./value";

/**
 * Limits that bound the work of one evaluation, so any model, however hostile, ends in values or
 * clean error values. There is no clock in the engine: work is counted in evaluation steps (one
 * per node of compiled code evaluated, including every term of an aggregate and every period of
 * a series function). `estimateSteps` bounds a formula's steps per cell from its shape when it is
 * compiled, and a formula over the limit gives P4010 in every cell without running. The estimate
 * depends only on the formula and the model's shape, so an incremental recompute and a fresh
 * evaluation agree on which cells fail.
 */
export const EvalLimits = {
  /**
   * Steps one cell may take, as estimated from the formula before it runs (see
   * `estimateSteps`). A sum over 10,000 members of `a * b` costs about
   * 40,000; only an aggregate nested inside another over large dimensions comes near the limit,
   * and splitting it into a named line item makes it cheap.
   */
  maxStepsPerCell: 100_000,
} as const;

/** Returns `value` when it is in the engine's range (see `NumPolicy`), else a P4009 error here. */
export function checkRange(f: Frame, value: Decimal, span: Span, what = "The result"): Value {
  return isInRange(value) ? value : rangeFailure(f, value, span, what);
}

function rangeFailure(f: Frame, value: Decimal, span: Span, what: string): ErrorValue {
  return fail(f, "P4009", span, rangeArgs(what, value));
}

/** The P4009 message arguments (except the period) for `value`, described as `what`. */
export function rangeArgs(what: string, value: Decimal): Record<string, string> {
  return {
    what,
    size: rangeFault(value) ?? "large",
    limit: String(NumPolicy.rangeExponent),
    digits: String(NumPolicy.precision),
  };
}

/**
 * A P4009 error value for a number typed in the model (an input cell, an opening value) that is
 * outside the range, with the origin the caller knows.
 */
export function rangeErrorAt(value: Decimal, origin: ErrorOrigin, period: string): ErrorValue {
  const message = formatMessage("P4009", { period, ...rangeArgs("The number", value) });
  return makeError("P4009", message, origin);
}

/** The P4010 error of a cell whose formula (at `span`) needs more steps than allowed. */
export function budgetFailure(f: Frame, span: Span): ErrorValue {
  return fail(f, "P4010", span, {
    name: f.line.name,
    limit: String(EvalLimits.maxStepsPerCell),
  });
}

/** An opening value as parsed, or a P4009 error value when it is a number out of range. */
export function rangeCheckedOpening(opening: Value, item: string): Value {
  if (!isDecimal(opening) || isInRange(opening)) return opening;
  const origin = { item, period: -1, member: -1, from: 0, to: 0 };
  return rangeErrorAt(opening, origin, "the opening");
}

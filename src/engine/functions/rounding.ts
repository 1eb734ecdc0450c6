import {
  NumPolicy,
  roundToSignificant,
  roundToStep,
  roundToStepToward,
  ZERO,
  type Decimal,
} from "../num";
import { outOfRange, succeed, type FnResult } from "./result";

/**
 * round(x, unit): rounds to the nearest multiple of `step`, in base units, ties half away from
 * zero. `£0.1m` is a step of 100000, `£000` of 1000, `£1` of 1. P4003 when the step is not
 * positive.
 */
export function roundToUnit(x: Decimal, step: Decimal): FnResult<Decimal> {
  if (!step.isPositive() || step.isZero()) {
    return outOfRange("The rounding unit", "it must be greater than zero");
  }
  return succeed(roundToStep(x, step));
}

/**
 * roundsig(x, n): rounds to `n` significant figures, ties half away from zero; 0 stays 0.
 * P4003 unless `n` is a whole number from 1 to 34.
 */
export function roundSignificant(x: Decimal, n: Decimal): FnResult<Decimal> {
  if (!n.isInteger() || n.lessThan(1) || n.greaterThan(NumPolicy.precision)) {
    return outOfRange(
      "The number of significant figures",
      `it must be a whole number from 1 to ${NumPolicy.precision}`,
    );
  }
  return succeed(roundToSignificant(x, n.toNumber()));
}

/** abs(x): the magnitude of x, in x's unit. */
export function absolute(x: Decimal): Decimal {
  return x.abs();
}

/** The directions of `floor`, `ceil` and `trunc`. */
export type Direction = "floor" | "ceil" | "trunc";

/**
 * floor(x, step), ceil(x, step), trunc(x, step): the multiple of `step` (1 when left out) next
 * below x, next above x, or next toward zero. `floor(−£2.5, £1)` is −£3, `trunc(−£2.5, £1)` is
 * −£2. P4003 when the step is not positive.
 */
export function roundDirected(x: Decimal, step: Decimal, direction: Direction): FnResult<Decimal> {
  if (!step.isPositive() || step.isZero()) {
    return outOfRange("The rounding unit", "it must be greater than zero");
  }
  return succeed(roundToStepToward(x, step, direction));
}

/**
 * mod(x, divisor): the remainder of x after taking out whole multiples of the divisor, with the
 * divisor's sign, as spreadsheets' MOD gives it: x − divisor × floor(x / divisor).
 * `mod(7, 3)` = 1, `mod(−7, 3)` = 2, `mod(7, −3)` = −2. P4001 when the divisor is zero.
 */
export function remainder(x: Decimal, divisor: Decimal): FnResult<Decimal> {
  if (divisor.isZero()) return { ok: false, code: "P4001", args: {} };
  // decimal.js's `mod` truncates (the remainder has x's sign) and is exact.
  const r = x.mod(divisor);
  if (r.isZero() || r.isNegative() === divisor.isNegative())
    return succeed(r.isZero() ? r.abs() : r);
  return succeed(r.plus(divisor));
}

/**
 * round_to_total(x, step over d): each member rounded to a multiple of `step` so that the rounded
 * members add up to the rounded total, as councils print a table of shares adding to 100%
 * (the largest remainder method): each is first rounded down, and the steps still missing to
 * the total (rounded as `round` does) go one each to the members with the largest remainders,
 * the earlier member first on a tie. P4003 when the step is not positive.
 */
export function roundToTotal(xs: readonly Decimal[], step: Decimal): FnResult<Decimal[]> {
  if (!step.isPositive() || step.isZero()) {
    return outOfRange("The rounding unit", "it must be greater than zero");
  }
  let total = ZERO;
  for (const x of xs) total = total.plus(x);
  const out = xs.map((x) => roundToStepToward(x, step, "floor"));
  let floored = ZERO;
  for (const x of out) floored = floored.plus(x);
  // Whole steps, 0 to xs.length: the total rounds to at least the sum of the rounded-down parts.
  const missing = roundToStep(total, step).minus(floored).div(step).toNumber();
  const order = xs
    .map((x, i) => ({ i, remainder: x.minus(out[i] as Decimal) }))
    .sort((a, b) => b.remainder.comparedTo(a.remainder) || a.i - b.i);
  for (let k = 0; k < missing && k < order.length; k++) {
    const i = (order[k] as { i: number }).i;
    out[i] = (out[i] as Decimal).plus(step);
  }
  return succeed(out);
}

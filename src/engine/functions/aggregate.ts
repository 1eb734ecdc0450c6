import { fromInt, fromMicroUnits, microUnitsOf, ZERO, type Decimal } from "../num";
import { divisionByZero, succeed, type FnResult } from "./result";

/**
 * The sum of `xs` (0 for none), added left to right, each partial sum rounded to 34 significant
 * digits as decimal.js's `plus` does. Fast path: while the terms and partial sums are whole
 * numbers of micro-units below 2^53 (pounds and pence, rates to 6 places, below 10^10), they are
 * added as JavaScript numbers, which is exact there, so the result is identical to the decimal.js
 * sum (test/property/num-fast.test.ts checks it).
 */
export function sum(xs: readonly Decimal[]): Decimal {
  const n = xs.length;
  let i = 0;
  let fast = 0;
  for (; i < n; i++) {
    const v = microUnitsOf(xs[i] as Decimal);
    const next = fast + v; // NaN when v is NaN
    if (!(Math.abs(next) <= Number.MAX_SAFE_INTEGER)) break;
    fast = next;
  }
  let total = i === 0 ? ZERO : fromMicroUnits(fast);
  for (; i < n; i++) total = total.plus(xs[i] as Decimal);
  return total;
}

/** The sum of `xs` added one by one with decimal.js (the reference for {@link sum}). */
export function sumReference(xs: readonly Decimal[]): Decimal {
  let total = ZERO;
  for (const x of xs) total = total.plus(x);
  return total;
}

/** The least of `xs`, or `undefined` for none (a dimension or period list is never empty). */
export function min(xs: readonly Decimal[]): Decimal | undefined {
  let best: Decimal | undefined;
  for (const x of xs) if (best === undefined || x.lessThan(best)) best = x;
  return best;
}

/** The greatest of `xs`, or `undefined` for none. */
export function max(xs: readonly Decimal[]): Decimal | undefined {
  let best: Decimal | undefined;
  for (const x of xs) if (best === undefined || x.greaterThan(best)) best = x;
  return best;
}

/** The arithmetic mean, sum / count; P4001 when `xs` is empty. Rounds to 34 digits. */
export function average(xs: readonly Decimal[]): FnResult<Decimal> {
  if (xs.length === 0) return divisionByZero();
  return succeed(sum(xs).div(fromInt(xs.length)));
}

/**
 * The weighted average sum(x·w) / sum(w), keeping x's unit; P4001 when the weights sum to zero.
 * `xs` and `weights` have the same length (the evaluator aligns them over one dimension).
 */
export function weightedAverage(
  xs: readonly Decimal[],
  weights: readonly Decimal[],
): FnResult<Decimal> {
  let top = ZERO;
  let bottom = ZERO;
  const n = Math.min(xs.length, weights.length);
  for (let i = 0; i < n; i++) {
    const x = xs[i] as Decimal; // i < n <= length of both
    const w = weights[i] as Decimal;
    top = top.plus(x.times(w));
    bottom = bottom.plus(w);
  }
  if (bottom.isZero()) return divisionByZero();
  return succeed(top.div(bottom));
}

/** The sum of the `xs` whose `conditions` entry is true (sumif); positions line up. */
export function sumIf(xs: readonly Decimal[], conditions: readonly boolean[]): Decimal {
  let total = ZERO;
  const n = Math.min(xs.length, conditions.length);
  for (let i = 0; i < n; i++) if (conditions[i] === true) total = total.plus(xs[i] as Decimal);
  return total;
}

/** How many `conditions` are true (count), as a plain number. */
export function countIf(conditions: readonly boolean[]): Decimal {
  let n = 0;
  for (const c of conditions) if (c) n++;
  return fromInt(n);
}

/** The running sum over periods: element t is xs[0] + ... + xs[t]. Same length as `xs`. */
export function cumsum(xs: readonly Decimal[]): Decimal[] {
  const out = new Array<Decimal>(xs.length);
  let total = ZERO;
  for (let i = 0; i < xs.length; i++) {
    total = total.plus(xs[i] as Decimal);
    out[i] = total;
  }
  return out;
}

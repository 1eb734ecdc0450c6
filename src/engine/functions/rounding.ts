import { NumPolicy, roundToSignificant, roundToStep, type Decimal } from "../num";
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

import { ROUND_CEIL, ROUND_DOWN, ROUND_FLOOR, ROUND_HALF_UP, type Decimal } from "./decimal";

/**
 * Rounds to the nearest multiple of `step` (a positive Decimal such as 100000 for £0.1m), ties
 * half away from zero: 250 to a step of 100 is 300, -250 is -300.
 */
export function roundToStep(value: Decimal, step: Decimal): Decimal {
  return value.toNearest(step, ROUND_HALF_UP);
}

/**
 * Rounds to the multiple of `step` next below (`floor`), next above (`ceil`) or next toward zero
 * (`trunc`): -250 to a step of 100 is -300, -200 and -200.
 */
export function roundToStepToward(
  value: Decimal,
  step: Decimal,
  direction: "floor" | "ceil" | "trunc",
): Decimal {
  const mode = direction === "floor" ? ROUND_FLOOR : direction === "ceil" ? ROUND_CEIL : ROUND_DOWN;
  return value.toNearest(step, mode);
}

/** Rounds to `digits` significant figures (a whole number from 1 to 34), ties half away from zero. */
export function roundToSignificant(value: Decimal, digits: number): Decimal {
  return value.toSignificantDigits(digits, ROUND_HALF_UP);
}

/** Rounds to `places` decimal places (a whole number of 0 or more), ties half away from zero. */
export function roundToPlaces(value: Decimal, places: number): Decimal {
  return value.toDecimalPlaces(places, ROUND_HALF_UP);
}

import DecimalJs from "decimal.js";
import { assert } from "../../base";

/**
 * The exact decimal number type of the engine. It is decimal.js's `Decimal`; only `engine/num`
 * imports the library, and the rest of the engine builds values through the constructors here and
 * then uses the instance methods (`plus`, `times`, `div`, `cmp`, ...).
 */
export type Decimal = DecimalJs;

/**
 * The rounding policy of every Decimal in Precept, in one place:
 * - arithmetic keeps {@link NumPolicy.precision} significant digits (decimal128's 34), so sums and
 *   products of money in base units (pounds and pence) are exact, and only division, powers and
 *   the like round;
 * - an inexact result rounds half away from zero (decimal.js `ROUND_HALF_UP`), which is also the
 *   rule of every explicit rounding function (`round`, `roundsig`) and of display formatting;
 * - every number the engine holds is 0 or has a magnitude in [10^-{@link NumPolicy.rangeExponent},
 *   10^{@link NumPolicy.rangeExponent}): a result outside that range is an error value (P4009),
 *   never a number, so no value grows without bound and every exact string stays short;
 * - exponent notation is never produced by `toString`: see `toExactString`.
 */
export const NumPolicy = {
  /** Significant digits kept by every arithmetic operation. */
  precision: 34,
  /** decimal.js rounding mode: half away from zero. */
  rounding: DecimalJs.ROUND_HALF_UP,
  /**
   * A non-zero number must satisfy 10^-rangeExponent <= |x| < 10^rangeExponent. Far beyond any
   * council's money (10^100 pounds) and any discount factor, yet it keeps every exact string under
   * about 140 characters and every operation cheap.
   */
  rangeExponent: 100,
  /** Largest and smallest exponents before decimal.js would switch to exponent notation. */
  toExpPos: 9e15,
  toExpNeg: -9e15,
} as const;

/** The configured constructor. Private to `engine/num`: everything else uses the helpers below. */
export const D = DecimalJs.clone({
  precision: NumPolicy.precision,
  rounding: NumPolicy.rounding,
  toExpPos: NumPolicy.toExpPos,
  toExpNeg: NumPolicy.toExpNeg,
});

/** decimal.js's half-away-from-zero rounding mode, for explicit rounding calls. */
export const ROUND_HALF_UP = DecimalJs.ROUND_HALF_UP;
/** decimal.js's directed rounding modes: toward −∞, toward +∞, toward zero. */
export const ROUND_FLOOR = DecimalJs.ROUND_FLOOR;
export const ROUND_CEIL = DecimalJs.ROUND_CEIL;
export const ROUND_DOWN = DecimalJs.ROUND_DOWN;

/** 0, 1, 100 and similar constants shared by the function library (Decimals are immutable). */
export const ZERO: Decimal = new D(0);
export const ONE: Decimal = new D(1);
export const HUNDRED: Decimal = new D(100);

/** A plain decimal string in base units: optional minus, digits, optional fraction. */
const plainDecimal = /^-?(?:\d+(?:\.\d*)?|\.\d+)$/;

/**
 * Parses a plain decimal string in base units (pounds, not £m; 2.99% as "0.0299"), as values
 * cross the worker boundary. Accepts `-12.5`, `0.1`, `.5`, `7.`; rejects exponents, `+`, spaces,
 * thousands separators, `NaN` and `Infinity`. Returns `undefined` for anything else. More than
 * {@link NumPolicy.precision} significant digits are rounded to that many, half away from zero;
 * the result may still be out of range (see {@link isInRange}).
 */
export function parseDecimal(text: string): Decimal | undefined {
  if (!plainDecimal.test(text)) return undefined;
  const value = new D(text);
  return value.precision() > NumPolicy.precision
    ? value.toSignificantDigits(NumPolicy.precision, NumPolicy.rounding)
    : value;
}

/** Which side of the range a number fell off: too large, or too small (and not zero). */
export type RangeFault = "large" | "small";

/**
 * Whether a number is one the engine may hold: finite, and 0 or of a magnitude within
 * [10^-rangeExponent, 10^rangeExponent). Cheap (reads the exponent): called on every result.
 */
export function isInRange(value: Decimal): boolean {
  // NaN and the infinities have no coefficient; zero has exponent 0, so it is in range.
  if ((value.d as readonly number[] | null) === null) return false;
  const e = value.e;
  return e < NumPolicy.rangeExponent && e >= -NumPolicy.rangeExponent;
}

/** Why `value` is out of range, or `undefined` when it is in range. */
export function rangeFault(value: Decimal): RangeFault | undefined {
  if (isInRange(value)) return undefined;
  if (value.isNaN()) return "large";
  return value.isFinite() && value.e < 0 ? "small" : "large";
}

/**
 * A Decimal from a literal the program itself wrote (`dec("0.04")`). Throws on a malformed
 * literal, which is a bug, never user input: user text goes through {@link parseDecimal}.
 */
export function dec(literal: string): Decimal {
  const value = parseDecimal(literal);
  assert(value !== undefined, `Not a plain decimal literal: '${literal}'`);
  return value;
}

/** A Decimal from a JavaScript safe integer such as a period count. Throws on non-integers (a bug). */
export function fromInt(n: number): Decimal {
  assert(Number.isSafeInteger(n), `Not a safe integer: ${n}`);
  return new D(n);
}

/** True when `value` is a Decimal instance (for validating values of unknown shape). */
export function isDecimal(value: unknown): value is Decimal {
  return DecimalJs.isDecimal(value);
}

/**
 * A Decimal as a JavaScript number, for counts and indices only (terms, lives, significant
 * figures). Money never goes through this.
 */
export function toNumber(value: Decimal): number {
  return value.toNumber();
}

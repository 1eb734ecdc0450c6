import { D, type Decimal } from "./decimal";

/** Digits per word of decimal.js's coefficient (it stores base 10^7 words). */
const wordDigits = 7;
/** Powers of ten that are exact JavaScript numbers (10^0 .. 10^22). */
const powers: readonly number[] = Array.from({ length: 23 }, (_, i) => 10 ** i);

/** Tunables of the fast exact paths. */
export const SmallPolicy = {
  /** A small number is a whole count of 10^-microDigits (money in pence, rates to 6 places). */
  microDigits: 6,
  /** Largest exponent (10^e) of a small number: below 10^10, so counts stay below 2^53. */
  maxExponent: 9,
} as const;

/**
 * `x` as a whole number of micro-units (x × 10^6) when that is exact and below 2^53, else NaN.
 * Reads decimal.js's coefficient words directly, without a string: word i holds the digits of
 * 10^(w - 7i) with w = 7·floor(e / 7), and trailing zero words are left out. Used by fast paths
 * that must give exactly decimal.js's result (see `sum`).
 */
export function microUnitsOf(x: Decimal): number {
  const d = x.d as readonly number[] | null;
  if (d === null) return Number.NaN;
  const e = x.e;
  if (e > SmallPolicy.maxExponent) return Number.NaN;
  let exponent = Math.floor(e / wordDigits) * wordDigits + SmallPolicy.microDigits;
  let value = 0;
  for (let i = 0; i < d.length; i++, exponent -= wordDigits) {
    const word = d[i] as number;
    if (exponent >= 0) value += word * (powers[exponent] as number);
    else {
      const scale = powers[-exponent] as number;
      if (word % scale !== 0) return Number.NaN; // more than 6 decimal places
      value += word / scale;
    }
  }
  if (value > Number.MAX_SAFE_INTEGER) return Number.NaN;
  return x.s < 0 ? -value : value;
}

/** The Decimal of a whole number of micro-units below 2^53 (the inverse of {@link microUnitsOf}). */
export function fromMicroUnits(units: number): Decimal {
  return new D(`${units}e-${SmallPolicy.microDigits}`);
}

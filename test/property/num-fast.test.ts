import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sum, sumReference } from "../../src/engine/functions/aggregate";
import {
  microUnitsOf,
  parseDecimal,
  SmallPolicy,
  toExactString,
  type Decimal,
} from "../../src/engine/num";

// Differential properties of the engine's fast exact paths against plain decimal.js, the
// reference: the fast path must give the identical exact value, or step aside.
const runs = { seed: 20_261_202, numRuns: 3000 };
const twoTo53 = 2n ** 53n;

/** Decimal texts across the boundaries that matter: 0, negatives, 2^53, 1e15, 28-34 digits, 10^±99. */
const decimalText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom("0", "-0", "1", "-1", "0.5", "-0.5", "1000000000000000", "9999999999999999"),
  fc.bigInt({ min: -(twoTo53 + 10n), max: twoTo53 + 10n }).map(String),
  fc.bigInt({ min: twoTo53 - 50n, max: twoTo53 + 50n }).map((b) => String(b)),
  fc.integer({ min: -1_000_000, max: 1_000_000 }).map(String),
  // Pounds and pence, rates to 6 places and just beyond, below and above 10^10.
  fc
    .tuple(fc.bigInt({ min: -(10n ** 17n), max: 10n ** 17n }), fc.integer({ min: 0, max: 8 }))
    .map(([units, scale]) => scaled(units, scale)),
  fc
    .tuple(
      fc.bigInt({ min: -(10n ** 34n) + 1n, max: 10n ** 34n - 1n }),
      fc.integer({ min: 0, max: 34 }),
    )
    .map(([units, scale]) => scaled(units, scale)),
  fc
    .tuple(
      fc.bigInt({ min: 1n, max: 10n ** 34n - 1n }),
      fc.integer({ min: -65, max: 65 }),
      fc.boolean(),
    )
    .map(([units, shift, negative]) => (negative ? "-" : "") + shifted(units, shift)),
);

function scaled(units: bigint, scale: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, "0");
  const body = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return negative ? `-${body}` : body;
}

/** `units × 10^shift` as plain text. */
function shifted(units: bigint, shift: number): string {
  if (shift >= 0) return `${units}${"0".repeat(shift)}`;
  return scaled(units, -shift);
}

const decimal: fc.Arbitrary<Decimal> = decimalText.map((t) => {
  const d = parseDecimal(t);
  if (d === undefined) throw new Error(`not a decimal: ${t}`);
  return d;
});

describe("fast exact paths = decimal.js", () => {
  it("microUnitsOf is x × 10^6 exactly when that is whole and below 2^53, NaN otherwise", () => {
    fc.assert(
      fc.property(decimal, (x) => {
        const [whole = "", fraction = ""] = toExactString(x).split(".");
        const micro =
          fraction.length <= SmallPolicy.microDigits
            ? BigInt(whole + fraction.padEnd(SmallPolicy.microDigits, "0"))
            : undefined;
        const expected =
          micro !== undefined && micro < twoTo53 && micro > -twoTo53 && x.abs().lt(1e10)
            ? Number(micro)
            : Number.NaN;
        const got = microUnitsOf(x);
        if (Number.isNaN(expected)) expect(got).toBeNaN();
        else expect(got === expected || (got === 0 && expected === 0)).toBe(true);
      }),
      runs,
    );
  });

  it("sum gives the identical exact value as adding with decimal.js one by one", () => {
    fc.assert(
      fc.property(fc.array(decimal, { maxLength: 60 }), (xs) => {
        expect(toExactString(sum(xs))).toBe(toExactString(sumReference(xs)));
      }),
      runs,
    );
  });

  it("sum of amounts near 2^53 micro-units steps aside before a partial sum is inexact", () => {
    const near = fc
      .tuple(fc.bigInt({ min: twoTo53 / 4n, max: twoTo53 - 1n }), fc.boolean())
      .map(([units, negative]) => (negative ? -units : units));
    fc.assert(
      fc.property(fc.array(near, { minLength: 2, maxLength: 20 }), (units) => {
        const xs = units.map((u) => parseDecimal(scaled(u, 6)) as Decimal);
        for (const x of xs) expect(Number.isNaN(microUnitsOf(x))).toBe(false);
        // Under 34 digits, so decimal.js adds exactly: scaled BigInt is an independent oracle.
        const total = units.reduce((a, u) => a + u, 0n);
        expect(toExactString(sum(xs))).toBe(
          toExactString(parseDecimal(scaled(total, 6)) as Decimal),
        );
      }),
      runs,
    );
  });
});

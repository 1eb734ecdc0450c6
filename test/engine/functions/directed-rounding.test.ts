/**
 * floor, ceil, trunc and mod: examples worked by hand, and the defining properties checked on
 * random decimals (the result is a multiple of the step on the right side of x, less than one step
 * away; a remainder has the divisor's sign, is smaller than it, and leaves a whole multiple).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dec, type Decimal } from "../../../src/engine/num";
import { remainder, roundDirected, type Direction } from "../../../src/engine/functions";

const directed = (x: string, step: string, direction: Direction): string | false => {
  const r = roundDirected(dec(x), dec(step), direction);
  return r.ok && r.value.toFixed();
};
const mod = (x: string, d: string): string | false => {
  const r = remainder(dec(x), dec(d));
  return r.ok && r.value.toFixed();
};

/** A decimal of up to 12 digits with up to 4 places, either sign. */
const decimalArb = fc
  .tuple(
    fc.integer({ min: -999_999_999_999, max: 999_999_999_999 }),
    fc.integer({ min: 0, max: 4 }),
  )
  .map(([units, places]) => dec(String(units)).div(10 ** places));
const positiveArb = decimalArb.filter((d) => !d.isZero()).map((d) => d.abs());

const isMultiple = (x: Decimal, step: Decimal): boolean => x.div(step).isInteger();

describe("floor, ceil and trunc", () => {
  it("round down, up and toward zero, worked by hand", () => {
    // 251,778.4 × 1,468.84 = 369,822,185.056 → whole pounds
    expect(directed("369822185.056", "1", "floor")).toBe("369822185");
    expect(directed("369822185.056", "1", "ceil")).toBe("369822186");
    expect(directed("-2.5", "1", "floor")).toBe("-3");
    expect(directed("-2.5", "1", "ceil")).toBe("-2");
    expect(directed("-2.5", "1", "trunc")).toBe("-2");
    expect(directed("2.5", "1", "trunc")).toBe("2");
    expect(directed("-2500", "1000", "ceil")).toBe("-2000");
    expect(directed("1468.849", "0.01", "floor")).toBe("1468.84");
    expect(directed("3000", "1000", "floor")).toBe("3000");
  });

  it("refuses a step that is not positive", () => {
    expect(roundDirected(dec("5"), dec("0"), "floor")).toMatchObject({ ok: false, code: "P4003" });
    expect(roundDirected(dec("5"), dec("-1"), "ceil")).toMatchObject({ ok: false, code: "P4003" });
  });

  it("give the multiple of the step next to x on the right side", () => {
    fc.assert(
      fc.property(decimalArb, positiveArb, (x, step) => {
        const floor = roundDirected(x, step, "floor");
        const ceil = roundDirected(x, step, "ceil");
        const trunc = roundDirected(x, step, "trunc");
        if (!floor.ok || !ceil.ok || !trunc.ok) return false;
        expect(isMultiple(floor.value, step) && isMultiple(ceil.value, step)).toBe(true);
        expect(floor.value.lte(x) && x.minus(floor.value).lt(step)).toBe(true);
        expect(ceil.value.gte(x) && ceil.value.minus(x).lt(step)).toBe(true);
        expect(trunc.value.eq(x.isNegative() ? ceil.value : floor.value)).toBe(true);
        return true;
      }),
      { seed: 20261203, numRuns: 500 },
    );
  });
});

describe("mod", () => {
  it("has the divisor's sign, as a spreadsheet's MOD, worked by hand", () => {
    expect(mod("7", "3")).toBe("1");
    expect(mod("-7", "3")).toBe("2");
    expect(mod("7", "-3")).toBe("-2");
    expect(mod("-7", "-3")).toBe("-1");
    expect(mod("7.5", "2")).toBe("1.5");
    expect(mod("6", "3")).toBe("0");
    expect(mod("-6", "3")).toBe("0");
    expect(mod("369822185", "1000")).toBe("185");
  });

  it("is a division by zero when the divisor is zero", () => {
    expect(remainder(dec("7"), dec("0"))).toMatchObject({ ok: false, code: "P4001" });
  });

  it("leaves a whole multiple of the divisor, with a remainder smaller than it", () => {
    fc.assert(
      fc.property(
        decimalArb,
        decimalArb.filter((d) => !d.isZero()),
        (x, d) => {
          const r = remainder(x, d);
          if (!r.ok) return false;
          expect(r.value.abs().lt(d.abs())).toBe(true);
          expect(r.value.isZero() || r.value.isNegative() === d.isNegative()).toBe(true);
          expect(r.value.isNegative() && r.value.isZero()).toBe(false);
          expect(isMultiple(x.minus(r.value), d)).toBe(true);
          return true;
        },
      ),
      { seed: 20261203, numRuns: 500 },
    );
  });
});

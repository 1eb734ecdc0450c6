/** The language's exact decimal text: normalising literals and shifting by powers of ten. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { negateDecimal, normalizeDecimal, shiftDecimal } from "../../../src/lang/decimal-text";

describe("normalizeDecimal", () => {
  it("writes numbers in canonical form", () => {
    expect(normalizeDecimal("1,426.180")).toBe("1426.18");
    expect(normalizeDecimal("+05")).toBe("5");
    expect(normalizeDecimal("-0")).toBe("0");
    expect(normalizeDecimal("0")).toBe("0");
    expect(normalizeDecimal("000")).toBe("0");
    expect(normalizeDecimal("0120")).toBe("120");
    expect(normalizeDecimal("1851")).toBe("1851");
    expect(normalizeDecimal(".5")).toBe("0.5");
    expect(normalizeDecimal("")).toBe("0");
  });

  it("gives the same text for a number however its whole part is padded or grouped", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 30n }), fc.nat(3), (n, zeros) => {
        const plain = n.toString();
        const grouped = plain.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
        expect(normalizeDecimal(plain)).toBe(plain);
        expect(normalizeDecimal(grouped)).toBe(plain);
        expect(normalizeDecimal("0".repeat(zeros) + plain)).toBe(plain);
        expect(normalizeDecimal(`-${plain}`)).toBe(n === 0n ? "0" : `-${plain}`);
      }),
      { seed: 20261203, numRuns: 500 },
    );
  });
});

describe("shiftDecimal and negateDecimal", () => {
  it("scale exactly", () => {
    expect(shiftDecimal("4.5", 6)).toBe("4500000");
    expect(shiftDecimal("2.99", -2)).toBe("0.0299");
    expect(shiftDecimal("1,851", 0)).toBe("1851");
    expect(shiftDecimal("0120", 0)).toBe("120");
    expect(shiftDecimal("-0.5", 3)).toBe("-500");
    expect(negateDecimal("1851")).toBe("-1851");
    expect(negateDecimal("-0.50")).toBe("0.5");
    expect(negateDecimal("0")).toBe("0");
  });
});

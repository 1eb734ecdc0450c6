import { describe, expect, it } from "vitest";
import { dec, type Decimal } from "../../../src/engine/num";
import {
  average,
  countIf,
  cumsum,
  max,
  min,
  sum,
  sumIf,
  weightedAverage,
} from "../../../src/engine/functions";

const decs = (...xs: string[]): Decimal[] => xs.map(dec);
const text = (x: Decimal | undefined): string | undefined => x?.toFixed();

// Pressures by directorate, £000 in base units (Oxfordshire-style table, 2019/20 column).
const pressures = decs("1851000", "1819000", "0", "18000", "388000");

describe("aggregates over a dimension", () => {
  it("sum adds exactly: 1,851 + 1,819 + 0 + 18 + 388 = 4,076 (£000)", () => {
    expect(text(sum(pressures))).toBe("4076000");
    // 0.1 + 0.2 + 0.3 = 0.6 exactly, where doubles give 0.6000000000000001.
    expect(text(sum(decs("0.1", "0.2", "0.3")))).toBe("0.6");
    expect(text(sum([]))).toBe("0");
  });

  it("min and max pick the extremes and are undefined for nothing", () => {
    expect(text(min(decs("-2199000", "7900000", "0")))).toBe("-2199000");
    expect(text(max(decs("-2199000", "7900000", "0")))).toBe("7900000");
    expect(min([])).toBeUndefined();
    expect(max([])).toBeUndefined();
  });

  it("average divides the sum by the count; none is a division by zero", () => {
    // 4,076,000 / 5 = 815,200
    const r = average(pressures);
    expect(r.ok && r.value.toFixed()).toBe("815200");
    // 1 / 3 to 34 significant digits, last digit rounded half up (...333)
    const third = average(decs("1", "0", "0"));
    expect(third.ok && third.value.toFixed()).toBe("0." + "3".repeat(34));
    expect(average([])).toMatchObject({ ok: false, code: "P4001" });
  });

  it("weightedAverage is sum(x·w) / sum(w)", () => {
    // Rates 2% on £10m and 5% on £30m: (0.2m + 1.5m) / 40m = 1.7 / 40 = 0.0425
    const r = weightedAverage(decs("0.02", "0.05"), decs("10000000", "30000000"));
    expect(r.ok && r.value.toFixed()).toBe("0.0425");
    expect(weightedAverage(decs("0.02", "0.05"), decs("1", "-1"))).toMatchObject({
      ok: false,
      code: "P4001",
    });
  });

  it("sumIf adds where the condition holds and countIf counts it", () => {
    // Savings (negative) only: -2,199,000 + -500,000 = -2,699,000
    const xs = decs("1502000", "-2199000", "120000", "-500000");
    const negative = xs.map((x) => x.isNegative());
    expect(text(sumIf(xs, negative))).toBe("-2699000");
    expect(text(countIf(negative))).toBe("2");
    expect(text(countIf([]))).toBe("0");
  });
});

describe("cumsum over periods", () => {
  it("is the running total, same length", () => {
    // -5, -5 + 2 = -3, -3 + 4 = 1, 1 + 0.5 = 1.5
    expect(cumsum(decs("-5", "2", "4", "0.5")).map((x) => x.toFixed())).toEqual([
      "-5",
      "-3",
      "1",
      "1.5",
    ]);
    expect(cumsum([])).toEqual([]);
  });
});

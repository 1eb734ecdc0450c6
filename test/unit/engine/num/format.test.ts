import { describe, expect, it } from "vitest";
import {
  baseUnitOf,
  dec,
  defaultDecimals,
  exactInUnit,
  formatDisplay,
  toExactString,
  unitScaleExp,
} from "../../../../src/engine/num";

describe("formatDisplay prints values as council papers do", () => {
  it("£m shows one decimal, commas, and brackets for negatives", () => {
    // -4,000,000 / 1e6 = -4.0
    expect(formatDisplay(dec("-4000000"), "£m")).toBe("(4.0)");
    // 404,730,123.45 / 1e6 = 404.73012345 -> 404.7
    expect(formatDisplay(dec("404730123.45"), "£m")).toBe("404.7");
    // 1,234,567,890,000 / 1e6 = 1,234,567.89 -> 1,234,567.9
    expect(formatDisplay(dec("1234567890000"), "£m")).toBe("1,234,567.9");
    // 50,000 / 1e6 = 0.05 -> tie, away from zero -> 0.1
    expect(formatDisplay(dec("50000"), "£m")).toBe("0.1");
    expect(formatDisplay(dec("-50000"), "£m")).toBe("(0.1)");
  });

  it("a value that rounds to zero shows no brackets", () => {
    // -40,000 / 1e6 = -0.04 -> 0.0
    expect(formatDisplay(dec("-40000"), "£m")).toBe("0.0");
    expect(formatDisplay(dec("0"), "£000")).toBe("0");
  });

  it("£000 shows whole thousands, £ pounds and pence, £bn two decimals", () => {
    // 1,851,499.99 / 1000 = 1,851.49999 -> 1,851
    expect(formatDisplay(dec("1851499.99"), "£000")).toBe("1,851");
    // -2,199,500 / 1000 = -2,199.5 -> tie away -> (2,200)
    expect(formatDisplay(dec("-2199500"), "£000")).toBe("(2,200)");
    expect(formatDisplay(dec("1426.185"), "£")).toBe("1,426.19");
    expect(formatDisplay(dec("-0.5"), "£")).toBe("(0.50)");
    // 12,345,678,901 / 1e9 = 12.345678901 -> 12.35
    expect(formatDisplay(dec("12345678901"), "£bn")).toBe("12.35");
  });

  it("% multiplies fractions by 100 and prints the sign", () => {
    expect(formatDisplay(dec("0.0299"), "%")).toBe("2.99%");
    expect(formatDisplay(dec("-0.035"), "%")).toBe("(3.50%)");
    expect(formatDisplay(dec("12.5"), "%")).toBe("1,250.00%");
  });

  it("counts are whole, FTE has one decimal, plain numbers show what they need", () => {
    expect(formatDisplay(dec("246841.4"), "properties")).toBe("246,841");
    expect(formatDisplay(dec("12.25"), "FTE")).toBe("12.3");
    expect(formatDisplay(dec("3"), "")).toBe("3");
    // 1/1.035 = 0.966183574... -> 0.9662
    expect(formatDisplay(dec("0.966183574879227"), "")).toBe("0.9662");
    expect(formatDisplay(dec("1426.18"), "£/property")).toBe("1,426.18");
  });

  it("an explicit decimals override wins over the unit default", () => {
    expect(formatDisplay(dec("404730123.45"), "£m", 3)).toBe("404.730");
    expect(formatDisplay(dec("-4000000"), "£m", 0)).toBe("(4)");
    expect(formatDisplay(dec("0.0299"), "%", 1)).toBe("3.0%");
    expect(defaultDecimals("£m")).toBe(1);
    expect(defaultDecimals("")).toBeUndefined();
  });

  it("toExactString writes plain digits for extreme magnitudes", () => {
    expect(toExactString(dec("0.00000000000000000001"))).toBe("0.00000000000000000001");
    expect(toExactString(dec("123456789012345678901234567890"))).toBe(
      "123456789012345678901234567890",
    );
    expect(toExactString(dec("-1.500"))).toBe("-1.5");
    expect(toExactString(dec("-0.000"))).toBe("0");
  });
});

describe("values in a display unit match the unit they are shown under", () => {
  it("unitScaleExp reads the scale of any unit from its atoms", () => {
    expect(unitScaleExp("£")).toBe(0);
    expect(unitScaleExp("£000")).toBe(3);
    expect(unitScaleExp("£k")).toBe(3);
    expect(unitScaleExp("£m")).toBe(6);
    expect(unitScaleExp("£bn")).toBe(9);
    expect(unitScaleExp("%")).toBe(-2);
    expect(unitScaleExp("£m per property")).toBe(6);
    expect(unitScaleExp("£000/property")).toBe(3);
    expect(unitScaleExp("£m * years")).toBe(6);
    expect(unitScaleExp("properties per £000")).toBe(-3);
    expect(unitScaleExp("properties")).toBe(0);
    expect(unitScaleExp("")).toBe(0);
  });

  it("baseUnitOf drops the scale: pounds for money, number for %", () => {
    expect(baseUnitOf("£000")).toBe("£");
    expect(baseUnitOf("£m per property")).toBe("£ per property");
    expect(baseUnitOf("£m * years")).toBe("£ * years");
    expect(baseUnitOf("%")).toBe("number");
    expect(baseUnitOf("£ per property")).toBe("£ per property");
    expect(baseUnitOf("FTE")).toBe("FTE");
    expect(baseUnitOf("")).toBe("");
  });

  it("exactInUnit scales exactly, without rounding, and leaves text alone", () => {
    expect(exactInUnit("52400000", "£000")).toBe("52400");
    expect(exactInUnit("-4000500", "£000")).toBe("-4000.5");
    expect(exactInUnit("0.0299", "%")).toBe("2.99");
    expect(exactInUnit("1500", "£m per property")).toBe("0.0015");
    // 34 significant digits survive a shift by a power of ten.
    expect(exactInUnit("104128847.3585448574023435383199599", "£m")).toBe(
      "104.1288473585448574023435383199599",
    );
    expect(exactInUnit("1426.18", "£")).toBe("1426.18");
    expect(exactInUnit("2019/20", "£m")).toBe("2019/20");
    expect(exactInUnit("true", "%")).toBe("true");
  });

  it("£k and compound units are shown in their own scale, as the unit says", () => {
    // £1,500 in £k (as £000): 1.5 -> 2 at no decimals.
    expect(formatDisplay(dec("1500"), "£k")).toBe("2");
    // £4,500 years in £m years: 0.0045 -> 0.00.
    expect(formatDisplay(dec("4500000"), "£m * years")).toBe("4.50");
    // £1,500 per property in £000 per property: 1.50 (as before).
    expect(formatDisplay(dec("1500"), "£000 per property")).toBe("1.50");
  });
});

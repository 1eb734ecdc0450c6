import { describe, expect, it } from "vitest";
import { dec } from "../../../src/engine/num";
import { absolute, roundSignificant, roundToUnit } from "../../../src/engine/functions";

const round = (x: string, step: string): string | false => {
  const r = roundToUnit(dec(x), dec(step));
  return r.ok && r.value.toFixed();
};
const sig = (x: string, n: string): string | false => {
  const r = roundSignificant(dec(x), dec(n));
  return r.ok && r.value.toFixed();
};

describe("round(x, unit) rounds half away from zero to the unit", () => {
  it("£0.1m is a step of 100,000", () => {
    // 404,730,123.45 / 100,000 = 4,047.30... -> 4,047 -> 404,700,000
    expect(round("404730123.45", "100000")).toBe("404700000");
    // 4,450,000 / 100,000 = 44.5 -> tie -> 45 -> 4,500,000; negative ties go down
    expect(round("4450000", "100000")).toBe("4500000");
    expect(round("-4450000", "100000")).toBe("-4500000");
  });

  it("£000 is a step of 1,000 and £1 of 1", () => {
    expect(round("1851499.99", "1000")).toBe("1851000");
    expect(round("1851500", "1000")).toBe("1852000");
    expect(round("1426.5", "1")).toBe("1427");
    expect(round("-0.5", "1")).toBe("-1");
    expect(round("0.4", "1")).toBe("0");
  });

  it("a unit that is not positive is out of range", () => {
    expect(roundToUnit(dec("5"), dec("0"))).toMatchObject({ ok: false, code: "P4003" });
    expect(roundToUnit(dec("5"), dec("-1000"))).toMatchObject({ ok: false, code: "P4003" });
  });
});

describe("roundsig(x, n)", () => {
  it("keeps n significant figures, ties away from zero", () => {
    expect(sig("404730123.45", "3")).toBe("405000000");
    expect(sig("0.0012345", "2")).toBe("0.0012");
    expect(sig("0.00125", "2")).toBe("0.0013");
    expect(sig("-2.5", "1")).toBe("-3");
    expect(sig("0", "3")).toBe("0");
  });

  it("n must be a whole number from 1 to 34", () => {
    for (const n of ["0", "35", "2.5", "-1"]) {
      expect(roundSignificant(dec("1"), dec(n))).toMatchObject({ ok: false, code: "P4003" });
    }
  });
});

describe("abs(x)", () => {
  it("drops the sign", () => {
    expect(absolute(dec("-4000000")).toFixed()).toBe("4000000");
    expect(absolute(dec("0.35")).toFixed()).toBe("0.35");
  });
});

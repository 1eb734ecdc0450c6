import { describe, expect, it } from "vitest";
import { dec, type Decimal } from "../../../src/engine/num";
import { discountFactors, irr, npv, payback } from "../../../src/engine/functions";

const decs = (...xs: string[]): Decimal[] => xs.map(dec);

describe("discount factors and npv: t = 0 in the first period", () => {
  it("discount factors at 3.5%", () => {
    const r = discountFactors(dec("0.035"), 3);
    if (!r.ok) throw new Error("expected factors");
    // 1; then, from Python's decimal module at 40 digits (independent of decimal.js):
    // 1/1.035 = 0.96618357487922705314009661835748792270531
    // 1/1.071225 = 0.9335107003664029498938131578333216644496
    expect(r.value[0]?.toFixed()).toBe("1");
    expect(r.value[1]?.toSignificantDigits(20).toFixed()).toBe("0.96618357487922705314");
    expect(r.value[2]?.toSignificantDigits(20).toFixed()).toBe("0.93351070036640294989");
  });

  it("npv leaves the first period undiscounted", () => {
    // At 10%: -1000 + 1100/1.1 = -1000 + 1000 = 0 exactly; at 0%, the plain sum.
    const zero = npv(dec("0.1"), decs("-1000", "1100"));
    expect(zero.ok && zero.value.isZero()).toBe(true);
    const plain = npv(dec("0"), decs("-1000", "300", "400", "500"));
    expect(plain.ok && plain.value.toFixed()).toBe("200");
    // A single value is its own NPV.
    const one = npv(dec("0.035"), decs("123.45"));
    expect(one.ok && one.value.toFixed()).toBe("123.45");
    // -100 + 50/1.25 + 125/1.5625 = -100 + 40 + 80 = 20 (exact)
    const quarter = npv(dec("0.25"), decs("-100", "50", "125"));
    expect(quarter.ok && quarter.value.toFixed()).toBe("20");
  });

  it("a rate of -100% or less is out of range", () => {
    expect(npv(dec("-1"), decs("1"))).toMatchObject({ ok: false, code: "P4003" });
    expect(discountFactors(dec("-1.5"), 2)).toMatchObject({ ok: false, code: "P4003" });
  });
});

describe("irr", () => {
  it("finds exact rates to 28 decimal places", () => {
    // -1000 + 1100/(1+r) = 0  =>  r = 10%
    const ten = irr(decs("-1000", "1100"));
    expect(ten.ok && ten.value.toFixed()).toBe("0.1");
    // -100 + 0/(1+r) + 121/(1+r)^2 = 0  =>  (1+r)^2 = 1.21  =>  r = 10%
    const two = irr(decs("-100", "0", "121"));
    expect(two.ok && two.value.toFixed()).toBe("0.1");
    // -1 + 3/(1+r) - ... : -100 + 250/(1+r) - 150/(1+r)^2 has roots v = 1 and v = 2/3, i.e. r = 0
    // and r = 50%; the bracket nearest 10% wins: r = 0.
    const both = irr(decs("-100", "250", "-150"));
    expect(both.ok && both.value.toFixed()).toBe("0");
  });

  it("finds negative rates", () => {
    // -1000 + 500/(1+r) = 0  =>  r = -50%
    const half = irr(decs("-1000", "500"));
    expect(half.ok && half.value.toFixed()).toBe("-0.5");
    // -1000 + 810/(1+r)^2 = 0  =>  1+r = 0.9  =>  r = -10% (irrational-free: 0.81 = 0.9^2)
    const tenth = irr(decs("-1000", "0", "810"));
    expect(tenth.ok && tenth.value.toFixed()).toBe("-0.1");
  });

  it("reports no solution when the flows never change sign", () => {
    expect(irr(decs("-1000", "-5", "0"))).toMatchObject({
      ok: false,
      code: "P4005",
      args: { function: "irr" },
    });
    expect(irr(decs("0", "0"))).toMatchObject({ ok: false, code: "P4005" });
    expect(irr([])).toMatchObject({ ok: false, code: "P4005" });
  });

  it("reports no solution when the flows change sign but the NPV never reaches zero", () => {
    // 1 - 3v + 3v² has discriminant 9 - 12 < 0: no real v, so no rate.
    expect(irr(decs("1", "-3", "3"))).toMatchObject({ ok: false, code: "P4005" });
  });
});

describe("payback", () => {
  it("counts periods until the running sum first reaches zero or more", () => {
    // Running sums: -100, -40, 0 -> reaches 0 in the third period.
    const r = payback(decs("-100", "60", "40", "10"));
    expect(r).toEqual({ ok: true, value: 3 });
    // A first period that is already non-negative pays back in period 1.
    expect(payback(decs("0", "-5"))).toEqual({ ok: true, value: 1 });
  });

  it("is an error value when the sum never reaches zero", () => {
    // Running sums: -100, -40, -1
    expect(payback(decs("-100", "60", "39"))).toMatchObject({
      ok: false,
      code: "P4006",
      args: { function: "payback" },
    });
  });
});

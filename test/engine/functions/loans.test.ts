import { describe, expect, it } from "vitest";
import { dec, type Decimal } from "../../../src/engine/num";
import {
  loanSchedule,
  loanSeries,
  mrpAnnuity,
  mrpReducingBalance,
  mrpStraightLine,
  pmt,
  type FnResult,
} from "../../../src/engine/functions";

const decs = (...xs: string[]): Decimal[] => xs.map(dec);
const strings = (xs: readonly Decimal[]): string[] => xs.map((x) => x.toFixed());
function valueOf<T>(r: FnResult<T>): T {
  if (!r.ok) throw new Error(`${r.code} ${JSON.stringify(r.args)}`);
  return r.value;
}

describe("pmt", () => {
  it("is positive for a positive principal", () => {
    // One period at 5%: repay 100 plus 5 interest.
    expect(valueOf(pmt(dec("0.05"), dec("1"), dec("100"))).toFixed()).toBe("105");
    // Two periods at 10% on 210: P·r/(1 − 1.1^−2) = 21 / (1 − 1/1.21) = 21 × 1.21 / 0.21 = 121
    expect(valueOf(pmt(dec("0.1"), dec("2"), dec("210"))).toFixed()).toBe("121");
    // A zero rate divides evenly.
    expect(valueOf(pmt(dec("0"), dec("4"), dec("1000"))).toFixed()).toBe("250");
  });

  it("rejects terms that are not whole positive numbers and rates of -100% or less", () => {
    for (const n of ["0", "2.5", "-3", "1001"]) {
      expect(pmt(dec("0.05"), dec(n), dec("100"))).toMatchObject({ ok: false, code: "P4003" });
    }
    expect(pmt(dec("-1"), dec("5"), dec("100"))).toMatchObject({ ok: false, code: "P4003" });
  });
});

describe("a single loan's schedule", () => {
  it("annuity: 210 over 2 years at 10% pays 121 a year", () => {
    // Year 1: interest 21, principal 121 − 21 = 100, closing 110.
    // Year 2: interest 11, principal 110 (the rest), closing 0. Total interest 32.
    const s = valueOf(loanSchedule(dec("210"), dec("0.1"), dec("2"), "annuity"));
    expect(strings(s.opening)).toEqual(["210", "110"]);
    expect(strings(s.interest)).toEqual(["21", "11"]);
    expect(strings(s.principal)).toEqual(["100", "110"]);
    expect(strings(s.closing)).toEqual(["110", "0"]);
    expect(s.totalInterest.toFixed()).toBe("32");
  });

  it("EIP: 300 over 3 years at 10% repays 100 a year", () => {
    // Interest on 300, 200, 100 = 30, 20, 10; total 60.
    const s = valueOf(loanSchedule(dec("300"), dec("0.1"), dec("3"), "eip"));
    expect(strings(s.interest)).toEqual(["30", "20", "10"]);
    expect(strings(s.principal)).toEqual(["100", "100", "100"]);
    expect(strings(s.closing)).toEqual(["200", "100", "0"]);
    expect(s.totalInterest.toFixed()).toBe("60");
  });

  it("EIP with a principal that does not divide evenly ends at exactly zero", () => {
    // 100 / 3 = 33.33… each year, the last year repays what is left.
    const s = valueOf(loanSchedule(dec("100"), dec("0"), dec("3"), "eip"));
    expect(sumOf(s.principal).toFixed()).toBe("100");
    expect(s.closing[2]?.toFixed()).toBe("0");
  });

  it("maturity: interest only, principal at the end", () => {
    // 1,000 at 4% for 3 years: 40 interest a year, 1,000 back in year 3.
    const s = valueOf(loanSchedule(dec("1000"), dec("0.04"), dec("3"), "maturity"));
    expect(strings(s.interest)).toEqual(["40", "40", "40"]);
    expect(strings(s.principal)).toEqual(["0", "0", "1000"]);
    expect(strings(s.closing)).toEqual(["1000", "1000", "0"]);
    expect(s.totalInterest.toFixed()).toBe("120");
  });
});

function sumOf(xs: readonly Decimal[]): Decimal {
  return xs.reduce((a, b) => a.plus(b), dec("0"));
}

describe("a series of advances", () => {
  it("takes each advance at the end of its period and repays from the next", () => {
    // Advances 0, 2m, 5m, 0; EIP over 4 years at 4.5%.
    // Period 2: loan A (2m) opens: interest 90,000, principal 500,000.
    // Period 3: A has 1.5m: interest 67,500, principal 500,000; B (5m): 225,000 and 1,250,000.
    //           Totals: interest 292,500, principal 1,750,000.
    // Closing: p1 2m (the advance), p2 2m − 0.5m + 5m = 6.5m, p3 6.5m − 1.75m = 4.75m.
    const s = valueOf(
      loanSeries(decs("0", "2000000", "5000000", "0"), dec("0.045"), dec("4"), "eip"),
    );
    expect(strings(s.opening)).toEqual(["0", "0", "2000000", "6500000"]);
    expect(strings(s.interest)).toEqual(["0", "0", "90000", "292500"]);
    expect(strings(s.principal)).toEqual(["0", "0", "500000", "1750000"]);
    expect(strings(s.closing)).toEqual(["0", "2000000", "6500000", "4750000"]);
  });

  it("cuts loans off at the horizon and ends at exactly zero once all are repaid", () => {
    // Maturity, 2 years at 10%: an advance of 100 in period 0 is repaid in period 2.
    const s = valueOf(loanSeries(decs("100", "0", "0", "0"), dec("0.1"), dec("2"), "maturity"));
    expect(strings(s.interest)).toEqual(["0", "10", "10", "0"]);
    expect(strings(s.principal)).toEqual(["0", "0", "100", "0"]);
    expect(strings(s.closing)).toEqual(["100", "100", "0", "0"]);
    // An advance in the last period only shows in its closing balance.
    const last = valueOf(loanSeries(decs("0", "50"), dec("0.1"), dec("2"), "annuity"));
    expect(strings(last.interest)).toEqual(["0", "0"]);
    expect(strings(last.closing)).toEqual(["0", "50"]);
  });
});

describe("MRP", () => {
  it("straight-line charges spend / life for life years from the year after", () => {
    // 1,000 spent in period 0 over 4 years: 250 in periods 1 to 4, none in 0 or 5.
    const r = valueOf(mrpStraightLine(decs("1000", "0", "0", "0", "0", "0"), dec("4")));
    expect(strings(r)).toEqual(["0", "250", "250", "250", "250", "0"]);
  });

  it("annuity method charges the principal part of an annuity, rising each year", () => {
    // 210 over 2 years at 10%: payment 121; principal 100 then 110 (see the annuity loan).
    const r = valueOf(mrpAnnuity(decs("210", "0", "0"), dec("2"), dec("0.1")));
    expect(strings(r)).toEqual(["0", "100", "110"]);
    // At 0% it is straight-line.
    expect(strings(valueOf(mrpAnnuity(decs("1000", "0", "0"), dec("2"), dec("0"))))).toEqual([
      "0",
      "500",
      "500",
    ]);
  });

  it("reducing balance charges 4% of the opening CFR", () => {
    // CFR 1,000 after period 0; MRP 40 (CFR 960), 38.4 (CFR 921.6), 36.864.
    const r = valueOf(mrpReducingBalance(decs("1000", "0", "0", "0")));
    expect(strings(r)).toEqual(["0", "40", "38.4", "36.864"]);
  });

  it("rejects an asset life that is not a whole number of years", () => {
    expect(mrpStraightLine(decs("1"), dec("0"))).toMatchObject({
      ok: false,
      code: "P4003",
      args: { what: "The asset life" },
    });
    expect(mrpAnnuity(decs("1"), dec("2.5"), dec("0.03"))).toMatchObject({
      ok: false,
      code: "P4003",
    });
  });
});

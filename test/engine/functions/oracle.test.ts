import { describe, expect, it } from "vitest";
import { dec, type Decimal } from "../../../src/engine/num";
import {
  discountFactors,
  irr,
  loanSchedule,
  loanSeries,
  mrpAnnuity,
  mrpReducingBalance,
  mrpStraightLine,
  npv,
  pmt,
  type FnResult,
} from "../../../src/engine/functions";
import { advanceCase, cashFlowCases, methods, mrpCase, pmtCases, pwlbCase } from "../oracle/cases";
import { expectClose, readOracle } from "./oracle-csv";

// Every expected value here comes from LibreOffice Calc (finance.fods recalculated into
// finance.csv, see test/engine/oracle/README.md), compared with a relative tolerance of 1e-9.
const oracle = readOracle();

function row(key: string): readonly number[] {
  const values = oracle.get(key);
  if (values === undefined) throw new Error(`finance.csv has no row '${key}'; rerun recalc.sh`);
  return values;
}

function valueOf<T>(result: FnResult<T>): T {
  if (!result.ok)
    throw new Error(`expected a value, got ${result.code} ${JSON.stringify(result.args)}`);
  return result.value;
}

function expectSeries(actual: readonly Decimal[], key: string, scale = 0): void {
  const expected = row(key);
  expect(actual.length).toBe(expected.length);
  const size = Math.max(scale, ...expected.map(Math.abs));
  expected.forEach((e, i) => {
    expectClose(actual[i] as Decimal, e, size, `${key}[${i}]`);
  });
}

const decs = (xs: readonly string[]): Decimal[] => xs.map(dec);

describe("the oracle sheet was recalculated by LibreOffice", () => {
  it("shows 0.3 for the formula whose stored value was 999", () => {
    expect(row("poison")).toEqual([0.3]);
  });

  it("holds the same inputs as cases.ts", () => {
    for (const c of cashFlowCases) expect(row(`flows:${c.name}`)).toEqual(c.flows.map(Number));
    expect(row("adv")).toEqual(advanceCase.advances.map(Number));
    expect(row("spend")).toEqual(mrpCase.spend.map(Number));
  });
});

describe("appraisal against LibreOffice", () => {
  for (const c of cashFlowCases) {
    it(`npv, irr and discount factors of '${c.name}'`, () => {
      const flows = decs(c.flows);
      expectClose(valueOf(npv(dec(c.rate), flows)), row(`npv:${c.name}`)[0] ?? NaN, 0, "npv");
      expectSeries(valueOf(discountFactors(dec(c.rate), flows.length)), `df:${c.name}`);
      // IRR is a rate: compared absolutely to 1e-9 (a billionth of a percentage point x 100).
      const rate = valueOf(irr(flows)).toNumber();
      expect(Math.abs(rate - (row(`irr:${c.name}`)[0] ?? NaN))).toBeLessThan(1e-9);
    });
  }
});

describe("pmt, interest and principal against PMT, IPMT and PPMT", () => {
  for (const c of pmtCases) {
    it(`'${c.name}': ${c.principal} over ${c.n} periods at ${c.rate}`, () => {
      const principal = dec(c.principal);
      expectClose(
        valueOf(pmt(dec(c.rate), dec(String(c.n)), principal)),
        row(`pmt:${c.name}`)[0] ?? NaN,
      );
      const schedule = valueOf(loanSchedule(principal, dec(c.rate), dec(String(c.n)), "annuity"));
      expectSeries(schedule.interest, `ipmt:${c.name}`, c.principal.length);
      expectSeries(schedule.principal, `ppmt:${c.name}`, Number(c.principal));
    });
  }
});

describe("PWLB example: £10m over 25 years at 2.9%", () => {
  const principal = dec(pwlbCase.principal);
  const rate = dec(pwlbCase.rate);
  const term = dec(String(pwlbCase.term));
  for (const m of methods) {
    it(`the ${m} schedule matches the hand-laid sheet`, () => {
      const s = valueOf(loanSchedule(principal, rate, term, m));
      const scale = Number(pwlbCase.principal);
      expectSeries(s.opening, `open:${m}`, scale);
      expectSeries(s.interest, `int:${m}`, scale);
      expectSeries(s.principal, `prin:${m}`, scale);
      expectSeries(s.closing, `close:${m}`, scale);
      expectClose(s.totalInterest, row(`total:${m}`)[0] ?? NaN, 0, `total:${m}`);
      expect(s.closing[s.closing.length - 1]?.isZero()).toBe(true);
    });
  }

  it("EIP costs least interest, maturity most, annuity in between", () => {
    // Hand check: EIP interest = 2.9% x 10m x (25 + 24 + ... + 1) / 25 = 290,000 x 13 = 3,770,000;
    // maturity interest = 290,000 x 25 = 7,250,000 (both exact).
    const total = (m: (typeof methods)[number]): Decimal =>
      valueOf(loanSchedule(principal, rate, term, m)).totalInterest;
    expect(total("eip").toFixed()).toBe("3770000");
    expect(total("maturity").toFixed()).toBe("7250000");
    expect(total("annuity").greaterThan(total("eip"))).toBe(true);
    expect(total("annuity").lessThan(total("maturity"))).toBe(true);
  });
});

describe("loan series of advances against one sheet row per advance", () => {
  for (const m of methods) {
    it(`sums ${m} loans taken at the end of each period, cut off at the horizon`, () => {
      const s = valueOf(
        loanSeries(
          decs(advanceCase.advances),
          dec(advanceCase.rate),
          dec(String(advanceCase.term)),
          m,
        ),
      );
      const scale = 1_000_000;
      expectSeries(s.interest, `series:${m}:interest`, scale);
      expectSeries(s.principal, `series:${m}:principal`, scale);
      expectSeries(s.closing, `series:${m}:closing`, scale);
      // The opening balance is the sheet's previous closing balance, zero in the first period.
      const closing = row(`series:${m}:closing`);
      s.opening.forEach((open, t) => {
        expectClose(open, t === 0 ? 0 : (closing[t - 1] ?? NaN), scale, `opening[${t}]`);
      });
    });
  }
});

describe("MRP against the sheet", () => {
  const spend = decs(mrpCase.spend);
  const life = dec(String(mrpCase.life));
  it("straight-line", () => {
    expectSeries(valueOf(mrpStraightLine(spend, life)), "mrp:straight_line", 1_000_000);
  });
  it("annuity method", () => {
    expectSeries(valueOf(mrpAnnuity(spend, life, dec(mrpCase.rate))), "mrp:annuity", 1_000_000);
  });
  it("4% reducing balance", () => {
    expectSeries(
      valueOf(mrpReducingBalance(spend, dec(mrpCase.reducingRate))),
      "mrp:reducing_balance",
      1_000_000,
    );
  });
});

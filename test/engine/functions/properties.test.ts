import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dec, type Decimal } from "../../../src/engine/num";
import { irr, loanSchedule, loanSeries, npv, type LoanMethod } from "../../../src/engine/functions";

// Properties whose expected values follow from the definitions, not from the code: a flow built
// to grow at rate r has IRR r; a loan repays exactly what was lent. Fixed seed.
const runs = { seed: 424_242, numRuns: 100 };
const zero = dec("0");
const total = (xs: readonly Decimal[]): Decimal => xs.reduce((a, b) => a.plus(b), zero);

const nearlyEqual = (a: Decimal, b: Decimal): boolean =>
  a
    .minus(b)
    .abs()
    .lessThanOrEqualTo(b.abs().times(dec("0.000000000000000000000000000001")));

const rate = fc.integer({ min: -50, max: 400 }).map((bp) => dec((bp / 1000).toString()));
const money = fc.integer({ min: 1, max: 10_000_000_000 }).map((p) => dec((p / 100).toFixed(2)));
const method = fc.constantFrom<LoanMethod>("annuity", "eip", "maturity");

describe("irr properties", () => {
  it("a single outlay repaid once after n periods with growth (1+r)^n has IRR r", () => {
    fc.assert(
      fc.property(rate, money, fc.integer({ min: 1, max: 30 }), (r, p, n) => {
        const flows = new Array<Decimal>(n + 1).fill(zero);
        flows[0] = p.negated();
        flows[n] = p.times(dec("1").plus(r).pow(n));
        const result = irr(flows);
        expect(result.ok).toBe(true);
        if (result.ok)
          expect(result.value.minus(r).abs().lessThan(dec("0.0000000000000000000001"))).toBe(true);
      }),
      runs,
    );
  });

  it("the NPV at the IRR is zero relative to the size of the flows", () => {
    const flows = fc.array(fc.integer({ min: -1_000_000, max: 1_000_000 }), {
      minLength: 2,
      maxLength: 25,
    });
    fc.assert(
      fc.property(flows, (xs) => {
        const ds = xs.map((x) => dec(String(x)));
        const result = irr(ds);
        if (!result.ok) {
          expect(result.code).toBe("P4005");
          return;
        }
        const value = npv(result.value, ds);
        // The size of the discounted flows, Σ |x_t| / (1 + irr)^t: a rate near -100% magnifies
        // late flows, and the NPV's rounding with them.
        const size = npv(
          result.value,
          ds.map((x) => x.abs()),
        );
        if (!size.ok) throw new Error(size.code);
        expect(
          value.ok &&
            value.value.abs().lessThanOrEqualTo(size.value.times(dec("0.00000000000000000001"))),
        ).toBe(true);
      }),
      runs,
    );
  });
});

describe("loan properties", () => {
  it("a loan repays exactly its principal and ends at zero; interest is opening × rate", () => {
    fc.assert(
      fc.property(
        money,
        rate.filter((r) => !r.isNegative()),
        fc.integer({ min: 1, max: 40 }),
        method,
        (p, r, n, m) => {
          const s = loanSchedule(p, r, dec(String(n)), m);
          if (!s.ok) throw new Error(s.code);
          // 34-digit arithmetic: the repayments add up to the principal to 30 significant digits.
          expect(nearlyEqual(total(s.value.principal), p)).toBe(true);
          expect(s.value.closing[n - 1]?.isZero()).toBe(true);
          s.value.opening.forEach((open, k) => {
            expect(s.value.interest[k]?.equals(open.times(r))).toBe(true);
            if (k > 0) expect(open.equals(s.value.closing[k - 1] as Decimal)).toBe(true);
          });
        },
      ),
      runs,
    );
  });

  it("EIP costs no more interest than annuity, and annuity no more than maturity", () => {
    fc.assert(
      fc.property(
        money,
        rate.filter((r) => r.isPositive() && !r.isZero()),
        fc.integer({ min: 1, max: 40 }),
        (p, r, n) => {
          const cost = (m: LoanMethod): Decimal => {
            const s = loanSchedule(p, r, dec(String(n)), m);
            if (!s.ok) throw new Error(s.code);
            return s.value.totalInterest;
          };
          expect(cost("eip").lessThanOrEqualTo(cost("annuity"))).toBe(true);
          expect(cost("annuity").lessThanOrEqualTo(cost("maturity"))).toBe(true);
        },
      ),
      runs,
    );
  });

  it("over a long enough horizon a series repays every advance and rolls forward", () => {
    const advances = fc.array(fc.integer({ min: 0, max: 5_000_000 }), {
      minLength: 1,
      maxLength: 10,
    });
    fc.assert(
      fc.property(
        advances,
        rate.filter((r) => !r.isNegative()),
        fc.integer({ min: 1, max: 8 }),
        method,
        (adv, r, n, m) => {
          // Pad the horizon so every loan (last advance + term) fits.
          const ds = [...adv, ...new Array<number>(n).fill(0)].map((x) => dec(String(x)));
          const s = loanSeries(ds, r, dec(String(n)), m);
          if (!s.ok) throw new Error(s.code);
          expect(nearlyEqual(total(s.value.principal), total(ds))).toBe(true);
          expect(s.value.closing[ds.length - 1]?.isZero()).toBe(true);
          expect(s.value.opening[0]?.isZero()).toBe(true);
          for (let t = 1; t < ds.length; t++) {
            expect(s.value.opening[t]?.equals(s.value.closing[t - 1] as Decimal)).toBe(true);
          }
        },
      ),
      runs,
    );
  });
});

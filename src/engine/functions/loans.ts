import { fromInt, ONE, ZERO, type Decimal } from "../num";
import { checkRate, checkTerm } from "./arguments";
import { succeed, type FnResult } from "./result";

/** How a loan is repaid, as the PWLB lends: level payments, equal principal, or all at the end. */
export type LoanMethod = "annuity" | "eip" | "maturity";

/**
 * A loan schedule per period, all in £: `opening` balance, `interest` charged on it (opening ×
 * rate), `principal` repaid, and `closing` balance. Every array has one element per period.
 */
export interface LoanSchedule {
  readonly opening: Decimal[];
  readonly interest: Decimal[];
  readonly principal: Decimal[];
  readonly closing: Decimal[];
}

/** A single loan's schedule over its term, with its total cost (the sum of the interest). */
export interface SingleLoanSchedule extends LoanSchedule {
  readonly totalInterest: Decimal;
}

/**
 * The level payment per period that repays `principal` over `n` periods at `rate` per period,
 * interest included: P·r / (1 − (1 + r)^−n), or P / n at a zero rate. Positive for a positive
 * principal (spreadsheet PMT gives the negative). P4003 unless n is a whole number from 1 and
 * rate > -100%.
 */
export function pmt(rate: Decimal, n: Decimal, principal: Decimal): FnResult<Decimal> {
  const bad = checkRate(rate, "The interest rate");
  if (bad) return bad;
  const term = checkTerm(n, "The number of periods");
  if (typeof term !== "number") return term;
  return succeed(principal.times(annuityFactor(rate, term)));
}

/** r·g^n / (g^n − 1) with g = 1 + r: the payment per £1 borrowed; 1/n when r = 0. */
function annuityFactor(rate: Decimal, term: number): Decimal {
  if (rate.isZero()) return ONE.div(fromInt(term));
  const compound = ONE.plus(rate).pow(term);
  return rate.times(compound).div(compound.minus(ONE));
}

/**
 * Adds one loan of `amount`, repaid by `method` over `term` periods at `rate`, to `into`, with the
 * loan's first period (first interest and first repayment) at index `first`. Periods at or beyond
 * the arrays' length are cut off. The last repayment is whatever balance remains, so a loan's
 * closing balance ends exactly at zero.
 */
function addLoan(
  into: LoanSchedule,
  amount: Decimal,
  rate: Decimal,
  term: number,
  method: LoanMethod,
  first: number,
  factor: Decimal,
): void {
  const horizon = into.opening.length;
  // Annuity: level payment; EIP: level principal; maturity: no principal until the last period.
  const level =
    method === "annuity"
      ? amount.times(factor)
      : method === "eip"
        ? amount.div(fromInt(term))
        : ZERO;
  let balance = amount;
  for (let k = 0; k < term; k++) {
    const t = first + k;
    if (t >= horizon) break;
    const interest = balance.times(rate);
    let repaid: Decimal;
    if (k === term - 1) repaid = balance;
    else if (method === "annuity") repaid = level.minus(interest);
    else repaid = level;
    into.opening[t] = (into.opening[t] as Decimal).plus(balance);
    into.interest[t] = (into.interest[t] as Decimal).plus(interest);
    into.principal[t] = (into.principal[t] as Decimal).plus(repaid);
    balance = balance.minus(repaid);
    into.closing[t] = (into.closing[t] as Decimal).plus(balance);
  }
}

function emptySchedule(periods: number): LoanSchedule {
  return {
    opening: new Array<Decimal>(periods).fill(ZERO),
    interest: new Array<Decimal>(periods).fill(ZERO),
    principal: new Array<Decimal>(periods).fill(ZERO),
    closing: new Array<Decimal>(periods).fill(ZERO),
  };
}

/**
 * The schedule of one loan of `principal` at `rate` per period over `term` periods (index 0 is
 * the loan's first year of interest and repayment). Annuity: level payments, principal rising;
 * EIP: principal / term repaid each period; maturity: interest only, principal in the last
 * period. P4003 for a bad rate or term.
 */
export function loanSchedule(
  principal: Decimal,
  rate: Decimal,
  term: Decimal,
  method: LoanMethod,
): FnResult<SingleLoanSchedule> {
  const bad = checkRate(rate, "The interest rate");
  if (bad) return bad;
  const n = checkTerm(term, "The loan term");
  if (typeof n !== "number") return n;
  const schedule = emptySchedule(n);
  addLoan(schedule, principal, rate, n, method, 0, annuityFactor(rate, n));
  let totalInterest = ZERO;
  for (const x of schedule.interest) totalInterest = totalInterest.plus(x);
  return succeed({ ...schedule, totalInterest });
}

/**
 * loan_opening/interest/principal/closing(adv, rate, term, method): the sum of the schedules of a
 * series of advances. The advance of period i is a new loan taken at the end of period i: it is in
 * period i's closing balance, and its first interest and repayment fall in period i + 1. Periods
 * beyond the last element of `advances` are cut off. The opening balance of a period is exactly the
 * previous period's closing balance (zero in the first period), and a period's closing balance is
 * the sum of the live loans' balances plus that period's advance. P4003 for a bad rate or term.
 */
export function loanSeries(
  advances: readonly Decimal[],
  rate: Decimal,
  term: Decimal,
  method: LoanMethod,
): FnResult<LoanSchedule> {
  const bad = checkRate(rate, "The interest rate");
  if (bad) return bad;
  const n = checkTerm(term, "The loan term");
  if (typeof n !== "number") return n;
  const periods = advances.length;
  const schedule = emptySchedule(periods);
  const factor = annuityFactor(rate, n);
  for (let i = 0; i < periods; i++) {
    const amount = advances[i] as Decimal;
    if (amount.isZero()) continue;
    addLoan(schedule, amount, rate, n, method, i + 1, factor);
    schedule.closing[i] = (schedule.closing[i] as Decimal).plus(amount);
  }
  for (let t = 0; t < periods; t++) {
    schedule.opening[t] = t === 0 ? ZERO : (schedule.closing[t - 1] as Decimal);
  }
  return succeed(schedule);
}

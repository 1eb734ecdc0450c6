import { dec, ZERO, type Decimal } from "../num";
import { checkRate, checkTerm } from "./arguments";
import { loanSeries } from "./loans";
import { succeed, type FnResult } from "./result";

/** How Minimum Revenue Provision is charged. */
export type MrpMethod = "straight_line" | "annuity" | "reducing_balance";

/** Statutory guidance defaults. */
export const MrpDefaults = {
  /** The reducing-balance rate: 4% of the opening capital financing requirement a year. */
  reducingBalanceRate: dec("0.04"),
} as const;

/**
 * mrp(adv, life, "straight_line"): each period's spend is charged in equal instalments of
 * spend / life over the `life` periods after the period of the spend (the last instalment takes
 * any remainder, so the spend is charged exactly). Summed per period; cut off at the horizon. £.
 */
export function mrpStraightLine(advances: readonly Decimal[], life: Decimal): FnResult<Decimal[]> {
  const bad = checkTerm(life, "The asset life");
  if (typeof bad !== "number") return bad;
  const series = loanSeries(advances, ZERO, life, "eip");
  return series.ok ? succeed(series.value.principal) : series;
}

/**
 * mrp(adv, life, "annuity", rate): the principal element of an annuity repaying each spend over
 * `life` periods at `rate`, starting the period after the spend, so the charge rises each year.
 * At a zero rate it equals straight-line. £.
 */
export function mrpAnnuity(
  advances: readonly Decimal[],
  life: Decimal,
  rate: Decimal,
): FnResult<Decimal[]> {
  const bad = checkTerm(life, "The asset life");
  if (typeof bad !== "number") return bad;
  const series = loanSeries(advances, rate, life, "annuity");
  return series.ok ? succeed(series.value.principal) : series;
}

/**
 * mrp(adv, 0, "reducing_balance"): `rate` (4% by default) of the opening capital financing
 * requirement each period. The CFR rolls forward: opening = last period's closing (zero in the
 * first period), closing = opening − MRP + the period's spend, so a spend is first charged the
 * period after it. £.
 */
export function mrpReducingBalance(
  advances: readonly Decimal[],
  rate: Decimal = MrpDefaults.reducingBalanceRate,
): FnResult<Decimal[]> {
  const bad = checkRate(rate, "The MRP rate");
  if (bad) return bad;
  const out = new Array<Decimal>(advances.length);
  let cfr = ZERO;
  for (let t = 0; t < advances.length; t++) {
    const charge = cfr.times(rate);
    out[t] = charge;
    cfr = cfr.minus(charge).plus(advances[t] as Decimal);
  }
  return succeed(out);
}

import { dec, ONE, roundToPlaces, ZERO, type Decimal } from "../num";
import { checkRate } from "./arguments";
import { neverMet, noSolution, succeed, type FnResult } from "./result";

/**
 * discount_factor(rate) over `periods` periods: element t is 1 / (1 + rate)^t with t = 0 in the
 * first period, so the first factor is exactly 1 (Green Book: year 0 is the first period). A plain
 * number. P4003 unless rate > -100%.
 */
export function discountFactors(rate: Decimal, periods: number): FnResult<Decimal[]> {
  const bad = checkRate(rate, "The discount rate");
  if (bad) return bad;
  const growth = ONE.plus(rate);
  const out = new Array<Decimal>(periods);
  // (1 + rate)^t is built by repeated multiplication (exact while it fits in 34 digits) and
  // divided once, so each factor carries one rounding at most beyond the power's.
  let power = ONE;
  for (let t = 0; t < periods; t++) {
    out[t] = t === 0 ? ONE : ONE.div(power);
    power = power.times(growth);
  }
  return succeed(out);
}

/**
 * npv(rate, x) = Σ x_t / (1 + rate)^t over the periods, t = 0 in the first period: the first
 * period is undiscounted (the Green Book convention). Spreadsheet NPV discounts its first value;
 * the equivalent there is x_0 + NPV(rate, x_1..x_n). In x's unit (£). P4003 unless rate > -100%.
 */
export function npv(rate: Decimal, xs: readonly Decimal[]): FnResult<Decimal> {
  const bad = checkRate(rate, "The discount rate");
  if (bad) return bad;
  return succeed(presentValue(ONE.div(ONE.plus(rate)), xs));
}

/** Σ x_t v^t by Horner's rule (one multiplication and one addition per period). */
function presentValue(v: Decimal, xs: readonly Decimal[]): Decimal {
  let p = ZERO;
  for (let t = xs.length - 1; t >= 0; t--) p = p.times(v).plus(xs[t] as Decimal);
  return p;
}

/** Tunables of the IRR search. */
export const IrrLimits = {
  /** Newton and bisection steps allowed inside the chosen bracket. */
  maxIterations: 200,
  /** Converged when a step moves the rate by less than this (absolute, as a fraction). */
  tolerance: dec("0.0000000000000000000000000001"),
  /** The result is rounded to this many decimal places (digits below the tolerance are noise). */
  resultPlaces: 28,
  /** Where a search starts: the bracket nearest this rate wins when there are several roots. */
  guess: dec("0.1"),
  /** Rates at which NPV is sampled to find a sign change, ascending (-99% to 100000%). */
  grid: [
    "-0.99",
    "-0.9",
    "-0.75",
    "-0.5",
    "-0.3",
    "-0.2",
    "-0.1",
    "-0.05",
    "0",
    "0.05",
    "0.1",
    "0.15",
    "0.2",
    "0.3",
    "0.5",
    "0.75",
    "1",
    "1.5",
    "2",
    "3",
    "5",
    "10",
    "100",
    "1000",
  ].map(dec),
} as const;

/**
 * irr(x): the rate r > -100% at which npv(r, x) = 0, with the same timing as {@link npv}. It
 * samples NPV on {@link IrrLimits.grid}, takes the sign-change bracket nearest 10%, then refines it
 * with Newton steps that fall back to bisection whenever Newton leaves the bracket or slows down.
 * P4005 when the cash flows never change sign, when no sampled bracket has a root, or when the
 * iteration cap is reached. A % (fraction: 0.1 is 10%), rounded to 28 decimal places.
 */
export function irr(xs: readonly Decimal[]): FnResult<Decimal> {
  if (!hasSignChange(xs)) {
    return noSolution("irr", "the cash flows never change sign, so no rate makes the NPV zero");
  }
  const bracket = findBracket(xs);
  if (bracket === undefined) {
    return noSolution("irr", "the NPV does not change sign for any rate from -99% to 100000%");
  }
  if ("root" in bracket) return succeed(bracket.root);
  return refine(xs, bracket.lo, bracket.hi, bracket.fLo);
}

function hasSignChange(xs: readonly Decimal[]): boolean {
  let positive = false;
  let negative = false;
  for (const x of xs) {
    if (x.isZero()) continue;
    if (x.isNegative()) negative = true;
    else positive = true;
  }
  return positive && negative;
}

type Bracket =
  | { readonly lo: Decimal; readonly hi: Decimal; readonly fLo: Decimal }
  | { readonly root: Decimal };

function npvAt(rate: Decimal, xs: readonly Decimal[]): Decimal {
  return presentValue(ONE.div(ONE.plus(rate)), xs);
}

function findBracket(xs: readonly Decimal[]): Bracket | undefined {
  const grid = IrrLimits.grid;
  let best: Bracket | undefined;
  let bestDistance: Decimal | undefined;
  let lo = grid[0] as Decimal; // the grid is a non-empty constant
  let fLo = npvAt(lo, xs);
  if (fLo.isZero()) return { root: lo };
  for (let i = 1; i < grid.length; i++) {
    const hi = grid[i] as Decimal;
    const fHi = npvAt(hi, xs);
    if (fHi.isZero()) return { root: hi };
    if (fLo.isNegative() !== fHi.isNegative()) {
      const distance = IrrLimits.guess.lessThan(lo)
        ? lo.minus(IrrLimits.guess)
        : IrrLimits.guess.greaterThan(hi)
          ? IrrLimits.guess.minus(hi)
          : ZERO;
      if (bestDistance === undefined || distance.lessThan(bestDistance)) {
        best = { lo, hi, fLo };
        bestDistance = distance;
      }
    }
    lo = hi;
    fLo = fHi;
  }
  return best;
}

/** Safeguarded Newton on [lo, hi], where NPV(lo) and NPV(hi) have opposite signs. */
function refine(
  xs: readonly Decimal[],
  lo0: Decimal,
  hi0: Decimal,
  fLo0: Decimal,
): FnResult<Decimal> {
  let lo = lo0;
  let hi = hi0;
  const loNegative = fLo0.isNegative();
  let r = lo.plus(hi).div(2);
  let lastStep = hi.minus(lo);
  for (let i = 0; i < IrrLimits.maxIterations; i++) {
    const v = ONE.div(ONE.plus(r));
    // Horner for P(v) = Σ x_t v^t and P'(v) together; dNPV/dr = -P'(v) v².
    let p = ZERO;
    let dp = ZERO;
    for (let t = xs.length - 1; t >= 0; t--) {
      dp = dp.times(v).plus(p);
      p = p.times(v).plus(xs[t] as Decimal);
    }
    if (p.isZero()) return succeed(roundToPlaces(r, IrrLimits.resultPlaces));
    if (p.isNegative() === loNegative) lo = r;
    else hi = r;
    const slope = dp.times(v).times(v).negated();
    let next: Decimal | undefined;
    if (!slope.isZero()) {
      const newton = r.minus(p.div(slope));
      // A Newton step below the tolerance has converged, even onto a bracket end (a root that
      // sits on a grid rate, where rounding kept NPV from being exactly zero).
      if (newton.minus(r).abs().lessThan(IrrLimits.tolerance)) {
        return succeed(roundToPlaces(newton, IrrLimits.resultPlaces));
      }
      // Otherwise take the Newton step only inside the bracket (widened by the tolerance, for a
      // root on a bracket end) and only while steps at least halve.
      if (
        newton.greaterThanOrEqualTo(lo.minus(IrrLimits.tolerance)) &&
        newton.lessThanOrEqualTo(hi.plus(IrrLimits.tolerance))
      ) {
        const step = newton.minus(r).abs();
        if (step.times(2).lessThanOrEqualTo(lastStep)) next = newton;
      }
    }
    next ??= lo.plus(hi).div(2);
    const step = next.minus(r).abs();
    r = next;
    lastStep = step;
    if (step.lessThan(IrrLimits.tolerance) || hi.minus(lo).lessThan(IrrLimits.tolerance)) {
      return succeed(roundToPlaces(r, IrrLimits.resultPlaces));
    }
  }
  return noSolution("irr", `no convergence after ${IrrLimits.maxIterations} steps`);
}

/**
 * payback(x): the number of whole periods, counted from the first (1 = within the first period),
 * until the running sum of x first reaches zero or more. P4006 when it never does within the
 * periods given. A plain number (years).
 */
export function payback(xs: readonly Decimal[]): FnResult<number> {
  let total = ZERO;
  for (let t = 0; t < xs.length; t++) {
    total = total.plus(xs[t] as Decimal);
    if (!total.isNegative() || total.isZero()) return succeed(t + 1);
  }
  return neverMet("payback");
}

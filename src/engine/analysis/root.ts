import { dec, type Decimal } from "../num";

/** Tunables of the one-dimensional search behind goal seek and switching values. */
export const RootLimits = {
  /** Times a search range of its own (none given) is widened, doubling, looking for a sign change. */
  maxExpansions: 60,
  /** Secant and bisection steps once the root is bracketed. */
  maxIterations: 200,
  /** A difference this close to zero (in base units) is a solution. */
  tolerance: dec("0.000000001"),
  /** A bracket narrower than this, relative to its ends, around a sign change that is not a root is a jump. */
  jumpWidth: dec("0.000000000000000001"),
} as const;

/** `f(x)`: a number, or why there is none there (an error value, text). */
export type Probe = (x: Decimal) => Decimal | { readonly error: string };

/** What the search found. */
export type RootResult =
  | { readonly kind: "root"; readonly x: Decimal; readonly fx: Decimal }
  /** `f` has the same sign at both ends of the range searched. */
  | {
      readonly kind: "none";
      readonly lo: Decimal;
      readonly hi: Decimal;
      readonly flo: Decimal;
      readonly fhi: Decimal;
    }
  /** `f` changes sign between two inputs too close to tell apart, but is never zero: a step (a rounded line). */
  | {
      readonly kind: "jump";
      readonly lo: Decimal;
      readonly hi: Decimal;
      readonly flo: Decimal;
      readonly fhi: Decimal;
    }
  | { readonly kind: "error"; readonly x: Decimal; readonly error: string }
  | { readonly kind: "unconverged"; readonly lo: Decimal; readonly hi: Decimal };

/**
 * Finds `x` with `f(x)` = 0 on exact decimals: from the range `[lo, hi]` (widened by doubling
 * unless `fixed`, up to `maxExpansions` times or until `limit` bounds it, each end on its own and
 * only while `f` is a number there) until `f` changes sign,
 * then by the secant method guarded by bisection (every third step bisects, and so does a secant
 * point outside the bracket). Deterministic: the same `f` and range give the same steps.
 */
export function findRoot(
  f: Probe,
  range: {
    readonly lo: Decimal;
    readonly hi: Decimal;
    readonly fixed: boolean;
    readonly limit?: { lo: Decimal; hi: Decimal };
  },
): RootResult {
  let lo = range.lo;
  let hi = range.hi;
  let flo = f(lo);
  if (!("s" in flo)) return { kind: "error", x: lo, error: flo.error };
  if (flo.abs().lte(RootLimits.tolerance)) return { kind: "root", x: lo, fx: flo };
  let fhi = f(hi);
  if (!("s" in fhi)) return { kind: "error", x: hi, error: fhi.error };
  if (fhi.abs().lte(RootLimits.tolerance)) return { kind: "root", x: hi, fx: fhi };
  // Widen each end that is still open; an end where f is not a number (a division by zero at an
  // input of 0, say) stays where it was, and the search goes on the other way.
  let openLo = true;
  let openHi = true;
  for (let i = 0; !range.fixed && flo.s === fhi.s && i < RootLimits.maxExpansions; i++) {
    if (!openLo && !openHi) break;
    const span = hi.minus(lo);
    if (openLo) {
      let next = lo.minus(span);
      if (range.limit !== undefined && next.lt(range.limit.lo)) next = range.limit.lo;
      const a = next.eq(lo) ? undefined : f(next);
      if (a === undefined || !("s" in a)) openLo = false;
      else if (a.abs().lte(RootLimits.tolerance)) return { kind: "root", x: next, fx: a };
      else if (a.s !== flo.s) {
        hi = lo;
        fhi = flo;
        lo = next;
        flo = a;
        break;
      } else {
        lo = next;
        flo = a;
      }
    }
    if (openHi) {
      let next = hi.plus(span);
      if (range.limit !== undefined && next.gt(range.limit.hi)) next = range.limit.hi;
      const b = next.eq(hi) ? undefined : f(next);
      if (b === undefined || !("s" in b)) openHi = false;
      else if (b.abs().lte(RootLimits.tolerance)) return { kind: "root", x: next, fx: b };
      else if (b.s !== fhi.s) {
        lo = hi;
        flo = fhi;
        hi = next;
        fhi = b;
        break;
      } else {
        hi = next;
        fhi = b;
      }
    }
  }
  if (flo.s === fhi.s) return { kind: "none", lo, hi, flo, fhi };
  for (let i = 0; i < RootLimits.maxIterations; i++) {
    const scale = lo.abs().gt(hi.abs()) ? lo.abs() : hi.abs();
    if (hi.minus(lo).lte(RootLimits.jumpWidth.times(scale.gt(1) ? scale : 1))) {
      return { kind: "jump", lo, hi, flo, fhi };
    }
    let x: Decimal = lo.minus(flo.times(hi.minus(lo)).div(fhi.minus(flo)));
    if (i % 3 === 2 || !x.gt(lo) || !x.lt(hi)) x = lo.plus(hi).div(2);
    const fx = f(x);
    if (!("s" in fx)) return { kind: "error", x, error: fx.error };
    if (fx.abs().lte(RootLimits.tolerance)) return { kind: "root", x, fx };
    if (fx.s === flo.s) {
      lo = x;
      flo = fx;
    } else {
      hi = x;
      fhi = fx;
    }
  }
  return { kind: "unconverged", lo, hi };
}

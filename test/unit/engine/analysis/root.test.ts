import { describe, expect, it } from "vitest";
import { findRoot, type Probe } from "../../../../src/engine/analysis/root";
import { dec, toExactString, type Decimal } from "../../../../src/engine/num";

const range = (lo: string, hi: string, fixed = false) => ({ lo: dec(lo), hi: dec(hi), fixed });

describe("findRoot", () => {
  it("finds the root of a line exactly, widening the range until it brackets it", () => {
    // 3x - 300 = 0 at x = 100, outside the starting range [-1, 1].
    const r = findRoot((x) => x.times(3).minus(300), range("-1", "1"));
    expect(r.kind).toBe("root");
    if (r.kind === "root") expect(toExactString(r.x)).toBe("100");
  });

  it("finds the root of a curve within the tolerance", () => {
    // x^2 - 2 = 0 at the square root of 2.
    const r = findRoot((x) => x.times(x).minus(2), range("0", "3", true));
    expect(r.kind).toBe("root");
    if (r.kind === "root")
      expect(r.x.minus("1.4142135623730950488").abs().lt("0.000000001")).toBe(true);
  });

  it("says there is none when a fixed range does not bracket a root", () => {
    const r = findRoot((x) => x.plus(10), range("0", "5", true));
    expect(r.kind).toBe("none");
  });

  it("tells a step (a rounded line) from a root", () => {
    // round(x) - 0.5 changes sign at x = 0.5 but is never 0.
    const f: Probe = (x) => x.toDecimalPlaces(0).minus("0.5");
    const r = findRoot(f, range("0", "1", true));
    expect(r.kind).toBe("jump");
    if (r.kind === "jump") {
      expect(r.lo.lte("0.5") && r.hi.gte("0.5")).toBe(true);
      expect(r.hi.minus(r.lo).lt("0.000000000001")).toBe(true);
    }
  });

  it("widens past an end where the function is not a number, the other way", () => {
    // 1/x - 0.25 = 0 at x = 4; at x = 0 there is no number.
    const f: Probe = (x: Decimal) =>
      x.isZero() ? { error: "P4001" } : dec("1").div(x).minus("0.25");
    const r = findRoot(f, {
      lo: dec("1"),
      hi: dec("2"),
      fixed: false,
      limit: { lo: dec("0"), hi: dec("100") },
    });
    expect(r.kind).toBe("root");
    if (r.kind === "root") expect(r.x.minus(4).abs().lt("0.0000001")).toBe(true);
  });

  it("keeps within the limit it is given", () => {
    const seen: Decimal[] = [];
    const f: Probe = (x) => {
      seen.push(x);
      return x.plus(1000);
    };
    const r = findRoot(f, {
      lo: dec("-0.5"),
      hi: dec("0.5"),
      fixed: false,
      limit: { lo: dec("-1"), hi: dec("10") },
    });
    expect(r.kind).toBe("none");
    expect(seen.every((x) => x.gte(-1) && x.lte(10))).toBe(true);
  });
});

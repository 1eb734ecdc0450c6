import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { DirtySteps } from "../../../../src/engine/graph";

describe("DirtySteps", () => {
  it("hands out each marked step once, earliest first", () => {
    const dirty = new DirtySteps(10);
    for (const s of [7, 3, 7, 9, 0, 3]) dirty.mark(s);
    const out: number[] = [];
    while (!dirty.isEmpty) out.push(dirty.next());
    expect(out).toEqual([0, 3, 7, 9]);
    expect(dirty.next()).toBe(-1);
  });

  it("behaves like a sorted set for any marks", () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 99 })), (marks) => {
        const dirty = new DirtySteps(100);
        for (const m of marks) dirty.mark(m);
        const out: number[] = [];
        while (!dirty.isEmpty) out.push(dirty.next());
        expect(out).toEqual([...new Set(marks)].sort((a, b) => a - b));
      }),
      { seed: 4, numRuns: 300 },
    );
  });
});

import { describe, expect, test } from "vitest";
import type { GridItem, RowModel, SectionHeading } from "../../../../src/ui/grid/rows";
import { itemTops, renderPlan, visibleRange } from "../../../../src/ui/grid/window";

const heading = (name: string): SectionHeading => ({ kind: "section", name });
// Only `kind` matters for placing items; the rest of a row model is not read.
const row = (key: string): RowModel => ({ kind: "row", key }) as unknown as RowModel;

/** A heading and `n` rows per section: §0 r0 r1 … §1 r… */
function items(sections: number, n: number): GridItem[] {
  const out: GridItem[] = [];
  for (let s = 0; s < sections; s++) {
    out.push(heading(`S${s}`));
    for (let i = 0; i < n; i++) out.push(row(`r${s}_${i}`));
  }
  return out;
}

const metrics = { row: 20, section: 30, header: 25 };

describe("itemTops", () => {
  test("adds a row's or a heading's height per item, ending with the total", () => {
    // §(30) r(20) r(20) §(30) r(20): tops 0, 30, 50, 70, 100; total 120.
    expect([...itemTops(items(2, 2).slice(0, 5), metrics)]).toEqual([0, 30, 50, 70, 100, 120]);
  });
});

describe("visibleRange", () => {
  const tops = itemTops(items(10, 99), metrics); // 1,000 items
  test("covers the rows in view, widened by the overscan", () => {
    // At 0 with 100 px: items 0 (0-30), 1 (30-50) … 4 (90-110) are in view.
    expect(visibleRange(tops, 0, 100, 0)).toEqual({ first: 0, end: 5 });
    expect(visibleRange(tops, 0, 100, 3)).toEqual({ first: 0, end: 8 });
    // Section 5 starts at item 500, at 5 × (30 + 99 × 20) = 10,050 px.
    expect(visibleRange(tops, 10_050, 40, 0)).toEqual({ first: 500, end: 502 });
    expect(visibleRange(tops, 10_060, 40, 2)).toEqual({ first: 498, end: 505 });
  });
  test("clamps at the end and is empty for no items", () => {
    const total = tops[tops.length - 1] ?? 0;
    expect(visibleRange(tops, total + 500, 100, 5)).toEqual({ first: 994, end: 1000 });
    expect(visibleRange(new Float64Array([0]), 0, 100, 5)).toEqual({ first: 0, end: 0 });
  });
});

describe("renderPlan", () => {
  const all = items(10, 99);
  const tops = itemTops(all, metrics);
  test("draws the range with the heights of what lies above and below as gaps", () => {
    const plan = renderPlan(all, tops, { first: 500, end: 503 }, []);
    expect(plan.items).toEqual(all.slice(500, 503));
    expect(plan.gaps.get(all[500] as GridItem)).toBe(10_050);
    expect(plan.gaps.size).toBe(1);
    // Below 503 (its top is 10,050 + 30 + 2 × 20 = 10,120): total 10 × 2,010 = 20,100.
    expect(plan.after).toBe(20_100 - 10_120);
  });
  test("also draws pinned items outside the range, in order, splitting the gaps", () => {
    // The heading of section 5 (item 500) sticks while rows 510-512 are in view; the focused
    // row 901 (section 9's first row) is far below.
    const plan = renderPlan(all, tops, { first: 510, end: 513 }, [901, 500, 511]);
    expect(plan.items).toEqual([all[500], ...all.slice(510, 513), all[901]]);
    expect(plan.gaps.get(all[500] as GridItem)).toBe(10_050);
    // Item 510's top: 10,050 + 30 + 9 × 20 = 10,260; the heading ends at 10,080.
    expect(plan.gaps.get(all[510] as GridItem)).toBe(180);
    // Item 512 ends at 10,320; item 901 starts at 9 × 2,010 + 30 = 18,120 and ends at 18,140.
    expect(plan.gaps.get(all[901] as GridItem)).toBe(18_120 - 10_320);
    expect(plan.after).toBe(20_100 - 18_140);
  });
});

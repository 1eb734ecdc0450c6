import { describe, expect, it } from "vitest";
import { checkModel } from "../../../src/lang";
import { compileModel, createEngine, evaluateFull, recompute } from "../../../src/engine";

const diamond = (b: string) => `model "Diamond"
periods 2019/20 .. 2021/22
input a (number) = 1
b (number) = ${b}
c (number) = a * 3
d (number) = b + c
input e (number) = 5
f (number) = e * 2
`;

describe("recompute", () => {
  it("recomputes only what an input feeds, each line once (the diamond)", () => {
    const first = evaluateFull(compileModel(checkModel(diamond("a * 2")), null));
    const edited = diamond("a * 2").replace("input a (number) = 1", "input a (number) = 2");
    const next = recompute(first, compileModel(checkModel(edited), null));
    // b, c, d: one step each (the input a is compared cell by cell, not run); e and f are
    // untouched.
    expect(next.stats.stepsRun).toBe(3);
    // b, c and d read only scalars, so each is one cell for all periods.
    expect(next.stats.cellsEvaluated).toBe(3);
    const names = next.stats.changed.map((id) => next.compiled.model.lines[id]?.name);
    expect(names.sort()).toEqual(["a", "b", "c", "d"]);
    // d = 2a + 3a = 10 when a = 2.
    const d = next.compiled.model.lineByName.get("d") ?? -1;
    expect(next.values[d]?.map(String)).toEqual(["10", "10", "10"]);
  });

  it("stops where a recomputed value did not change", () => {
    const first = evaluateFull(compileModel(checkModel(diamond("a * 2")), null));
    const next = recompute(first, compileModel(checkModel(diamond("a + a")), null));
    expect(next.stats.stepsRun).toBe(1);
    expect(next.stats.changed).toEqual([]);
  });

  it("keeps values when text above a line moves it, without recomputing", () => {
    const text = diamond("a * 2");
    const first = evaluateFull(compileModel(checkModel(text), null));
    const moved = text.replace(
      'model "Diamond"\n',
      'model "Diamond"\n# a comment that shifts every span\n',
    );
    const next = recompute(first, compileModel(checkModel(moved), null));
    expect(next.stats.stepsRun).toBe(0);
  });
});

describe("createEngine", () => {
  const model = `model "Budget"
periods 2019/20 .. 2020/21
input taxbase (number) = 1000
input band_d_base (£) = £1,500
input increase (%) = 0%
input spending (£) = £1,545,000
band_d (£) = band_d_base * (1 + increase)
gap (£) = spending - taxbase * band_d
scenario high "High increase" {
  increase = 4%
}
`;

  it("solves for the Band D increase that closes the gap", () => {
    const engine = createEngine();
    engine.update(model);
    // gap = 1,545,000 - 1000 x 1500 x (1 + i) = 0 when i = 3%.
    const result = engine.goalSeek({
      input: "increase",
      target: "gap",
      period: "2020/21",
      value: "0",
    });
    expect(result).toMatchObject({ ok: true, input: "0.03", target: "0", inputKey: "increase" });
    // The session's own values are unchanged by the search.
    const gap = engine.snapshot().lines.find((l) => l.key === "gap");
    expect(gap?.cells[0]?.value).toBe("45000");
  });

  it("reports when no input value reaches the target", () => {
    const engine = createEngine();
    engine.update(model);
    const result = engine.goalSeek({ input: "increase", target: "taxbase", value: "5" });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.code).toBe("P4005");
    expect(engine.goalSeek({ input: "gap", target: "gap", period: "2019/20", value: "0" }).ok).toBe(
      false,
    );
  });

  it("compares two scenarios line by line with differences", () => {
    const engine = createEngine();
    engine.update(model);
    const comparison = engine.compare(null, "high");
    const gap = comparison.rows.find((r) => r.key === "gap");
    // High: band D 1500 x 1.04 = 1560; gap = 1,545,000 - 1,560,000 = -15,000; difference -60,000.
    expect(gap).toMatchObject({
      left: ["45000", "45000"],
      right: ["-15000", "-15000"],
      difference: ["-60000", "-60000"],
      differenceDisplay: ["(60,000.00)", "(60,000.00)"],
      changed: true,
    });
    expect(comparison.rows.find((r) => r.key === "taxbase")?.changed).toBe(false);
  });

  it("switching scenario recomputes only what the overrides feed", () => {
    const engine = createEngine();
    engine.update(model);
    const high = engine.setScenario("high");
    expect(high.scenario).toBe("high");
    expect([...high.changed].sort()).toEqual(["band_d", "gap", "increase"]);
    expect(engine.setScenario(null).lines.find((l) => l.key === "gap")?.scalar?.value).toBe(
      "45000",
    );
  });

  it("lists the direct dependents of a line", () => {
    const engine = createEngine();
    engine.update(model);
    expect(engine.dependents("band_d").map((d) => d.key)).toEqual(["gap"]);
  });

  it("lists the checks that read a line apart from its dependents, which stay lines only", () => {
    const engine = createEngine();
    const text = `model "Readers"
periods 2019/20 .. 2020/21
dimension area = north, south
input benefit (£m) = 4
input spend by area (£) = £10
total (£m) = benefit * 2
check benefit_positive: benefit > £0
  label "Benefit is positive"
check ties: total = benefit * 2 within £0.1m
check spend_small: sum(spend over area) < £100
`;
    engine.update(text);
    expect(engine.dependents("benefit").map((d) => d.key)).toEqual(["total"]);
    const readers = engine.checkReaders("benefit");
    expect(readers.map((c) => [c.name, c.label])).toEqual([
      ["benefit_positive", "Benefit is positive"],
      ["ties", "ties"],
    ]);
    // The span is the check's declaration in the text.
    expect(text.slice(readers[0]?.from, readers[0]?.to)).toMatch(/^check benefit_positive/);
    expect(engine.checkReaders("total").map((c) => c.name)).toEqual(["ties"]);
    // A member's key finds its line; a line no check reads, or an unknown name, has none.
    expect(engine.checkReaders("spend[north]").map((c) => c.name)).toEqual(["spend_small"]);
    expect(engine.dependents("spend[north]")).toEqual([]);
    expect(engine.checkReaders("nothing")).toEqual([]);
  });

  it("explains a dimensioned cell and an opening value", () => {
    const engine = createEngine();
    engine.update(`model "Explain"
periods 2019/20 .. 2020/21
dimension area = north, south
input spend by area (£) = £10
balance (£) = balance[-1] + sum(spend over area) opening £5
`);
    const result = engine.explain("balance[2019/20]");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const tree = result.tree;
    // 5 + (10 + 10) = 25.
    expect(tree.value).toBe("25");
    expect(tree.children.map((c) => [c.key, c.period, c.value])).toEqual([
      ["balance", "opening", "5"],
      ["spend[north]", undefined, "10"],
      ["spend[south]", undefined, "10"],
    ]);
    expect(engine.explain("spend[east]").ok).toBe(false);
    // A member and a period together, in either spelling.
    const south = engine.explain("spend[south][2020/21]");
    expect(south.ok && [south.tree.key, south.tree.value]).toEqual(["spend[south]", "10"]);
    expect(engine.explain("spend[south, 2020/21]").ok).toBe(true);
    expect(engine.explain("balance").ok).toBe(false);
  });

  it("marks exception cells and carries source spans", () => {
    const engine = createEngine();
    const text = `model "Rules"
periods 2019/20 .. 2021/22
x (£) =
  | 2019/20 : £1
  | 2020/21 .. : x[-1] * 2
`;
    const snap = engine.update(text);
    const x = snap.lines.find((l) => l.key === "x");
    expect(x?.cells.map((c) => [c.value, c.exception === true])).toEqual([
      ["1", true],
      ["2", false],
      ["4", false],
    ]);
    expect(text.slice(x?.from, x?.to).startsWith("x (£) =")).toBe(true);
  });
});

describe("recompute of per-period lines", () => {
  it("evaluates each affected cell once", () => {
    const text = (v: string) => `model "Series"
periods 2019/20 .. 2021/22
input a (number) =
  | 2019/20 : ${v}
  | 2020/21 .. : 2
b (number) = a * 2
c (number) = a * 3
d (number) = b + c
`;
    const first = evaluateFull(compileModel(checkModel(text("1")), null));
    const next = recompute(first, compileModel(checkModel(text("4")), null));
    // Only a's 2019/20 cell changed, so b, c and d are recomputed in 2019/20 only: 3 cells.
    expect(next.stats.cellsEvaluated).toBe(3);
    const d = next.compiled.model.lineByName.get("d") ?? -1;
    // d = 5a: 20, 10, 10.
    expect(next.values[d]?.map(String)).toEqual(["20", "10", "10"]);
  });
});

describe("snapshot delta", () => {
  it("lists only the lines an edit changed, and moves the spans of lines below", () => {
    const engine = createEngine();
    const first = engine.update(diamond("a * 2"));
    // The first snapshot sends everything, in order.
    expect(first.delta.order).toEqual(["a", "b", "c", "d", "e", "f"]);
    expect(first.delta.lines.map((l) => l.key)).toEqual(["a", "b", "c", "d", "e", "f"]);
    // a = 1 → 12 makes the text one character longer: a, b, c and d change values; e and f only move.
    const next = engine.update(
      diamond("a * 2").replace("input a (number) = 1", "input a (number) = 12"),
    );
    expect(next.delta.order).toBeUndefined();
    expect(next.delta.lines.map((l) => l.key)).toEqual(["a", "b", "c", "d"]);
    expect(next.delta.moved.map((m) => m.key)).toEqual(["e", "f"]);
    const e = next.lines.find((l) => l.key === "e");
    expect(next.delta.moved[0]).toEqual({ key: "e", from: e?.from, to: e?.to });
    expect(next.delta.removed).toEqual([]);
    // Unchanged lines are the very same objects as before.
    expect(next.lines[4]?.cells).toBe(first.lines[4]?.cells);
    // d = b + c = 2a + 3a = 60.
    expect(next.delta.lines[3]?.cells.map((c) => c.value)).toEqual(["60", "60", "60"]);
  });

  it("reports removed lines and the new order", () => {
    const engine = createEngine();
    engine.update(diamond("a * 2"));
    const next = engine.update(diamond("a * 2").replace("f (number) = e * 2\n", ""));
    expect(next.delta.removed).toEqual(["f"]);
    expect(next.delta.order).toEqual(["a", "b", "c", "d", "e"]);
    expect(next.delta.lines).toEqual([]);
  });
});

describe("snapshot caches across edits", () => {
  const byArea = (top: string) => `model "Moved"
periods 2019/20 .. 2020/21
dimension area = north, south
${top}input cost by area (number) =
  table    2019/20  2020/21
  north    1        2
  south    3        4
total (number) = sum(cost over area)
`;

  it("a dimensioned line moved by an edit above keeps its members and formatted cells", () => {
    const engine = createEngine();
    const first = engine.update(byArea("input x (number) = 1\n"));
    const next = engine.update(byArea("input x (number) = 100\n"));
    const before = first.lines.filter((l) => l.name === "cost");
    const after = next.lines.filter((l) => l.name === "cost");
    expect(after.map((l) => l.member)).toEqual(["north", "south"]);
    expect(after.map((l) => l.from)).toEqual(before.map((l) => l.from + 2));
    // The cells were not formatted again: the same objects, with the new span.
    expect(after[0]?.cells).toBe(before[0]?.cells);
    expect(next.delta.moved.map((m) => m.key)).toEqual(["cost[north]", "cost[south]", "total"]);
  });

  it("finds a line's cache by name when a line added above shifts every position", () => {
    const engine = createEngine();
    const first = engine.update(byArea(""));
    const next = engine.update(byArea("input x (number) = 1\n"));
    const cost = (s: typeof first) => s.lines.find((l) => l.key === "cost[south]");
    expect(cost(next)?.cells).toBe(cost(first)?.cells);
    expect(next.delta.order?.[0]).toBe("x");
    expect(next.changed).toEqual(["x"]);
  });
});

describe("snapshot of a table edit", () => {
  const table = (north: string) => `model "Table"
periods 2019/20 .. 2020/21
dimension area = north, south
input cost by area (number) =
  table    2019/20  2020/21
  north    ${north}        2
  south    3        4
total (number) = sum(cost over area)
`;

  it("sends only the member rows whose values changed", () => {
    const engine = createEngine();
    const first = engine.update(table("1"));
    const next = engine.update(table("5"));
    // cost[north] and total change (total 2019/20 = 5 + 3 = 8); cost[south] keeps its row.
    expect(next.delta.lines.map((l) => l.key)).toEqual(["cost[north]", "total"]);
    expect(next.delta.lines[1]?.cells.map((c) => c.value)).toEqual(["8", "6"]);
    const south = (s: typeof first) => s.lines.find((l) => l.key === "cost[south]");
    expect(south(next)?.cells).toBe(south(first)?.cells);
    expect(next.changed).toEqual(["cost[north]", "cost[south]", "total"]);
  });
});

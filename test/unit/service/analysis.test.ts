import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createEngine, sensitivity } from "../../../src/engine";
import { makeAnalysisMethods } from "../../../src/service/analysis";

const example = (name: string) => readFileSync(`examples/${name}.precept`, "utf8");

/** The methods over an engine holding `text`, with a clock that moves 1 ms a look. */
function methodsFor(text: string) {
  const engine = createEngine();
  engine.update(text);
  let now = 0;
  return {
    engine,
    methods: makeAnalysisMethods({ engine: () => engine, revision: () => 7, elapsed: () => now++ }),
  };
}

// By hand, from the council tax example: the 2019/20 taxbase is 246,841 × 1.02 = 251,777.82
// Band D properties; the gap is 0 when the income before rounding is the plan's £374.321m plus
// the stated £1m, so taxbase × £1,426.20 × (1 + x) + £4.5m surplus = £375.321m.
const bandDIncrease = 370_821_000 / (251_777.82 * 1_426.2) - 1;

describe("makeAnalysisMethods", () => {
  it("offers the inputs a figure reads, in model order", () => {
    const { methods } = methodsFor(example("council-tax"));
    const target = methods.analysisTarget("council_tax_gap", null);
    expect(target?.revision).toBe(7);
    expect(target?.period).toBeNull();
    expect(target?.inputs.map((i) => i.name)).toEqual([
      "taxbase_2018_19",
      "taxbase_growth",
      "band_d_increase",
      "collection_surplus",
      "band_d_2018_19",
      "planned_income_2019_20",
      "stated_gap_2019_20",
    ]);
    const increase = target?.inputs.find((i) => i.name === "band_d_increase");
    expect(increase).toMatchObject({ unit: "%", perPeriod: true, members: [] });
    expect(methods.analysisTarget("no_such_line", null)).toBeNull();
  });

  it("solves the Band D increase that closes the stated gap, and writes it as a scenario", () => {
    const text = example("council-tax");
    const { methods, engine } = methodsFor(text);
    const reply = methods.goalSeek({
      input: "band_d_increase",
      inputPeriod: "2019/20",
      target: "council_tax_gap",
      value: "0",
    });
    expect(reply.result.ok).toBe(true);
    if (!reply.result.ok) return;
    expect(Number(reply.result.input)).toBeCloseTo(bandDIncrease, 12);
    expect(reply.result.solution.input.display).toBe("3.268155%");
    expect(reply.addScenario?.ok).toBe(true);
    if (!reply.addScenario?.ok) return;
    expect(reply.addScenario.name).toBe("goal_seek");
    expect(reply.addScenario.text).toContain("| 2019/20 : 3.268155421867");
    expect(reply.addScenario.text).toContain("| 2020/21 : 1.99%");
    // The declaration, added to the text, is a scenario in which the gap is 0 and nothing else moved.
    engine.update(`${text}\n${reply.addScenario.text}`);
    expect(engine.snapshot().diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    engine.setScenario("goal_seek");
    const gap = engine.snapshot().lines.find((l) => l.key === "council_tax_gap");
    expect(Math.abs(Number(gap?.scalar?.value))).toBeLessThan(1e-12);
    const increase = engine.snapshot().lines.find((l) => l.key === "band_d_increase");
    expect(increase?.cells.map((c) => c.display)).toEqual([
      "3.27%",
      "1.99%",
      "1.99%",
      "1.99%",
      "1.99%",
    ]);
  });

  it("gives the no-solution code when the range cannot reach the value", () => {
    const { methods } = methodsFor(example("council-tax"));
    const reply = methods.goalSeek({
      input: "band_d_increase[2019/20]",
      target: "council_tax_gap",
      value: "0",
      low: "0%",
      high: "1%",
    });
    expect(reply.result).toMatchObject({ ok: false, code: "P4005" });
    expect(reply.addScenario).toBeUndefined();
  });

  it("runs a sensitivity in steps that give the one-shot result, and can be cancelled", () => {
    const text = example("tom-cost-benefit");
    const { methods, engine } = methodsFor(text);
    const first = methods.startSensitivity({ output: "npv_net_benefit" }, 0);
    expect(first).toMatchObject({ ok: true, total: 5, done: 1 });
    if (!first.ok) return;
    let last = first;
    while (last.result === undefined) {
      const next = methods.continueSensitivity(last.job, 0);
      expect(next?.ok).toBe(true);
      if (next === null || !next.ok) return;
      expect(next.done).toBe(last.done + 1);
      last = next;
    }
    expect(last.result).toEqual(sensitivity(engine.evaluation(), { output: "npv_net_benefit" }));
    expect(methods.continueSensitivity(last.job, 0)).toBeNull();

    const again = methods.startSensitivity({ output: "npv_net_benefit" }, 0);
    if (!again.ok) throw new Error("expected a run");
    expect(methods.cancelSensitivity(again.job)).toBeNull();
    expect(methods.continueSensitivity(again.job, 0)).toBeNull();
  });

  it("reports a request it cannot run with its code", () => {
    const { methods } = methodsFor(example("tom-cost-benefit"));
    expect(methods.startSensitivity({ output: "net_benefit" }, 0)).toMatchObject({
      ok: false,
      error: { code: "P6004" },
    });
  });
});

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createEngine, evaluateFull, type CompiledModel } from "../../../../src/engine";
import { Trials } from "../../../../src/engine/analysis/trials";
import { cellsEqual, type Value } from "../../../../src/engine/eval/value";
import { dec, isDecimal } from "../../../../src/engine/num";

const root = join(import.meta.dirname, "../../../..");

describe("Trials", () => {
  const text = readFileSync(join(root, "examples", "tom-cost-benefit.precept"), "utf8");
  const engine = createEngine();
  engine.update(text);
  const base = engine.evaluation();
  const model = base.compiled.model;

  it("gives what a whole evaluation of the changed model gives, for every input and in any order", () => {
    const trials = new Trials(base);
    const inputs = model.lines.filter((l) => l.kind === "input");
    // Twice round, so each trial follows one of another input.
    for (const factor of ["1.1", "0.5"]) {
      for (const line of inputs) {
        const cells = line.inputs.map((v: Value) => (isDecimal(v) ? v.times(dec(factor)) : v));
        const trial = trials.run([{ line, cells }]);
        const changed = model.lines.map((l) => (l.id === line.id ? { ...l, inputs: cells } : l));
        const next: CompiledModel = { ...base.compiled, model: { ...model, lines: changed } };
        const full = evaluateFull(next);
        for (const l of model.lines) {
          const a = trial.values[l.id] as readonly Value[];
          const b = full.values[l.id] as readonly Value[];
          expect(cellsEqual(a, b), `${line.name} × ${factor}: ${l.name}`).toBe(true);
        }
      }
    }
    expect(trials.count).toBe(inputs.length * 2);
  });

  it("evaluates only what the changed cells reach and leaves the base as it was", () => {
    const before = base.values.map((cells) => cells.slice());
    const trials = new Trials(base);
    const id = model.lineByName.get("discount_rate") as number;
    const line = model.lines[id];
    if (line === undefined) throw new Error("no discount_rate");
    trials.run([{ line, cells: line.inputs.map(() => dec("0.05")) }]);
    // The discount rate feeds the NPV alone: far fewer cells than the model has.
    const all = base.values.reduce((n, cells) => n + cells.length, 0);
    expect(trials.cellsEvaluated).toBeLessThan(all / 20);
    base.values.forEach((cells, i) => expect(cellsEqual(cells, before[i] as Value[])).toBe(true));
  });
});

import type { CompiledModel } from "../compile";
import type { Value } from "../eval/value";
import type { EngineLine } from "../model";
import { recompute, type Evaluation } from "../recompute";

/** New cells for one input line. */
export interface InputChange {
  readonly line: EngineLine;
  /** Every cell of the line (`member * periodCount + period`), changed or not. */
  readonly cells: readonly Value[];
}

/**
 * Evaluates a model with some inputs changed, on the engine's incremental path: each trial is a
 * recompute from the base evaluation, so it evaluates only the cells that the changed input
 * cells reach (the base is never changed; value arrays are never written in place). Nothing is
 * checked or compiled again.
 */
export class Trials {
  /** Trials run so far. */
  count = 0;
  /** Cells evaluated by all trials so far (for the benchmark). */
  cellsEvaluated = 0;

  constructor(readonly base: Evaluation) {}

  /** The evaluation of the base model with `changes` applied. */
  run(changes: readonly InputChange[]): Evaluation {
    this.count++;
    const model = this.base.compiled.model;
    const byId = new Map<number, EngineLine>();
    for (const c of changes) {
      byId.set(c.line.id, {
        ...c.line,
        inputs: c.cells,
        // A new fingerprint, so recompute compares the cells rather than trusting the old ones.
        fingerprint: `${c.line.fingerprint}\u0000trial ${this.count}`,
      });
    }
    const lines = model.lines.map((l) => byId.get(l.id) ?? l);
    const next: CompiledModel = { ...this.base.compiled, model: { ...model, lines } };
    const result = recompute(this.base, next);
    this.cellsEvaluated += result.stats.cellsEvaluated;
    return result;
  }
}

/** The cell at `index` of line `id` in an evaluation. */
export function cellOf(evaluation: Evaluation, id: number, index: number): Value {
  return (evaluation.values[id] as readonly Value[])[index] as Value;
}

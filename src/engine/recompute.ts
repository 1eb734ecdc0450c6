import { formatMessage } from "../lang";
import type { CompiledModel } from "./compile";
import { DirtySteps, type Step } from "./graph";
import { evaluate } from "./eval/interpreter";
import { fail, makeFrame, type Frame } from "./eval/frame";
import { cellsEqual, makeError, valuesEqual, type Value } from "./eval/value";
import type { EngineLine } from "./model";

/** The values of a compiled model: `values[lineId]` holds `member * periodCount + period`. */
export interface Evaluation {
  readonly compiled: CompiledModel;
  readonly values: readonly (readonly Value[])[];
}

/** What a recompute did: the line ids whose values changed, and how many cells it evaluated. */
export interface RecomputeStats {
  readonly changed: readonly number[];
  readonly cellsEvaluated: number;
  readonly stepsRun: number;
}

/** Evaluates every line item from scratch, in plan order. */
export function evaluateFull(compiled: CompiledModel): Evaluation & { stats: RecomputeStats } {
  const values: (Value[] | undefined)[] = new Array<Value[] | undefined>(
    compiled.model.lines.length,
  );
  const runner = new StepRunner(compiled, values);
  const changed: number[] = [];
  compiled.plan.steps.forEach((step) => {
    runner.run(step);
    changed.push(...nodesOf(step));
  });
  return {
    compiled,
    values: values as Value[][],
    stats: { changed, cellsEvaluated: runner.cells, stepsRun: compiled.plan.steps.length },
  };
}

/**
 * Brings `previous` up to date with `next` (the same model after an edit or a scenario switch).
 * Line items are matched by name; one whose fingerprint is unchanged keeps its values unless
 * something it reads changed. Steps are run in plan order from a queue, so each runs at most
 * once, and a step whose values come out equal to the old ones does not wake its dependents.
 * A change of periods or dimensions falls back to {@link evaluateFull}.
 */
export function recompute(
  previous: Evaluation,
  next: CompiledModel,
): Evaluation & { stats: RecomputeStats } {
  const before = previous.compiled.model;
  const model = next.model;
  if (before.shapeKey !== model.shapeKey) return evaluateFull(next);
  const values: (Value[] | undefined)[] = new Array<Value[] | undefined>(model.lines.length);
  const { steps, stepOf } = next.plan;
  const dirty = new DirtySteps(steps.length);
  // Lines whose readers must be recomputed even if their own values come out the same.
  const forced = new Uint8Array(model.lines.length);
  for (const line of model.lines) {
    const oldId = before.lineByName.get(line.name);
    const old = oldId === undefined ? undefined : before.lines[oldId];
    if (old !== undefined && oldId !== undefined)
      values[line.id] = previous.values[oldId] as Value[];
    if (old === line) continue;
    const same =
      old !== undefined && old.fingerprint === line.fingerprint && old.scalar === line.scalar;
    if (!same) dirty.mark(stepOf[line.id] as number);
    if (old === undefined || !sameInterface(old, line)) forced[line.id] = 1;
  }
  // Cycle errors name every member in order, which depends on the whole cycle: always redo them.
  steps.forEach((step, s) => {
    if (step.kind === "cycle") dirty.mark(s);
  });
  const runner = new StepRunner(next, values);
  const changed: number[] = [];
  let stepsRun = 0;
  const { dependents } = next.graph;
  for (let s = dirty.next(); s !== -1; s = dirty.next()) {
    const step = steps[s] as Step;
    const nodes = nodesOf(step);
    const old = nodes.map((v) => values[v]);
    runner.run(step);
    stepsRun++;
    nodes.forEach((v, i) => {
      const was = old[i];
      if (forced[v] !== 1 && was !== undefined && cellsEqual(was, values[v] as Value[])) return;
      changed.push(v);
      for (const w of dependents[v] as readonly number[]) {
        const ws = stepOf[w] as number;
        if (ws > s) dirty.mark(ws);
      }
    });
  }
  return {
    compiled: next,
    values: values as Value[][],
    stats: { changed, cellsEvaluated: runner.cells, stepsRun },
  };
}

/**
 * Whether a line reads the same to the formulas that refer to it, apart from its values: its
 * dimension (a reference takes the member of the reader's context by it), its member count and
 * its opening value (what `x[-1]` reads in the first period).
 */
function sameInterface(a: EngineLine, b: EngineLine): boolean {
  if (a.dim !== b.dim || a.memberCount !== b.memberCount) return false;
  if (a.opening === b.opening) return true;
  return a.opening !== undefined && b.opening !== undefined && valuesEqual(a.opening, b.opening);
}

function nodesOf(step: Step): readonly number[] {
  return step.kind === "line" ? [step.node] : step.nodes;
}

/** Runs plan steps, writing fresh cell arrays into `values`. */
class StepRunner {
  private readonly frame: Frame;
  /** Cells evaluated so far (for tests and the benchmark). */
  cells = 0;

  constructor(
    private readonly compiled: CompiledModel,
    private readonly values: (Value[] | undefined)[],
  ) {
    this.frame = makeFrame(compiled.model, values);
  }

  run(step: Step): void {
    const lines = this.compiled.model.lines;
    switch (step.kind) {
      case "line": {
        const line = lines[step.node] as EngineLine;
        this.values[line.id] =
          line.kind === "input" ? (line.inputs as Value[]) : this.evaluateLine(line);
        return;
      }
      case "periodwise":
        this.evaluatePeriodwise(step.nodes.map((v) => lines[v] as EngineLine));
        return;
      case "cycle":
        this.assignCycle(step.nodes.map((v) => lines[v] as EngineLine));
        return;
    }
  }

  /** Every period of one line, whose inputs are all final. */
  private evaluateLine(line: EngineLine): Value[] {
    const f = this.frame;
    const P = f.periodCount;
    const cells = new Array<Value>(line.memberCount * P);
    f.line = line;
    f.cacheSeries = true;
    f.seriesCache.clear();
    for (let m = 0; m < line.memberCount; m++) {
      if (line.dim >= 0) f.members[line.dim] = m;
      if (line.scalar) {
        f.period = 0;
        f.scalar = true;
        const v = this.cell(line, 0);
        f.scalar = false;
        for (let t = 0; t < P; t++) cells[m * P + t] = v;
      } else {
        for (let t = 0; t < P; t++) {
          f.period = t;
          cells[m * P + t] = this.cell(line, t);
        }
      }
    }
    if (line.dim >= 0) f.members[line.dim] = -1;
    f.cacheSeries = false;
    f.seriesCache.clear();
    return cells;
  }

  /** Lines that read each other's earlier periods: all of period t before any of period t+1. */
  private evaluatePeriodwise(group: readonly EngineLine[]): void {
    const f = this.frame;
    const P = f.periodCount;
    const arrays = group.map((line) => {
      const cells = new Array<Value>(line.memberCount * P);
      this.values[line.id] = cells;
      return cells;
    });
    f.cacheSeries = false;
    for (let t = 0; t < P; t++) {
      f.period = t;
      group.forEach((line, i) => {
        f.line = line;
        const cells = arrays[i] as Value[];
        for (let m = 0; m < line.memberCount; m++) {
          if (line.dim >= 0) f.members[line.dim] = m;
          cells[m * P + t] = this.cell(line, t);
        }
        if (line.dim >= 0) f.members[line.dim] = -1;
      });
    }
  }

  private cell(line: EngineLine, t: number): Value {
    this.cells++;
    const f = this.frame;
    if (line.kind === "input")
      return line.inputs[
        (f.line.dim >= 0 ? (f.members[line.dim] as number) : 0) * f.periodCount + t
      ] as Value;
    const rule = line.rules[line.ruleOf[t] ?? -1];
    if (rule === undefined) {
      return fail(f, "P2012", { from: 0, to: line.span.to - line.span.from }, { name: line.name });
    }
    return evaluate(rule.code, f);
  }

  /** Every member of a cycle evaluates to the same cycle error, naming the cycle in order. */
  private assignCycle(group: readonly EngineLine[]): void {
    const P = this.frame.periodCount;
    const names = [...group.map((l) => `'${l.name}'`), `'${(group[0] as EngineLine).name}'`].join(
      " → ",
    );
    const message = formatMessage("P4004", { names });
    for (const line of group) {
      const error = makeError("P4004", message, {
        item: line.name,
        period: -1,
        member: -1,
        from: 0,
        to: line.span.to - line.span.from,
      });
      this.values[line.id] = new Array<Value>(line.memberCount * P).fill(error);
    }
  }
}

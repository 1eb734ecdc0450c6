import { formatMessage } from "../lang";
import type { CompiledModel } from "./compile";
import {
  changedEverywhere,
  changeOf,
  DirtyCells,
  DirtySteps,
  everyCell,
  footprintOf,
  type CellChange,
  type Footprint,
  type Step,
} from "./graph";
import { evaluate } from "./eval/interpreter";
import { fail, makeFrame, type Frame } from "./eval/frame";
import { makeError, valuesEqual, type Value } from "./eval/value";
import type { EngineLine, EngineRule } from "./model";

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
 * something it reads changed. Dirty marking is per cell: an edited input passes on the members
 * and periods of the cells that changed, and each reader recomputes only the cells those can
 * reach through its formulas (its {@link Footprint} of the input), so one edited cell of a table
 * recomputes its row's and its column's totals, not the table's readers whole. Steps run in plan
 * order from a queue, so each runs at most once, and cells that come out equal to the old ones
 * wake nothing. A change of periods or dimensions falls back to {@link evaluateFull}.
 */
export function recompute(
  previous: Evaluation,
  next: CompiledModel,
): Evaluation & { stats: RecomputeStats } {
  const before = previous.compiled.model;
  const model = next.model;
  if (before.shapeKey !== model.shapeKey) return evaluateFull(next);
  const lines = model.lines;
  const P = model.periods.length;
  const values: (Value[] | undefined)[] = new Array<Value[] | undefined>(lines.length);
  const { steps, stepOf } = next.plan;
  const { dependents } = next.graph;
  const queue = new DirtySteps(steps.length);
  const dirty: (DirtyCells | undefined)[] = new Array<DirtyCells | undefined>(lines.length);
  // Lines whose readers must be recomputed whole even if their own values come out the same.
  const forced = new Uint8Array(lines.length);
  const changed: number[] = [];
  const runner = new StepRunner(next, values);
  let stepsRun = 0;

  const markWhole = (v: number): void => {
    const line = lines[v] as EngineLine;
    const cells = (dirty[v] ??= new DirtyCells(line.memberCount, P));
    cells.whole = true;
    queue.mark(stepOf[v] as number);
  };
  /** Marks the readers of `v` (whose step is `s`) that `change` can reach. */
  const propagate = (v: number, change: CellChange, s: number): void => {
    const target = lines[v] as EngineLine;
    for (const w of dependents[v] as readonly number[]) {
      const ws = stepOf[w] as number;
      if (ws <= s) continue;
      const reader = lines[w] as EngineLine;
      const cells = (dirty[w] ??= new DirtyCells(reader.memberCount, P));
      if (forced[v] === 1 || values[w] === undefined) cells.whole = true;
      else cells.markFrom(footprintFor(reader, v, target.dim), change);
      queue.mark(ws);
    }
  };
  /** Records what running `v`'s step changed, given its cells before (undefined: none). */
  const report = (
    v: number,
    was: readonly Value[] | undefined,
    s: number,
    only?: readonly number[],
  ): void => {
    const now = values[v] as Value[];
    const diff = was === undefined ? null : changedCells(was, now, only);
    if (forced[v] !== 1 && diff !== null && diff.length === 0) return;
    changed.push(v);
    propagate(v, diff === null || forced[v] === 1 ? changedEverywhere : changeOf(diff, P), s);
  };

  for (const line of lines) {
    const oldId = before.lineByName.get(line.name);
    if (oldId !== undefined) values[line.id] = previous.values[oldId] as Value[];
  }
  const oldPlan = previous.compiled.plan;
  for (const line of lines) {
    const oldId = before.lineByName.get(line.name);
    const old = oldId === undefined ? undefined : before.lines[oldId];
    // A line that was in a cycle holds the cycle's error, not values of its own formulas.
    if (oldId !== undefined && oldPlan.steps[oldPlan.stepOf[oldId] ?? -1]?.kind === "cycle") {
      markWhole(line.id);
      forced[line.id] = 1;
      continue;
    }
    if (old === line) continue;
    if (old === undefined || !sameInterface(old, line)) forced[line.id] = 1;
    const same =
      old !== undefined && old.fingerprint === line.fingerprint && old.scalar === line.scalar;
    const s = stepOf[line.id] as number;
    if (same) {
      if (forced[line.id] === 1) propagate(line.id, changedEverywhere, s);
      continue;
    }
    const was = values[line.id];
    if (line.kind === "input" && was !== undefined && steps[s]?.kind === "line") {
      // An input needs no evaluation: compare its cells and pass on the ones that changed.
      values[line.id] = line.inputs as Value[];
      report(line.id, was, s);
      continue;
    }
    markWhole(line.id);
  }
  // Cycle errors name every member in order, which depends on the whole cycle: always redo them.
  for (const step of steps) {
    if (step.kind === "cycle") for (const v of step.nodes) markWhole(v);
  }
  for (let s = queue.next(); s !== -1; s = queue.next()) {
    const step = steps[s] as Step;
    stepsRun++;
    if (step.kind === "line") {
      const v = step.node;
      const was = values[v];
      const cells = dirty[v];
      if (was === undefined || cells === undefined || cells.whole) {
        runner.run(step);
        report(v, was, s);
      } else {
        const copy = was.slice();
        values[v] = copy;
        const written = runner.evaluateCells(lines[v] as EngineLine, copy, cells.list);
        report(v, was, s, written);
      }
      continue;
    }
    const nodes = step.nodes;
    const old = nodes.map((v) => values[v]);
    runner.run(step);
    nodes.forEach((v, i) => {
      report(v, old[i], s);
    });
  }
  return {
    compiled: next,
    values: values as Value[][],
    stats: { changed, cellsEvaluated: runner.cells, stepsRun },
  };
}

/** The indices (among `only`, or all) where `now` differs from `was`. */
function changedCells(
  was: readonly Value[],
  now: readonly Value[],
  only?: readonly number[],
): number[] {
  const out: number[] = [];
  if (was.length !== now.length) {
    for (let i = 0; i < now.length; i++) out.push(i);
    return out;
  }
  if (only !== undefined) {
    for (const i of only) {
      const a = was[i] as Value;
      const b = now[i] as Value;
      if (a !== b && !valuesEqual(a, b)) out.push(i);
    }
    return out;
  }
  for (let i = 0; i < now.length; i++) {
    const a = was[i] as Value;
    const b = now[i] as Value;
    if (a !== b && !valuesEqual(a, b)) out.push(i);
  }
  return out;
}

/** Footprints by the reader's rules (reused while a line's compiled rules are) and target. */
const footprints = new WeakMap<readonly EngineRule[], Map<string, Footprint>>();

function footprintFor(reader: EngineLine, target: number, targetDim: number): Footprint {
  if (reader.kind !== "calc") return everyCell;
  let byTarget = footprints.get(reader.rules);
  if (byTarget === undefined) {
    byTarget = new Map<string, Footprint>();
    footprints.set(reader.rules, byTarget);
  }
  const key = `${target}:${targetDim}:${reader.dim}`;
  let fp = byTarget.get(key);
  if (fp === undefined) {
    fp = footprintOf(
      reader.rules.map((r) => r.code),
      target,
      targetDim,
      reader.dim,
    );
    byTarget.set(key, fp);
  }
  return fp;
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

  /**
   * The cells `list` (indices `member * periodCount + period`) of one line whose inputs are all
   * final, written into `cells`; returns the indices written (every period of each listed member
   * for a scalar line).
   */
  evaluateCells(line: EngineLine, cells: Value[], list: readonly number[]): readonly number[] {
    const f = this.frame;
    const P = f.periodCount;
    f.line = line;
    f.cacheSeries = true;
    f.seriesCache.clear();
    let written = list;
    if (line.scalar) {
      const members = [...new Set(list.map((cell) => Math.floor(cell / P)))];
      const all: number[] = [];
      for (const m of members) {
        if (line.dim >= 0) f.members[line.dim] = m;
        f.period = 0;
        f.scalar = true;
        const v = this.cell(line, 0);
        f.scalar = false;
        for (let t = 0; t < P; t++) {
          cells[m * P + t] = v;
          all.push(m * P + t);
        }
      }
      written = all;
    } else {
      for (const cell of list) {
        const m = Math.floor(cell / P);
        const t = cell - m * P;
        if (line.dim >= 0) f.members[line.dim] = m;
        f.period = t;
        cells[cell] = this.cell(line, t);
      }
    }
    if (line.dim >= 0) f.members[line.dim] = -1;
    f.cacheSeries = false;
    f.seriesCache.clear();
    return written;
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
    // A whole-series function of lines outside the group (npv of final cash flows inside a
    // balance roll-forward) is computed once for the step, not once per period (issue 16).
    f.pending = new Set(group.map((line) => line.id));
    f.seriesCache.clear();
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
    f.pending = null;
    f.seriesCache.clear();
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

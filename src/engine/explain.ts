import { makeFrame } from "./eval/frame";
import { evaluate } from "./eval/interpreter";
import { isError, type Value } from "./eval/value";
import { exactValue, showValue } from "./checks";
import type { Evaluation } from "./recompute";
import { errorInfo, lineKey, type ErrorInfo } from "./snapshot";
import type { EngineLine } from "./model";

/** Bounds on a derivation tree, so explaining a cell of a large model stays quick. */
export const ExplainLimits = {
  /** Nodes in one tree; cells beyond this are not expanded. */
  maxNodes: 5000,
} as const;

/**
 * A node of a derivation tree: one cell, the formula that computed it and the cells it read.
 * Inputs are leaves with their source. A cell already expanded elsewhere in the tree appears
 * again as a leaf with `repeated: true`. Mirrors `ExplainNodeDto`.
 */
export interface ExplainNode {
  readonly key: string;
  /** The period label; absent for a line with one value for all periods. "opening" for an opening value. */
  readonly period?: string;
  readonly formula?: string;
  readonly value: string | null;
  readonly display: string;
  readonly unit: string;
  readonly source?: string;
  readonly error?: ErrorInfo;
  readonly repeated?: boolean;
  readonly from: number;
  readonly to: number;
  readonly children: ExplainNode[];
}

/**
 * The derivation tree of one cell (line id, period index, member index): its formula re-run with
 * every read recorded, then the same for each cell it read, down to inputs. Built with an
 * work queue, nearest cells first and reads in formula order; never recursive over the model's depth.
 */
export function explainCell(
  evaluation: Evaluation,
  line: number,
  period: number,
  member: number,
): ExplainNode | undefined {
  const model = evaluation.compiled.model;
  if (model.lines[line] === undefined) return undefined;
  const f = makeFrame(model, evaluation.values as Value[][]);
  const seen = new Set<string>();
  let count = 0;
  const root = makeNode(line, period, member);
  const stack: { node: ExplainNode; line: number; period: number; member: number }[] = [];
  if (root.repeated !== true) stack.push({ node: root, line, period, member });
  // A queue, so cells are expanded (and repeats marked) in reading order, nearest first.
  for (let head = 0; head < stack.length; head++) {
    const work = stack[head];
    if (work === undefined) break;
    const reads = readsOf(work.line, work.period, work.member);
    for (const [l, t, m] of reads) {
      const child = makeNode(l, t, m);
      work.node.children.push(child);
      if (child.repeated !== true && count < ExplainLimits.maxNodes) {
        stack.push({ node: child, line: l, period: t, member: m });
      }
    }
  }
  return root;

  function makeNode(l: number, t: number, m: number): ExplainNode {
    count++;
    const target = model.lines[l] as EngineLine;
    const P = model.periods.length;
    const id = `${l}:${t}:${m}`;
    // Only a calculated cell has a subtree worth marking as shown elsewhere.
    const repeated = seen.has(id) && t >= 0 && target.kind === "calc";
    seen.add(id);
    const v: Value =
      t < 0
        ? (target.opening ?? false)
        : ((evaluation.values[l] as readonly Value[])[Math.max(m, 0) * P + t] as Value);
    const rule = t < 0 ? undefined : target.rules[target.ruleOf[t] ?? -1];
    const error = isError(v) ? errorInfo(v, model) : undefined;
    const periodLabel = t < 0 ? "opening" : target.scalar ? undefined : model.periods[t];
    return {
      key: lineKey(target, model, Math.max(m, 0)),
      ...(periodLabel === undefined ? {} : { period: periodLabel }),
      ...(rule === undefined ? {} : { formula: rule.text }),
      value: exactValue(v, model.periods),
      display: showValue(v, target.unit, model.periods, target.decimals),
      unit: target.unit,
      ...(target.source === undefined ? {} : { source: target.source }),
      ...(error === undefined ? {} : { error }),
      ...(repeated ? { repeated } : {}),
      from: target.span.from,
      to: target.span.to,
      children: [],
    };
  }

  /** Re-runs a cell's formula, recording each distinct cell it reads, in order. */
  function readsOf(l: number, t: number, m: number): [number, number, number][] {
    const target = model.lines[l] as EngineLine;
    if (t < 0 || target.kind === "input") return [];
    const rule = target.rules[target.ruleOf[t] ?? -1];
    if (rule === undefined) return [];
    const out: [number, number, number][] = [];
    const got = new Set<string>();
    f.line = target;
    f.period = t;
    f.scalar = target.scalar;
    f.members.fill(-1);
    if (target.dim >= 0) f.members[target.dim] = m;
    f.onRead = (rl, rt, rm) => {
      const key = `${rl}:${rt}:${rm}`;
      if (got.has(key)) return;
      got.add(key);
      out.push([rl, rt, rm]);
    };
    evaluate(rule.code, f);
    f.onRead = null;
    return out;
  }
}

import { DirtySteps } from "./dirty";
import type { EdgeKind } from "./graph";
import { GraphBuilder, type DependencyGraph } from "./graph";
import { planEvaluation, type EvaluationPlan } from "./plan";

/** One read of a line item by a formula, as the compiler reports it. */
export interface EdgeRead {
  readonly line: number;
  readonly kind: EdgeKind;
}

/** A graph and its plan, and which nodes' edges changed since the ones they were patched from. */
export interface PatchedStructure {
  readonly graph: DependencyGraph;
  readonly plan: EvaluationPlan;
  /** Nodes whose edges changed; empty when the graph and plan are the previous ones. */
  readonly changed: readonly number[];
}

/** Builds the graph of `reads` (by node) whole, and plans it. */
export function buildStructure(reads: readonly (readonly EdgeRead[])[]): PatchedStructure {
  const builder = new GraphBuilder(reads.length);
  reads.forEach((list, v) => {
    for (const r of list) builder.addEdge(v, r.line, r.kind);
  });
  const graph = builder.build();
  return { graph, plan: planEvaluation(graph), changed: [] };
}

function sameReads(a: readonly EdgeRead[], b: readonly EdgeRead[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as EdgeRead;
    const y = b[i] as EdgeRead;
    if (x.line !== y.line || x.kind !== y.kind) return false;
  }
  return true;
}

/** A node's edges from its reads, merged as {@link GraphBuilder} merges them. */
function edgesOf(reads: readonly EdgeRead[]): { deps: number[]; kinds: EdgeKind[] } {
  const deps: number[] = [];
  const kinds: EdgeKind[] = [];
  for (const r of reads) {
    const at = deps.indexOf(r.line);
    if (at === -1) {
      deps.push(r.line);
      kinds.push(r.kind);
    } else if ((kinds[at] as EdgeKind) < r.kind) kinds[at] = r.kind;
  }
  return { deps, kinds };
}

/** `list` (ascending) with `v` inserted in order. */
function withNode(list: readonly number[], v: number): number[] {
  const out = list.slice();
  let i = out.length;
  while (i > 0 && (out[i - 1] as number) > v) i--;
  out.splice(i, 0, v);
  return out;
}

/**
 * The graph of `reads` made by patching `previous` (built from `previousReads`, over the same
 * node ids): only the nodes whose reads changed get new edge lists, and only the dependents lists
 * of what they read before and now are copied. The plan is kept when every changed node is a
 * step of its own whose new dependencies all come earlier in it (so the order stays valid and no
 * cycle appeared); otherwise it is planned again. Gives the same graph and plan as
 * {@link buildStructure}.
 */
export function patchStructure(
  previous: PatchedStructure,
  previousReads: readonly (readonly EdgeRead[])[],
  reads: readonly (readonly EdgeRead[])[],
): PatchedStructure {
  const changed: number[] = [];
  for (let v = 0; v < reads.length; v++) {
    if (!sameReads(previousReads[v] ?? [], reads[v] ?? [])) changed.push(v);
  }
  if (changed.length === 0) return { graph: previous.graph, plan: previous.plan, changed };
  const old = previous.graph;
  const size = old.size;
  for (const v of changed) {
    for (const r of reads[v] ?? []) {
      if (r.line < 0 || r.line >= size)
        throw new RangeError(`edge ${v} -> ${r.line} outside a graph of ${size} nodes`);
    }
  }
  const deps = old.deps.slice();
  const kinds = old.kinds.slice();
  const dependents = old.dependents.slice();
  for (const v of changed) {
    const before = old.deps[v] as readonly number[];
    const { deps: now, kinds: nowKinds } = edgesOf(reads[v] ?? []);
    for (const w of before) {
      if (!now.includes(w))
        dependents[w] = (dependents[w] as readonly number[]).filter((x) => x !== v);
    }
    for (const w of now) {
      if (!before.includes(w)) dependents[w] = withNode(dependents[w] as readonly number[], v);
    }
    deps[v] = now;
    kinds[v] = nowKinds;
  }
  const graph: DependencyGraph = { size, deps, kinds, dependents };
  const { steps, stepOf } = previous.plan;
  const keepsPlan = changed.every((v) => {
    const s = stepOf[v] as number;
    if (steps[s]?.kind !== "line") return false;
    return (deps[v] as readonly number[]).every((w) => w !== v && (stepOf[w] as number) < s);
  });
  return { graph, plan: keepsPlan ? previous.plan : planEvaluation(graph), changed };
}

/**
 * Recomputes a per-node flag in plan order from `seeds` (nodes whose own definition changed),
 * going on to a node's dependents only when its flag flipped. `flagOf` reads the flags of what a
 * node reads from `flags`, which are updated in place.
 */
export function updateFlags(
  structure: PatchedStructure,
  flags: Uint8Array,
  seeds: readonly number[],
  flagOf: (node: number) => number,
): void {
  const { steps, stepOf } = structure.plan;
  const queue = new DirtySteps(steps.length);
  for (const v of seeds) queue.mark(stepOf[v] as number);
  for (let s = queue.next(); s !== -1; s = queue.next()) {
    const step = steps[s];
    if (step === undefined) continue;
    const nodes = step.kind === "line" ? [step.node] : step.nodes;
    for (const v of nodes) {
      const flag = flagOf(v);
      if (flag === flags[v]) continue;
      flags[v] = flag;
      for (const w of structure.graph.dependents[v] as readonly number[]) {
        const ws = stepOf[w] as number;
        if (ws > s) queue.mark(ws);
      }
    }
  }
}

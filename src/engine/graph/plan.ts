import { EdgeKind, type DependencyGraph } from "./graph";
import { stronglyConnectedComponents } from "./scc";

/**
 * One unit of evaluation work. `line`: evaluate every period of one node at once.
 * `periodwise`: the nodes read each other's earlier periods (a balance roll-forward such as
 * `opening = closing[-1]`), so evaluate period by period, and within a period in the listed
 * order. `cycle`: the nodes depend on each other in the same period (or over all periods), so
 * every member takes the cycle error; members are listed in the order of the cycle.
 */
export type Step =
  | { readonly kind: "line"; readonly node: number }
  | { readonly kind: "periodwise"; readonly nodes: readonly number[] }
  | { readonly kind: "cycle"; readonly nodes: readonly number[] };

/**
 * Steps in evaluation order: every step comes after the steps of the nodes it reads, except for
 * lagged reads inside a `periodwise` step. `stepOf[v]` is the index of the step holding node `v`.
 */
export interface EvaluationPlan {
  readonly steps: readonly Step[];
  readonly stepOf: Int32Array;
}

/** Orders a graph for evaluation and isolates its cycles. Iterative throughout; never throws. */
export function planEvaluation(graph: DependencyGraph): EvaluationPlan {
  const steps: Step[] = [];
  const stepOf = new Int32Array(graph.size).fill(-1);
  const push = (step: Step): void => {
    const nodes = step.kind === "line" ? [step.node] : step.nodes;
    for (const v of nodes) stepOf[v] = steps.length;
    steps.push(step);
  };

  for (const component of stronglyConnectedComponents(graph.deps)) {
    if (component.length === 1) {
      const v = component[0] as number;
      const self = selfKind(graph, v);
      if (self === null) push({ kind: "line", node: v });
      else if (self === EdgeKind.lag) push({ kind: "periodwise", nodes: [v] });
      else push({ kind: "cycle", nodes: [v] });
      continue;
    }
    planComponent(graph, component, push);
  }
  return { steps, stepOf };
}

/** How a node reads itself, or null when it does not. */
function selfKind(graph: DependencyGraph, v: number): EdgeKind | null {
  const at = (graph.deps[v] as readonly number[]).indexOf(v);
  return at === -1 ? null : ((graph.kinds[v] as readonly EdgeKind[])[at] as EdgeKind);
}

/** Splits a multi-node component into cycles and a period-by-period step. */
function planComponent(
  graph: DependencyGraph,
  component: readonly number[],
  push: (step: Step) => void,
): void {
  const local = new Map<number, number>();
  component.forEach((v, i) => local.set(v, i));
  // A read of all periods inside the component always closes a cell-level cycle.
  let hasWhole = false;
  const sameAdjacency: number[][] = component.map(() => []);
  for (let i = 0; i < component.length; i++) {
    const v = component[i] as number;
    const deps = graph.deps[v] as readonly number[];
    const kinds = graph.kinds[v] as readonly EdgeKind[];
    for (let k = 0; k < deps.length; k++) {
      const j = local.get(deps[k] as number);
      if (j === undefined) continue;
      const kind = kinds[k] as EdgeKind;
      if (kind === EdgeKind.whole) hasWhole = true;
      else if (kind === EdgeKind.same) (sameAdjacency[i] as number[]).push(j);
    }
  }
  if (hasWhole) {
    push({ kind: "cycle", nodes: cycleOrder(graph, component) });
    return;
  }
  // Cycles of same-period reads are real cycles; the rest is a roll-forward.
  const cyclic = new Uint8Array(component.length);
  for (const sub of stronglyConnectedComponents(sameAdjacency)) {
    const only = sub[0] as number;
    const isCycle = sub.length > 1 || (sameAdjacency[only] as number[]).includes(only);
    if (!isCycle) continue;
    const members = sub.map((i) => component[i] as number);
    for (const i of sub) cyclic[i] = 1;
    push({ kind: "cycle", nodes: cycleOrder(graph, members) });
  }
  // The strongly connected components of an acyclic same-period subgraph come out in
  // dependency order, so reading them again gives the order within a period.
  const order: number[] = [];
  for (const sub of stronglyConnectedComponents(sameAdjacency)) {
    for (const i of sub) if (cyclic[i] === 0) order.push(component[i] as number);
  }
  if (order.length > 0) push({ kind: "periodwise", nodes: order });
}

/**
 * The members of a cycle in the order one meets them walking its edges, starting from the
 * lowest id (the first in the file): for a simple cycle `a -> b -> c -> a` this is `a, b, c`.
 */
export function cycleOrder(graph: DependencyGraph, members: readonly number[]): number[] {
  const inCycle = new Set(members);
  const start = Math.min(...members);
  const seen = new Set<number>();
  const order: number[] = [];
  const stack = [start];
  while (stack.length > 0) {
    const v = stack.pop() as number;
    if (seen.has(v)) continue;
    seen.add(v);
    order.push(v);
    const next = (graph.deps[v] as readonly number[]).filter((w) => inCycle.has(w) && !seen.has(w));
    // Push in reverse so the first listed dependency is walked first.
    for (let i = next.length - 1; i >= 0; i--) stack.push(next[i] as number);
  }
  return order;
}

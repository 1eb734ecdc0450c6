import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { GraphBuilder, planEvaluation, type EdgeKind } from "../../src/engine/graph";

const randomGraph = fc.integer({ min: 1, max: 25 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    edges: fc.array(
      fc.tuple(fc.nat({ max: n - 1 }), fc.nat({ max: n - 1 }), fc.constantFrom<EdgeKind>(0, 1, 2)),
      { maxLength: n * 3 },
    ),
  }),
);

/** Whether `to` can be reached from `from` along edges (at least one step). */
function reaches(deps: readonly (readonly number[])[], from: number, to: number): boolean {
  const seen = new Set<number>();
  const stack = [...(deps[from] ?? [])];
  while (stack.length > 0) {
    const v = stack.pop() as number;
    if (v === to) return true;
    if (seen.has(v)) continue;
    seen.add(v);
    stack.push(...(deps[v] ?? []));
  }
  return false;
}

describe("evaluation plan of random dependency graphs", () => {
  it("places each node once, after what it reads, and flags only real cycles", () => {
    fc.assert(
      fc.property(randomGraph, ({ n, edges }) => {
        const builder = new GraphBuilder(n);
        for (const [a, b, k] of edges) builder.addEdge(a, b, k);
        const graph = builder.build();
        const plan = planEvaluation(graph);
        const seen = new Array<number>(n).fill(0);
        plan.steps.forEach((step, s) => {
          const nodes = step.kind === "line" ? [step.node] : step.nodes;
          for (const v of nodes) {
            seen[v] = (seen[v] ?? 0) + 1;
            expect(plan.stepOf[v]).toBe(s);
          }
          if (step.kind === "cycle") {
            for (const v of nodes) expect(reaches(graph.deps, v, v)).toBe(true);
            return;
          }
          for (const v of nodes) {
            graph.deps[v]?.forEach((w, i) => {
              const kind = graph.kinds[v]?.[i];
              const ws = plan.stepOf[w] as number;
              if (ws < s) return;
              // Only a periodwise step may read itself, by a lag or an earlier member.
              expect(ws).toBe(s);
              expect(step.kind).toBe("periodwise");
              if (kind !== 0) expect(nodes.indexOf(w)).toBeLessThan(nodes.indexOf(v));
            });
          }
        });
        expect(seen.every((c) => c === 1)).toBe(true);
      }),
      { seed: 12, numRuns: 2000 },
    );
  });
});

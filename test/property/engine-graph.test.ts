import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { GraphBuilder, planEvaluation, type EdgeKind } from "../../src/engine/graph";
import { buildStructure, patchStructure } from "../../src/engine/graph/patch";

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

describe("patched dependency graphs", () => {
  const readsArb = (n: number) =>
    fc.array(
      fc.array(
        fc.record({ line: fc.nat({ max: n - 1 }), kind: fc.constantFrom<EdgeKind>(0, 1, 2) }),
        { maxLength: 3 },
      ),
      { minLength: n, maxLength: n },
    );
  const change = fc.integer({ min: 1, max: 25 }).chain((n) =>
    fc.record({
      before: readsArb(n),
      // Nodes whose reads change, and their new reads (often none: a graph of few changes).
      edits: fc.array(
        fc.tuple(
          fc.nat({ max: n - 1 }),
          readsArb(n).map((r) => r[0] ?? []),
        ),
        {
          maxLength: 4,
        },
      ),
    }),
  );

  /** Each node's step kind and fellow members: what evaluation depends on, whatever the order. */
  function shape(plan: ReturnType<typeof planEvaluation>, n: number): string[] {
    const out: string[] = [];
    for (let v = 0; v < n; v++) {
      const step = plan.steps[plan.stepOf[v] ?? -1];
      const nodes = step === undefined ? [] : step.kind === "line" ? [step.node] : step.nodes;
      out.push(`${step?.kind ?? "none"}:${[...nodes].sort((a, b) => a - b).join(",")}`);
    }
    return out;
  }

  it("equals the graph built whole, with a plan that orders and groups the nodes the same", () => {
    fc.assert(
      fc.property(change, ({ before, edits }) => {
        const after = before.map((r) => r.slice());
        for (const [v, reads] of edits) after[v] = reads;
        const n = before.length;
        const first = buildStructure(before);
        const patched = patchStructure(first, before, after);
        const fresh = buildStructure(after);
        expect(patched.graph).toEqual(fresh.graph);
        expect(shape(patched.plan, n)).toEqual(shape(fresh.plan, n));
        // A plan kept from before still has every line step after the steps of what it reads.
        if (patched.plan !== first.plan) return;
        for (let v = 0; v < n; v++) {
          const s = patched.plan.stepOf[v] ?? -1;
          if (patched.plan.steps[s]?.kind !== "line") continue;
          for (const w of patched.graph.deps[v] ?? []) {
            const ws = patched.plan.stepOf[w] ?? -1;
            if (ws !== s) expect(ws).toBeLessThan(s);
          }
        }
      }),
      { seed: 20261202, numRuns: 3000 },
    );
  });
});

import { describe, expect, it } from "vitest";
import {
  EdgeKind,
  GraphBuilder,
  planEvaluation,
  type EdgeKind as EdgeKindType,
} from "../../../../src/engine/graph";

function graphOf(size: number, edges: readonly [number, number, EdgeKindType][]) {
  const builder = new GraphBuilder(size);
  for (const [from, to, kind] of edges) builder.addEdge(from, to, kind);
  return builder.build();
}

describe("planEvaluation", () => {
  it("puts every node after the nodes it reads", () => {
    // Diamond: 0 reads 1 and 2, both read 3.
    const plan = planEvaluation(
      graphOf(4, [
        [0, 1, EdgeKind.same],
        [0, 2, EdgeKind.same],
        [1, 3, EdgeKind.same],
        [2, 3, EdgeKind.same],
      ]),
    );
    expect(plan.steps.every((s) => s.kind === "line")).toBe(true);
    const at = (v: number) => plan.stepOf[v] as number;
    expect(at(3)).toBeLessThan(at(1));
    expect(at(3)).toBeLessThan(at(2));
    expect(at(1)).toBeLessThan(at(0));
    expect(at(2)).toBeLessThan(at(0));
  });

  it("evaluates a line that reads its own previous period period by period", () => {
    const plan = planEvaluation(
      graphOf(2, [
        [0, 0, EdgeKind.lag],
        [0, 1, EdgeKind.same],
      ]),
    );
    expect(plan.steps).toEqual([
      { kind: "line", node: 1 },
      { kind: "periodwise", nodes: [0] },
    ]);
  });

  it("reports a line that reads itself in the same period as a cycle", () => {
    const plan = planEvaluation(graphOf(1, [[0, 0, EdgeKind.same]]));
    expect(plan.steps).toEqual([{ kind: "cycle", nodes: [0] }]);
  });

  it("orders a balance roll-forward within each period", () => {
    // opening (0) = closing[-1]; closing (1) = opening + flow (2).
    const plan = planEvaluation(
      graphOf(3, [
        [0, 1, EdgeKind.lag],
        [1, 0, EdgeKind.same],
        [1, 2, EdgeKind.same],
      ]),
    );
    expect(plan.steps).toEqual([
      { kind: "line", node: 2 },
      { kind: "periodwise", nodes: [0, 1] },
    ]);
  });

  it("names the members of a cycle in the order of the cycle", () => {
    // 0 -> 2 -> 1 -> 0, all in the same period.
    const plan = planEvaluation(
      graphOf(4, [
        [0, 2, EdgeKind.same],
        [2, 1, EdgeKind.same],
        [1, 0, EdgeKind.same],
        [3, 0, EdgeKind.same],
      ]),
    );
    expect(plan.steps).toEqual([
      { kind: "cycle", nodes: [0, 2, 1] },
      { kind: "line", node: 3 },
    ]);
  });

  it("treats a whole-series read inside a loop as a cycle even through a lag", () => {
    // a (0) = sum(b over periods); b (1) = a[-1].
    const plan = planEvaluation(
      graphOf(2, [
        [0, 1, EdgeKind.whole],
        [1, 0, EdgeKind.lag],
      ]),
    );
    expect(plan.steps).toEqual([{ kind: "cycle", nodes: [0, 1] }]);
  });

  it("separates a same-period cycle from roll-forward members of the same loop", () => {
    // opening (0) = closing[-1]; closing (1) = opening + closing (reads itself).
    const plan = planEvaluation(
      graphOf(2, [
        [0, 1, EdgeKind.lag],
        [1, 0, EdgeKind.same],
        [1, 1, EdgeKind.same],
      ]),
    );
    expect(plan.steps).toEqual([
      { kind: "cycle", nodes: [1] },
      { kind: "periodwise", nodes: [0] },
    ]);
  });

  it("merges repeated edges keeping the strongest kind", () => {
    const graph = graphOf(2, [
      [0, 1, EdgeKind.lag],
      [0, 1, EdgeKind.whole],
      [0, 1, EdgeKind.same],
    ]);
    expect(graph.deps[0]).toEqual([1]);
    expect(graph.kinds[0]).toEqual([EdgeKind.whole]);
    expect(graph.dependents[1]).toEqual([0]);
  });
});

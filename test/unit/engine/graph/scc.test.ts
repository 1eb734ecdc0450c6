import { describe, expect, it } from "vitest";
import { stronglyConnectedComponents } from "../../../../src/engine/graph";

describe("stronglyConnectedComponents", () => {
  it("lists dependencies before the nodes that read them", () => {
    // 0 reads 1, 1 reads 2: evaluation order is 2, 1, 0.
    expect(stronglyConnectedComponents([[1], [2], []])).toEqual([[2], [1], [0]]);
  });

  it("groups a cycle into one component and keeps outside nodes apart", () => {
    // 0 -> 1 -> 2 -> 0 is a cycle; 3 reads 0; 2 reads 4.
    const components = stronglyConnectedComponents([[1], [2], [0, 4], [0], []]);
    expect(components).toHaveLength(3);
    expect(components[0]).toEqual([4]);
    expect([...(components[1] ?? [])].sort()).toEqual([0, 1, 2]);
    expect(components[2]).toEqual([3]);
  });

  it("treats a self-edge as a one-node component", () => {
    expect(stronglyConnectedComponents([[0]])).toEqual([[0]]);
  });

  it("handles a chain of 200,000 nodes without recursion", () => {
    const n = 200_000;
    const adjacency = Array.from({ length: n }, (_, i) => (i + 1 < n ? [i + 1] : []));
    const components = stronglyConnectedComponents(adjacency);
    expect(components).toHaveLength(n);
    expect(components[0]).toEqual([n - 1]);
    expect(components[n - 1]).toEqual([0]);
  });

  it("finds one component in a ring of 100,000 nodes", () => {
    const n = 100_000;
    const adjacency = Array.from({ length: n }, (_, i) => [(i + 1) % n]);
    const components = stronglyConnectedComponents(adjacency);
    expect(components).toHaveLength(1);
    expect(components[0]).toHaveLength(n);
  });
});

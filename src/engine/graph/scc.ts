/**
 * Iterative Tarjan strongly connected components. Recursion depth would follow the longest
 * dependency chain a user wrote, so the DFS keeps its own explicit stack instead.
 */

/**
 * The strongly connected components of a directed graph given as adjacency lists over node ids
 * `0..adjacency.length-1`. Components come out in reverse topological order of the edges: when
 * edges point from a node to what it depends on, every component appears after all the
 * components it depends on, which is evaluation order. Members of a component are listed in the
 * order the search first reached them.
 */
export function stronglyConnectedComponents(adjacency: readonly (readonly number[])[]): number[][] {
  const n = adjacency.length;
  const index = new Int32Array(n).fill(-1);
  const lowLink = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  // The explicit DFS stack: the node and how far through its adjacency list the search has got.
  const callNode: number[] = [];
  const callEdge: number[] = [];
  const components: number[][] = [];
  let counter = 0;

  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    pushCall(root);
    while (callNode.length > 0) {
      const top = callNode.length - 1;
      const v = callNode[top] as number;
      const edges = adjacency[v] ?? [];
      const e = callEdge[top] as number;
      if (e < edges.length) {
        callEdge[top] = e + 1;
        const w = edges[e] as number;
        if (index[w] === -1) {
          pushCall(w);
        } else if (onStack[w] === 1) {
          lowLink[v] = Math.min(lowLink[v] as number, index[w] as number);
        }
        continue;
      }
      // All edges of v done: pop it and report a component when v is a root.
      callNode.pop();
      callEdge.pop();
      if (callNode.length > 0) {
        const parent = callNode[callNode.length - 1] as number;
        lowLink[parent] = Math.min(lowLink[parent] as number, lowLink[v] as number);
      }
      if (lowLink[v] === index[v]) {
        const component: number[] = [];
        let w: number;
        do {
          w = stack.pop() as number;
          onStack[w] = 0;
          component.push(w);
        } while (w !== v);
        component.reverse();
        components.push(component);
      }
    }
  }
  return components;

  function pushCall(v: number): void {
    index[v] = counter;
    lowLink[v] = counter;
    counter++;
    stack.push(v);
    onStack[v] = 1;
    callNode.push(v);
    callEdge.push(0);
  }
}

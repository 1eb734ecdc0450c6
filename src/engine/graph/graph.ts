/**
 * How a line item reads another one, which decides whether a dependency can be evaluated period
 * by period. `lag`: only strictly earlier periods (`x[-1]`, `prev(x, d)`). `same`: the same period
 * or earlier ones (`x`, `cumsum(x)`). `whole`: any period (`x[2019/20]`, `sum(x over periods)`,
 * `npv(r, x)`). A stronger kind subsumes a weaker one: `lag` < `same` < `whole`.
 */
export const EdgeKind = { lag: 0, same: 1, whole: 2 } as const;

/** One of the {@link EdgeKind} values. */
export type EdgeKind = (typeof EdgeKind)[keyof typeof EdgeKind];

/**
 * A dependency graph over numeric node ids `0..size-1` (line items). Edges point from a node to
 * what it depends on; `dependents` is the reverse. Parallel edges are merged, keeping the
 * strongest kind. Plain arrays indexed by id: this is on the hot path of every recompute.
 */
export interface DependencyGraph {
  readonly size: number;
  /** `deps[v]`: the nodes `v` reads, each once, in first-seen order. */
  readonly deps: readonly (readonly number[])[];
  /** `kinds[v][i]`: how `v` reads `deps[v][i]`. */
  readonly kinds: readonly (readonly EdgeKind[])[];
  /** `dependents[v]`: the nodes that read `v`, each once. */
  readonly dependents: readonly (readonly number[])[];
}

/** Collects edges and then freezes them into a {@link DependencyGraph}. */
export class GraphBuilder {
  private readonly deps: number[][] = [];
  private readonly kinds: EdgeKind[][] = [];

  /** Starts a graph of `size` nodes with no edges. */
  constructor(readonly size: number) {
    for (let i = 0; i < size; i++) {
      this.deps.push([]);
      this.kinds.push([]);
    }
  }

  /** Records that `from` reads `to` in the given way; repeated edges keep the strongest kind. */
  addEdge(from: number, to: number, kind: EdgeKind): void {
    const deps = this.deps[from];
    const kinds = this.kinds[from];
    if (deps === undefined || kinds === undefined || to < 0 || to >= this.size) {
      throw new RangeError(`edge ${from} -> ${to} outside a graph of ${this.size} nodes`);
    }
    const at = deps.indexOf(to);
    if (at === -1) {
      deps.push(to);
      kinds.push(kind);
    } else if ((kinds[at] as EdgeKind) < kind) {
      kinds[at] = kind;
    }
  }

  /** The finished graph, with the reverse edges computed. */
  build(): DependencyGraph {
    const dependents: number[][] = this.deps.map(() => []);
    this.deps.forEach((targets, from) => {
      for (const to of targets) (dependents[to] as number[]).push(from);
    });
    // Arrays grown by push keep spare room; the graph lives as long as the model, so trim them.
    return {
      size: this.size,
      deps: this.deps.map(trimmed),
      kinds: this.kinds.map(trimmed),
      dependents: dependents.map(trimmed),
    };
  }
}

const none: readonly never[] = Object.freeze([]);

/** `list` without the spare capacity pushing leaves (one shared array when empty). */
function trimmed<T>(list: readonly T[]): readonly T[] {
  return list.length === 0 ? none : list.slice();
}

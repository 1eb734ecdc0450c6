/**
 * The model's side tables (reference, call and type by node id) as one read-only map over the
 * declarations' own tables, so that a check reusing most declarations does not copy their entries.
 * A declaration's node ids are one block (the parser numbers a declaration's nodes together), so a
 * lookup finds the declaration by binary search over the blocks.
 */
import type { NodeId } from "../ast";

/** One declaration's table and the smallest and largest node id in it. */
export interface TablePart<V> {
  readonly lo: number;
  readonly hi: number;
  readonly map: ReadonlyMap<NodeId, V>;
}

/** The id block of a declaration's tables, or undefined when they are all empty. */
export function idBlock(
  maps: readonly ReadonlyMap<NodeId, unknown>[],
): [number, number] | undefined {
  let lo = Infinity;
  let hi = -Infinity;
  for (const map of maps) {
    for (const id of map.keys()) {
      if (id < lo) lo = id;
      if (id > hi) hi = id;
    }
  }
  return lo > hi ? undefined : [lo, hi];
}

/** A read-only map over `parts`, which must be in increasing, disjoint id blocks. */
export class UnionMap<V> implements ReadonlyMap<NodeId, V> {
  constructor(private readonly parts: readonly TablePart<V>[]) {}

  private partOf(id: number): TablePart<V> | undefined {
    let lo = 0;
    let hi = this.parts.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const part = this.parts[mid] as TablePart<V>;
      if (id < part.lo) hi = mid - 1;
      else if (id > part.hi) lo = mid + 1;
      else return part;
    }
    return undefined;
  }

  get(id: NodeId): V | undefined {
    return this.partOf(id)?.map.get(id);
  }
  has(id: NodeId): boolean {
    return this.partOf(id)?.map.has(id) ?? false;
  }
  get size(): number {
    let n = 0;
    for (const p of this.parts) n += p.map.size;
    return n;
  }
  *entries(): MapIterator<[NodeId, V]> {
    for (const p of this.parts) yield* p.map.entries();
  }
  *keys(): MapIterator<NodeId> {
    for (const p of this.parts) yield* p.map.keys();
  }
  *values(): MapIterator<V> {
    for (const p of this.parts) yield* p.map.values();
  }
  forEach(callback: (value: V, key: NodeId, map: ReadonlyMap<NodeId, V>) => void): void {
    for (const p of this.parts) p.map.forEach((v, k) => callback(v, k, this));
  }
  [Symbol.iterator](): MapIterator<[NodeId, V]> {
    return this.entries();
  }
}

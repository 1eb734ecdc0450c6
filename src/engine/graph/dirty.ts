/**
 * The set of plan steps waiting to be recomputed, handed out in plan order. Marking is
 * idempotent, so a step reached along several paths (a diamond) is evaluated once. Backed by a
 * binary min-heap of step indices and a flag array: both allocation-free once warmed up.
 */
export class DirtySteps {
  private readonly heap: number[] = [];
  private readonly queued: Uint8Array;

  /** A queue for a plan of `stepCount` steps. */
  constructor(stepCount: number) {
    this.queued = new Uint8Array(stepCount);
  }

  /** Queues a step unless it is already queued. */
  mark(step: number): void {
    if (this.queued[step] === 1) return;
    this.queued[step] = 1;
    const heap = this.heap;
    heap.push(step);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent] as number;
      if (p <= step) break;
      heap[i] = p;
      i = parent;
    }
    heap[i] = step;
  }

  /** True when nothing is queued. */
  get isEmpty(): boolean {
    return this.heap.length === 0;
  }

  /** Removes and returns the earliest queued step, or -1 when empty. */
  next(): number {
    const heap = this.heap;
    if (heap.length === 0) return -1;
    const first = heap[0] as number;
    const last = heap.pop() as number;
    if (heap.length > 0) {
      let i = 0;
      const n = heap.length;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        const c = r < n && (heap[r] as number) < (heap[l] as number) ? r : l;
        if ((heap[c] as number) >= last) break;
        heap[i] = heap[c] as number;
        i = c;
      }
      heap[i] = last;
    }
    this.queued[first] = 0;
    return first;
  }
}

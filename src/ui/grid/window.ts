import type { GridItem } from "./rows";

/** The heights, in CSS pixels, that place the grid's rows. */
export interface GridMetrics {
  /** A line item's row. */
  readonly row: number;
  /** A section heading's row. */
  readonly section: number;
  /** The sticky column header row. */
  readonly header: number;
}

/** A half-open range `[first, end)` of item positions. */
export interface ItemRange {
  readonly first: number;
  readonly end: number;
}

/** What the grid draws: the items in display order, the space before each, the space after all. */
export interface RenderPlan {
  readonly items: readonly GridItem[];
  /** Pixels of undrawn rows just above an item (absent: none). */
  readonly gaps: ReadonlyMap<GridItem, number>;
  /** Pixels of undrawn rows below the last item drawn. */
  readonly after: number;
}

/**
 * The top of every item below the header, and the total height as the last entry
 * (`tops.length === items.length + 1`). Computed once per layout, not per scroll or keystroke.
 */
export function itemTops(items: readonly GridItem[], metrics: GridMetrics): Float64Array {
  const tops = new Float64Array(items.length + 1);
  let y = 0;
  for (let i = 0; i < items.length; i++) {
    tops[i] = y;
    y += items[i]?.kind === "section" ? metrics.section : metrics.row;
  }
  tops[items.length] = y;
  return tops;
}

/** The position of the item that covers `y` (clamped to the items there are). */
function itemAt(tops: Float64Array, y: number): number {
  const n = tops.length - 1;
  if (n <= 0) return 0;
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((tops[mid] ?? 0) <= y) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The items in view when the body is scrolled to `scrollTop` and `viewport` pixels tall, widened
 * by `overscan` items each side.
 */
export function visibleRange(
  tops: Float64Array,
  scrollTop: number,
  viewport: number,
  overscan: number,
): ItemRange {
  const n = tops.length - 1;
  if (n <= 0) return { first: 0, end: 0 };
  const first = itemAt(tops, Math.max(0, scrollTop));
  const last = itemAt(tops, Math.max(0, scrollTop + viewport));
  return { first: Math.max(0, first - overscan), end: Math.min(n, last + 1 + overscan) };
}

/**
 * The items to draw: those in `range` and the `pinned` positions outside it (the focused row, the
 * heading that sticks at the top), in display order, with the heights of what lies between.
 */
export function renderPlan(
  items: readonly GridItem[],
  tops: Float64Array,
  range: ItemRange,
  pinned: readonly number[],
): RenderPlan {
  const extra = pinned
    .filter((i) => i >= 0 && i < items.length && (i < range.first || i >= range.end))
    .sort((a, b) => a - b);
  const positions: number[] = [];
  for (const i of extra) if (i < range.first && positions.at(-1) !== i) positions.push(i);
  for (let i = range.first; i < range.end; i++) positions.push(i);
  for (const i of extra) if (i >= range.end && positions.at(-1) !== i) positions.push(i);
  const drawn: GridItem[] = [];
  const gaps = new Map<GridItem, number>();
  let bottom = 0;
  for (const i of positions) {
    const item = items[i];
    if (item === undefined) continue;
    const top = tops[i] ?? bottom;
    if (top > bottom) gaps.set(item, top - bottom);
    drawn.push(item);
    bottom = tops[i + 1] ?? top;
  }
  return { items: drawn, gaps, after: Math.max(0, (tops[items.length] ?? 0) - bottom) };
}

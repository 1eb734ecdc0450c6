import type { Footprint } from "./footprint";

/** Tunables of per-cell dirty marking. */
export const CellLimits = {
  /**
   * A line with more dirty cells than this share of all its cells is recomputed whole: walking a
   * list of most of its cells costs more than evaluating them in order.
   */
  wholeShare: 0.5,
  /**
   * A line with more changed cells than this passes on "every member and period changed" to its
   * readers instead of the exact members and periods.
   */
  maxTrackedChanges: 4096,
} as const;

/** The members and periods in which a line's values changed, or null for all of them. */
export interface CellChange {
  readonly members: readonly number[] | null;
  readonly periods: readonly number[] | null;
}

/** Every member and period changed. */
export const changedEverywhere: CellChange = Object.freeze({ members: null, periods: null });

/**
 * The cells of one line waiting to be recomputed: either the whole line, or a list of cell
 * indices (`member * periodCount + period`), each once. Marking is idempotent and the mask is
 * allocated only when a line is first marked in part.
 */
export class DirtyCells {
  whole = false;
  private mask: Uint8Array | undefined;
  readonly list: number[] = [];

  constructor(
    readonly memberCount: number,
    readonly periodCount: number,
  ) {}

  /** Marks the reader cells that `change` of a line read with `footprint` can affect. */
  markFrom(footprint: Footprint, change: CellChange): void {
    if (this.whole) return;
    const P = this.periodCount;
    const members = footprint.sameMember && change.members !== null ? change.members : null;
    let periods: number[] | null = null;
    if (!footprint.allPeriods && change.periods !== null) {
      periods = [];
      for (const t of change.periods) {
        for (const s of footprint.shifts) {
          const u = t + s;
          if (u >= 0 && u < P && !periods.includes(u)) periods.push(u);
        }
      }
    }
    const memberCount = members === null ? this.memberCount : members.length;
    const periodCount = periods === null ? P : periods.length;
    const total = this.memberCount * P;
    const limit = CellLimits.wholeShare * total;
    if (memberCount * periodCount > limit) {
      this.whole = true;
      return;
    }
    const mask = (this.mask ??= new Uint8Array(total));
    for (let i = 0; i < memberCount; i++) {
      const m = members === null ? i : (members[i] as number);
      if (m < 0 || m >= this.memberCount) continue;
      for (let j = 0; j < periodCount; j++) {
        const cell = m * P + (periods === null ? j : (periods[j] as number));
        if (mask[cell] === 1) continue;
        mask[cell] = 1;
        this.list.push(cell);
      }
    }
    if (this.list.length > limit) this.whole = true;
  }
}

/**
 * The members and periods of the cells in `changed` (indices `member * periodCount + period`),
 * or {@link changedEverywhere} when there are too many to track.
 */
export function changeOf(changed: readonly number[], periodCount: number): CellChange {
  if (changed.length > CellLimits.maxTrackedChanges) return changedEverywhere;
  const members = new Set<number>();
  const periods = new Set<number>();
  for (const cell of changed) {
    const m = Math.floor(cell / periodCount);
    members.add(m);
    periods.add(cell - m * periodCount);
  }
  return { members: [...members], periods: [...periods] };
}

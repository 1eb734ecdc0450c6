import type { Code } from "../eval/code";
import { acrossPeriodFunctions } from "../eval/period-reads";

/**
 * Which cells of a reader a changed cell of one line it reads can change, from how its formulas
 * refer to that line. A changed cell (member `m`, period `t`) of the target can change the
 * reader's cells in periods `t + s` for every `s` in `shifts` (all periods when `allPeriods`),
 * and in member `m` only when `sameMember` (else in every member).
 */
export interface Footprint {
  readonly allPeriods: boolean;
  readonly shifts: readonly number[];
  /**
   * Every reference takes the target's member from the reader's own (the reader and the target
   * are by the same dimension, with no fixed member and no aggregate over it).
   */
  readonly sameMember: boolean;
}

/** A footprint that covers every cell: the safe answer when nothing finer is known. */
export const everyCell: Footprint = Object.freeze({
  allPeriods: true,
  shifts: Object.freeze([]),
  sameMember: false,
});

/**
 * The footprint of `target` (a line by dimension `targetDim`, -1 for none) in a reader by
 * `readerDim` whose formulas are `codes`. Walks the code with an explicit stack.
 */
export function footprintOf(
  codes: readonly Code[],
  target: number,
  targetDim: number,
  readerDim: number,
): Footprint {
  let allPeriods = false;
  let sameMember = targetDim >= 0 && targetDim === readerDim;
  let found = false;
  const shifts: number[] = [];
  // Each entry: the code, whether it is under something that reads all periods, and whether it
  // is under an aggregate over the target's dimension.
  const stack: { code: Code; periods: boolean; members: boolean }[] = codes.map((code) => ({
    code,
    periods: false,
    members: false,
  }));
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const { code, periods, members } = top;
    switch (code.kind) {
      case "ref": {
        if (code.line !== target) break;
        found = true;
        if (periods || code.mode === 2) allPeriods = true;
        else {
          const shift = code.mode === 1 ? -code.at : 0;
          if (!shifts.includes(shift)) shifts.push(shift);
        }
        if (members || code.member >= 0) sameMember = false;
        break;
      }
      case "neg":
      case "not":
        stack.push({ code: code.arg, periods, members });
        break;
      case "binary":
        stack.push({ code: code.left, periods, members }, { code: code.right, periods, members });
        break;
      case "chain":
        for (const t of code.terms) stack.push({ code: t, periods, members });
        break;
      case "if":
        for (const c of [code.cond, code.then, code.otherwise])
          stack.push({ code: c, periods, members });
        break;
      case "call": {
        const p = periods || code.over?.kind === "periods" || acrossPeriodFunctions.has(code.fn);
        const m = members || (code.over?.kind === "dimension" && code.over.dim === targetDim);
        for (const a of code.args) stack.push({ code: a, periods: p, members: m });
        break;
      }
      case "const":
      case "invalid":
        break;
    }
  }
  if (!found) return everyCell;
  return { allPeriods, shifts, sameMember };
}

import type { Code } from "./code";

/**
 * Functions that evaluate one argument (by position) in every period up to the current one, or
 * in all periods: cash flows, schedules, running sums.
 */
const seriesArgument: Readonly<Record<string, number>> = {
  cumsum: 0,
  npv: 1,
  irr: 0,
  payback: 0,
  first_period_where: 0,
  loan_opening: 0,
  loan_interest: 0,
  loan_principal: 0,
  loan_closing: 0,
  mrp: 0,
};

/**
 * An upper bound on the evaluation steps (`evaluate` calls) one cell of `code` takes, from its
 * shape alone: an aggregate over a dimension multiplies the work of its arguments by the number
 * of members, one over periods or a series function (cumsum, npv, loans...) by the number of
 * periods. It depends only on the code, the period count and the dimension sizes, so it is the
 * same for a fresh evaluation and an incremental recompute. Recursion follows the formula's
 * nesting, which the parser bounds; chains are summed in a loop.
 */
export function estimateSteps(
  code: Code,
  periodCount: number,
  memberCounts: readonly number[],
): number {
  const P = Math.max(periodCount, 1);
  const walk = (c: Code): number => {
    switch (c.kind) {
      case "const":
      case "ref":
      case "invalid":
        return 1;
      case "neg":
      case "not":
        return 1 + walk(c.arg);
      case "binary":
        return 1 + walk(c.left) + walk(c.right);
      case "chain": {
        let n = 1;
        for (const t of c.terms) n += walk(t);
        return n;
      }
      case "if":
        return 1 + walk(c.cond) + walk(c.then) + walk(c.otherwise);
      case "call": {
        const series = seriesArgument[c.fn] ?? -1;
        let args = 0;
        let repeated = 0;
        c.args.forEach((a, i) => {
          const w = walk(a);
          args += w;
          if (i === series) repeated = w;
        });
        if (c.over !== null) {
          const n = c.over.kind === "periods" ? P : Math.max(memberCounts[c.over.dim] ?? 1, 1);
          return 1 + n * args;
        }
        return 1 + args + (P - 1) * repeated;
      }
    }
  };
  return walk(code);
}

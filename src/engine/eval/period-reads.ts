/**
 * Which built-in functions read periods other than the one being computed, in one place: the
 * scalar analysis (compile.ts) and per-cell dirty marking (graph/footprint.ts) both ask.
 */

/** Functions whose value depends on the period it is computed for (a lag, a running total, a
 * schedule, the period's own index or discount factor). */
export const periodDependentFunctions: ReadonlySet<string> = new Set([
  "prev",
  "cumsum",
  "period_index",
  "period_start",
  "period_end",
  "discount_factor",
  "loan_opening",
  "loan_interest",
  "loan_principal",
  "loan_closing",
  "mrp",
]);

/** Functions that read their argument's whole series and give one value for it. */
export const wholeSeriesFunctions: ReadonlySet<string> = new Set([
  "irr",
  "payback",
  "first_period_where",
]);

/** Functions whose value in one period can read their arguments in other periods. */
export const acrossPeriodFunctions: ReadonlySet<string> = new Set([
  ...[...periodDependentFunctions].filter(
    (f) => f !== "period_index" && f !== "period_start" && f !== "period_end",
  ),
  ...wholeSeriesFunctions,
  "npv",
]);

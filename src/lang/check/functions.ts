/**
 * The built-in functions the language knows (the shared catalog in .coord/COMMON.md): their
 * arity and whether they take `over`. The checker types them (types.ts); the engine evaluates
 * them. Function names are lower case.
 */

/** How a function may use `over`. */
export type OverUse = "required" | "optional" | "none";

/** A built-in function's shape. */
export interface FunctionSignature {
  readonly name: string;
  readonly minArgs: number;
  readonly maxArgs: number;
  readonly over: OverUse;
  /** How the arguments read, for messages: "x, weight". */
  readonly params: string;
}

const sig = (
  name: string,
  minArgs: number,
  maxArgs: number,
  over: OverUse,
  params: string,
): FunctionSignature => ({
  name,
  minArgs,
  maxArgs,
  over,
  params,
});

/** Every built-in function by name. */
export const builtinFunctions: ReadonlyMap<string, FunctionSignature> = new Map(
  [
    sig("sum", 1, 1, "required", "x over d"),
    sig("average", 1, 1, "required", "x over d"),
    sig("min", 1, 64, "optional", "x over d, or a, b, ..."),
    sig("max", 1, 64, "optional", "x over d, or a, b, ..."),
    sig("wavg", 2, 3, "required", "x, weight, condition over d"),
    sig("sumif", 2, 2, "required", "x, condition over d"),
    sig("count", 1, 1, "required", "condition over d"),
    sig("lookup", 2, 3, "required", "x, condition, default over d"),
    sig("match", 1, 1, "required", "condition over d"),
    sig("round_to_total", 2, 2, "required", "x, step over d"),
    sig("cumsum", 1, 1, "none", "x"),
    sig("prev", 2, 2, "none", "x, default"),
    sig("round", 2, 2, "none", "x, £0.1m"),
    sig("roundsig", 2, 2, "none", "x, n"),
    sig("floor", 1, 2, "none", "x, £1"),
    sig("ceil", 1, 2, "none", "x, £1"),
    sig("trunc", 1, 2, "none", "x, £1"),
    sig("mod", 2, 2, "none", "x, divisor"),
    sig("add_months", 2, 2, "none", "date, months"),
    sig("financial_year", 1, 1, "none", "date"),
    sig("period_start", 0, 0, "none", ""),
    sig("period_end", 0, 0, "none", ""),
    sig("abs", 1, 1, "none", "x"),
    sig("first_period", 0, 0, "none", ""),
    sig("last_period", 0, 0, "none", ""),
    sig("period_index", 0, 0, "none", ""),
    sig("first_period_where", 1, 1, "none", "condition"),
    sig("discount_factor", 1, 1, "none", "rate"),
    sig("npv", 2, 2, "none", "rate, x"),
    sig("irr", 1, 1, "none", "x"),
    sig("payback", 1, 1, "none", "x"),
    sig("pmt", 3, 3, "none", "rate, n, principal"),
    sig("loan_opening", 4, 4, "none", "advances, rate, term, method"),
    sig("loan_interest", 4, 4, "none", "advances, rate, term, method"),
    sig("loan_principal", 4, 4, "none", "advances, rate, term, method"),
    sig("loan_closing", 4, 4, "none", "advances, rate, term, method"),
    sig("mrp", 3, 4, "none", "advances, life, method, rate"),
  ].map((s) => [s.name, s]),
);

/** Loan methods accepted by loan_* functions. */
export const loanMethods: readonly string[] = ["annuity", "eip", "maturity"];
/** MRP methods accepted by mrp. */
export const mrpMethods: readonly string[] = ["straight_line", "annuity", "reducing_balance"];

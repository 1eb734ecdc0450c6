import { yearEndSerial, yearStartSerial } from "../../lang/dates";
import * as fns from "../functions";
import { firstYearOf } from "../periods";
import type { FnResult, LoanMethod } from "../functions";
import { fromInt, isDecimal, ONE, ZERO, type Decimal } from "../num";
import type { Code } from "./code";
import { fail, type Frame } from "./frame";
import { aggregate } from "./aggregates";
import { evaluate, wrongKind } from "./interpreter";
import { checkRange } from "./limits";
import { BLANK, isBlank, isError, type BlankValue, type ErrorValue, type Value } from "./value";

export type CallCode = Extract<Code, { kind: "call" }>;

/**
 * Evaluates a call of a built-in function (the shared function catalog) for the current cell.
 * The numeric work is done by `engine/functions`; this binds it to periods, members and errors.
 */
export function callBuiltin(code: CallCode, f: Frame): Value {
  const v = code.over !== null ? aggregate(code, f) : callPlain(code, f);
  // A sum of many large numbers, a pmt or an npv can leave the range the engine holds.
  return isDecimal(v) ? checkRange(f, v, code.span) : v;
}

function callPlain(code: CallCode, f: Frame): Value {
  const args = code.args;
  switch (code.fn) {
    case "sum":
    case "min":
    case "max":
    case "average":
      return elementwise(code, f);
    case "abs": {
      const x = numberOrBlank(args[0], f, code);
      return isError(x) || isBlank(x) ? x : fns.absolute(x);
    }
    case "round": {
      const x = numberOrBlank(args[0], f, code);
      if (isError(x) || isBlank(x)) return x;
      const step = number(args[1], f, code);
      return isError(step) ? step : result(fns.roundToUnit(x, step), f, code);
    }
    case "floor":
    case "ceil":
    case "trunc": {
      const x = numberOrBlank(args[0], f, code);
      if (isError(x) || isBlank(x)) return x;
      const step = args.length > 1 ? number(args[1], f, code) : ONE;
      return isError(step) ? step : result(fns.roundDirected(x, step, code.fn), f, code);
    }
    case "mod": {
      const x = numberOrBlank(args[0], f, code);
      if (isError(x) || isBlank(x)) return x;
      const divisor = number(args[1], f, code);
      return isError(divisor) ? divisor : result(fns.remainder(x, divisor), f, code);
    }
    case "roundsig": {
      const x = numberOrBlank(args[0], f, code);
      if (isError(x) || isBlank(x)) return x;
      const n = number(args[1], f, code);
      return isError(n) ? n : result(fns.roundSignificant(x, n), f, code);
    }
    case "prev":
      return f.period === 0 ? evaluateArg(args[1], f, code) : evalAt(args[0], f, f.period - 1);
    case "cumsum":
      return seriesCell(code, f, "", false, fns.cumsum, 0);
    case "first_period":
      return { kind: "period", index: 0 };
    case "last_period":
      return { kind: "period", index: f.periodCount - 1 };
    case "period_index":
      return fromInt(f.period + 1);
    case "period_start":
      return fromInt(yearStartSerial(firstYearOf(f.model.periods) + f.period));
    case "period_end":
      return fromInt(yearEndSerial(firstYearOf(f.model.periods) + f.period));
    case "add_months": {
      const d = numberOrBlank(args[0], f, code);
      if (isError(d) || isBlank(d)) return d;
      const n = number(args[1], f, code);
      if (isError(n)) return n;
      return result(fns.addMonthsTo(d, n), f, code);
    }
    case "financial_year": {
      const d = numberOrBlank(args[0], f, code);
      if (isError(d) || isBlank(d)) return d;
      const year = fns.financialYearOfSerial(d);
      if (!year.ok) return result(year, f, code);
      return { kind: "period", index: year.value - firstYearOf(f.model.periods) };
    }
    case "first_period_where":
      return firstPeriodWhere(code, f);
    case "discount_factor": {
      const rate = number(args[0], f, code);
      if (isError(rate)) return rate;
      const factors = fns.discountFactors(rate, f.period + 1);
      return factors.ok ? (factors.value[f.period] as Decimal) : result(factors, f, code);
    }
    case "npv":
    case "irr":
    case "payback":
      return appraisal(code, f);
    case "pmt": {
      const [rate, n, principal] = numbers3(args, f, code);
      if (isError(rate)) return rate;
      if (isError(n)) return n;
      if (isError(principal)) return principal;
      return result(fns.pmt(rate, n, principal), f, code);
    }
    case "loan_opening":
    case "loan_interest":
    case "loan_principal":
    case "loan_closing":
      return loan(code, f);
    case "mrp":
      return mrp(code, f);
    default:
      return fail(f, "P4008", code.span, { detail: `'${code.fn}' is not a known function.` });
  }
}

/** Turns a function library result into a value, adding the span and period of this cell. */
export function result(r: FnResult<Decimal>, f: Frame, code: CallCode): Value {
  return r.ok ? r.value : fail(f, r.code, code.span, r.args);
}

function evaluateArg(arg: Code | undefined, f: Frame, code: CallCode): Value {
  if (arg === undefined) {
    return fail(f, "P4008", code.span, { detail: `${code.fn} is missing an argument.` });
  }
  return evaluate(arg, f);
}

/** Evaluates an argument that must be a number. */
function number(arg: Code | undefined, f: Frame, code: CallCode): Decimal | ErrorValue {
  const v = evaluateArg(arg, f, code);
  if (isError(v) || isDecimal(v)) return v;
  return wrongKind(f, code.span, "a number", v) as ErrorValue;
}

/** Evaluates an argument that must be a number or blank (a blank passes through the function). */
function numberOrBlank(
  arg: Code | undefined,
  f: Frame,
  code: CallCode,
): Decimal | ErrorValue | BlankValue {
  const v = evaluateArg(arg, f, code);
  if (isError(v) || isDecimal(v) || isBlank(v)) return v;
  return wrongKind(f, code.span, "a number", v) as ErrorValue;
}

function numbers3(args: readonly Code[], f: Frame, code: CallCode): [N, N, N] {
  return [number(args[0], f, code), number(args[1], f, code), number(args[2], f, code)];
}

type N = Decimal | ErrorValue;

/** Evaluates `arg` as if in period `t`. */
export function evalAt(arg: Code | undefined, f: Frame, t: number): Value {
  if (arg === undefined) return ZERO;
  const period = f.period;
  const scalar = f.scalar;
  f.period = t;
  f.scalar = false;
  const v = evaluate(arg, f);
  f.period = period;
  f.scalar = scalar;
  return v;
}

/** A series of numbers with the first error in it (errors read as 0 in `xs`). */
interface Series {
  readonly xs: Decimal[];
  readonly errorAt: number;
  readonly error: ErrorValue | null;
}

/**
 * The numbers `arg` takes in periods `0..count-1`; with `lagLast`, the last position is not
 * evaluated (a function whose result in period t ignores its input in period t) and holds 0.
 */
function series(arg: Code | undefined, f: Frame, count: number, lagLast: boolean): Series {
  const xs = new Array<Decimal>(count);
  let error: ErrorValue | null = null;
  let errorAt = count;
  for (let s = 0; s < count; s++) {
    xs[s] = ZERO;
    if (error !== null || (lagLast && s === count - 1)) continue;
    const v = evalAt(arg, f, s);
    // A blank adds nothing to a running sum, a cash flow or a schedule.
    if (isDecimal(v)) xs[s] = v;
    else if (!isBlank(v)) {
      error = isError(v) ? v : (wrongKind(f, spanOf(arg), "a number", v) as ErrorValue);
      errorAt = s;
    }
  }
  return { xs, errorAt, error };
}

function spanOf(code: Code | undefined): { from: number; to: number } {
  if (code === undefined || code.kind === "const") return { from: 0, to: 0 };
  if (code.kind === "chain") return code.spans[code.spans.length - 1] ?? { from: 0, to: 0 };
  return code.span;
}

/**
 * The value in the current period of a per-period function of a series (cumsum, loans, MRP).
 * The library functions are causal: the result in period t reads the input up to t (up to t-1
 * with `lag`), so the result is the first error in that stretch of input, if any. In a line step
 * every period of the input is final, so the series is computed once for all periods and cached;
 * in a period-by-period step only the periods up to the current one are computed.
 */
function seriesCell(
  code: CallCode,
  f: Frame,
  key: string,
  lag: boolean,
  compute: (xs: Decimal[]) => FnResult<Decimal[]> | Decimal[],
  argIndex: number,
): Value {
  const cacheKey = f.cacheSeries ? `${f.members.join(",")}|${key}` : "";
  if (f.cacheSeries) {
    const hit = f.seriesCache.get(code)?.get(cacheKey);
    if (hit !== undefined) return hit[f.period] as Value;
  }
  const horizon = f.cacheSeries ? f.periodCount : f.period + 1;
  // With a cache the whole series is computed, so nothing is lagged away.
  const input = series(code.args[argIndex], f, horizon, lag && !f.cacheSeries);
  const r = compute(input.xs);
  let computed: readonly Decimal[];
  if (Array.isArray(r)) computed = r;
  else if (r.ok) computed = r.value;
  else return fail(f, r.code, code.span, r.args);
  const out = new Array<Value>(horizon);
  const shift = lag ? 1 : 0;
  for (let t = 0; t < horizon; t++) {
    out[t] =
      input.error !== null && input.errorAt <= t - shift ? input.error : (computed[t] as Decimal);
  }
  if (!f.cacheSeries) return out[f.period] as Value;
  let byCode = f.seriesCache.get(code);
  if (byCode === undefined) {
    byCode = new Map<string, readonly Value[]>();
    f.seriesCache.set(code, byCode);
  }
  byCode.set(cacheKey, out);
  return out[f.period] as Value;
}

function loan(code: CallCode, f: Frame): Value {
  const rate = number(code.args[1], f, code);
  const term = number(code.args[2], f, code);
  if (isError(rate)) return rate;
  if (isError(term)) return term;
  const method = evaluateArg(code.args[3], f, code);
  if (isError(method)) return method;
  if (method !== "annuity" && method !== "eip" && method !== "maturity") {
    return fail(f, "P4003", code.span, {
      what: "The loan method",
      detail: 'write "annuity", "eip" or "maturity".',
    });
  }
  const part = code.fn.slice("loan_".length) as "opening" | "interest" | "principal" | "closing";
  const key = `${rate.toString()}|${term.toString()}|${method}`;
  return seriesCell(
    code,
    f,
    key,
    part !== "closing",
    (xs) => {
      const r = fns.loanSeries(xs, rate, term, method satisfies LoanMethod);
      return r.ok ? r.value[part] : r;
    },
    0,
  );
}

function mrp(code: CallCode, f: Frame): Value {
  const life = number(code.args[1], f, code);
  if (isError(life)) return life;
  const method = evaluateArg(code.args[2], f, code);
  if (isError(method)) return method;
  let rate: Decimal | undefined;
  if (code.args[3] !== undefined) {
    const r = number(code.args[3], f, code);
    if (isError(r)) return r;
    rate = r;
  }
  if (typeof method !== "string") return wrongKind(f, code.span, "text", method);
  const key = `${life.toString()}|${method}|${rate?.toString() ?? ""}`;
  switch (method) {
    case "straight_line":
      return seriesCell(code, f, key, true, (xs) => fns.mrpStraightLine(xs, life), 0);
    case "annuity":
      if (rate === undefined) {
        return fail(f, "P4008", code.span, { detail: 'mrp with "annuity" needs a rate.' });
      }
      return seriesCell(code, f, key, true, (xs) => fns.mrpAnnuity(xs, life, rate), 0);
    case "reducing_balance":
      return seriesCell(code, f, key, true, (xs) => fns.mrpReducingBalance(xs, rate), 0);
    default:
      return fail(f, "P4003", code.span, {
        what: "The MRP method",
        detail: 'write "straight_line", "annuity" or "reducing_balance".',
      });
  }
}

/** npv, irr and payback read the whole series and give one value. */
function appraisal(code: CallCode, f: Frame): Value {
  let rate: Decimal | undefined;
  if (code.fn === "npv") {
    const r = number(code.args[0], f, code);
    if (isError(r)) return r;
    rate = r;
  }
  const key = rate?.toString() ?? "";
  return wholeValue(code, f, key, () => {
    const input = series(code.args[code.fn === "npv" ? 1 : 0], f, f.periodCount, false);
    if (input.error !== null) return input.error;
    const xs = input.xs;
    if (code.fn === "npv") return result(fns.npv(rate ?? ZERO, xs), f, code);
    if (code.fn === "irr") return result(fns.irr(xs), f, code);
    const p = fns.payback(xs);
    return p.ok ? fromInt(p.value) : fail(f, p.code, code.span, p.args);
  });
}

function firstPeriodWhere(code: CallCode, f: Frame): Value {
  return wholeValue(code, f, "", () => {
    for (let s = 0; s < f.periodCount; s++) {
      const c = evalAt(code.args[0], f, s);
      if (isError(c)) return c;
      if (isBlank(c)) continue;
      if (typeof c !== "boolean") return wrongKind(f, code.span, "a condition", c);
      if (c) return { kind: "period", index: s };
    }
    return fail(f, "P4006", code.span, { function: "first_period_where" });
  });
}

/**
 * A function of whole series with one result for all periods, cached within a line step. The
 * result belongs to no one period, so an error it raises itself names none: it is the same
 * whichever cell computed it first (an incremental recompute may start at any period).
 */
function wholeValue(code: CallCode, f: Frame, key: string, compute: () => Value): Value {
  const periodless = (): Value => {
    const scalar = f.scalar;
    f.scalar = true;
    const v = compute();
    f.scalar = scalar;
    return v;
  };
  if (!f.cacheSeries && (f.pending === null || readsAny(code, f.pending))) return periodless();
  const cacheKey = `${f.members.join(",")}|${key}`;
  const hit = f.seriesCache.get(code)?.get(cacheKey);
  if (hit !== undefined) return hit[0] as Value;
  const v = periodless();
  let byCode = f.seriesCache.get(code);
  if (byCode === undefined) {
    byCode = new Map<string, readonly Value[]>();
    f.seriesCache.set(code, byCode);
  }
  byCode.set(cacheKey, [v]);
  return v;
}

/** The line ids each call's arguments refer to, found once per compiled call. */
const linesReadByCall = new WeakMap<CallCode, readonly number[]>();

/** True when the arguments of `code` refer to any of `lines` (walked without recursion). */
function readsAny(code: CallCode, lines: ReadonlySet<number>): boolean {
  let read = linesReadByCall.get(code);
  if (read === undefined) {
    const found = new Set<number>();
    const stack: Code[] = [...code.args];
    for (let c = stack.pop(); c !== undefined; c = stack.pop()) {
      switch (c.kind) {
        case "ref":
          found.add(c.line);
          break;
        case "neg":
        case "not":
          stack.push(c.arg);
          break;
        case "binary":
          stack.push(c.left, c.right);
          break;
        case "chain":
          for (const term of c.terms) stack.push(term);
          break;
        case "if":
          stack.push(c.cond, c.then, c.otherwise);
          break;
        case "call":
          for (const arg of c.args) stack.push(arg);
          break;
        case "const":
        case "invalid":
          break;
      }
    }
    read = [...found];
    linesReadByCall.set(code, read);
  }
  return read.some((line) => lines.has(line));
}

/** min, max, sum, average of several arguments in the same cell (no `over`). */
function elementwise(code: CallCode, f: Frame): Value {
  const xs: Decimal[] = [];
  for (const arg of code.args) {
    const v = numberOrBlank(arg, f, code);
    if (isError(v)) return v;
    if (isDecimal(v)) xs.push(v);
  }
  if (code.fn === "sum") return fns.sum(xs);
  // Blanks are skipped; with nothing left, the result is blank too.
  if (xs.length === 0) return BLANK;
  switch (code.fn) {
    case "average":
      return result(fns.average(xs), f, code);
    case "min":
      return fns.min(xs) ?? fail(f, "P4008", code.span, { detail: "min needs a value." });
    default:
      return fns.max(xs) ?? fail(f, "P4008", code.span, { detail: "max needs a value." });
  }
}

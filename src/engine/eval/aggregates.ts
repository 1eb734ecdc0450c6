/**
 * The built-ins written with `over`: the aggregates (sum, min, max, average, wavg, sumif, count),
 * lookup and match, and round_to_total. Each evaluates its arguments once per member (or
 * period), then combines the columns.
 */
import * as fns from "../functions";
import { fromInt, isDecimal, type Decimal } from "../num";
import type { Code } from "./code";
import type { CallCode } from "./builtins";
import { result } from "./builtins";
import { fail, type Frame } from "./frame";
import { evaluate, wrongKind } from "./interpreter";
import { BLANK, isBlank, isError, type ErrorValue, type Value } from "./value";

/** An aggregate `fn(args over dimension)` or `fn(args over periods)`. */
export function aggregate(code: CallCode, f: Frame): Value {
  const over = code.over;
  if (over === null) return fail(f, "P4008", code.span, { detail: "missing 'over'." });
  const byDim = over.kind === "dimension";
  const dim = byDim ? over.dim : -1;
  const n = byDim ? (f.model.dimensions[dim]?.members.length ?? 0) : f.periodCount;
  const columns: Value[][] = code.args.map(() => new Array<Value>(n));
  const savedMember = byDim ? (f.members[dim] as number) : 0;
  const savedPeriod = f.period;
  const savedScalar = f.scalar;
  let failed: Value | null = null;
  outer: for (let i = 0; i < n; i++) {
    if (byDim) f.members[dim] = i;
    else {
      f.period = i;
      f.scalar = false;
    }
    for (let j = 0; j < code.args.length; j++) {
      const v = evaluate(code.args[j] as Code, f);
      if (isError(v)) {
        failed = v;
        break outer;
      }
      (columns[j] as Value[])[i] = v;
    }
  }
  if (byDim) f.members[dim] = savedMember;
  f.period = savedPeriod;
  f.scalar = savedScalar;
  if (failed !== null) return failed;
  if (code.fn === "lookup" || code.fn === "match") return firstWhere(code, f, columns, byDim);
  if (code.fn === "round_to_total") return roundedShare(code, f, columns, savedMember);
  return combine(code, f, columns);
}

/**
 * lookup and match: the first member (or period) whose condition holds, in order. Blanks are not
 * skipped here: a blank condition does not hold, and a blank value found is the result.
 */
function firstWhere(code: CallCode, f: Frame, all: Value[][], byDim: boolean): Value {
  const cond = code.fn === "match" ? all[0] : all[1];
  const n = cond?.length ?? 0;
  for (let i = 0; i < n; i++) {
    const c = (cond as Value[])[i] as Value;
    if (isBlank(c)) continue;
    if (typeof c !== "boolean") return wrongKind(f, code.span, "a condition", c);
    if (c) return code.fn === "match" ? fromInt(i + 1) : ((all[0] as Value[])[i] as Value);
  }
  const fallback = all[2]?.[0];
  if (code.fn === "lookup" && fallback !== undefined) return fallback;
  const over = code.over;
  const dimension = byDim && over?.kind === "dimension" ? f.model.dimensions[over.dim] : undefined;
  return fail(f, "P4012", code.span, {
    what: dimension === undefined ? "period" : `member of ${dimension.name}`,
    function: code.fn,
  });
}

/**
 * round_to_total: this member's part of the list rounded to add up to its rounded total. A blank
 * member takes no part, and is blank.
 */
function roundedShare(code: CallCode, f: Frame, all: Value[][], member: number): Value {
  const xs = all[0] ?? [];
  const own = xs[member];
  if (own === undefined || isBlank(own)) return BLANK;
  const step = all[1]?.[member];
  if (step === undefined || !isDecimal(step))
    return wrongKind(f, code.span, "a number", step ?? BLANK);
  const parts: Decimal[] = [];
  let at = -1;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i] as Value;
    if (isBlank(x)) continue;
    if (!isDecimal(x)) return wrongKind(f, code.span, "a number", x);
    if (i === member) at = parts.length;
    parts.push(x);
  }
  const r = fns.roundToTotal(parts, step);
  return r.ok ? (r.value[at] as Decimal) : fail(f, r.code, code.span, r.args);
}

function combine(code: CallCode, f: Frame, all: Value[][]): Value {
  // Aggregates skip blanks: a position where any argument is blank takes no part.
  const n = all[0]?.length ?? 0;
  const keep: number[] = [];
  for (let i = 0; i < n; i++) if (all.every((col) => !isBlank(col[i] as Value))) keep.push(i);
  // Without blanks (the usual case) the columns are used as they are, not copied.
  const columns = keep.length === n ? all : all.map((col) => keep.map((i) => col[i] as Value));
  const nums = (j: number): Decimal[] | ErrorValue => {
    const col = columns[j] ?? [];
    for (const v of col)
      if (!isDecimal(v)) return wrongKind(f, code.span, "a number", v) as ErrorValue;
    return col as Decimal[];
  };
  const bools = (j: number): boolean[] | ErrorValue => {
    const col = columns[j] ?? [];
    for (const v of col) {
      if (typeof v !== "boolean") return wrongKind(f, code.span, "a condition", v) as ErrorValue;
    }
    return col as boolean[];
  };
  if (keep.length === 0 && code.fn !== "sum" && code.fn !== "sumif" && code.fn !== "count") {
    return BLANK;
  }
  switch (code.fn) {
    case "sum":
    case "min":
    case "max":
    case "average": {
      const xs = nums(0);
      if (isError(xs)) return xs;
      if (code.fn === "sum") return fns.sum(xs);
      if (code.fn === "average") return result(fns.average(xs), f, code);
      const m = code.fn === "min" ? fns.min(xs) : fns.max(xs);
      return m ?? fail(f, "P4001", code.span);
    }
    case "wavg": {
      let xs = nums(0);
      if (isError(xs)) return xs;
      let ws = nums(1);
      if (isError(ws)) return ws;
      if (code.args.length > 2) {
        // The members where the condition holds: a weighted average of a part of the list.
        const cs = bools(2);
        if (isError(cs)) return cs;
        const weights = ws;
        xs = xs.filter((_, i) => cs[i] === true);
        ws = weights.filter((_, i) => cs[i] === true);
      }
      return result(fns.weightedAverage(xs, ws), f, code);
    }
    case "sumif": {
      const xs = nums(0);
      if (isError(xs)) return xs;
      const cs = bools(1);
      return isError(cs) ? cs : fns.sumIf(xs, cs);
    }
    case "count": {
      const cs = bools(0);
      return isError(cs) ? cs : fns.countIf(cs);
    }
    default:
      return fail(f, "P4008", code.span, { detail: `'${code.fn}' cannot take 'over'.` });
  }
}

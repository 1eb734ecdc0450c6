import type { Span } from "../../base";
import type { BinaryOp } from "../../lang";
import { assert } from "../../base";
import { isDecimal, type Decimal } from "../num";
import { callBuiltin } from "./builtins";
import { PeriodMode, type Code } from "./code";
import { fail, type Frame } from "./frame";
import { budgetFailure, checkRange } from "./limits";
import { describeKind, isBlank, isError, type Value } from "./value";

/**
 * Evaluates compiled code for the frame's current line, period and members. Never throws on
 * user input: division by zero, a missing opening value, a period out of range or a value of the
 * wrong kind give an error value that starts here; an error read from elsewhere is returned as is.
 * Recursion follows the formula's nesting, which the parser caps; chains are folded in a loop.
 */
export function evaluate(code: Code, f: Frame): Value {
  switch (code.kind) {
    case "const":
      return code.value;
    case "ref":
      return readRef(code, f);
    case "neg": {
      const v = evaluate(code.arg, f);
      if (isError(v) || isBlank(v)) return v;
      return isDecimal(v) ? v.neg() : wrongKind(f, code.span, "a number", v);
    }
    case "not": {
      const v = evaluate(code.arg, f);
      if (isError(v) || isBlank(v)) return v;
      return typeof v === "boolean" ? !v : wrongKind(f, code.span, "a condition", v);
    }
    case "binary":
      return applyBinary(f, code.op, evaluate(code.left, f), evaluate(code.right, f), code.span);
    case "chain": {
      let acc = evaluate(code.terms[0] as Code, f);
      for (let i = 0; i < code.ops.length; i++) {
        if (isError(acc)) return acc;
        const op = code.ops[i] as BinaryOp;
        // `and`/`or` short-circuit, as the analyst would read them.
        if (op === "and" && acc === false) continue;
        if (op === "or" && acc === true) continue;
        acc = applyBinary(
          f,
          op,
          acc,
          evaluate(code.terms[i + 1] as Code, f),
          code.spans[i] as Span,
        );
      }
      return acc;
    }
    case "if": {
      const c = evaluate(code.cond, f);
      if (isError(c) || isBlank(c)) return c;
      if (typeof c !== "boolean") return wrongKind(f, code.span, "a condition", c);
      // Only the branch taken is evaluated: an error in the other one does not matter.
      return evaluate(c ? code.then : code.otherwise, f);
    }
    case "call":
      return callBuiltin(code, f);
    case "invalid":
      if (code.overBudget === true) return budgetFailure(f, code.span);
      return code.range !== undefined
        ? fail(f, "P4009", code.span, code.range)
        : fail(f, "P4008", code.span, { detail: code.message });
  }
}

/** Reads the cell a reference points at, applying its period offset and member. */
function readRef(code: Extract<Code, { kind: "ref" }>, f: Frame): Value {
  const target = f.model.lines[code.line];
  if (target === undefined) assert(false, `reference to unknown line ${code.line}`);
  let member = 0;
  if (code.member >= 0) member = code.member;
  else if (target.dim >= 0) {
    member = f.members[target.dim] as number;
    if (member < 0) {
      return fail(f, "P4008", code.span, {
        detail: `'${target.name}' has one value per member; pick one or aggregate it.`,
      });
    }
  }
  const P = f.periodCount;
  let t = f.period;
  if (code.mode === PeriodMode.relative) t += code.at;
  else if (code.mode === PeriodMode.absolute) t = code.at;
  if (t < 0) {
    if (t === -1 && target.opening !== undefined) {
      f.onRead?.(code.line, -1, member);
      return target.opening;
    }
    if (t === -1) return fail(f, "P4002", code.span, { name: target.name });
    return fail(f, "P4003", code.span, {
      what: `'${target.name}[${code.at}]'`,
      detail: "it reads before the first period.",
    });
  }
  if (t >= P) {
    return fail(f, "P4003", code.span, {
      what: `'${target.name}[+${code.at}]'`,
      detail: "it reads after the last period.",
    });
  }
  const cells = f.values[code.line];
  const value = cells?.[member * P + t];
  // The message is built only on failure: this is the hottest line of evaluation.
  if (value === undefined) assert(false, `'${target.name}' read before it was computed`);
  f.onRead?.(code.line, t, member);
  return value;
}

/** An error for a value of the wrong kind (the unit checker normally prevents this). */
export function wrongKind(f: Frame, span: Span, expected: string, found: Value): Value {
  return fail(f, "P4008", span, { detail: `expected ${expected}, found ${describeKind(found)}.` });
}

/** Applies an infix operator. Errors propagate, left operand first; then a blank gives blank. */
export function applyBinary(f: Frame, op: BinaryOp, a: Value, b: Value, span: Span): Value {
  if (isError(a)) return a;
  if (isError(b)) return b;
  if (isBlank(a)) return a;
  if (isBlank(b)) return b;
  switch (op) {
    case "and":
    case "or":
      if (typeof a !== "boolean") return wrongKind(f, span, "a condition", a);
      if (typeof b !== "boolean") return wrongKind(f, span, "a condition", b);
      return op === "and" ? a && b : a || b;
    case "=":
    case "<>":
    case "<":
    case "<=":
    case ">":
    case ">=":
      return compare(f, op, a, b, span);
    case "+":
    case "-":
    case "*":
    case "/":
    case "^":
      if (!isDecimal(a)) return wrongKind(f, span, "a number", a);
      if (!isDecimal(b)) return wrongKind(f, span, "a number", b);
      return arithmetic(f, op, a, b, span);
  }
}

function arithmetic(
  f: Frame,
  op: "+" | "-" | "*" | "/" | "^",
  a: Decimal,
  b: Decimal,
  span: Span,
): Value {
  let r: Decimal;
  switch (op) {
    case "+":
      r = a.plus(b);
      break;
    case "-":
      r = a.minus(b);
      break;
    case "*":
      r = a.times(b);
      break;
    case "/":
      if (b.isZero()) return fail(f, "P4001", span);
      r = a.div(b);
      break;
    case "^": {
      if (a.isZero() && b.isNegative()) return fail(f, "P4001", span);
      if (a.isNegative() && !b.isInteger()) {
        return fail(f, "P4003", span, {
          what: "The power",
          detail: "a negative number cannot be raised to a fractional power.",
        });
      }
      r = a.pow(b);
      break;
    }
  }
  return checkRange(f, r, span);
}

function compare(
  f: Frame,
  op: "=" | "<>" | "<" | "<=" | ">" | ">=",
  a: Value,
  b: Value,
  span: Span,
): Value {
  let c: number;
  if (isDecimal(a) && isDecimal(b)) c = a.cmp(b);
  else if (typeof a === "object" && typeof b === "object" && !isDecimal(a) && !isDecimal(b)) {
    // Two periods (errors were returned above).
    c = (a as { index: number }).index - (b as { index: number }).index;
  } else if (typeof a === typeof b && (op === "=" || op === "<>")) {
    c = a === b ? 0 : 1;
  } else {
    return fail(f, "P4008", span, {
      detail: `cannot compare ${describeKind(a)} with ${describeKind(b)}.`,
    });
  }
  switch (op) {
    case "=":
      return c === 0;
    case "<>":
      return c !== 0;
    case "<":
      return c < 0;
    case "<=":
      return c <= 0;
    case ">":
      return c > 0;
    case ">=":
      return c >= 0;
  }
}

import type { Span } from "../../base";
import type { BinaryOp, BinaryExpr, CheckedModel, Expr } from "../../lang";
import { EdgeKind } from "../graph";
import { parseDecimal } from "../num";
import { PeriodMode, type Code, type Over } from "./code";

/** A dependency found while compiling: line `line` is read in the way `kind`. */
export interface Read {
  readonly line: number;
  readonly kind: EdgeKind;
}

/**
 * How each argument of a built-in function reads the periods of what it is given. A loan's
 * advance is in the closing balance of its own period (so loan_closing reads the current period),
 * but interest, repayment and MRP start the period after (a lag).
 *
 * How each argument of a built-in function reads the periods of what it is given, relative to
 * the period being computed. Unlisted functions read the current period only.
 */
const argumentReads: Readonly<Record<string, (position: number) => EdgeKind>> = {
  prev: (i) => (i === 0 ? EdgeKind.lag : EdgeKind.same),
  npv: (i) => (i === 1 ? EdgeKind.whole : EdgeKind.same),
  irr: () => EdgeKind.whole,
  payback: () => EdgeKind.whole,
  first_period_where: () => EdgeKind.whole,
  loan_opening: (i) => (i === 0 ? EdgeKind.lag : EdgeKind.same),
  loan_interest: (i) => (i === 0 ? EdgeKind.lag : EdgeKind.same),
  loan_principal: (i) => (i === 0 ? EdgeKind.lag : EdgeKind.same),
  mrp: (i) => (i === 0 ? EdgeKind.lag : EdgeKind.same),
};

/** Composes "read in way `outer`" with "read in way `inner`" (a lag inside a lag is a lag). */
function compose(outer: EdgeKind, inner: EdgeKind): EdgeKind {
  if (outer === EdgeKind.whole || inner === EdgeKind.whole) return EdgeKind.whole;
  if (outer === EdgeKind.lag || inner === EdgeKind.lag) return EdgeKind.lag;
  return EdgeKind.same;
}

/** What the expression compiler needs to know about the model. */
export interface CompileScope {
  readonly checked: CheckedModel;
  /** Dimension name → index. */
  readonly dimIndex: ReadonlyMap<string, number>;
  /** Calendar year a period starts in → period index. */
  readonly periodIndex: ReadonlyMap<number, number>;
}

/**
 * Compiles one expression. Spans become relative to `base` (the declaration's start), and every
 * line item read is appended to `reads` with how it is read. Walks the left spine of operator
 * chains iteratively; other nesting is bounded by the parser's depth limit.
 */
export function compileExpr(
  expr: Expr,
  scope: CompileScope,
  base: number,
  reads: Read[],
  context: EdgeKind = EdgeKind.same,
): Code {
  const rel = (span: Span): Span => ({ from: span.from - base, to: span.to - base });
  const go = (e: Expr, ctx: EdgeKind): Code => compileExpr(e, scope, base, reads, ctx);
  switch (expr.kind) {
    case "number": {
      const value = parseDecimal(expr.value);
      return value === undefined
        ? { kind: "invalid", message: `'${expr.digits}' is not a number.`, span: rel(expr.span) }
        : { kind: "const", value };
    }
    case "string":
    case "boolean":
      return { kind: "const", value: expr.value };
    case "period": {
      const index = scope.periodIndex.get(expr.year);
      return index === undefined
        ? { kind: "invalid", message: "This period is outside the model.", span: rel(expr.span) }
        : { kind: "const", value: { kind: "period", index } };
    }
    case "ref": {
      const resolved = scope.checked.references.get(expr.id);
      if (resolved === undefined) {
        return {
          kind: "invalid",
          message: `'${expr.name.name}' is not defined.`,
          span: rel(expr.span),
        };
      }
      const line = resolved.item as number;
      const sel = resolved.period;
      let mode: PeriodMode = PeriodMode.current;
      let at = 0;
      let kind: EdgeKind = EdgeKind.same;
      if (sel.kind === "relative" && sel.offset !== 0) {
        mode = PeriodMode.relative;
        at = sel.offset;
        kind = sel.offset < 0 ? EdgeKind.lag : EdgeKind.whole;
      } else if (sel.kind === "absolute") {
        mode = PeriodMode.absolute;
        at = sel.index;
        kind = EdgeKind.whole;
      }
      reads.push({ line, kind: compose(context, kind) });
      return {
        kind: "ref",
        line,
        mode,
        at,
        member: resolved.member?.index ?? -1,
        span: rel(expr.span),
      };
    }
    case "unary": {
      const arg = go(expr.operand, context);
      if (expr.op === "+") return arg;
      return { kind: expr.op === "-" ? "neg" : "not", arg, span: rel(expr.span) };
    }
    case "binary":
      if (expr.op === "^") {
        return {
          kind: "binary",
          op: expr.op,
          left: go(expr.left, context),
          right: go(expr.right, context),
          span: rel(expr.span),
        };
      }
      return compileChain(expr, go, context, rel);
    case "conditional":
      return {
        kind: "if",
        cond: go(expr.condition, context),
        then: go(expr.then, context),
        otherwise: go(expr.otherwise, context),
        span: rel(expr.span),
      };
    case "call": {
      const fn = scope.checked.calls.get(expr.id) ?? expr.callee.name.toLowerCase();
      let over: Over | null = null;
      if (expr.over !== undefined) {
        const dim = expr.over.dimension;
        if (dim === undefined) over = { kind: "periods" };
        else {
          const index = scope.dimIndex.get(dim.name);
          if (index === undefined) {
            return {
              kind: "invalid",
              message: `Unknown dimension '${dim.name}'.`,
              span: rel(expr.span),
            };
          }
          over = { kind: "dimension", dim: index };
        }
      }
      const mode = argumentReads[fn];
      const args = expr.args.map((a, i) => {
        let kind: EdgeKind = mode === undefined ? EdgeKind.same : mode(i);
        if (over?.kind === "periods") kind = EdgeKind.whole;
        return go(a, compose(context, kind));
      });
      if (fn === "if" && args.length === 3) {
        const [cond, then, otherwise] = args as [Code, Code, Code];
        return { kind: "if", cond, then, otherwise, span: rel(expr.span) };
      }
      return { kind: "call", fn, args, over, span: rel(expr.span) };
    }
    case "paren":
      return go(expr.inner, context);
    case "error-expr":
      return { kind: "invalid", message: "This formula does not parse.", span: rel(expr.span) };
  }
}

/** Flattens a left-nested chain of left-associative operators into one `chain` node. */
function compileChain(
  top: BinaryExpr,
  go: (e: Expr, ctx: EdgeKind) => Code,
  context: EdgeKind,
  rel: (span: Span) => Span,
): Code {
  const ops: BinaryOp[] = [];
  const rights: Expr[] = [];
  const spans: Span[] = [];
  let node: Expr = top;
  while (node.kind === "binary" && node.op !== "^") {
    ops.push(node.op);
    rights.push(node.right);
    spans.push(rel(node.span));
    node = node.left;
  }
  ops.reverse();
  rights.reverse();
  spans.reverse();
  const terms = [go(node, context), ...rights.map((r) => go(r, context))];
  return { kind: "chain", terms, ops, spans };
}

import type { Span } from "../../base";
import type {
  BinaryOp,
  BinaryExpr,
  CallExpr,
  CheckedFunction,
  CheckedModel,
  Expr,
  NodeId,
  RefExpr,
} from "../../lang";
import { builtinFunctions } from "../../lang";
import { EdgeKind } from "../graph";
import { isInRange, parseDecimal } from "../num";
import { estimateSteps } from "./cost";
import { EvalLimits, rangeArgs } from "./limits";
import { PeriodMode, type Code, type Over } from "./code";
import { BLANK } from "./value";

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
  /** The user functions by name. */
  readonly functions?: ReadonlyMap<string, CheckedFunction>;
  /** The text of every user function: what a formula that calls one also depends on. */
  readonly functionsKey?: string;
}

/** True when `expr` calls a user function (of `functions`). Walks with a stack. */
export function callsUserFunction(
  expr: Expr,
  functions: ReadonlyMap<string, CheckedFunction> | undefined,
): boolean {
  if (functions === undefined || functions.size === 0) return false;
  const stack: Expr[] = [expr];
  for (let e = stack.pop(); e !== undefined; e = stack.pop()) {
    switch (e.kind) {
      case "call":
        if (functions.has(e.callee.name)) return true;
        stack.push(...e.args);
        break;
      case "unary":
        stack.push(e.operand);
        break;
      case "binary":
        stack.push(e.right, e.left);
        break;
      case "conditional":
        stack.push(e.otherwise, e.then, e.condition);
        break;
      case "paren":
        stack.push(e.inner);
        break;
      case "within":
        stack.push(e.tolerance, e.right, e.left);
        break;
      case "ref":
      case "number":
      case "blank":
      case "string":
      case "boolean":
      case "period":
      case "error-expr":
        break;
    }
  }
  return false;
}

/** What a formula's fingerprint adds for the user functions it calls: their text, or nothing. */
export function functionsPart(exprs: readonly Expr[], scope: CompileScope): string {
  return exprs.some((e) => callsUserFunction(e, scope.functions)) ? (scope.functionsKey ?? "") : "";
}

/** How deep calls of user functions may nest in one formula, counting through their bodies. */
export const maxFunctionNesting = 64;

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
  const code = new ExprCompiler(scope, base, reads).compile(expr, context);
  const checked = scope.checked;
  const steps = estimateSteps(
    code,
    checked.periods.length,
    checked.dimensions.map((d) => d.members.length),
  );
  if (steps <= EvalLimits.maxStepsPerCell) return code;
  // Too much work per cell: every cell is a P4010 error, found before any work is done.
  return {
    kind: "invalid",
    message: "This formula needs too many steps.",
    span: { from: expr.span.from - base, to: expr.span.to - base },
    overBudget: true,
  };
}

/** One compilation: holds what every node needs, so no closure is made per node. */
class ExprCompiler {
  /** Inside a user function's body: the compiled arguments, by parameter position. */
  private args: readonly Code[] = [];
  private params: ReadonlyMap<NodeId, number> | undefined;
  /** Inside a body: the span of the outermost call, which the body's code reports at. */
  private at: Span | undefined;
  private depth = 0;
  /** Nodes of bodies compiled so far. */
  private inlined = 0;

  constructor(
    private readonly scope: CompileScope,
    private readonly base: number,
    private readonly reads: Read[],
  ) {}

  private rel(span: Span): Span {
    return this.at ?? { from: span.from - this.base, to: span.to - this.base };
  }

  compile(expr: Expr, context: EdgeKind): Code {
    // Bodies inlined into bodies could grow without bound (f2 calls f1 twice, f3 calls f2 twice...).
    if (this.at !== undefined && ++this.inlined > EvalLimits.maxStepsPerCell) {
      return {
        kind: "invalid",
        message: "This formula needs too many steps.",
        span: this.at,
        overBudget: true,
      };
    }
    switch (expr.kind) {
      case "number": {
        const value = parseDecimal(expr.value);
        if (value === undefined) {
          return {
            kind: "invalid",
            message: `'${expr.digits}' is not a number.`,
            span: this.rel(expr.span),
          };
        }
        if (!isInRange(value)) {
          return {
            kind: "invalid",
            message: "This number is out of range.",
            span: this.rel(expr.span),
            range: rangeArgs("The number", value),
          };
        }
        return { kind: "const", value };
      }
      case "string":
      case "boolean":
        return { kind: "const", value: expr.value };
      case "blank":
        return { kind: "const", value: BLANK };
      case "within": {
        // a = b within t is abs(a - b) <= t.
        const span = this.rel(expr.span);
        const difference: Code = {
          kind: "chain",
          terms: [this.compile(expr.left, context), this.compile(expr.right, context)],
          ops: ["-"],
          spans: [span],
        };
        const gap: Code = { kind: "call", fn: "abs", args: [difference], over: null, span };
        return {
          kind: "chain",
          terms: [gap, this.compile(expr.tolerance, context)],
          ops: ["<="],
          spans: [span],
        };
      }
      case "period": {
        const index = this.scope.periodIndex.get(expr.year);
        return index === undefined
          ? {
              kind: "invalid",
              message: "This period is outside the model.",
              span: this.rel(expr.span),
            }
          : { kind: "const", value: { kind: "period", index } };
      }
      case "ref":
        return this.ref(expr, context);
      case "unary": {
        const arg = this.compile(expr.operand, context);
        if (expr.op === "+") return arg;
        return { kind: expr.op === "-" ? "neg" : "not", arg, span: this.rel(expr.span) };
      }
      case "binary":
        if (expr.op === "^") {
          return {
            kind: "binary",
            op: expr.op,
            left: this.compile(expr.left, context),
            right: this.compile(expr.right, context),
            span: this.rel(expr.span),
          };
        }
        return this.chain(expr, context);
      case "conditional":
        return {
          kind: "if",
          cond: this.compile(expr.condition, context),
          then: this.compile(expr.then, context),
          otherwise: this.compile(expr.otherwise, context),
          span: this.rel(expr.span),
        };
      case "call":
        return this.call(expr, context);
      case "paren":
        return this.compile(expr.inner, context);
      case "error-expr":
        return {
          kind: "invalid",
          message: "This formula does not parse.",
          span: this.rel(expr.span),
        };
    }
  }

  private ref(expr: RefExpr, context: EdgeKind): Code {
    const param = this.params?.get(expr.id);
    if (param !== undefined) {
      const arg = this.args[param];
      if (arg !== undefined) return arg;
    }
    const resolved = this.scope.checked.references.get(expr.id);
    if (resolved === undefined) {
      return {
        kind: "invalid",
        message: `'${expr.name.name}' is not defined.`,
        span: this.rel(expr.span),
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
    this.reads.push({ line, kind: compose(context, kind) });
    const member = resolved.member?.index ?? -1;
    return { kind: "ref", line, mode, at, member, span: this.rel(expr.span) };
  }

  /**
   * A call of a user function is its body with the compiled arguments in place of the parameters
   * (the body reads nothing else, and works on one period at a time, so the arguments' reads are
   * the call's). Code from the body reports errors at the call.
   */
  private userCall(expr: CallExpr, fn: CheckedFunction, context: EdgeKind): Code {
    if (fn.broken || this.depth >= maxFunctionNesting) {
      return {
        kind: "invalid",
        message: fn.broken
          ? `${fn.name} has an error in its definition.`
          : "This formula nests calls of functions too deep.",
        span: this.rel(expr.span),
        ...(fn.broken ? {} : { overBudget: true as const }),
      };
    }
    const args = expr.args.map((a) => this.compile(a, context));
    const saved = { args: this.args, params: this.params, at: this.at };
    this.at = this.rel(expr.span);
    this.args = args;
    this.params = fn.parameters;
    this.depth++;
    try {
      return this.compile(fn.decl.body, context);
    } finally {
      this.depth--;
      this.args = saved.args;
      this.params = saved.params;
      this.at = saved.at;
    }
  }

  private call(expr: CallExpr, context: EdgeKind): Code {
    const user = this.scope.functions?.get(expr.callee.name);
    if (user !== undefined) return this.userCall(expr, user, context);
    const fn = this.scope.checked.calls.get(expr.id) ?? expr.callee.name.toLowerCase();
    let over: Over | null = null;
    if (expr.over !== undefined) {
      const dim = expr.over.dimension;
      if (dim === undefined) over = { kind: "periods" };
      else {
        const index = this.scope.dimIndex.get(dim.name);
        if (index === undefined) {
          return {
            kind: "invalid",
            message: `Unknown dimension '${dim.name}'.`,
            span: this.rel(expr.span),
          };
        }
        over = { kind: "dimension", dim: index };
      }
      // The checker reports P2020; the evaluator would aggregate a function that cannot be.
      if (builtinFunctions.get(fn)?.over === "none") {
        return {
          kind: "invalid",
          message: `${fn} does not take 'over'.`,
          span: this.rel(expr.span),
        };
      }
    }
    // With `over`, the call is evaluated as an aggregate: each argument in the current period
    // (over a dimension) or in every period (over periods), whatever the function's own reads.
    const mode = over === null ? argumentReads[fn] : undefined;
    const args = new Array<Code>(expr.args.length);
    for (let i = 0; i < expr.args.length; i++) {
      let kind: EdgeKind = mode === undefined ? EdgeKind.same : mode(i);
      if (over?.kind === "periods") kind = EdgeKind.whole;
      args[i] = this.compile(expr.args[i] as Expr, compose(context, kind));
    }
    if (fn === "if" && args.length === 3) {
      const [cond, then, otherwise] = args as [Code, Code, Code];
      return { kind: "if", cond, then, otherwise, span: this.rel(expr.span) };
    }
    return { kind: "call", fn, args, over, span: this.rel(expr.span) };
  }

  /** Flattens a left-nested chain of left-associative operators into one `chain` node. */
  private chain(top: BinaryExpr, context: EdgeKind): Code {
    const ops: BinaryOp[] = [];
    const rights: Expr[] = [];
    const spans: Span[] = [];
    let node: Expr = top;
    while (node.kind === "binary" && node.op !== "^") {
      ops.push(node.op);
      rights.push(node.right);
      spans.push(this.rel(node.span));
      node = node.left;
    }
    ops.reverse();
    rights.reverse();
    spans.reverse();
    // Exact-size arrays: the code lives as long as the model, and pushed arrays keep spare room.
    const terms = new Array<Code>(rights.length + 1);
    terms[0] = this.compile(node, context);
    for (let i = 0; i < rights.length; i++) terms[i + 1] = this.compile(rights[i] as Expr, context);
    return { kind: "chain", terms, ops: ops.slice(), spans: spans.slice() };
  }
}

/**
 * Translates a Precept formula (its syntax tree, with the checker's resolved references) into a
 * spreadsheet formula for one cell. Only a whitelist is translated: arithmetic, comparisons,
 * `and`/`or`/`not`, `if`, `abs`, `round`, `min`/`max`/`sum` (element-wise, over a dimension or
 * over periods), `average`, `sumif`, `count` and `wavg` over a dimension or periods, `cumsum`
 * and `prev`, references with offsets and member or period selectors, and calls of the model's
 * own functions (the body's formula with the arguments' in place of the parameters). Anything else fails
 * with a reason, and the cell is written as a value (listed on the Notes sheet).
 *
 * P15: the formula text is built from numbers, operators, function names from this file and
 * cell addresses only. Text literals in a formula are never copied into it (such a cell becomes a
 * value); sheet names are quoted (`cells.ts`).
 */
import type { CallExpr, CheckedFunction, CheckedModel, Expr, NodeId, RefExpr } from "../lang";
import type { PlainValue } from "../engine";
import { rangeFrom, refFrom, type Address } from "./cells";

/** Where line items' cells are and what Precept computed there. */
export interface Grid {
  readonly periodCount: number;
  /** The line's dimension index, or -1. */
  dimOf(line: number): number;
  memberCount(line: number): number;
  /** The cell of `line`'s `member` in period `t` (-1: its opening value), if the export has one. */
  address(line: number, member: number, t: number): Address | undefined;
  /** Precept's value in that cell. */
  value(line: number, member: number, t: number): PlainValue | undefined;
  /** Members of dimension `dim`. */
  dimensionSize(dim: number): number;
  /** Dimension name to index. */
  dimIndex(name: string): number | undefined;
}

/** The cell being translated: its period, the member of each dimension (-1: none), its sheet. */
export interface CellContext {
  readonly t: number;
  readonly members: readonly number[];
  readonly sheet: string;
}

/** A translated formula (without the leading `=`), or the reason there is none. */
export type Translation =
  { readonly ok: true; readonly formula: string } | { readonly ok: false; readonly reason: string };

/** Spreadsheets refuse formulas longer than 8,192 characters; stay well below. */
export const maxFormulaLength = 8000;

/** Thrown inside the translator only, caught by `translateFormula`: the reason there is no formula. */
class Untranslatable extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

/** Translates `expr` for the cell `ctx`. Never throws. */
export function translateFormula(
  expr: Expr,
  checked: CheckedModel,
  grid: Grid,
  ctx: CellContext,
): Translation {
  try {
    const formula = new Translator(checked, grid).expr(expr, ctx);
    if (formula.length > maxFormulaLength)
      return { ok: false, reason: "the formula would be longer than a spreadsheet allows" };
    return { ok: true, formula };
  } catch (error) {
    if (error instanceof Untranslatable) return { ok: false, reason: error.reason };
    throw error;
  }
}

const plainDecimal = /^\d+(\.\d+)?$/;

/** Functions whose translation is the spreadsheet function of the same meaning. */
const elementwise: Readonly<Record<string, string>> = { min: "MIN", max: "MAX", sum: "SUM" };

class Translator {
  /** Inside a user function's body: the translated arguments, by the parameter references. */
  private params: ReadonlyMap<NodeId, number> | undefined;
  private args: readonly string[] = [];

  constructor(
    private readonly checked: CheckedModel,
    private readonly grid: Grid,
  ) {}

  /** A user function's call: its body with the arguments' formulas for the parameters. */
  private userCall(e: CallExpr, fn: CheckedFunction, ctx: CellContext): string {
    const args = e.args.map((a) => `(${this.expr(a, ctx)})`);
    if (args.some((a) => a.length > maxFormulaLength))
      throw new Untranslatable("the formula would be longer than a spreadsheet allows");
    const saved = { params: this.params, args: this.args };
    this.params = fn.parameters;
    this.args = args;
    try {
      const body = `(${this.expr(fn.decl.body, ctx)})`;
      if (body.length > maxFormulaLength)
        throw new Untranslatable("the formula would be longer than a spreadsheet allows");
      return body;
    } finally {
      this.params = saved.params;
      this.args = saved.args;
    }
  }

  expr(e: Expr, ctx: CellContext): string {
    switch (e.kind) {
      case "number":
        if (!plainDecimal.test(e.value)) throw new Untranslatable("a number in an unusual form");
        return e.value;
      case "boolean":
        return e.value ? "TRUE" : "FALSE";
      case "string":
        throw new Untranslatable("the formula uses text, which is never copied into a formula");
      case "period":
        throw new Untranslatable("the formula uses a period as a value");
      case "blank":
        throw new Untranslatable("the formula gives a blank");
      case "error-expr":
        throw new Untranslatable("the formula does not parse");
      case "paren":
        return `(${this.expr(e.inner, ctx)})`;
      case "ref": {
        const param = this.params?.get(e.id);
        return param === undefined ? this.ref(e, ctx) : (this.args[param] ?? "");
      }
      case "unary": {
        const arg = this.expr(e.operand, ctx);
        if (e.op === "+") return arg;
        return e.op === "-" ? `(-${arg})` : `NOT(${arg})`;
      }
      case "binary": {
        const l = this.expr(e.left, ctx);
        const r = this.expr(e.right, ctx);
        if (e.op === "and") return `AND(${l},${r})`;
        if (e.op === "or") return `OR(${l},${r})`;
        return `(${l}${e.op}${r})`;
      }
      case "within": {
        if (e.op !== "=") throw new Untranslatable("a tolerance on a comparison other than =");
        const l = this.expr(e.left, ctx);
        const r = this.expr(e.right, ctx);
        return `(ABS(${l}-${r})<=${this.expr(e.tolerance, ctx)})`;
      }
      case "conditional":
        return `IF(${this.expr(e.condition, ctx)},${this.expr(e.then, ctx)},${this.expr(e.otherwise, ctx)})`;
      case "call":
        return this.call(e, ctx);
    }
  }

  /** The cell a reference reads; the value there must be a number or a condition. */
  private ref(e: RefExpr, ctx: CellContext): string {
    const target = this.target(e, ctx);
    const address = this.grid.address(target.line, target.member, target.t);
    if (address === undefined) throw new Untranslatable("it reads a cell the export does not have");
    this.usable(this.grid.value(target.line, target.member, target.t), true);
    return refFrom(ctx.sheet, address);
  }

  /** The line, member and period a reference reads from the cell `ctx`. */
  private target(e: RefExpr, ctx: CellContext): { line: number; member: number; t: number } {
    const resolved = this.checked.references.get(e.id);
    if (resolved === undefined) throw new Untranslatable("a name that is not defined");
    const line = resolved.item as number;
    const dim = this.grid.dimOf(line);
    let member = 0;
    if (resolved.member !== undefined) member = resolved.member.index;
    else if (dim >= 0) member = ctx.members[dim] ?? -1;
    if (member < 0) throw new Untranslatable("it reads a line by a dimension without a member");
    const sel = resolved.period;
    const t =
      sel.kind === "current"
        ? ctx.t
        : sel.kind === "relative"
          ? ctx.t + sel.offset
          : (sel.index as number);
    if (t < -1 || t >= this.grid.periodCount)
      throw new Untranslatable("it reads outside the model's periods");
    return { line, member, t };
  }

  /** Refuses values a spreadsheet formula would read differently (a blank is 0 there). */
  private usable(v: PlainValue | undefined, blankMatters: boolean): void {
    if (v === undefined) throw new Untranslatable("it reads a cell with no value");
    switch (v.kind) {
      case "number":
      case "boolean":
        return;
      case "blank":
        if (blankMatters) throw new Untranslatable("it reads a blank cell (a spreadsheet reads 0)");
        return;
      case "error":
        throw new Untranslatable(`it reads a cell with an error (${v.code})`);
      case "text":
        throw new Untranslatable("it reads text");
      case "period":
        throw new Untranslatable("it reads a period value");
    }
  }

  private call(e: CallExpr, ctx: CellContext): string {
    const user = this.checked.functions.find((f) => f.name === e.callee.name);
    if (user !== undefined) return this.userCall(e, user, ctx);
    const fn = this.checked.calls.get(e.id) ?? e.callee.name.toLowerCase();
    if (e.over !== undefined) return this.aggregate(fn, e, ctx);
    const args = e.args;
    switch (fn) {
      case "if": {
        const [c, a, b] = args;
        if (c === undefined || a === undefined || b === undefined || args.length !== 3)
          throw new Untranslatable("if needs three arguments");
        return `IF(${this.expr(c, ctx)},${this.expr(a, ctx)},${this.expr(b, ctx)})`;
      }
      case "abs":
        return `ABS(${this.only(args, ctx)})`;
      case "min":
      case "max":
      case "sum":
        if (args.length === 0) throw new Untranslatable(`${fn} without arguments`);
        return `${elementwise[fn] ?? ""}(${args.map((a) => this.expr(a, ctx)).join(",")})`;
      case "round":
        return this.round(args, ctx);
      case "cumsum":
        return this.cumsum(args, ctx);
      case "prev": {
        const [x, fallback] = args;
        if (x === undefined || fallback === undefined || args.length !== 2)
          throw new Untranslatable("prev needs two arguments");
        return ctx.t === 0 ? this.expr(fallback, ctx) : this.expr(x, { ...ctx, t: ctx.t - 1 });
      }
      default:
        throw new Untranslatable(`${fn} has no spreadsheet formula in the export's whitelist`);
    }
  }

  private only(args: readonly Expr[], ctx: CellContext): string {
    const [x] = args;
    if (x === undefined || args.length !== 1)
      throw new Untranslatable("a call with extra arguments");
    return this.expr(x, ctx);
  }

  /** `round(x, step)`: ROUND to places when the step is a power of ten, else to multiples. */
  private round(args: readonly Expr[], ctx: CellContext): string {
    const [x, step] = args;
    if (x === undefined || step === undefined || args.length !== 2)
      throw new Untranslatable("round needs two arguments");
    const places = step.kind === "number" ? placesOf(step.value) : undefined;
    const value = this.expr(x, ctx);
    if (places !== undefined) return `ROUND(${value},${places})`;
    const s = this.expr(step, ctx);
    return `(ROUND(${value}/${s},0)*${s})`;
  }

  /** `cumsum(x)` of a line: the sum of its row from the first period to this one. */
  private cumsum(args: readonly Expr[], ctx: CellContext): string {
    const [x] = args;
    if (x?.kind !== "ref" || args.length !== 1)
      throw new Untranslatable("cumsum of something other than a line");
    const first = this.target(x, { ...ctx, t: 0 });
    const last = this.target(x, ctx);
    if (first.t !== 0 || last.t < 0) throw new Untranslatable("cumsum of a shifted line");
    return `SUM(${this.rowRange(first.line, first.member, 0, last.t, ctx)})`;
  }

  /** A line's cells in one row from period `t0` to `t1`, checked for what a SUM skips. */
  private rowRange(line: number, member: number, t0: number, t1: number, ctx: CellContext): string {
    const a = this.grid.address(line, member, t0);
    const b = this.grid.address(line, member, t1);
    if (a === undefined || b === undefined) throw new Untranslatable("a range the export lacks");
    for (let t = t0; t <= t1; t++) this.usable(this.grid.value(line, member, t), false);
    return rangeFrom(ctx.sheet, a, b);
  }

  /** `fn(args over d)` or `fn(args over periods)`. */
  private aggregate(fn: string, e: CallExpr, ctx: CellContext): string {
    const dimName = e.over?.dimension?.name;
    const dim = dimName === undefined ? -1 : this.grid.dimIndex(dimName);
    if (dim === undefined) throw new Untranslatable("an unknown dimension");
    const n = dim >= 0 ? this.grid.dimensionSize(dim) : this.grid.periodCount;
    const at = (i: number): CellContext => {
      if (dim < 0) return { ...ctx, t: i };
      const members = ctx.members.slice();
      members[dim] = i;
      return { ...ctx, members };
    };
    const [x, y] = e.args;
    if (x === undefined) throw new Untranslatable(`${fn} without arguments`);
    // sum, min and max of a line's cells: one range, whose blanks the spreadsheet skips too.
    const plain = elementwise[fn];
    if (plain !== undefined && e.args.length === 1 && x.kind === "ref") {
      const range = this.range(x, dim, n, ctx);
      if (range !== undefined) return `${plain}(${range})`;
    }
    const each = (f: (c: CellContext) => string): string[] =>
      Array.from({ length: n }, (_, i) => f(at(i)));
    switch (fn) {
      case "sum":
      case "min":
      case "max":
        if (e.args.length !== 1) break;
        return `${plain ?? ""}(${each((c) => this.expr(x, c)).join(",")})`;
      case "average":
        if (e.args.length !== 1) break;
        return `AVERAGE(${each((c) => this.expr(x, c)).join(",")})`;
      case "count":
        if (e.args.length !== 1) break;
        return `SUM(${each((c) => `IF(${this.expr(x, c)},1,0)`).join(",")})`;
      case "sumif":
        if (y === undefined || e.args.length !== 2) break;
        return `SUM(${each((c) => `IF(${this.expr(y, c)},${this.expr(x, c)},0)`).join(",")})`;
      case "wavg": {
        if (y === undefined || e.args.length !== 2) break;
        const products = each((c) => `${this.expr(x, c)}*${this.expr(y, c)}`);
        const weights = each((c) => this.expr(y, c));
        return `(SUM(${products.join(",")})/SUM(${weights.join(",")}))`;
      }
    }
    throw new Untranslatable(`${fn} over ${dimName ?? "periods"} is not in the export's whitelist`);
  }

  /**
   * The cells a plain reference aggregates as one range: every member of the line (over its own
   * dimension) in one period, or every period of one member (over periods); undefined when the
   * reference is not that shape.
   */
  private range(x: RefExpr, dim: number, n: number, ctx: CellContext): string | undefined {
    const resolved = this.checked.references.get(x.id);
    if (resolved === undefined || resolved.member !== undefined) return undefined;
    const line = resolved.item as number;
    if (dim >= 0) {
      if (this.grid.dimOf(line) !== dim || this.grid.memberCount(line) !== n) return undefined;
      const { t } = this.target(x, { ...ctx, members: withMember(ctx.members, dim, 0) });
      if (t < 0) return undefined;
      const a = this.grid.address(line, 0, t);
      const b = this.grid.address(line, n - 1, t);
      if (a === undefined || b === undefined) return undefined;
      for (let m = 0; m < n; m++) this.usable(this.grid.value(line, m, t), false);
      return rangeFrom(ctx.sheet, a, b);
    }
    if (resolved.period.kind !== "current") return undefined;
    const { member } = this.target(x, { ...ctx, t: 0 });
    return this.rowRange(line, member, 0, n - 1, ctx);
  }
}

function withMember(members: readonly number[], dim: number, m: number): number[] {
  const out = members.slice();
  out[dim] = m;
  return out;
}

/** The decimal places of a step that is a power of ten (0.01 → 2, 100000 → -5), else undefined. */
export function placesOf(step: string): number | undefined {
  const small = /^0\.(0*)1$/.exec(step);
  if (small !== null) return (small[1] ?? "").length + 1;
  const big = /^1(0*)$/.exec(step);
  if (big !== null) return 0 - (big[1] ?? "").length;
  return undefined;
}

/**
 * Resolves the references in an expression and infers its type and unit, in one walk. Writes the
 * side tables (reference, call and type by node id) and reports P2xxx and P3xxx diagnostics.
 * Recursion follows the AST, whose depth the parser bounds (Limits.maxNesting, maxOperations).
 */
import { periodIndex } from "../../base";
import type * as A from "../ast";
import { makeDiagnostic } from "../diagnostics";
import type { Diagnostic, DiagnosticCode, MessageArgs } from "../diagnostics";
import type { ResolvedRef, ValueType } from "../model";
import { didYouMean } from "../names";
import type { ItemInfo, SymbolTable } from "../resolve/symbols";
import { periodIndexOf, someColumnOf } from "../resolve/symbols";
import { periodLabel } from "../syntax/cst-to-ast";
import { dateUnit, dayUnit, isDateUnit } from "../dates";
import { builtinFunctions } from "./functions";
import { periodWiseFunctions } from "./user-functions";
import type { FunctionSig } from "./user-functions";
import {
  combineUnits,
  isPlain,
  moneyUnit,
  plainUnit,
  powerUnit,
  sameUnit,
  singular,
  unitText,
} from "./units";
import type { Unit } from "./units";

/** A type during checking; numbers carry a `Unit` rather than its text. */
export type Ty =
  | {
      readonly kind: "number";
      readonly unit: Unit;
      readonly percent: boolean;
      readonly dimension?: string;
      readonly aggregated?: readonly string[];
    }
  | {
      readonly kind: "boolean";
      readonly dimension?: string;
      readonly aggregated?: readonly string[];
    }
  | { readonly kind: "period" }
  | { readonly kind: "text" }
  | { readonly kind: "unknown" };

const unknownTy: Ty = { kind: "unknown" };

/** A count of years (`years` and `year` are one unit), which a loan's term may be given in. */
const yearUnit: Unit = { powers: new Map([["year", 1]]) };

/** Shared state of one model's check. */
export interface CheckState {
  readonly table: SymbolTable;
  readonly diagnostics: Diagnostic[];
  readonly references: Map<A.NodeId, ResolvedRef>;
  readonly calls: Map<A.NodeId, string>;
  readonly types: Map<A.NodeId, ValueType>;
  /** The unit of a line item: declared, or inferred from its formula (undefined while unknown). */
  readonly itemType: (item: ItemInfo) => Ty;
  /** In a function's body: reference node id → the position of the parameter it reads. */
  readonly parameters?: Map<A.NodeId, number>;
}

/**
 * The dimensions a value varies by. `dimension` is the one it keeps outside every aggregate (at
 * most one: a line is by one dimension); `aggregated` are the dimensions of the enclosing
 * aggregates (`sum(... over d)`) it also varies by, which those aggregates remove. So in a line
 * by `bucket`, `days >= lower` inside `sumif(..., ... over deposit)` is by `bucket` and, within
 * the aggregate, by `deposit`.
 */
interface Dims {
  readonly dimension?: string | undefined;
  readonly aggregated?: readonly string[] | undefined;
}

/** Where an expression sits: the rule's first period, and dimensions being aggregated over. */
export interface Scope {
  readonly firstPeriod: number;
  readonly item?: ItemInfo;
  /** The dimensions of the aggregates the expression is inside, outermost first. */
  readonly over?: readonly string[];
  /** In a function's body: its parameters by name, and the function's name. */
  readonly params?: ReadonlyMap<string, { readonly index: number; readonly ty: Ty }>;
  readonly fn?: string;
}

/** The text of a type for messages: "£", "%", "1", "true/false". */
export function tyText(t: Ty): string {
  switch (t.kind) {
    case "number":
      return t.percent && isPlain(t.unit)
        ? "%"
        : unitText(t.unit) === "1"
          ? "number"
          : unitText(t.unit);
    case "boolean":
      return "true/false";
    case "period":
      return "a period";
    case "text":
      return "text";
    case "unknown":
      return "unknown";
  }
}

/** The dimension recorded for a node: the one it keeps, else the first it is aggregated over. */
export function toValueType(t: Ty): ValueType {
  const dimension =
    t.kind === "number" || t.kind === "boolean" ? (dimOf(t) ?? t.aggregated?.[0]) : undefined;
  switch (t.kind) {
    case "number":
      return {
        kind: "number",
        unit: unitText(t.unit),
        percent: t.percent,
        ...(dimension === undefined ? {} : { dimension }),
      };
    case "boolean":
      return { kind: "boolean", ...(dimension === undefined ? {} : { dimension }) };
    case "period":
    case "text":
    case "unknown":
      return t;
  }
}

const dimOf = (t: Ty): string | undefined =>
  t.kind === "number" || t.kind === "boolean" ? t.dimension : undefined;

const noDimensions: readonly string[] = [];

const aggregatedOf = (t: Ty): readonly string[] =>
  (t.kind === "number" || t.kind === "boolean" ? t.aggregated : undefined) ?? noDimensions;

/** The aggregated dimensions of several operands, each once, in order of appearance. */
function unionAggregated(...ts: readonly Ty[]): readonly string[] | undefined {
  let out: string[] | undefined;
  for (const t of ts) {
    for (const d of aggregatedOf(t)) {
      out ??= [];
      if (!out.includes(d)) out.push(d);
    }
  }
  return out;
}

/**
 * The first line item by `dimension` that `e` reads without picking a member, outside any
 * aggregate over that dimension: the line a P2018 should name. Walks with a stack, not recursion.
 */
export function nameReadBy(state: CheckState, e: A.Expr, dimension: string): string | undefined {
  const stack: A.Expr[] = [e];
  for (let x = stack.pop(); x !== undefined; x = stack.pop()) {
    switch (x.kind) {
      case "ref": {
        const item = state.table.itemsByName.get(x.name.name);
        const picked = state.references.get(x.id)?.member !== undefined;
        if (item?.dimension?.name === dimension && !picked) return item.name;
        break;
      }
      case "call":
        // An aggregate over the dimension removes it; round_to_total keeps it.
        if (x.over?.dimension?.name !== dimension || x.callee.name === "round_to_total")
          stack.push(...[...x.args].reverse());
        break;
      case "paren":
        stack.push(x.inner);
        break;
      case "unary":
        stack.push(x.operand);
        break;
      case "binary":
        stack.push(x.right, x.left);
        break;
      case "within":
        stack.push(x.tolerance, x.right, x.left);
        break;
      case "conditional":
        stack.push(x.otherwise, x.then, x.condition);
        break;
      case "number":
      case "blank":
      case "boolean":
      case "error-expr":
      case "period":
      case "string":
        break;
    }
  }
  return undefined;
}

/** Checks one expression and returns its type. */
export function checkExpr(state: CheckState, e: A.Expr, scope: Scope): Ty {
  const t = infer(state, e, scope);
  state.types.set(e.id, toValueType(t));
  return t;
}

function report(
  state: CheckState,
  code: DiagnosticCode,
  e: { span: A.NodeBase["span"] },
  args: MessageArgs = {},
): void {
  state.diagnostics.push(makeDiagnostic(code, e.span, args));
}

/**
 * Merges the dimensions of two operands, reporting a mismatch. Dimensions being aggregated over
 * combine with anything (the aggregate goes through their members); two others must agree.
 */
function mergeDims(state: CheckState, e: A.Expr, a: Ty, b: Ty): Dims {
  const da = dimOf(a);
  const db = dimOf(b);
  if (da !== undefined && db !== undefined && da !== db) {
    report(state, "P3006", e, { left: da, right: db });
  }
  return { dimension: da ?? db, aggregated: unionAggregated(a, b) };
}

function withDim(t: Ty, dimension: string | undefined): Ty {
  if (dimension === undefined || (t.kind !== "number" && t.kind !== "boolean")) return t;
  return { ...t, dimension };
}

function withDims(t: Ty, dims: Dims): Ty {
  const out = withDim(t, dims.dimension);
  if (dims.aggregated === undefined || (out.kind !== "number" && out.kind !== "boolean")) {
    return out;
  }
  return { ...out, aggregated: dims.aggregated };
}

/** A number or condition without any dimension. */
function withoutDims(t: Ty): Ty {
  if (t.kind === "number") return { kind: "number", unit: t.unit, percent: t.percent };
  if (t.kind === "boolean") return { kind: "boolean" };
  return t;
}

function expectNumber(state: CheckState, e: A.Expr, t: Ty): t is Extract<Ty, { kind: "number" }> {
  if (t.kind === "number") return true;
  if (t.kind !== "unknown") report(state, "P3005", e, { found: tyText(t) });
  return false;
}

function expectBoolean(state: CheckState, e: A.Expr, t: Ty): void {
  if (t.kind !== "boolean" && t.kind !== "unknown") report(state, "P3004", e, { found: tyText(t) });
}

/** True for a plain number literal without a unit (`0.5`, `-3`, `(2)`): it may take a count unit. */
export function isPlainLiteral(e: A.Expr): boolean {
  if (e.kind === "number") return e.form === "plain" && e.count === undefined;
  if (e.kind === "unary" && e.op !== "not") return isPlainLiteral(e.operand);
  if (e.kind === "paren") return isPlainLiteral(e.inner);
  return false;
}

/** True for a unit made only of counts (`properties`, `FTE/year`): it has no £ and no scale. */
export function isCountUnit(u: Unit): boolean {
  return !isPlain(u) && !u.powers.has("£");
}

/**
 * Whether a value of type `t` written as `e` may stand for a value in `unit`: the same unit, or a
 * plain literal against a count unit (grammar/units.md, "Count literals").
 */
export function fitsUnit(e: A.Expr, t: Ty, unit: Unit): boolean {
  if (t.kind !== "number") return true;
  if (sameUnit(t.unit, unit)) return true;
  if (isMoneyLiteral(e) && isMoneyPerCount(unit)) return true;
  return isPlainLiteral(e) && isCountUnit(unit);
}

/** True for a £ literal (`£1,468.84`, `-£5`), which may stand for £ per count in a comparison. */
function isMoneyLiteral(e: A.Expr): boolean {
  if (e.kind === "number") return e.form === "money";
  if (e.kind === "unary" && e.op !== "not") return isMoneyLiteral(e.operand);
  if (e.kind === "paren") return isMoneyLiteral(e.inner);
  return false;
}

/** True for £ per count (`£ per property`, `£ per FTE per year`). */
export function isMoneyPerCount(u: Unit): boolean {
  if (u.powers.get("£") !== 1) return false;
  return isCountUnit({ powers: new Map([...u.powers].filter(([n]) => n !== "£")) });
}

/** The unit of a count literal `0.5 properties` (singular count), or a plain number for `number`. */
function countUnit(state: CheckState, e: A.NumberLit): Unit {
  const count = e.count;
  if (count === undefined) return plainUnit;
  const name = count.name;
  const what = state.table.itemsByName.has(name)
    ? "line item"
    : state.table.dimensions.has(name)
      ? "dimension"
      : undefined;
  if (what !== undefined) {
    report(state, "P3014", e, { text: `${e.digits} ${name}`, name, what, number: e.digits });
  }
  if (name === "number") return plainUnit;
  return { powers: new Map([[singular(name), 1]]) };
}

function infer(state: CheckState, e: A.Expr, scope: Scope): Ty {
  switch (e.kind) {
    case "number":
      return {
        kind: "number",
        unit: e.form === "money" ? moneyUnit : e.form === "date" ? dateUnit : countUnit(state, e),
        percent: e.form === "percent",
      };
    case "blank":
      // A blank fits any unit: it is no value at all (docs/semantics.md, "Blank cells").
      return unknownTy;
    case "within":
      return inferWithin(state, e, scope);
    case "string":
      return { kind: "text" };
    case "boolean":
      return { kind: "boolean" };
    case "period":
      if (periodIndexOf(state.table, e.year) === undefined && state.table.years.length > 0) {
        reportPeriod(state, e);
      }
      return { kind: "period" };
    case "error-expr":
      return unknownTy;
    case "paren": {
      if (e.inner.kind === "number" && e.inner.form !== "percent") {
        report(state, "P3010", e, { text: e.inner.digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",") });
      }
      return checkExpr(state, e.inner, scope);
    }
    case "unary": {
      const t = checkExpr(state, e.operand, scope);
      if (e.op === "not") {
        expectBoolean(state, e.operand, t);
        return withDims(
          { kind: "boolean" },
          { dimension: dimOf(t), aggregated: unionAggregated(t) },
        );
      }
      if (!expectNumber(state, e.operand, t)) return unknownTy;
      if (isDateUnit(t.unit)) {
        report(state, "P3020", e, { what: "make a date negative" });
        return unknownTy;
      }
      return t;
    }
    case "binary":
      return inferBinary(state, e, scope);
    case "conditional": {
      const c = checkExpr(state, e.condition, scope);
      expectBoolean(state, e.condition, c);
      const a = checkExpr(state, e.then, scope);
      const b = checkExpr(state, e.otherwise, scope);
      const found = [dimOf(c), dimOf(a), dimOf(b)].filter((d): d is string => d !== undefined);
      const dim = found[0];
      const other = found.find((d) => d !== dim);
      if (dim !== undefined && other !== undefined)
        report(state, "P3006", e, { left: dim, right: other });
      const dims = { dimension: dim, aggregated: unionAggregated(c, a, b) };
      if (a.kind === "number" && b.kind === "number") {
        if (!sameUnit(a.unit, b.unit)) {
          report(state, "P3011", e, { left: tyText(a), right: tyText(b) });
          return unknownTy;
        }
        return withDims({ ...a, percent: a.percent && b.percent }, dims);
      }
      if (a.kind === "unknown") return b;
      if (b.kind !== "unknown" && a.kind !== b.kind) {
        report(state, "P3011", e, { left: tyText(a), right: tyText(b) });
        return unknownTy;
      }
      return withDims(a, dims);
    }
    case "ref":
      return inferRef(state, e, scope);
    case "call":
      return inferCall(state, e, scope);
  }
}

function reportPeriod(state: CheckState, p: A.PeriodLit): void {
  const { labels } = state.table;
  report(state, "P2004", p, {
    period: periodLabel(p.year),
    first: labels[0] ?? "",
    last: labels[labels.length - 1] ?? "",
  });
}

/**
 * Checks a binary expression. A chain such as `a + b + c + …` nests down its left side as deep as
 * it is long (up to Limits.maxOperations), so the left spine is walked in a loop rather than by
 * recursion, which overflowed the stack at about 1,900 terms. Types are recorded and problems
 * reported in the same order as a recursive walk would.
 */
function inferBinary(state: CheckState, e: A.BinaryExpr, scope: Scope): Ty {
  const spine: A.BinaryExpr[] = [e];
  let leaf: A.Expr = e.left;
  while (leaf.kind === "binary") {
    spine.push(leaf);
    leaf = leaf.left;
  }
  let left = checkExpr(state, leaf, scope);
  for (let i = spine.length - 1; i >= 0; i--) {
    const node = spine[i] as A.BinaryExpr;
    left = combineBinary(state, node, left, checkExpr(state, node.right, scope));
    // The outermost node's type is recorded by its caller, checkExpr.
    if (i > 0) state.types.set(node.id, toValueType(left));
  }
  return left;
}

/** The type of `e` given the types of its operands, reporting what does not fit. */
function combineBinary(state: CheckState, e: A.BinaryExpr, a: Ty, b: Ty): Ty {
  const dim = mergeDims(state, e, a, b);
  switch (e.op) {
    case "and":
    case "or":
      expectBoolean(state, e.left, a);
      expectBoolean(state, e.right, b);
      return withDims({ kind: "boolean" }, dim);
    case "=":
    case "<>":
    case "<":
    case "<=":
    case ">":
    case ">=": {
      if (
        a.kind === "number" &&
        b.kind === "number" &&
        !fitsUnit(e.left, a, b.unit) &&
        !fitsUnit(e.right, b, a.unit)
      ) {
        report(state, "P3001", e, { verb: "compare", left: tyText(a), right: tyText(b) });
      } else if (a.kind !== b.kind && a.kind !== "unknown" && b.kind !== "unknown") {
        report(state, "P3001", e, { verb: "compare", left: tyText(a), right: tyText(b) });
      } else if (e.op !== "=" && e.op !== "<>" && (a.kind === "text" || b.kind === "text")) {
        // Text is equal or not; it has no order.
        report(state, "P3005", a.kind === "text" ? e.left : e.right, { found: "text" });
      }
      return withDims({ kind: "boolean" }, dim);
    }
    case "+":
    case "-": {
      if (!expectNumber(state, e.left, a) || !expectNumber(state, e.right, b)) return unknownTy;
      if (isDateUnit(a.unit) || isDateUnit(b.unit)) return dateSum(state, e, a, b, dim);
      if (!sameUnit(a.unit, b.unit)) {
        report(state, "P3001", e, {
          verb: e.op === "+" ? "add" : "subtract",
          left: tyText(a),
          right: tyText(b),
        });
        return unknownTy;
      }
      return withDims({ kind: "number", unit: a.unit, percent: a.percent && b.percent }, dim);
    }
    case "*":
    case "/": {
      if (!expectNumber(state, e.left, a) || !expectNumber(state, e.right, b)) return unknownTy;
      if (isDateUnit(a.unit) || isDateUnit(b.unit)) {
        report(state, "P3020", e, { what: `${e.op === "*" ? "multiply" : "divide"} a date` });
        return unknownTy;
      }
      const unit = combineUnits(a.unit, b.unit, e.op === "*" ? 1 : -1);
      return withDims({ kind: "number", unit, percent: false }, dim);
    }
    case "^": {
      if (!expectNumber(state, e.left, a) || !expectNumber(state, e.right, b)) return unknownTy;
      if (isDateUnit(a.unit) || isDateUnit(b.unit)) {
        report(state, "P3020", e, { what: "raise a date to a power" });
        return unknownTy;
      }
      if (!isPlain(b.unit)) {
        report(state, "P3007", e.right, { unit: tyText(b) });
        return unknownTy;
      }
      if (isPlain(a.unit))
        return withDims({ kind: "number", unit: plainUnit, percent: false }, dim);
      const n = e.right.kind === "number" ? Number(e.right.value) : Number.NaN;
      if (!Number.isInteger(n)) {
        report(state, "P3008", e.left, {
          position: 1,
          function: "^",
          expected: "a plain number (or a whole power)",
          found: tyText(a),
        });
        return unknownTy;
      }
      return withDims({ kind: "number", unit: powerUnit(a.unit, n), percent: false }, dim);
    }
  }
}

/**
 * `a + b` or `a - b` where one side is a date: a date minus a date is a count of days; a date
 * plus or minus days (a line in days, `30 days`, or a plain literal) is a date, as is days plus a
 * date. Adding two dates, or a date and anything else, is refused.
 */
function dateSum(
  state: CheckState,
  e: A.BinaryExpr,
  a: Extract<Ty, { kind: "number" }>,
  b: Extract<Ty, { kind: "number" }>,
  dim: Dims,
): Ty {
  const days = (side: A.Expr, t: Extract<Ty, { kind: "number" }>): boolean =>
    sameUnit(t.unit, dayUnit) || (isPlainLiteral(side) && isPlain(t.unit));
  const date: Ty = { kind: "number", unit: dateUnit, percent: false };
  if (isDateUnit(a.unit) && isDateUnit(b.unit)) {
    if (e.op === "-") return withDims({ kind: "number", unit: dayUnit, percent: false }, dim);
    report(state, "P3020", e, { what: "add two dates" });
    return unknownTy;
  }
  if (isDateUnit(a.unit) && days(e.right, b)) return withDims(date, dim);
  if (isDateUnit(b.unit) && e.op === "+" && days(e.left, a)) return withDims(date, dim);
  const other = isDateUnit(a.unit) ? b : a;
  report(state, "P3020", e, {
    what:
      e.op === "-" && isDateUnit(b.unit) && !isDateUnit(a.unit)
        ? `subtract a date from '${tyText(a)}'`
        : `${e.op === "+" ? "add" : "subtract"} '${tyText(other)}' ${e.op === "+" ? "to" : "from"} a date (only days)`,
  });
  return unknownTy;
}

/**
 * `a = b within t`: a condition. The sides compare like `=`; the tolerance is in their unit, or a
 * money literal for values in £ per count, or a plain literal for counts (grammar/units.md).
 */
function inferWithin(state: CheckState, e: A.WithinExpr, scope: Scope): Ty {
  const a = checkExpr(state, e.left, scope);
  const b = checkExpr(state, e.right, scope);
  const tol = checkExpr(state, e.tolerance, scope);
  const dim = mergeDims(state, e, a, b);
  if (e.op !== "=") report(state, "P3015", e, { op: e.op });
  if (
    a.kind === "number" &&
    b.kind === "number" &&
    !fitsUnit(e.left, a, b.unit) &&
    !fitsUnit(e.right, b, a.unit)
  ) {
    report(state, "P3001", e, { verb: "compare", left: tyText(a), right: tyText(b) });
  } else if (a.kind === "number" && b.kind === "number") {
    const compared = isPlainLiteral(e.left) || isMoneyLiteral(e.left) ? b.unit : a.unit;
    checkTolerance(state, e.tolerance, tol, compared);
  } else if (a.kind !== "unknown" && a.kind !== "number") expectNumber(state, e.left, a);
  return withDims({ kind: "boolean" }, dim);
}

/** Reports P3009 unless a tolerance of type `tol` fits values compared in `unit`. */
export function checkTolerance(state: CheckState, e: A.Expr, tol: Ty, unit: Unit): void {
  if (tol.kind !== "number") {
    if (tol.kind !== "unknown") report(state, "P3005", e, { found: tyText(tol) });
    return;
  }
  if (fitsUnit(e, tol, unit)) return;
  const text = unitText(unit);
  report(state, "P3009", e, { tolerance: tyText(tol), unit: text === "1" ? "number" : text });
}

/** A name in a function's body: one of its parameters, nothing else (P2040, P2041). */
function inferParam(
  state: CheckState,
  e: A.RefExpr,
  params: NonNullable<Scope["params"]>,
  fn: string,
): Ty {
  const name = e.name.name;
  const param = params.get(name);
  if (param === undefined) {
    report(state, "P2040", e.name, { name, function: fn });
    return unknownTy;
  }
  const first = e.selectors[0];
  if (first !== undefined) report(state, "P2041", first, { name, function: fn });
  state.parameters?.set(e.id, param.index);
  return param.ty;
}

function inferRef(state: CheckState, e: A.RefExpr, scope: Scope): Ty {
  if (scope.params !== undefined) return inferParam(state, e, scope.params, scope.fn ?? "");
  const name = e.name.name;
  const item = state.table.itemsByName.get(name);
  if (item === undefined) {
    const other =
      state.table.otherNames.get(name) ??
      (state.table.dimensions.has(name) ? "dimension" : undefined);
    if (other === "record")
      report(state, "P2024", e.name, { name, column: someColumnOf(state.table, name) });
    else if (other !== undefined) report(state, "P2021", e.name, { name, what: other });
    else {
      const names = [...state.table.itemsByName.keys()];
      report(state, "P2001", e.name, { name, suggestion: didYouMean(name, names) });
    }
    return unknownTy;
  }
  let period: ResolvedRef["period"] = { kind: "current" };
  let member: ResolvedRef["member"];
  for (const s of e.selectors) {
    if (s.kind === "offset") {
      period = { kind: "relative", offset: s.offset };
      checkOpening(state, e, item, s.offset, scope);
    } else if (s.kind === "at-period") {
      const index = periodIndexOf(state.table, s.period.year);
      if (index === undefined) {
        if (state.table.years.length > 0) reportPeriod(state, s.period);
      } else period = { kind: "absolute", index: periodIndex(index) };
    } else {
      const dim = item.dimension;
      if (dim === undefined) {
        report(state, "P2016", s.member, { name, member: s.member.name });
        continue;
      }
      const index = dim.memberIndex.get(s.member.name);
      if (index === undefined) {
        report(state, "P2003", s.member, {
          member: s.member.name,
          dimension: dim.name,
          suggestion: didYouMean(s.member.name, dim.memberIndex.keys()),
        });
        continue;
      }
      member = { index, name: s.member.name };
    }
  }
  state.references.set(e.id, {
    item: item.id,
    period,
    ...(member === undefined ? {} : { member }),
  });
  const t = state.itemType(item);
  if (member !== undefined || item.dimension === undefined) return t;
  const dimName = item.dimension.name;
  if (scope.over?.includes(dimName) === true) return withDims(t, { aggregated: [dimName] });
  return withDim(t, dimName);
}

/** `x[-k]` in a rule starting at period `firstPeriod` needs `k - firstPeriod` periods before the model. */
function checkOpening(
  state: CheckState,
  e: A.RefExpr,
  item: ItemInfo,
  offset: number,
  scope: Scope,
): void {
  if (offset >= 0 || scope.firstPeriod + offset >= 0) return;
  const hasOpening = item.decl.kind === "calc" && item.decl.opening !== undefined;
  if (hasOpening && scope.firstPeriod + offset === -1) return;
  report(state, "P2005", e, {
    name: item.name,
    offset,
    period: state.table.labels[scope.firstPeriod] ?? "the first period",
  });
}

/** The functions that take a date: comparing ones and those made for dates. */
const datesTakenBy: ReadonlySet<string> = new Set([
  "min",
  "max",
  "prev",
  "lookup",
  "add_months",
  "financial_year",
]);

function argTypes(state: CheckState, e: A.CallExpr, scope: Scope): Ty[] {
  return e.args.map((a) => checkExpr(state, a, scope));
}

function inferCall(state: CheckState, e: A.CallExpr, scope: Scope): Ty {
  const name = e.callee.name;
  const sig = builtinFunctions.get(name);
  if (sig === undefined) {
    const user = state.table.functions.get(name);
    if (user !== undefined) return inferUserCall(state, e, scope, user);
    report(state, "P2007", e.callee, {
      name,
      suggestion: didYouMean(name, [...builtinFunctions.keys(), ...state.table.functions.keys()]),
    });
    argTypes(state, e, scope);
    return unknownTy;
  }
  if (scope.params !== undefined && (e.over !== undefined || periodWiseFunctions.has(name))) {
    report(state, "P2042", e, {
      what: e.over === undefined ? `${name}(...)` : `${name}(... over ...)`,
    });
  }
  state.calls.set(e.id, name);
  // Inside `over d` the arguments may also vary by d, whatever the line is by.
  const overName = sig.over === "none" ? undefined : e.over?.dimension?.name;
  const inner =
    overName !== undefined && state.table.dimensions.has(overName)
      ? { ...scope, over: [...(scope.over ?? []), overName] }
      : scope;
  const args = argTypes(state, e, inner);
  if (args.length < sig.minArgs || args.length > sig.maxArgs) {
    const expected =
      sig.minArgs === sig.maxArgs
        ? `${sig.minArgs} argument${sig.minArgs === 1 ? "" : "s"} (${sig.params})`
        : sig.params;
    report(state, "P2019", e, { function: name, expected, found: args.length });
    return unknownTy;
  }
  // `over`
  let overDim: string | undefined;
  if (e.over !== undefined) {
    if (sig.over === "none") report(state, "P2020", e.over);
    else if (e.over.dimension !== undefined) {
      const d = e.over.dimension.name;
      if (!state.table.dimensions.has(d)) {
        report(state, "P2006", e.over.dimension, {
          name: d,
          suggestion: didYouMean(d, state.table.dimensions.keys()),
        });
      } else overDim = d;
    }
  } else if (sig.over === "required") {
    report(state, "P2019", e, { function: name, expected: sig.params, found: "no 'over'" });
  }
  const aggregated = e.over !== undefined;
  // Arguments aggregated over a dimension lose it; others keep theirs.
  const strip = (t: Ty): Ty => {
    if (!aggregated || overDim === undefined) return t;
    const through = aggregatedOf(t);
    if (!through.includes(overDim)) {
      const d = dimOf(t) ?? through[0];
      if (d !== undefined) report(state, "P3006", e, { left: d, right: overDim });
      return withoutDims(t);
    }
    const rest = through.filter((d) => d !== overDim);
    return withDims(withoutDims(t), {
      dimension: dimOf(t),
      aggregated: rest.length === 0 ? undefined : rest,
    });
  };
  const a = args.map(strip);
  const first = a[0] ?? unknownTy;
  const dims: Dims = {
    dimension: a.map(dimOf).find((d) => d !== undefined),
    aggregated: unionAggregated(...a),
  };
  const num = (i: number, expected = "a number"): Extract<Ty, { kind: "number" }> | undefined => {
    const t = a[i] ?? unknownTy;
    if (t.kind === "number") return t;
    if (t.kind !== "unknown") {
      report(state, "P3008", e.args[i] ?? e, {
        position: i + 1,
        function: name,
        expected,
        found: tyText(t),
      });
    }
    return undefined;
  };
  const plain = (i: number, expected: string): void => {
    const t = num(i, expected);
    if (t !== undefined && !isPlain(t.unit)) {
      report(state, "P3008", e.args[i] ?? e, {
        position: i + 1,
        function: name,
        expected,
        found: tyText(t),
      });
    }
  };
  // A term: a plain number, or a count of years (`input term (years) = 30`).
  const years = (i: number): void => {
    const expected = "a number of years (plain, or in years)";
    const t = num(i, expected);
    if (t !== undefined && !isPlain(t.unit) && !sameUnit(t.unit, yearUnit)) {
      report(state, "P3008", e.args[i] ?? e, {
        position: i + 1,
        function: name,
        expected,
        found: tyText(t),
      });
    }
  };
  const bool = (i: number): void => {
    const t = a[i] ?? unknownTy;
    if (t.kind !== "boolean" && t.kind !== "unknown") {
      report(state, "P3008", e.args[i] ?? e, {
        position: i + 1,
        function: name,
        expected: "a condition",
        found: tyText(t),
      });
    }
  };
  const text = (i: number, allowed: readonly string[]): void => {
    const arg = e.args[i];
    const t = a[i] ?? unknownTy;
    if (t.kind !== "text" && t.kind !== "unknown") {
      report(state, "P3008", arg ?? e, {
        position: i + 1,
        function: name,
        expected: `one of "${allowed.join('", "')}"`,
        found: tyText(t),
      });
    } else if (arg?.kind === "string" && !allowed.includes(arg.value)) {
      report(state, "P3008", arg, {
        position: i + 1,
        function: name,
        expected: `one of "${allowed.join('", "')}"`,
        found: `"${arg.value}"`,
      });
    }
  };
  const sameAsFirst = (i: number): void => {
    const t = num(i);
    if (t !== undefined && first.kind === "number" && !sameUnit(t.unit, first.unit)) {
      report(state, "P3008", e.args[i] ?? e, {
        position: i + 1,
        function: name,
        expected: `'${tyText(first)}' like argument 1`,
        found: tyText(t),
      });
    }
  };
  const keep = (t: Ty | undefined): Ty => (t === undefined ? unknownTy : withDims(t, dims));
  const numberOf = (unit: Unit, percent = false): Ty => keep({ kind: "number", unit, percent });
  const isDate = (t: Ty | undefined): boolean => t?.kind === "number" && isDateUnit(t.unit);
  const date = (i: number): void => {
    const t = a[i] ?? unknownTy;
    if (t.kind !== "unknown" && !isDate(t)) {
      report(state, "P3008", e.args[i] ?? e, {
        position: i + 1,
        function: name,
        expected: "a date",
        found: tyText(t),
      });
    }
  };
  // Dates are compared and moved, not added up: only these functions take one.
  if (!datesTakenBy.has(name)) {
    const i = a.findIndex(isDate);
    if (i >= 0) {
      report(state, "P3020", e.args[i] ?? e, { what: `use a date in ${name}` });
      return unknownTy;
    }
  }
  switch (name) {
    case "add_months":
      date(0);
      plain(1, "a whole number of months");
      return numberOf(dateUnit);
    case "financial_year":
      date(0);
      return { kind: "period" };
    case "period_start":
    case "period_end":
      return { kind: "number", unit: dateUnit, percent: false };
    case "sum":
    case "average":
    case "cumsum":
    case "abs":
      return keep(num(0));
    case "min":
    case "max": {
      const t = num(0);
      for (let i = 1; i < a.length; i++) sameAsFirst(i);
      return keep(t);
    }
    case "wavg":
      num(1);
      if (a.length > 2) bool(2);
      return keep(num(0));
    case "sumif":
      bool(1);
      return keep(num(0));
    case "count":
      bool(0);
      return numberOf(plainUnit);
    case "match":
      bool(0);
      return numberOf(plainUnit);
    case "round_to_total": {
      // Not an aggregate: one value per member of the dimension it rounds over.
      if (overDim === undefined) {
        if (e.over?.dimension === undefined)
          report(state, "P2019", e, {
            function: name,
            expected: "x, step over d (a dimension, not periods)",
            found: "'over periods'",
          });
        return unknownTy;
      }
      sameAsFirst(1);
      const x = num(0);
      return x === undefined
        ? unknownTy
        : withDims(
            { kind: "number", unit: x.unit, percent: x.percent },
            { dimension: overDim, aggregated: dims.aggregated },
          );
    }
    case "lookup": {
      // Any kind of value: a rate, a date, a counterparty's name; a default of the same kind.
      bool(1);
      const x = a[0] ?? unknownTy;
      const fallback = a[2];
      if (fallback !== undefined && x.kind !== "unknown" && fallback.kind !== "unknown") {
        const same =
          x.kind === fallback.kind &&
          (x.kind !== "number" || (fallback.kind === "number" && sameUnit(x.unit, fallback.unit)));
        if (!same)
          report(state, "P3008", e.args[2] ?? e, {
            position: 3,
            function: name,
            expected: `'${tyText(x)}' like argument 1`,
            found: tyText(fallback),
          });
      }
      return keep(x.kind === "unknown" ? undefined : x);
    }
    case "prev":
      sameAsFirst(1);
      return keep(num(0));
    case "round":
    case "floor":
    case "ceil":
    case "trunc": {
      // A step in £ rounds the money part of a value in £ per count: round(band_d, £0.01).
      // floor, ceil and trunc may leave the step out: a whole number of x's unit.
      if (a.length < 2) return keep(num(0));
      const step = a[1];
      const x = a[0];
      const perCount =
        step?.kind === "number" &&
        x?.kind === "number" &&
        sameUnit(step.unit, moneyUnit) &&
        isMoneyPerCount(x.unit);
      if (!perCount) sameAsFirst(1);
      return keep(num(0));
    }
    case "roundsig":
      plain(1, "a whole number of significant figures");
      return keep(num(0));
    case "mod":
      sameAsFirst(1);
      return keep(num(0));
    case "first_period":
    case "last_period":
      return { kind: "period" };
    case "period_index":
      return { kind: "number", unit: plainUnit, percent: false };
    case "first_period_where":
      bool(0);
      return { kind: "period" };
    case "discount_factor":
      plain(0, "a rate such as 3.5%");
      return numberOf(plainUnit);
    case "npv":
      plain(0, "a rate such as 3.5%");
      return { kind: "number", unit: num(1)?.unit ?? moneyUnit, percent: false };
    case "irr":
      num(0);
      return { kind: "number", unit: plainUnit, percent: true };
    case "payback":
      num(0);
      return { kind: "number", unit: plainUnit, percent: false };
    case "pmt":
      plain(0, "a rate such as 4.5%");
      years(1);
      return keep(num(2));
    case "loan_opening":
    case "loan_interest":
    case "loan_principal":
    case "loan_closing":
      plain(1, "a rate such as 4.5%");
      years(2);
      text(3, ["annuity", "eip", "maturity"]);
      return keep(num(0));
    case "mrp":
      years(1);
      text(2, ["straight_line", "annuity", "reducing_balance"]);
      if (a.length > 3) plain(3, "a rate such as 4.5%");
      return keep(num(0));
    default:
      return unknownTy;
  }
}

/**
 * A call of a user function: as many arguments as parameters, each in its parameter's unit (a
 * plain literal fits a count, as in a comparison), the result in the function's unit and by the
 * arguments' dimension.
 */
function inferUserCall(state: CheckState, e: A.CallExpr, scope: Scope, fn: FunctionSig): Ty {
  const name = fn.name;
  state.calls.set(e.id, name);
  if (e.over !== undefined) report(state, "P2020", e.over);
  const args = argTypes(state, e, scope);
  if (args.length !== fn.params.length) {
    const n = fn.params.length;
    const expected = `${n} argument${n === 1 ? "" : "s"} (${fn.params.map((p) => p.name).join(", ")})`;
    report(state, "P2019", e, { function: name, expected, found: args.length });
    return unknownTy;
  }
  args.forEach((t, i) => {
    const param = fn.params[i] as (typeof fn.params)[number];
    const want = param.ty;
    if (want.kind === "unknown" || t.kind === "unknown") return;
    const fits =
      want.kind === "number"
        ? t.kind === "number" && fitsUnit(e.args[i] as A.Expr, t, want.unit)
        : t.kind === want.kind;
    if (!fits) {
      report(state, "P3008", e.args[i] ?? e, {
        position: i + 1,
        function: name,
        expected: `in '${tyText(want)}' (the parameter '${param.name}')`,
        found: tyText(t),
      });
    }
  });
  // Inside a loop of functions, P2043 on each name says it all.
  const inLoop = fn.cyclic && state.table.functions.get(scope.fn ?? "")?.cyclic === true;
  if (fn.broken && !inLoop) report(state, "P2044", e.callee, { function: name });
  const found = args.map(dimOf).filter((d): d is string => d !== undefined);
  const dimension = found[0];
  const other = found.find((d) => d !== dimension);
  if (dimension !== undefined && other !== undefined)
    report(state, "P3006", e, { left: dimension, right: other });
  return withDims(fn.result, { dimension, aggregated: unionAggregated(...args) });
}

import { blankText, formatMessage, textOfValue } from "../lang";
import type {
  DiagnosticCode,
  CheckedCheck,
  CheckedLineItem,
  CheckedModel,
  Expr,
  InputValues,
  ValueType,
} from "../lang";
import type { DependencyGraph, EvaluationPlan } from "./graph";
import { buildStructure, patchStructure, updateFlags } from "./graph/patch";
import { isInRange, parseDecimal } from "./num";
import type { Code } from "./eval/code";
import { periodDependentFunctions, wholeSeriesFunctions } from "./eval/period-reads";
import { compileExpr, functionsPart, type CompileScope, type Read } from "./eval/compile-expr";
import { rangeCheckedOpening, rangeErrorAt } from "./eval/limits";
import { BLANK, isError, makeError, type ErrorValue, type Value } from "./eval/value";
import type { EngineCheck, EngineLine, EngineModel, EngineRule } from "./model";
import {
  lineSource,
  sameDecl,
  sameSource,
  type CompileCache,
  type CompiledParts,
  type LineSource,
} from "./compile-cache";

/** A model compiled for one scenario, with its dependency graph and evaluation plan. */
export interface CompiledModel {
  readonly model: EngineModel;
  readonly graph: DependencyGraph;
  readonly plan: EvaluationPlan;
}

/**
 * Compiles a checked model for evaluation under `scenario` (null: the base case; an unknown name
 * is treated as the base case). Scenario overrides replace input values before compiling, so a
 * scenario switch looks to recompute like an edit of the overridden inputs. With `cache` (kept
 * from the previous compile of the same scenario), unchanged line items are not compiled again.
 */
export function compileModel(
  checked: CheckedModel,
  scenario: string | null,
  cache?: CompileCache,
): CompiledModel {
  const dimIndex = new Map(checked.dimensions.map((d, i) => [d.name, i]));
  const periodIndex = new Map(checked.periodYears.map((y, i) => [y, i]));
  const functions = new Map(checked.functions.map((f) => [f.name, f]));
  // A formula that calls a function depends on its text: an edit of one recompiles them all.
  const functionsKey = checked.functions
    .map((f) => checked.text.slice(f.decl.span.from, f.decl.span.to))
    .join("\u0000");
  const scope: CompileScope = { checked, dimIndex, periodIndex, functions, functionsKey };
  const chosen = checked.scenarios.find((s) => s.name === scenario);
  const overrides = new Map<number, InputValues>();
  for (const o of chosen?.overrides ?? []) overrides.set(o.item, o.values);

  const shapeKey = JSON.stringify([
    checked.periods,
    checked.dimensions.map((d) => [d.name, d.members.map((m) => m.name)]),
    functionsKey,
  ]);
  const previous = cache?.begin(shapeKey);
  const items = checked.lineItems;
  const n = items.length;
  const names = new Array<string>(n);
  const sources = new Array<LineSource | undefined>(n);
  const parts = new Array<CompiledParts>(n);
  const dims = new Int32Array(n);
  const oldIds = new Int32Array(n).fill(-1);
  const decls = new Array<object>(n);
  // Same line names in the same order: line ids are unchanged, so the graph can be patched.
  let sameIds = previous !== undefined && previous.names.length === n;
  let sameDims = sameIds;
  // The same checked item object at the same id has the same name and dimension (by the same
  // dimensions: the shape is unchanged), so the loops below compare it without reading it.
  const oldItems = previous?.items;
  for (let id = 0; id < n; id++) {
    const item = items[id] as CheckedLineItem;
    if (previous !== undefined && oldItems?.[id] === item) {
      names[id] = previous.names[id] as string;
      dims[id] = previous.dims[id] as number;
      decls[id] = previous.decls[id] as object;
      oldIds[id] = id;
      continue;
    }
    names[id] = item.name;
    decls[id] = item.decl;
    const dim = item.dimension === undefined ? -1 : (dimIndex.get(item.dimension) ?? -1);
    dims[id] = dim;
    let oldId = -1;
    if (previous !== undefined) {
      oldId = previous.names[id] === item.name ? id : (previous.lineByName.get(item.name) ?? -1);
      if (oldId !== id) sameIds = false;
      if (previous.dims[id] !== dim) sameDims = false;
    }
    oldIds[id] = oldId;
  }
  const diagnoses = diagnosesOf(checked);
  const diagnosisKeys = new Array<string | undefined>(n);
  const overridden = new Uint8Array(n);
  for (const id of overrides.keys()) if (id >= 0 && id < n) overridden[id] = 1;
  for (let id = 0; id < n; id++) {
    const item = items[id] as CheckedLineItem;
    const oldId = oldIds[id] as number;
    const diagnosis = diagnoses[id];
    const diagnosisKey = keyOf(diagnosis);
    // The same declaration tree (perhaps moved: its spans below are relative, so its parts hold
    // none that moved), with the same names at the same ids by the same dimensions and the same
    // periods: its references resolve as before, so its parts are the previous ones.
    if (
      previous !== undefined &&
      sameIds &&
      sameDims &&
      overridden[id] === 0 &&
      previous.overridden[id] === 0 &&
      previous.diagnosisKeys[id] === diagnosisKey &&
      (oldItems?.[id] === item || sameDecl(previous.decls[id] as object, item.decl))
    ) {
      sources[id] = previous.sources[id];
      diagnosisKeys[id] = diagnosisKey;
      parts[id] = previous.parts[id] as CompiledParts;
      continue;
    }
    const dim = dims[id] as number;
    const override = overrides.get(id);
    const source =
      cache === undefined ? undefined : lineSource(item, checked, dim, override, diagnosisKey);
    sources[id] = source;
    diagnosisKeys[id] = source?.diagnosis;
    const oldSource = oldId < 0 ? undefined : previous?.sources[oldId];
    const oldParts = oldId < 0 ? undefined : previous?.parts[oldId];
    parts[id] =
      source !== undefined &&
      oldSource !== undefined &&
      oldParts !== undefined &&
      sameSource(oldSource, source)
        ? oldParts
        : compileParts(item, scope, dim, override, oldParts, diagnosis);
  }
  const reads = new Array<readonly Read[]>(n);
  for (let id = 0; id < n; id++) {
    const p = parts[id] as CompiledParts;
    reads[id] = previous?.parts[id] === p ? (previous.reads[id] as readonly Read[]) : p.reads;
  }
  const structure =
    previous !== undefined && sameIds
      ? patchStructure(previous.structure, previous.reads, reads)
      : buildStructure(reads);
  const { graph, plan } = structure;

  // A line is scalar when its one formula reads no period; decided in evaluation order.
  const scalarOf = (id: number, flags: Uint8Array): number => {
    const p = parts[id] as CompiledParts;
    // A line in error shows its error in every period, whatever shape it would have had.
    if (p.diagnosed === true) return 0;
    if ((items[id] as CheckedLineItem).kind === "input") return p.scalarInput ? 1 : 0;
    if (plan.steps[plan.stepOf[id] as number]?.kind !== "line") return 0;
    const only = p.rules.length === 1 && p.ruleOf.every((r) => r === 0) ? p.rules[0] : undefined;
    return only !== undefined && isInvariant(only.code, flags) ? 1 : 0;
  };
  let scalar: Uint8Array;
  if (previous !== undefined && sameIds && plan === previous.structure.plan) {
    scalar = previous.scalar.slice();
    const seeds: number[] = [];
    for (let id = 0; id < n; id++) if (parts[id] !== previous.parts[id]) seeds.push(id);
    updateFlags(structure, scalar, seeds, (id) => scalarOf(id, scalar));
  } else {
    scalar = new Uint8Array(n);
    for (const step of plan.steps)
      if (step.kind === "line") scalar[step.node] = scalarOf(step.node, scalar);
  }
  // A scalar's value lives in its period cells: a model without periods has no cells, so no scalars.
  const hasCells = checked.periods.length > 0;
  const lines = new Array<EngineLine>(n);
  for (let id = 0; id < n; id++) {
    const item = items[id] as CheckedLineItem;
    const p = parts[id] as CompiledParts;
    // Every field of the line follows from the item, its parts and its scalar flag (and the
    // shape, which is unchanged while there is a previous compile).
    if (
      previous !== undefined &&
      oldItems?.[id] === item &&
      previous.parts[id] === p &&
      previous.scalar[id] === scalar[id]
    ) {
      lines[id] = previous.lines[id] as EngineLine;
      continue;
    }
    const oldId = oldIds[id] as number;
    const old = oldId < 0 ? undefined : previous?.lines[oldId];
    const dim = dims[id] as number;
    const isScalar = hasCells && scalar[id] === 1;
    lines[id] =
      old !== undefined && isSameLine(old, item, id, dim, memberCountOf(scope, dim), p, isScalar)
        ? old
        : engineLine(item, id, scope, dim, p, isScalar);
  }
  const lineByName =
    previous !== undefined && sameIds
      ? previous.lineByName
      : new Map(lines.map((l) => [l.name, l.id]));
  cache?.finish({
    shapeKey,
    names,
    items,
    dims,
    decls,
    overridden,
    sources,
    diagnosisKeys,
    parts,
    reads,
    lines,
    lineByName,
    structure,
    scalar,
  });
  const checks = checked.checks.map((c) => compileCheck(c, scope, lines));
  const model: EngineModel = {
    title: checked.title,
    periods: checked.periods,
    dimensions: checked.dimensions.map((d) => ({
      name: d.name,
      label: d.label,
      members: d.members,
    })),
    lines,
    lineByName,
    checks,
    scenarios: checked.scenarios.map((s) => ({ name: s.name, label: s.label })),
    scenario: chosen === undefined ? null : chosen.name,
    shapeKey,
  };
  return { model, graph, plan };
}

function memberCountOf(scope: CompileScope, dim: number): number {
  return dim >= 0 ? (scope.checked.dimensions[dim]?.members.length ?? 1) : 1;
}

/** Whether `old` has every field `engineLine` would give the item now (so it can be reused). */
function isSameLine(
  old: EngineLine,
  item: CheckedLineItem,
  id: number,
  dim: number,
  memberCount: number,
  parts: CompiledParts,
  scalar: boolean,
): boolean {
  return (
    old.id === id &&
    old.name === item.name &&
    old.label === item.label &&
    old.section === item.section &&
    old.kind === item.kind &&
    old.unit === item.unit.display &&
    old.decimals === item.decimals &&
    old.dim === dim &&
    old.memberCount === memberCount &&
    old.source === item.source &&
    old.span.from === item.span.from &&
    old.span.to === item.span.to &&
    old.inputs === parts.inputs &&
    old.rules === parts.rules &&
    old.ruleOf === parts.ruleOf &&
    old.opening === parts.opening &&
    old.scalar === scalar &&
    old.fingerprint === parts.fingerprint
  );
}

/** A line item compiled: its checked fields around the (possibly cached) compiled parts. */
function engineLine(
  item: CheckedLineItem,
  id: number,
  scope: CompileScope,
  dim: number,
  parts: CompiledParts,
  scalar: boolean,
): EngineLine {
  return {
    id,
    name: item.name,
    label: item.label,
    section: item.section,
    kind: item.kind,
    unit: item.unit.display,
    decimals: item.decimals,
    dim,
    memberCount: memberCountOf(scope, dim),
    source: item.source,
    span: item.span,
    inputs: parts.inputs,
    rules: parts.rules,
    ruleOf: parts.ruleOf,
    opening: parts.opening,
    scalar,
    fingerprint: parts.fingerprint,
  };
}

/** The first error diagnostic inside a line item's declaration (its span relative to it). */
interface Diagnosis {
  readonly code: DiagnosticCode;
  readonly message: string;
  readonly from: number;
  readonly to: number;
}

function keyOf(d: Diagnosis | undefined): string {
  return d === undefined ? "" : `${d.code}\u0000${d.message}\u0000${d.from}\u0000${d.to}`;
}

/**
 * Each line item's first error diagnostic, by id. A line the checker found wrong (a unit error,
 * a formula that does not parse) is not evaluated: its numbers would not mean what it says.
 */
function diagnosesOf(checked: CheckedModel): (Diagnosis | undefined)[] {
  const items = checked.lineItems;
  const out = new Array<Diagnosis | undefined>(items.length);
  const errors = checked.diagnostics.filter((d) => d.severity === "error");
  if (errors.length === 0) return out;
  const order = items.map((_, id) => id).sort((a, b) => spanOf(a).from - spanOf(b).from);
  function spanOf(id: number): { from: number; to: number } {
    return (items[id] as CheckedLineItem).decl.span;
  }
  for (const d of errors) {
    // The last declaration starting at or before the diagnostic; it holds it if it reaches it.
    let lo = 0;
    let hi = order.length - 1;
    let at = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (spanOf(order[mid] as number).from <= d.span.from) {
        at = order[mid] as number;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (at < 0 || out[at] !== undefined) continue;
    const span = spanOf(at);
    // A diagnostic at the very end of a declaration (a formula cut off) belongs to it.
    if (d.span.from > span.to) continue;
    out[at] = {
      code: d.code,
      message: d.message,
      from: d.span.from - span.from,
      to: Math.min(d.span.to, span.to) - span.from,
    };
  }
  return out;
}

/** Compiles what a line item computes: its input cells, or its rules and what they read. */
function compileParts(
  item: CheckedLineItem,
  scope: CompileScope,
  dim: number,
  override: InputValues | undefined,
  previous: CompiledParts | undefined,
  diagnosis: Diagnosis | undefined,
): CompiledParts {
  const parts = compileOwnParts(item, scope, dim, override, previous);
  if (diagnosis === undefined) return parts;
  // Every cell is the diagnostic's error; the line still reads what its text names, so that
  // lineage and "used by" show it and the lines reading it take the same error.
  const error = makeError(diagnosis.code, diagnosis.message, {
    item: item.name,
    period: -1,
    member: -1,
    from: diagnosis.from,
    to: diagnosis.to,
  });
  const P = scope.checked.periods.length;
  const code: Code = { kind: "const", value: error };
  const text = scope.checked.text.slice(item.decl.span.from, item.decl.span.to);
  return {
    ...parts,
    inputs: parts.inputs.map(() => error),
    rules: item.kind === "input" ? [] : [{ code, text, exception: false }],
    ruleOf: item.kind === "input" ? [] : new Array<number>(P).fill(0),
    opening: parts.opening === undefined ? undefined : error,
    fingerprint: `${parts.fingerprint}\u0000${keyOf(diagnosis)}`,
    scalarInput: false,
    diagnosed: true,
  };
}

/** Compiles a line item as its text says, whatever the checker found. */
function compileOwnParts(
  item: CheckedLineItem,
  scope: CompileScope,
  dim: number,
  override: InputValues | undefined,
  previous?: CompiledParts,
): CompiledParts {
  const checked = scope.checked;
  const P = checked.periods.length;
  const memberCount = memberCountOf(scope, dim);
  const base = item.decl.span.from;
  const declText = checked.text.slice(item.decl.span.from, item.decl.span.to);
  const def = item.definition;
  if (def.kind === "input") {
    const values = override ?? def.values;
    return {
      inputs: inputCells(item, values, checked.periods, memberCount, previous),
      rules: [],
      ruleOf: [],
      opening: undefined,
      // The cells follow from the text, the shape and a scenario's replacement values.
      fingerprint: `${declText}\u0000${override === undefined ? "" : JSON.stringify(override)}`,
      scalarInput: values.kind === "scalar" || values.kind === "members",
      reads: [],
      values,
    };
  }
  const reads: Read[] = [];
  const rules: EngineRule[] = [];
  const ruleOf = new Array<number>(P).fill(-1);
  for (const rule of def.rules) {
    const code = compileExpr(rule.expr, scope, 0, reads);
    const index = rules.length;
    rules.push({ code, text: exprText(checked.text, base, rule.expr), exception: rule.exception });
    for (let t = rule.from as number; t <= (rule.to as number) && t < P; t++) {
      if (t >= 0 && ruleOf[t] === -1) ruleOf[t] = index;
    }
  }
  let opening: Value | undefined;
  if (def.opening !== undefined) {
    opening =
      parseDecimal(def.opening) ??
      makeError(
        "P4008",
        formatMessage("P4008", { period: "the opening", detail: "not a number." }),
        {
          item: item.name,
          period: -1,
          member: -1,
          from: 0,
          to: 0,
        },
      );
    opening = rangeCheckedOpening(opening, item.name);
  }
  // Names, not ids, of what the formulas read: ids shift when lines are added above.
  let targets = "";
  for (const r of reads) targets += `${checked.lineItems[r.line]?.name ?? "?"},`;
  return {
    inputs: [],
    rules: rules.slice(),
    ruleOf,
    opening,
    fingerprint: `${declText}\u0000${def.opening ?? ""}\u0000${targets}\u0000${functionsPart(
      def.rules.map((r) => r.expr),
      scope,
    )}`,
    scalarInput: false,
    reads: reads.slice(),
  };
}

/** An expression's text; its span is relative to its declaration's start, `base` (seam.md). */
function exprText(text: string, base: number, expr: Expr): string {
  return text.slice(base + expr.span.from, base + expr.span.to);
}

/**
 * An input's cells; a period without a value is an error value (P2012). With the parts compiled
 * for the same line before, a cell whose text is unchanged keeps its parsed value, so an edit of
 * one cell of a table parses one cell.
 */
function inputCells(
  item: CheckedLineItem,
  values: InputValues,
  periods: readonly string[],
  members: number,
  previous?: CompiledParts,
): Value[] {
  const P = periods.length;
  const cells = new Array<Value>(members * P);
  const missing = (t: number, m: number): ErrorValue =>
    makeError("P2012", formatMessage("P2012", { name: item.name, period: periods[t] ?? "" }), {
      item: item.name,
      period: t,
      member: m < 0 || members === 1 ? -1 : m,
      from: 0,
      to: item.decl.span.to - item.decl.span.from,
    });
  const parse = (text: string | null | undefined, t: number, m: number): Value => {
    if (text === blankText) return BLANK;
    const words = text === null || text === undefined ? undefined : textOfValue(text);
    if (words !== undefined) return words;
    const n = text === null || text === undefined ? undefined : parseDecimal(text);
    if (n === undefined) return missing(t, m);
    return isInRange(n) ? n : rangeErrorAt(n, missing(t, m).origin, periods[t] ?? "");
  };
  if (values.kind === "scalar") {
    // One Decimal shared by every cell.
    const value = parse(values.value, 0, -1);
    return isError(value)
      ? Array.from({ length: members * P }, (_, i) => parse(null, i % P, Math.floor(i / P)))
      : new Array<Value>(members * P).fill(value);
  }
  const before = previous?.values;
  const old =
    before?.kind === values.kind && previous?.inputs.length === cells.length ? before : undefined;
  for (let m = 0; m < members; m++) {
    for (let t = 0; t < P; t++) {
      const text = cellText(values, members, m, t);
      const i = m * P + t;
      const kept = old === undefined ? undefined : (previous?.inputs[i] as Value);
      cells[i] =
        kept !== undefined && !isError(kept) && cellText(old as InputValues, members, m, t) === text
          ? kept
          : parse(text, t, m);
    }
  }
  return cells;
}

/** The text of one cell of a series, table or per-member input. */
function cellText(
  values: InputValues,
  members: number,
  m: number,
  t: number,
): string | null | undefined {
  switch (values.kind) {
    case "scalar":
      return values.value;
    case "series":
      return values.values[t];
    case "members":
      return values.values[members === 1 ? 0 : m];
    case "table":
      return values.rows[members === 1 ? 0 : m]?.[t];
  }
}

/** Whether code gives the same value in every period, given which lines are scalar. */
export function isInvariant(code: Code, scalar: Uint8Array): boolean {
  switch (code.kind) {
    case "const":
    case "invalid":
      return true;
    case "ref":
      return code.mode === 2 || (code.mode === 0 && scalar[code.line] === 1);
    case "neg":
    case "not":
      return isInvariant(code.arg, scalar);
    case "binary":
      return isInvariant(code.left, scalar) && isInvariant(code.right, scalar);
    case "chain":
      return code.terms.every((t) => isInvariant(t, scalar));
    case "if":
      return [code.cond, code.then, code.otherwise].every((c) => isInvariant(c, scalar));
    case "call":
      if (code.over?.kind === "periods" || wholeSeriesFunctions.has(code.fn)) return true;
      if (periodDependentFunctions.has(code.fn)) return false;
      if (code.fn === "npv") return code.args[0] === undefined || isInvariant(code.args[0], scalar);
      return code.args.every((a) => isInvariant(a, scalar));
  }
}

function compileCheck(
  c: CheckedCheck,
  scope: CompileScope,
  lines: readonly EngineLine[],
): EngineCheck {
  const base = c.decl.span.from;
  const reads: Read[] = [];
  const text = scope.checked.text;
  const typeOf = (e: Expr): ValueType | undefined => scope.checked.types.get(e.id);
  let test: EngineCheck["test"];
  let dimName: string | undefined;
  let unit = "";
  if (c.test.kind === "condition") {
    test = {
      kind: "condition",
      expr: compileExpr(c.test.expr, scope, 0, reads),
      text: exprText(text, base, c.test.expr),
    };
    dimName = dimensionOf(typeOf(c.test.expr));
    let e = c.test.expr;
    while (e.kind === "paren") e = e.inner;
    if (e.kind === "binary" && ["=", "<>", "<", "<=", ">", ">="].includes(e.op)) {
      unit = displayUnit(e.left, typeOf(e.left), scope, lines);
      if (unit === "") unit = displayUnit(e.right, typeOf(e.right), scope, lines);
    }
  } else {
    const { left, right, tolerance } = c.test;
    test = {
      kind: "approx",
      left: compileExpr(left, scope, 0, reads),
      right: compileExpr(right, scope, 0, reads),
      tolerance: compileExpr(tolerance, scope, 0, reads),
      leftText: exprText(text, base, left),
      rightText: exprText(text, base, right),
    };
    dimName = dimensionOf(typeOf(left)) ?? dimensionOf(typeOf(right));
    unit = displayUnit(left, typeOf(left), scope, lines);
    if (unit === "") unit = displayUnit(right, typeOf(right), scope, lines);
  }
  const dim = dimName === undefined ? -1 : (scope.dimIndex.get(dimName) ?? -1);
  const names = reads.map((r) => lines[r.line]?.name ?? "?").join(",");
  return {
    name: c.name,
    label: c.label,
    known: c.known,
    span: c.span,
    test,
    from: c.periods?.from ?? 0,
    to: c.periods?.to ?? scope.checked.periods.length - 1,
    dim,
    unit,
    reads: [...new Set(reads.map((r) => r.line))],
    fingerprint: `${text.slice(c.decl.span.from, c.decl.span.to)}\u0000${names}\u0000${dim}\u0000${functionsPart(
      c.test.kind === "condition" ? [c.test.expr] : [c.test.left, c.test.right, c.test.tolerance],
      scope,
    )}`,
  };
}

function dimensionOf(type: ValueType | undefined): string | undefined {
  if (type === undefined) return undefined;
  return type.kind === "number" || type.kind === "boolean" ? type.dimension : undefined;
}

/** The unit to show a compared value in: the line's own when it is a plain reference. */
function displayUnit(
  expr: Expr,
  type: ValueType | undefined,
  scope: CompileScope,
  lines: readonly EngineLine[],
): string {
  let e = expr;
  while (e.kind === "paren") e = e.inner;
  if (e.kind === "ref") {
    const r = scope.checked.references.get(e.id);
    const line = r === undefined ? undefined : lines[r.item as number];
    if (line !== undefined) return line.unit;
  }
  if (type?.kind !== "number") return "";
  if (type.percent) return "%";
  return type.unit === "£" ? "£" : type.unit === "1" ? "" : type.unit;
}

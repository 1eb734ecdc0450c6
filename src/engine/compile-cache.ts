import type { CheckedLineItem, CheckedModel, Expr, InputValues } from "../lang";
import type { Read } from "./eval/compile-expr";
import type { EngineLine, EngineRule } from "./model";
import type { Value } from "./eval/value";
import type { PatchedStructure } from "./graph/patch";

/** What compiling one line item produced, apart from the fields copied from the checked item. */
export interface CompiledParts {
  readonly inputs: readonly Value[];
  readonly rules: readonly EngineRule[];
  readonly ruleOf: readonly number[];
  readonly opening: Value | undefined;
  readonly fingerprint: string;
  readonly scalarInput: boolean;
  readonly reads: readonly Read[];
  /** Set when the checker found an error in the line item, so every cell is that error. */
  readonly diagnosed?: true;
  /** An input's values as compiled, so that an edit of a few cells re-parses only those. */
  readonly values?: InputValues;
}

/** Everything a line item's compiled parts depend on (see {@link CompileCache}). */
export interface LineSource {
  readonly declText: string;
  readonly dim: number;
  /** A scenario's replacement input values as JSON, or "" (the declaration's own values). */
  readonly values: string;
  /** Per rule: from, to, exception; then per reference: line, period kind, offset, member. */
  readonly shape: readonly number[];
  /** The error diagnostic the checker found in the declaration, as a key, or "". */
  readonly diagnosis: string;
}

/** What one compile of a model leaves for the next, by line id. */
export interface CompileState {
  readonly shapeKey: string;
  readonly names: readonly string[];
  /** The checked line items compiled: the same object at the same id is the same line item. */
  readonly items: readonly CheckedLineItem[];
  /** Dimension index of each line item. */
  readonly dims: Int32Array;
  /** Declaration trees: the same tree ({@link sameDecl}) says the text and node ids are unchanged. */
  readonly decls: readonly object[];
  /** 1 where a scenario replaced the line item's values. */
  readonly overridden: Uint8Array;
  readonly sources: readonly (LineSource | undefined)[];
  /** Each source's diagnosis key; undefined where the line item has no source. */
  readonly diagnosisKeys: readonly (string | undefined)[];
  readonly parts: readonly CompiledParts[];
  /** Each part's reads, the same arrays, for patching the graph. */
  readonly reads: readonly (readonly Read[])[];
  readonly lines: readonly EngineLine[];
  readonly lineByName: ReadonlyMap<string, number>;
  readonly structure: PatchedStructure;
  readonly scalar: Uint8Array;
}

/** Whether two line sources are the same (the compiled parts of one serve the other). */
export function sameSource(a: LineSource, b: LineSource): boolean {
  if (a.declText !== b.declText || a.dim !== b.dim || a.values !== b.values) return false;
  if (a.diagnosis !== b.diagnosis) return false;
  if (a.shape.length !== b.shape.length) return false;
  for (let i = 0; i < a.shape.length; i++) if (a.shape[i] !== b.shape[i]) return false;
  return true;
}

/**
 * What the previous compile of the same model (and scenario) made, so that an edit recompiles
 * only the line items it touched and patches the graph instead of rebuilding it. A line item's
 * parts are reused when everything its code depends on is the same: the declaration's text, the
 * model's periods and dimensions, the line item's dimension, a scenario's replacement values, its
 * rules' coverage, the error diagnostic the checker found in it and, for every reference in its
 * formulas, the line id, period and member it resolved to. A change of periods or dimensions forgets everything.
 */
export class CompileCache {
  private state: CompileState | undefined;

  /** Starts a compile of a model with these periods and dimensions; the previous state, if usable. */
  begin(shapeKey: string): CompileState | undefined {
    if (this.state !== undefined && this.state.shapeKey !== shapeKey) this.state = undefined;
    return this.state;
  }

  /** Ends a compile: remembers what it made. */
  finish(state: CompileState): void {
    this.state = state;
  }
}

/**
 * Whether two declaration trees are the same apart from their own top-level `span`: the same
 * object, or a declaration the incremental parser moved (a shallow copy with a new absolute span,
 * sharing every child, whose spans are relative to it). Either way the declaration's text, node
 * ids and every node below it are the previous ones. Any other own property that differs, even a
 * primitive, says no.
 */
export function sameDecl(a: object, b: object): boolean {
  if (a === b) return true;
  const x = a as Readonly<Record<string, unknown>>;
  const y = b as Readonly<Record<string, unknown>>;
  if (x["kind"] !== y["kind"]) return false;
  const sx = x["span"] as { from: number; to: number } | undefined;
  const sy = y["span"] as { from: number; to: number } | undefined;
  if (sx === undefined || sy === undefined || sx.to - sx.from !== sy.to - sy.from) return false;
  for (const k in x) if (k !== "span" && (x[k] !== y[k] || !(k in y))) return false;
  for (const k in y) if (!(k in x)) return false;
  return true;
}

const periodKinds = { current: 0, relative: 1, absolute: 2 } as const;

/** What a line item's compiled parts depend on, or undefined when it cannot be cached. */
export function lineSource(
  item: CheckedLineItem,
  checked: CheckedModel,
  dim: number,
  values: InputValues | undefined,
  diagnosis: string,
): LineSource | undefined {
  const declText = checked.text.slice(item.decl.span.from, item.decl.span.to);
  const def = item.definition;
  // An input's own values follow from its text (and the periods, dimensions and its unit, which
  // are in it or in the shape); only a scenario's replacement values come from elsewhere.
  if (def.kind === "input")
    return {
      declText,
      dim,
      values: values === undefined ? "" : JSON.stringify(values),
      shape: [],
      diagnosis,
    };
  const shape: number[] = [];
  for (const rule of def.rules) {
    shape.push(rule.from, rule.to, rule.exception ? 1 : 0);
    if (!addReferences(rule.expr, checked, shape)) return undefined;
  }
  return { declText, dim, values: "", shape: shape.slice(), diagnosis };
}
/** Appends what every reference under `expr` resolved to; false for an unknown node kind. */
function addReferences(expr: Expr, checked: CheckedModel, out: number[]): boolean {
  const stack: Expr[] = [expr];
  for (let e = stack.pop(); e !== undefined; e = stack.pop()) {
    switch (e.kind) {
      case "ref": {
        const r = checked.references.get(e.id);
        if (r === undefined) out.push(-1, -1, 0, -1);
        else {
          const p = r.period;
          const at = p.kind === "relative" ? p.offset : p.kind === "absolute" ? p.index : 0;
          out.push(r.item, periodKinds[p.kind], at, r.member?.index ?? -1);
        }
        break;
      }
      case "unary":
        stack.push(e.operand);
        break;
      case "binary":
        stack.push(e.right, e.left);
        break;
      case "within":
        stack.push(e.tolerance, e.right, e.left);
        break;
      case "conditional":
        stack.push(e.otherwise, e.then, e.condition);
        break;
      case "call":
        for (let i = e.args.length - 1; i >= 0; i--) stack.push(e.args[i] as Expr);
        break;
      case "paren":
        stack.push(e.inner);
        break;
      case "number":
      case "string":
      case "boolean":
      case "blank":
      case "period":
      case "error-expr":
        break;
      default:
        // An expression kind added to the language since: do not cache what it compiled to.
        return false;
    }
  }
  return true;
}

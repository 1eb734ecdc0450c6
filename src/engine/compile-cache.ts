import type { CheckedLineItem, CheckedModel, Expr, InputValues } from "../lang";
import type { Read } from "./eval/compile-expr";
import type { EngineLine, EngineRule } from "./model";
import type { Value } from "./eval/value";

/** What compiling one line item produced, apart from the fields copied from the checked item. */
export interface CompiledParts {
  readonly inputs: readonly Value[];
  readonly rules: readonly EngineRule[];
  readonly ruleOf: readonly number[];
  readonly opening: Value | undefined;
  readonly fingerprint: string;
  readonly scalarInput: boolean;
  readonly reads: readonly Read[];
}

/** Everything a line item's compiled parts depend on (see {@link CompileCache}). */
export interface LineSource {
  readonly declText: string;
  readonly dim: number;
  /** Input values as JSON (a scenario may replace them); "" for a calculation. */
  readonly values: string;
  /** Per rule: from, to, exception; then per reference: line, period kind, offset, member. */
  readonly shape: readonly number[];
}

interface Entry {
  readonly source: LineSource;
  readonly parts: CompiledParts;
  /** The line compiled last time, reused whole when none of its fields changed. */
  line: EngineLine | undefined;
}

function sameSource(a: LineSource, b: LineSource): boolean {
  if (a.declText !== b.declText || a.dim !== b.dim || a.values !== b.values) return false;
  if (a.shape.length !== b.shape.length) return false;
  for (let i = 0; i < a.shape.length; i++) if (a.shape[i] !== b.shape[i]) return false;
  return true;
}

/**
 * Compiled line items from earlier compiles of the same model, by name, so that an edit
 * recompiles only the line items it touched. An entry is reused when everything its code depends
 * on is the same: the declaration's text, the model's periods and dimensions, the line item's
 * dimension, its input values (a scenario may replace them), its rules' coverage and, for every
 * reference in its formulas, the line id, period and member it resolved to.
 */
export class CompileCache {
  private entries = new Map<string, Entry>();
  private used = new Map<string, Entry>();
  private shapeKey = "";

  /** Starts a compile of a model with these periods and dimensions (a change empties the cache). */
  begin(shapeKey: string): void {
    if (shapeKey !== this.shapeKey) this.entries.clear();
    this.shapeKey = shapeKey;
  }

  /** The parts cached under `name` for `source`, if any. */
  get(name: string, source: LineSource | undefined): CompiledParts | undefined {
    if (source === undefined) return undefined;
    const entry = this.entries.get(name);
    if (entry === undefined || !sameSource(entry.source, source)) return undefined;
    this.used.set(name, entry);
    return entry.parts;
  }

  /** Remembers `parts` for `name` under `source`. */
  set(name: string, source: LineSource | undefined, parts: CompiledParts): void {
    if (source !== undefined) this.used.set(name, { source, parts, line: undefined });
  }

  /** The line compiled last time for `name` when it equals `line` in every field, else `line`. */
  reuse(line: EngineLine): EngineLine {
    const entry = this.used.get(line.name);
    if (entry === undefined) return line;
    const old = entry.line;
    if (old !== undefined && sameLine(old, line)) return old;
    entry.line = line;
    return line;
  }

  /** Ends a compile: forgets the line items it did not use. */
  finish(): void {
    this.entries = this.used;
    this.used = new Map<string, Entry>();
  }
}

function sameLine(a: EngineLine, b: EngineLine): boolean {
  return (
    a.id === b.id &&
    a.name === b.name &&
    a.label === b.label &&
    a.section === b.section &&
    a.kind === b.kind &&
    a.unit === b.unit &&
    a.decimals === b.decimals &&
    a.dim === b.dim &&
    a.memberCount === b.memberCount &&
    a.source === b.source &&
    a.span.from === b.span.from &&
    a.span.to === b.span.to &&
    a.inputs === b.inputs &&
    a.rules === b.rules &&
    a.ruleOf === b.ruleOf &&
    a.opening === b.opening &&
    a.scalar === b.scalar &&
    a.fingerprint === b.fingerprint
  );
}

const periodKinds = { current: 0, relative: 1, absolute: 2 } as const;

/** What a line item's compiled parts depend on, or undefined when it cannot be cached. */
export function lineSource(
  item: CheckedLineItem,
  checked: CheckedModel,
  dim: number,
  values: InputValues | undefined,
): LineSource | undefined {
  const declText = checked.text.slice(item.decl.span.from, item.decl.span.to);
  const def = item.definition;
  if (def.kind === "input")
    return { declText, dim, values: JSON.stringify(values ?? def.values), shape: [] };
  const shape: number[] = [];
  for (const rule of def.rules) {
    shape.push(rule.from, rule.to, rule.exception ? 1 : 0);
    if (!addReferences(rule.expr, checked, shape)) return undefined;
  }
  return { declText, dim, values: "", shape: shape.slice() };
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

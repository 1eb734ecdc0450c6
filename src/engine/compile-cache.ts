import type { CheckedLineItem, CheckedModel, Expr, InputValues } from "../lang";
import type { Read } from "./eval/compile-expr";
import type { EngineRule } from "./model";
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

interface Entry {
  readonly key: string;
  readonly parts: CompiledParts;
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

  /** The parts cached under `name` for `key`, if any. */
  get(name: string, key: string | undefined): CompiledParts | undefined {
    if (key === undefined) return undefined;
    const entry = this.entries.get(name);
    if (entry === undefined || entry.key !== key) return undefined;
    this.used.set(name, entry);
    return entry.parts;
  }

  /** Remembers `parts` for `name` under `key`. */
  set(name: string, key: string | undefined, parts: CompiledParts): void {
    if (key !== undefined) this.used.set(name, { key, parts });
  }

  /** Ends a compile: forgets the line items it did not use. */
  finish(): void {
    this.entries = this.used;
    this.used = new Map<string, Entry>();
  }
}

/** The cache key of a line item (see {@link CompileCache}), or undefined when it cannot be cached. */
export function lineCacheKey(
  item: CheckedLineItem,
  checked: CheckedModel,
  shapeKey: string,
  dim: number,
  values: InputValues | undefined,
): string | undefined {
  let key = `${checked.text.slice(item.decl.span.from, item.decl.span.to)}\u0000${shapeKey}\u0000${dim}`;
  const def = item.definition;
  if (def.kind === "input") return `${key}\u0000${JSON.stringify(values ?? def.values)}`;
  for (const rule of def.rules) {
    key += `\u0000${rule.from as number}:${rule.to as number}:${rule.exception ? 1 : 0}|`;
    const references = referencesKey(rule.expr, checked);
    if (references === undefined) return undefined;
    key += references;
  }
  return key;
}

/** What every reference under `expr` resolved to, in a fixed order. */
function referencesKey(expr: Expr, checked: CheckedModel): string | undefined {
  let key = "";
  const stack: Expr[] = [expr];
  for (let e = stack.pop(); e !== undefined; e = stack.pop()) {
    switch (e.kind) {
      case "ref": {
        const r = checked.references.get(e.id);
        if (r === undefined) key += "?;";
        else {
          const p = r.period;
          const at = p.kind === "relative" ? p.offset : p.kind === "absolute" ? p.index : 0;
          key += `${r.item as number},${p.kind},${at},${r.member?.index ?? -1};`;
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
        return undefined;
    }
  }
  return key;
}

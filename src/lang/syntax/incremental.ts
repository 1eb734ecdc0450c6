/**
 * Parsing that reuses the trees of declarations whose text did not change. The text is cut into
 * chunks at lines that certainly start a new declaration (grammar/README.md, "Line ends": a line
 * in the first column, outside `{ }`, that cannot continue the one above or be a table row), each
 * chunk is parsed on its own with {@link parseModel} and cached by its text, and the chunks' trees
 * are joined with their spans moved to where the chunk now is. The result equals parsing the whole
 * text at once, except that node ids are numbered differently (still unique within the tree).
 */
import { makeSpan } from "../../base";
import type * as A from "../ast";
import { nodeId } from "../ast";
import { sortDiagnostics } from "../diagnostics";
import type { Diagnostic } from "../diagnostics";
import { Limits } from "../limits";
import { parseModel, type ParseResult } from "./parse";

/** One chunk's parse, placed at `offset` in the text it was last used in. */
interface Chunk {
  decls: readonly A.Decl[];
  diagnostics: readonly Diagnostic[];
  offset: number;
  /** The parse that last used it: a chunk used twice in one parse needs fresh ids. */
  used: number;
}

/** How many parses a chunk stays cached without being used (for callers that alternate texts). */
const keepFor = 4;
const cache = new Map<string, Chunk>();
let generation = 0;
/** Ids of nodes made here: unique across every tree this module returns. */
let nextId = 0;

/** Keywords that, first on a line, continue the declaration above (lexer.ts, `continuesBefore`). */
const continuing = new Set([
  "then",
  "else",
  "within",
  "label",
  "source",
  "known",
  "opening",
  "decimals",
  "over",
  "by",
  "per",
  "table",
  "and",
  "or",
]);

const isWordStart = (c: number): boolean =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
const isWordChar = (c: number): boolean => isWordStart(c) || (c >= 48 && c <= 57);
const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/**
 * True when the line at `at` (in the first column, outside `{ }`) surely starts a declaration:
 * an ASCII word that is not a continuing keyword, followed on the same line by something no table
 * row has there (a row is `name 1,851 ...` or `name (1,851) ...`).
 */
function startsDeclaration(text: string, at: number): boolean {
  if (!isWordStart(text.charCodeAt(at))) return false;
  let i = at + 1;
  while (i < text.length && isWordChar(text.charCodeAt(i))) i++;
  if (text.charCodeAt(i) > 127) return false;
  if (continuing.has(text.slice(at, i))) return false;
  while (text[i] === " " || text[i] === "\t") i++;
  const c = text[i];
  if (c === undefined) return false;
  if (c !== "(") return /[A-Za-z_=:"{]/.test(c);
  i++;
  while (text[i] === " " || text[i] === "\t") i++;
  const d = text[i];
  if (d === undefined || !/[A-Za-z_%£]/.test(d)) return false;
  return !(d === "£" && isDigit(text.charCodeAt(i + 1)));
}

/** The brace depth after the line `[from, to)`, skipping strings and comments as the lexer does. */
function bracesAfterLine(text: string, from: number, to: number, depth: number): number {
  let braces = depth;
  for (let i = from; i < to; i++) {
    const c = text[i];
    if (c === "#") return braces;
    if (c === "{") braces++;
    else if (c === "}") braces = Math.max(0, braces - 1);
    else if (c === '"') {
      // A string ends at the next unescaped quote on the line; without one it runs to the end.
      let j = i + 1;
      for (; j < to; j++) {
        const s = text[j];
        if (s === '"' || s === "\r") break;
        if (s === "\\") {
          const next = text[j + 1];
          if (j + 1 >= to || next === "\r" || next === "\u2028" || next === "\u2029") return braces;
          j++;
        }
      }
      if (j >= to || text[j] !== '"') return braces;
      i = j;
    }
  }
  return braces;
}

/** Offsets where chunks start: 0, then each line that surely starts a declaration. */
function chunkStarts(text: string): number[] {
  const starts = [0];
  let braces = 0;
  for (let pos = 0; pos < text.length;) {
    if (pos > 0 && braces === 0 && startsDeclaration(text, pos)) starts.push(pos);
    let end = text.indexOf("\n", pos);
    if (end < 0) end = text.length;
    braces = bracesAfterLine(text, pos, end, braces);
    pos = end + 1;
  }
  return starts;
}

/** True for a span: an object with only numeric `from` and `to`. */
function isSpan(value: Record<string, unknown>): boolean {
  if (typeof value["from"] !== "number" || typeof value["to"] !== "number") return false;
  let keys = 0;
  for (const key in value) if (Object.hasOwn(value, key)) keys++;
  return keys === 2;
}

/** A copy of `value` with every span moved by `shift` and, when `fresh`, new node ids. */
function relocate<T>(value: T, shift: number, fresh: boolean): T {
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) {
    const list = value as readonly unknown[];
    const copy = new Array<unknown>(list.length);
    for (let i = 0; i < list.length; i++) copy[i] = relocate(list[i], shift, fresh);
    return copy as T;
  }
  const node = value as Record<string, unknown>;
  if (isSpan(node))
    return makeSpan((node["from"] as number) + shift, (node["to"] as number) + shift) as T;
  // A spread keeps the node's shape, so the copy is as fast to make and to read as the original.
  const out: Record<string, unknown> = { ...node };
  for (const key in out) {
    const v = out[key];
    if (typeof v === "object" && v !== null) out[key] = relocate(v, shift, fresh);
    else if (fresh && key === "id" && typeof v === "number") out[key] = nextId++;
  }
  return out as T;
}

/** Parses `text` as {@link parseModel} does, reusing the trees of unchanged declarations. */
export function parseModelIncremental(text: string): ParseResult {
  // Whole-file limits, and lone carriage returns (line ends this chunker does not see).
  if (text.length > Limits.maxFileChars || /\r(?!\n)/.test(text)) return parseModel(text);
  generation++;
  const starts = chunkStarts(text);
  const decls: A.Decl[] = [];
  const diagnostics: Diagnostic[] = [];
  for (let k = 0; k < starts.length; k++) {
    const from = starts[k] as number;
    const to = starts[k + 1] ?? text.length;
    const source = text.slice(from, to);
    let chunk = cache.get(source);
    if (chunk === undefined) {
      const parsed = parseModel(source);
      chunk = {
        decls: relocate(parsed.ast.decls, from, true),
        diagnostics: relocate(parsed.diagnostics, from, false),
        offset: from,
        used: generation,
      };
      cache.set(source, chunk);
    } else if (chunk.used === generation || chunk.offset !== from) {
      // Moved, or the same text a second time in this model (its ids must differ).
      const fresh = chunk.used === generation;
      const moved = {
        decls: relocate(chunk.decls, from - chunk.offset, fresh),
        diagnostics: relocate(chunk.diagnostics, from - chunk.offset, false),
      };
      if (!fresh) {
        chunk.decls = moved.decls;
        chunk.diagnostics = moved.diagnostics;
        chunk.offset = from;
        chunk.used = generation;
      }
      for (const d of moved.decls) decls.push(d);
      for (const d of moved.diagnostics) diagnostics.push(d);
      continue;
    }
    chunk.used = generation;
    for (const d of chunk.decls) decls.push(d);
    for (const d of chunk.diagnostics) diagnostics.push(d);
  }
  for (const [source, chunk] of cache) {
    if (generation - chunk.used >= keepFor) cache.delete(source);
  }
  return {
    ast: { kind: "model-file", id: nodeId(nextId++), span: makeSpan(0, text.length), decls },
    diagnostics: sortDiagnostics(diagnostics),
  };
}

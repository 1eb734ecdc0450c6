/**
 * Parsing that reuses the trees of declarations whose text did not change. The text is cut into
 * chunks at lines that certainly start a new declaration (grammar/README.md, "Line ends": a line
 * in the first column, outside `{ }`, that cannot continue the one above or be a table row), each
 * chunk is parsed on its own with {@link parseModel} and cached by its text in the parser (one per
 * front-end session).
 *
 * The trees use **declaration-relative spans** (ARCHITECTURE.md, "Incremental front end"): a
 * top-level declaration's own `span` is absolute; every node below it has a span relative to the
 * declaration's start, except the children of a table row (its member, cells and comment), which
 * are relative to the row's start. So a chunk that moves costs one shallow copy per declaration,
 * and an edit inside one row of a large table re-parses only that row
 * (see `table-rows.ts`). Apart from spans and node ids the result equals {@link parseModel}'s.
 */
import { makeSpan } from "../../base";
import type { Span } from "../../base";
import type * as A from "../ast";
import { nodeId } from "../ast";
import { sortDiagnostics } from "../diagnostics";
import type { Diagnostic } from "../diagnostics";
import { Limits } from "../limits";
import { isSpan, renumber, type IdSource } from "./node-copy";
import { parseModel, type ParseResult } from "./parse";
import { reparseTableRow } from "./table-rows";

export { renumber, type IdSource } from "./node-copy";

/** Tunables of the incremental parser. */
export const IncrementalParseTunables = {
  /** How many parses a chunk stays cached without being used (for callers that alternate texts). */
  keepFor: 4,
  /** A changed chunk at least this long is first tried as an edit of one table row. */
  rowEditMinChars: 2_000,
} as const;

/** One chunk's parse, placed at `offset` in the text it was last used in. */
interface Chunk {
  /** Declarations at `offset`: absolute top-level spans, relative spans below. */
  decls: readonly A.Decl[];
  /** Diagnostics with spans relative to the chunk's start. */
  readonly relative: readonly Diagnostic[];
  /** `relative` moved to `offset`. */
  diagnostics: readonly Diagnostic[];
  offset: number;
  /** The parse that last used it: a chunk used twice in one parse needs fresh ids. */
  used: number;
  /**
   * Chunks made from another by editing one table row share its unchanged rows (and their node
   * ids): one family. Two chunks of one family in one parse would repeat ids, so the second is
   * copied with fresh ids.
   */
  readonly family: object;
}

/** Keywords that, first on a line, continue the declaration above (lexer.ts, `continuesBefore`). */
/** Words that start a declaration followed by its name. */
const declarationKeywords = new Set([
  "input",
  "dimension",
  "scenario",
  "check",
  "function",
  "model",
  "periods",
]);

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
  const word = text.slice(at, i);
  if (continuing.has(word)) return false;
  while (text[i] === " " || text[i] === "\t") i++;
  const c = text[i];
  if (c === undefined) return false;
  if (isWordStart(text.charCodeAt(i))) {
    // Two words: a declaration keyword and its name (`input x`), or a name and `by`. Any other
    // pair of names is a table row whose cell is not a value (`b  n/a  4`, statements.ts), so it
    // must not start a chunk. Saying "no" is always safe: the chunk is only parsed larger.
    let j = i + 1;
    while (j < text.length && isWordChar(text.charCodeAt(j))) j++;
    return declarationKeywords.has(word) || text.slice(i, j) === "by";
  }
  // A quote after a name alone is a table row's text cell (`lancs "local authority"`); after a
  // declaration keyword it is a title or label (`model "Budget"`).
  if (c === '"') return declarationKeywords.has(word);
  if (c !== "(") return /[_=:{]/.test(c);
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
    const c = text.charCodeAt(i);
    if (c === 35 /* # */) return braces;
    if (c === 123 /* { */) braces++;
    else if (c === 125 /* } */) braces = Math.max(0, braces - 1);
    else if (c === 34 /* " */) {
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
export function chunkStarts(text: string): number[] {
  const starts = [0];
  scanStarts(text, 0, starts, undefined);
  return starts;
}

/**
 * Appends to `starts` the chunk starts after `from` (a chunk start, or 0: outside `{ }` there),
 * up to the end of the text, or, when `stop` says so, up to the first chunk start at which the
 * rest is known; returns where it stopped (the text's length when it ran to the end).
 */
function scanStarts(
  text: string,
  from: number,
  starts: number[],
  stop: ((pos: number) => boolean) | undefined,
): number {
  let braces = 0;
  for (let pos = from; pos < text.length;) {
    if (pos > 0 && braces === 0 && startsDeclaration(text, pos)) {
      if (stop?.(pos) === true) return pos;
      starts.push(pos);
    }
    let end = text.indexOf("\n", pos);
    if (end < 0) end = text.length;
    braces = bracesAfterLine(text, pos, end, braces);
    pos = end + 1;
  }
  return text.length;
}

/**
 * The chunk starts of `text`, found from the previous text's (`same`) by scanning only around the
 * edit. Whether a line starts a chunk depends on the line itself and on the brace depth before it,
 * which is 0 at every chunk start. So the previous starts before the line the edit begins on hold
 * as they were; the scan resumes at the last start on or before that line, and stops at the first
 * chunk start inside the text both share at the end that was a chunk start before: from there on,
 * the previous starts hold, moved by the edit's change of length.
 */
function chunkStartsAfterEdit(text: string, same: Unchanged): number[] {
  const old = same.starts;
  if (old.length === 0) return chunkStarts(text);
  // The last previous start on or before the start of the line the edit begins on: the lines
  // above it are unchanged, so the depth there is still 0; the scan decides that line again.
  const editLine = text.lastIndexOf("\n", same.prefix - 1) + 1;
  let k = 0;
  while (k + 1 < old.length && (old[k + 1] as number) <= editLine) k++;
  const starts = old.slice(0, Math.max(1, k));
  let next = k + 1;
  const shift = same.shift;
  const stop = (pos: number): boolean => {
    // The line at `pos` and the character before it lie wholly in the shared end.
    if (pos - 1 < same.suffixFrom) return false;
    const at = pos - shift;
    while (next < old.length && (old[next] as number) < at) next++;
    return old[next] === at;
  };
  const end = scanStarts(text, old[k] as number, starts, stop);
  if (end < text.length)
    for (let i = next; i < old.length; i++) starts.push((old[i] as number) + shift);
  return starts;
}

/**
 * A copy of `value` (a node, a list of nodes, or a span) whose spans are relative to `origin`
 * (children of a table row: relative to the row's start) and, when `ids` is given, with new ids.
 * `value`'s own spans are in the coordinates `origin` is in.
 */
export function relativize<T>(value: T, origin: number, ids: IdSource | undefined): T {
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) {
    const list = value as readonly unknown[];
    const copy = new Array<unknown>(list.length);
    for (let i = 0; i < list.length; i++) copy[i] = relativize(list[i], origin, ids);
    return copy as T;
  }
  const node = value as Record<string, unknown>;
  if (isSpan(node))
    return makeSpan((node["from"] as number) - origin, (node["to"] as number) - origin) as T;
  const span = node["span"] as Span | undefined;
  // Below a table row, positions count from the row's start.
  const inner = node["kind"] === "table-row" && span !== undefined ? span.from : origin;
  // A spread keeps the node's shape, so the copy is as fast to make and to read as the original.
  const out: Record<string, unknown> = { ...node };
  for (const key in out) {
    const v = out[key];
    if (key === "span" && span !== undefined)
      out[key] = makeSpan(span.from - origin, span.to - origin);
    else if (typeof v === "object" && v !== null) out[key] = relativize(v, inner, ids);
    else if (ids !== undefined && key === "id" && typeof v === "number") out[key] = ids.next();
  }
  return out as T;
}

/** Declarations parsed with absolute spans, made declaration-relative and placed at `shift`. */
export function relativeDecls(
  decls: readonly A.Decl[],
  shift: number,
  ids: IdSource | undefined,
): A.Decl[] {
  return decls.map((d) => {
    const rel = relativize(d, d.span.from, ids);
    return { ...rel, span: makeSpan(d.span.from + shift, d.span.to + shift) };
  });
}

/** Declarations moved by `shift` (their children's spans are relative, so they stay). */
function moveDecls(decls: readonly A.Decl[], shift: number): A.Decl[] {
  return decls.map((d) => ({ ...d, span: makeSpan(d.span.from + shift, d.span.to + shift) }));
}

/** A diagnostic moved by `shift`, related spans included. */
export function shiftDiagnostic(d: Diagnostic, shift: number): Diagnostic {
  if (shift === 0) return d;
  const moved: Diagnostic = { ...d, span: makeSpan(d.span.from + shift, d.span.to + shift) };
  if (d.related === undefined) return moved;
  return {
    ...moved,
    related: d.related.map((r) => ({
      ...r,
      span: makeSpan(r.span.from + shift, r.span.to + shift),
    })),
  };
}

/** A copy of a declaration-relative `value` with absolute spans, `base` being its origin. */
function absolutize<T>(value: T, base: number): T {
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value))
    return (value as readonly unknown[]).map((v) => absolutize(v, base)) as T;
  const node = value as Record<string, unknown>;
  if (isSpan(node))
    return makeSpan((node["from"] as number) + base, (node["to"] as number) + base) as T;
  const span = node["span"] as Span | undefined;
  const inner = node["kind"] === "table-row" && span !== undefined ? base + span.from : base;
  const out: Record<string, unknown> = { ...node };
  for (const key in out) {
    const v = out[key];
    if (key === "span" && span !== undefined) out[key] = makeSpan(span.from + base, span.to + base);
    else if (typeof v === "object" && v !== null) out[key] = absolutize(v, inner);
  }
  return out as T;
}

/** Parses a whole text at once into declaration-relative trees (the reference for the chunked parse). */
export function parseWholeRelative(text: string, ids: IdSource): ParseResult {
  const parsed = parseModel(text);
  return {
    ast: { ...parsed.ast, id: nodeId(ids.next()), decls: relativeDecls(parsed.ast.decls, 0, ids) },
    diagnostics: parsed.diagnostics,
  };
}

/** A parser that keeps the chunks of the texts it parsed; one per front-end session. */
export class IncrementalParser implements IdSource {
  private readonly cache = new Map<string, Chunk>();
  private generation = 0;
  private nextId = 0;
  /** The chunk texts of the previous parse in order, to find what a changed chunk was. */
  private previous: readonly string[] = [];
  /** The previous parse's text and chunk starts, to find its chunks that an edit left alone. */
  private lastText = "";
  private lastStarts: readonly number[] = [];

  /** `rowEditMinChars`: see {@link IncrementalParseTunables} (tests lower it to try every edit). */
  constructor(
    private readonly rowEditMinChars: number = IncrementalParseTunables.rowEditMinChars,
  ) {}

  next(): number {
    return this.nextId++;
  }

  /** The chunk starts of the last parse (none after a whole-text parse): for tests and tools. */
  get starts(): readonly number[] {
    return this.lastStarts;
  }

  /** Parses `text` as {@link parseModel} does, reusing the trees of unchanged declarations. */
  parse(text: string): ParseResult {
    // Whole-file limits, and lone carriage returns (line ends this chunker does not see).
    if (text.length > Limits.maxFileChars || (text.includes("\r") && /\r(?!\n)/.test(text))) {
      this.previous = [];
      this.lastText = "";
      this.lastStarts = [];
      return parseWholeRelative(text, this);
    }
    const generation = ++this.generation;
    const previous = this.previous;
    const same = new Unchanged(this.lastText, this.lastStarts, previous, text);
    const starts = same.known ? chunkStartsAfterEdit(text, same) : chunkStarts(text);
    const decls: A.Decl[] = [];
    const diagnostics: Diagnostic[] = [];
    const sources: string[] = [];
    const families = new Set<object>();
    for (let k = 0; k < starts.length; k++) {
      const from = starts[k] as number;
      const to = starts[k + 1] ?? text.length;
      // A chunk the edit did not touch is the previous parse's string, whose hash is known, so
      // finding it in the cache does not read its text again.
      const source = same.chunk(from, to) ?? text.slice(from, to);
      sources.push(source);
      let chunk = this.cache.get(source);
      if (chunk === undefined) {
        const was = previous.length === starts.length ? previous[k] : undefined;
        chunk = this.parseChunk(source, from, was);
        if (families.has(chunk.family)) {
          chunk = { ...chunk, decls: renumber(chunk.decls, this), family: {} };
        }
        chunk.used = generation;
        this.cache.set(source, chunk);
      } else if (chunk.used === generation || families.has(chunk.family)) {
        // The same text a second time in this model: its ids must differ.
        for (const d of renumber(moveDecls(chunk.decls, from - chunk.offset), this)) decls.push(d);
        for (const d of chunk.relative) diagnostics.push(shiftDiagnostic(d, from));
        continue;
      } else {
        if (chunk.offset !== from) {
          chunk.decls = moveDecls(chunk.decls, from - chunk.offset);
          chunk.diagnostics = chunk.relative.map((d) => shiftDiagnostic(d, from));
          chunk.offset = from;
        }
        chunk.used = generation;
      }
      families.add(chunk.family);
      for (const d of chunk.decls) decls.push(d);
      for (const d of chunk.diagnostics) diagnostics.push(d);
    }
    for (const [source, chunk] of this.cache) {
      if (generation - chunk.used >= IncrementalParseTunables.keepFor) this.cache.delete(source);
    }
    this.previous = sources;
    this.lastText = text;
    this.lastStarts = starts;
    return {
      ast: { kind: "model-file", id: nodeId(this.next()), span: makeSpan(0, text.length), decls },
      diagnostics: sortDiagnostics(diagnostics),
    };
  }

  /** Parses a chunk that is not cached; `was` is the text of the chunk in its place last time. */
  private parseChunk(source: string, from: number, was: string | undefined): Chunk {
    const old = was === undefined ? undefined : this.cache.get(was);
    if (old !== undefined && source.length >= this.rowEditMinChars) {
      const edited = reparseTableRow(was as string, old, source, this);
      if (edited !== undefined) {
        const decls = moveDecls(edited.decls, from - old.offset);
        return {
          decls,
          relative: edited.diagnostics,
          diagnostics: edited.diagnostics.map((d) => shiftDiagnostic(d, from)),
          offset: from,
          used: 0,
          family: old.family,
        };
      }
    }
    const parsed = parseModel(source);
    return {
      decls: relativeDecls(parsed.ast.decls, from, this),
      relative: parsed.diagnostics,
      diagnostics: parsed.diagnostics.map((d) => shiftDiagnostic(d, from)),
      offset: from,
      used: 0,
      family: {},
    };
  }
}

/**
 * Finds, for a chunk of a new text, the same chunk of the previous text when the edit between
 * them did not touch it: a chunk wholly inside the text both share at the start, or wholly inside
 * the text both share at the end (moved by the edit's change of length). Chunks are asked for in
 * order, so the search through the previous chunk starts only moves forward.
 */
class Unchanged {
  /** The length of the text both share at the start. */
  readonly prefix: number;
  /** Where, in the new text, the text both share at the end begins. */
  readonly suffixFrom: number;
  /** The edit's change of length. */
  readonly shift: number;
  /** The previous parse's starts and chunks are known (not after a whole-text parse). */
  readonly known: boolean;
  private j = 0;

  constructor(
    private readonly before: string,
    /** The previous parse's chunk starts. */
    readonly starts: readonly number[],
    private readonly sources: readonly string[],
    text: string,
  ) {
    this.known = starts.length > 0 && sources.length === starts.length;
    const n = Math.min(before.length, text.length);
    let p = 0;
    if (sources.length === starts.length)
      while (p < n && before.charCodeAt(p) === text.charCodeAt(p)) p++;
    let q = 0;
    if (sources.length === starts.length) {
      while (
        q < n - p &&
        before.charCodeAt(before.length - 1 - q) === text.charCodeAt(text.length - 1 - q)
      )
        q++;
    }
    this.prefix = p;
    this.suffixFrom = text.length - q;
    this.shift = text.length - before.length;
  }

  /** The previous text's string for the chunk `[from, to)` of the new text, if unchanged. */
  chunk(from: number, to: number): string | undefined {
    let at: number;
    if (to <= this.prefix) at = from;
    else if (from >= this.suffixFrom) at = from - this.shift;
    else return undefined;
    const starts = this.starts;
    while (this.j < starts.length && (starts[this.j] as number) < at) this.j++;
    if (starts[this.j] !== at) return undefined;
    const end = starts[this.j + 1] ?? this.before.length;
    return end === at + (to - from) ? this.sources[this.j] : undefined;
  }
}

/**
 * Declarations with declaration-relative spans turned back into absolute ones (and table-row
 * children made absolute too), as {@link parseModel} gives them: for tests and tools.
 */
export function absoluteDecls(decls: readonly A.Decl[]): A.Decl[] {
  return decls.map((d) => ({ ...absolutize(d, d.span.from), span: d.span }));
}

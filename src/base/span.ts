/**
 * A half-open range of UTF-16 offsets `[from, to)` into a model's source text.
 * Every AST node and every diagnostic carries one.
 */
export interface Span {
  readonly from: number;
  readonly to: number;
}

/** Makes a span; `from` must not exceed `to`. */
export function makeSpan(from: number, to: number): Span {
  return { from, to: Math.max(from, to) };
}

/** The smallest span covering both `a` and `b`. */
export function joinSpans(a: Span, b: Span): Span {
  return { from: Math.min(a.from, b.from), to: Math.max(a.to, b.to) };
}

/** The empty span at offset 0, for diagnostics about a whole file. */
export const wholeFileSpan: Span = { from: 0, to: 0 };

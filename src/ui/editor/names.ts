/**
 * Names of any script, as the lexer reads them (a record's column is `deposits.principal`); an
 * optional `[member]` makes a member key.
 */
const keyPattern =
  /[\p{L}_][\p{L}\p{N}\p{M}_]*(?:\.[\p{L}_][\p{L}\p{N}\p{M}_]*)*(?:\[[\p{L}_][\p{L}\p{N}\p{M}_]*\])?/gu;

/** A name or member key found in a line of text, with its span in document offsets. */
export interface FoundKey {
  /** `pressures[children]` when a member is given, else the bare name. */
  readonly key: string;
  /** The bare line item name, `pressures`. */
  readonly name: string;
  readonly from: number;
  readonly to: number;
}

/**
 * The line item reference covering `offset` in `lineText` (which starts at document offset
 * `lineFrom`), or null when the offset is not on a name. Used by hover and trace-at-cursor; it is
 * lexical only and may find keywords, which the caller's lookup then ignores.
 */
export function findKeyAt(lineText: string, lineFrom: number, offset: number): FoundKey | null {
  const at = offset - lineFrom;
  for (const m of lineText.matchAll(keyPattern)) {
    const start = m.index;
    const end = start + m[0].length;
    if (start > at) break;
    if (at <= end) {
      const bracket = m[0].indexOf("[");
      const name = bracket < 0 ? m[0] : m[0].slice(0, bracket);
      return { key: m[0], name, from: lineFrom + start, to: lineFrom + end };
    }
  }
  return null;
}

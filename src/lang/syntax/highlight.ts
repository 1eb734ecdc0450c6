/** Token kinds the editor colours. */
export type HighlightKind =
  | "keyword"
  | "name"
  | "number"
  | "money"
  | "percent"
  | "period"
  | "string"
  | "comment"
  | "section"
  | "unit"
  | "operator"
  | "punctuation"
  | "invalid";

/** One highlighted token: `[from, to)` in UTF-16 offsets. */
export interface HighlightToken {
  readonly from: number;
  readonly to: number;
  readonly kind: HighlightKind;
}

/** Lexes `text` for syntax highlighting; never throws. Unlexable characters come back as "invalid". */
export function lexForHighlighting(_text: string): HighlightToken[] {
  return [];
}

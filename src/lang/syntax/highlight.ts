import type { TokenType } from "chevrotain";
import { Limits } from "../limits";
import * as T from "./tokens";

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

const kinds = new Map<TokenType, HighlightKind>([
  ...T.keywordTokens.map((k): [TokenType, HighlightKind] => [k, "keyword"]),
  [T.Identifier, "name"],
  [T.NumberTok, "number"],
  [T.Money, "money"],
  [T.Percent, "percent"],
  [T.PeriodTok, "period"],
  [T.DateTok, "number"],
  [T.OtherDate, "invalid"],
  [T.SignAfterPound, "invalid"],
  [T.StringTok, "string"],
  [T.UnterminatedString, "string"],
  [T.Comment, "comment"],
  [T.Section, "section"],
  [T.PoundUnit, "unit"],
  [T.PercentSign, "unit"],
  ...T.binaryOperatorTokens.map((k): [TokenType, HighlightKind] => [k, "operator"]),
  [T.Range, "operator"],
]);

/**
 * Lexes `text` for syntax highlighting, in source order; never throws. Characters the lexer
 * cannot read come back as "invalid". Text beyond the file size limit is not highlighted.
 */
export function lexForHighlighting(text: string): HighlightToken[] {
  if (text.length > Limits.maxFileChars) return [];
  const result = T.preceptLexer.tokenize(text);
  const out: HighlightToken[] = [];
  for (const token of [...result.tokens, ...(result.groups["comments"] ?? [])]) {
    if (token.tokenType === T.Newline) continue;
    const kind = kinds.get(token.tokenType) ?? "punctuation";
    out.push({ from: token.startOffset, to: token.startOffset + token.image.length, kind });
  }
  for (const error of result.errors) {
    out.push({ from: error.offset, to: error.offset + error.length, kind: "invalid" });
  }
  return out.sort((a, b) => a.from - b.from);
}

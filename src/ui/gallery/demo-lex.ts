import type { HighlightKind, HighlightToken } from "../../lang/syntax/highlight";
import { lexForHighlighting } from "../../lang/syntax/highlight";

const rules: readonly [RegExp, HighlightKind][] = [
  [/^##[^\n]*/m, "section"],
  [/#[^\n]*/, "comment"],
  [/"[^"\n]*"?/, "string"],
  [/\d{4}\/\d{2}/, "period"],
  [/£(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:bn|k|m)?/, "money"],
  [/£(?:000|bn|k|m)?/, "unit"],
  [/\d[\d,]*(?:\.\d+)?%/, "percent"],
  [/\d[\d,]*(?:\.\d+)?/, "number"],
  [
    /\b(?:model|periods|input|dimension|scenario|check|over|table|within|known|label|source|if|then|else|and|or|not|from|in)\b/,
    "keyword",
  ],
  [/[\p{L}_][\p{L}\p{N}_]*/u, "name"],
  [/\.\.|>=|<=|[-+*/=<>≈|:]/, "operator"],
  [/[()[\],{}]/, "punctuation"],
];

/**
 * The real lexer when it returns tokens, else a rough regex stand-in so the gallery shows the
 * token colours while the language's lexer is being written. Dev-only; never shipped.
 */
export function galleryLex(text: string): HighlightToken[] {
  const real = lexForHighlighting(text);
  if (real.length > 0 || text.trim() === "") return real;
  const tokens: HighlightToken[] = [];
  let pos = 0;
  while (pos < text.length) {
    const rest = text.slice(pos);
    const ws = /^\s+/.exec(rest);
    if (ws) {
      pos += ws[0].length;
      continue;
    }
    let matched = false;
    for (const [re, kind] of rules) {
      const m = new RegExp(`^(?:${re.source})`, re.flags.replace("m", "")).exec(rest);
      if (m && m[0].length > 0) {
        if (kind !== "section" || pos === 0 || text[pos - 1] === "\n") {
          tokens.push({ from: pos, to: pos + m[0].length, kind });
          pos += m[0].length;
          matched = true;
          break;
        }
      }
    }
    if (!matched) pos += 1;
  }
  return tokens;
}

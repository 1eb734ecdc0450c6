import { RangeSetBuilder, type Extension, type Text } from "@codemirror/state";
import {
  Decoration,
  ViewPlugin,
  type DecorationSet,
  type EditorView,
  type ViewUpdate,
} from "@codemirror/view";
import type { HighlightKind, HighlightToken } from "../../lang/syntax/highlight";

/**
 * A lexer for highlighting: text in, ordered non-overlapping tokens out, never throws. Every
 * Precept token ends at a line break, so it may be given any run of whole lines.
 */
export type HighlightLexer = (text: string) => readonly HighlightToken[];

const marks = new Map<HighlightKind, Decoration>();
const markFor = (kind: HighlightKind): Decoration => {
  let mark = marks.get(kind);
  if (!mark) {
    mark = Decoration.mark({ class: `pc-tok-${kind}` });
    marks.set(kind, mark);
  }
  return mark;
};

/** The index of the first token ending after `pos` (tokens are sorted and disjoint). */
function firstTokenAfter(tokens: readonly HighlightToken[], pos: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((tokens[mid]?.to ?? 0) <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Builds mark decorations for the tokens inside the visible ranges only, so a long model costs
 * one lex per edit and a handful of decorations per screen. Tokens outside the document (a lexer
 * bug or a stale result) are skipped rather than thrown on.
 */
export function decorateTokens(
  tokens: readonly HighlightToken[],
  visible: readonly { from: number; to: number }[],
  docLength: number,
): DecorationSet {
  const builder = new RangeSetBuilder<Decoration>();
  let last = 0;
  for (const range of visible) {
    for (let i = firstTokenAfter(tokens, range.from); i < tokens.length; i++) {
      const t = tokens[i];
      if (!t || t.from >= range.to) break;
      if (t.from < last || t.to <= t.from || t.to > docLength) continue;
      builder.add(t.from, t.to, markFor(t.kind));
      last = t.to;
    }
  }
  return builder.finish();
}

/** Tokens of single lines by their text, relative to the line's start: see {@link lexVisibleLines}. */
export class LineTokenCache {
  private readonly lines = new Map<string, readonly HighlightToken[]>();

  /** At most this many lines are kept; past it the cache starts again (a screen is ~100 lines). */
  constructor(private readonly limit = 4_000) {}

  tokens(lex: HighlightLexer, line: string): readonly HighlightToken[] {
    let tokens = this.lines.get(line);
    if (tokens === undefined) {
      tokens = lex(line);
      if (this.lines.size >= this.limit) this.lines.clear();
      this.lines.set(line, tokens);
    }
    return tokens;
  }
}

/**
 * The tokens of the whole lines that `visible` touches: the same tokens lexing the whole document
 * would give there (no Precept token spans a line break), for the cost of the screen rather than
 * the model. With a `cache`, each line is lexed alone and kept by its text, so a keystroke lexes
 * the one line it changed.
 */
export function lexVisibleLines(
  lex: HighlightLexer,
  doc: Text,
  visible: readonly { from: number; to: number }[],
  cache?: LineTokenCache,
): HighlightToken[] {
  const out: HighlightToken[] = [];
  let done = 0;
  for (const range of visible) {
    const from = Math.max(doc.lineAt(range.from).from, done);
    const to = doc.lineAt(range.to).to;
    if (to <= from) continue;
    if (cache === undefined) {
      for (const t of lex(doc.sliceString(from, to)))
        out.push({ from: t.from + from, to: t.to + from, kind: t.kind });
    } else {
      for (let at = from; at <= to;) {
        const line = doc.lineAt(at);
        at = line.to + 1;
        // A range that starts where the one before ended starts on a line already lexed.
        if (line.from < done) continue;
        for (const t of cache.tokens(lex, line.text))
          out.push({ from: t.from + line.from, to: t.to + line.from, kind: t.kind });
      }
    }
    done = to;
  }
  return out;
}

/**
 * Syntax highlighting from Precept's own lexer (not a Lezer grammar): the lines in view are lexed
 * when the document or the viewport changes (each line once while its text is unchanged), and decorations are built for them, so a keystroke
 * in a 10,000-line model lexes one screen, not the model. Token classes are `pc-tok-<kind>`,
 * styled in the theme's editor.css.
 */
export function preceptHighlighting(lex: HighlightLexer): Extension {
  return ViewPlugin.fromClass(
    class {
      decorations: DecorationSet;
      private readonly cache = new LineTokenCache();
      constructor(view: EditorView) {
        this.decorations = this.build(view);
      }
      update(update: ViewUpdate) {
        if (update.docChanged || update.viewportChanged) this.decorations = this.build(update.view);
      }
      build(view: EditorView): DecorationSet {
        const tokens = lexVisibleLines(lex, view.state.doc, view.visibleRanges, this.cache);
        return decorateTokens(tokens, view.visibleRanges, view.state.doc.length);
      }
    },
    { decorations: (plugin) => plugin.decorations },
  );
}

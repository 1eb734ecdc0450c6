import { RangeSetBuilder, type Extension } from "@codemirror/state";
import {
  Decoration,
  ViewPlugin,
  type DecorationSet,
  type EditorView,
  type ViewUpdate,
} from "@codemirror/view";
import type { HighlightKind, HighlightToken } from "../../lang/syntax/highlight";

/** A lexer for highlighting: whole text in, ordered non-overlapping tokens out, never throws. */
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

/**
 * Syntax highlighting from Precept's own lexer (not a Lezer grammar): the document is re-lexed
 * when it changes, and decorations are rebuilt for the viewport. Token classes are
 * `pc-tok-<kind>`, styled in the theme's editor.css.
 */
export function preceptHighlighting(lex: HighlightLexer): Extension {
  return ViewPlugin.fromClass(
    class {
      tokens: readonly HighlightToken[];
      decorations: DecorationSet;
      constructor(view: EditorView) {
        this.tokens = lex(view.state.doc.toString());
        this.decorations = this.build(view);
      }
      update(update: ViewUpdate) {
        if (update.docChanged) this.tokens = lex(update.state.doc.toString());
        if (update.docChanged || update.viewportChanged) this.decorations = this.build(update.view);
      }
      build(view: EditorView): DecorationSet {
        return decorateTokens(this.tokens, view.visibleRanges, view.state.doc.length);
      }
    },
    { decorations: (plugin) => plugin.decorations },
  );
}

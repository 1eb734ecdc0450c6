import {
  autocompletion,
  closeBrackets,
  closeBracketsKeymap,
  completionKeymap,
} from "@codemirror/autocomplete";
import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import { bracketMatching } from "@codemirror/language";
import { lintGutter, lintKeymap } from "@codemirror/lint";
import { highlightSelectionMatches, searchKeymap } from "@codemirror/search";
import { EditorState, type Extension } from "@codemirror/state";
import {
  EditorView,
  drawSelection,
  highlightActiveLine,
  highlightActiveLineGutter,
  highlightSpecialChars,
  keymap,
  lineNumbers,
  type KeyBinding,
} from "@codemirror/view";
import { makeCompletionSource, type EditorCompletions } from "./completion";
import { preceptHighlighting, type HighlightLexer } from "./highlight";
import { lineHover, type DescribeLine } from "./hover";
import { findKeyAt } from "./names";

/** The callbacks and live inputs the editor's extensions read. */
export interface EditorHooks {
  readonly lex: HighlightLexer;
  readonly completions: () => EditorCompletions;
  readonly describe: () => DescribeLine | undefined;
  readonly onChange: (text: string) => void;
  readonly onTrace: (key: string) => void;
  readonly onSave: () => void;
  readonly label: string;
}

/** The line item key under the main cursor, if any. */
export function keyAtCursor(view: EditorView): string | null {
  const pos = view.state.selection.main.head;
  const line = view.state.doc.lineAt(pos);
  return findKeyAt(line.text, line.from, pos)?.key ?? null;
}

/**
 * Precept's own shortcuts: Mod-Enter or F12 traces the name under the cursor, Mod-s saves.
 * They come before the defaults so they win.
 */
export function preceptKeymap(hooks: EditorHooks): KeyBinding[] {
  const trace = (view: EditorView) => {
    const key = keyAtCursor(view);
    if (key === null) return false;
    hooks.onTrace(key);
    return true;
  };
  return [
    { key: "Mod-Enter", run: trace },
    { key: "F12", run: trace },
    {
      key: "Mod-s",
      run: () => {
        hooks.onSave();
        return true;
      },
      preventDefault: true,
    },
  ];
}

/**
 * Every extension of the model editor. No Tab binding: Tab keeps moving focus out of the editor,
 * so keyboard users are never trapped (indentation is not meaningful in Precept).
 */
export function makeEditorExtensions(hooks: EditorHooks): Extension[] {
  return [
    lineNumbers(),
    highlightActiveLineGutter(),
    highlightSpecialChars(),
    history(),
    drawSelection(),
    EditorState.allowMultipleSelections.of(true),
    bracketMatching(),
    closeBrackets(),
    autocompletion({ override: [makeCompletionSource(hooks.completions)] }),
    highlightActiveLine(),
    highlightSelectionMatches(),
    lintGutter(),
    preceptHighlighting(hooks.lex),
    lineHover(hooks.describe),
    keymap.of([
      ...preceptKeymap(hooks),
      ...closeBracketsKeymap,
      ...defaultKeymap,
      ...searchKeymap,
      ...historyKeymap,
      ...completionKeymap,
      ...lintKeymap,
    ]),
    EditorView.contentAttributes.of({ "aria-label": hooks.label, spellcheck: "false" }),
    EditorView.updateListener.of((update) => {
      if (update.docChanged) hooks.onChange(update.state.doc.toString());
    }),
  ];
}

import { setDiagnostics } from "@codemirror/lint";
import { EditorState } from "@codemirror/state";
import { EditorView } from "@codemirror/view";
import { createEffect, onCleanup, onMount } from "solid-js";
import { lexForHighlighting } from "../../lang/syntax/highlight";
import type { DiagnosticDto } from "../../protocol";
import type { EditorCompletions } from "./completion";
import { toLintDiagnostics } from "./diagnostics";
import { makeSpanHistory } from "./history";
import type { HighlightLexer } from "./highlight";
import type { DescribeLine } from "./hover";
import { makeEditorExtensions } from "./setup";

/** What the container can do to a mounted editor. */
export interface EditorHandle {
  /** Selects `[from, to)`, scrolls it to the middle of the view and focuses the editor. */
  revealSpan(from: number, to: number): void;
  /** Replaces the whole text (loading a model, taking another tab's version); keeps undo history. */
  setText(text: string): void;
  /** The current text. */
  getText(): string;
  focus(): void;
}

/** Props of the model text editor. */
export interface FormulaEditorProps {
  /** The text when the editor mounts; later replacements go through `EditorHandle.setText`. */
  readonly initialText: string;
  /** The worker's diagnostics for the latest text it checked. */
  readonly diagnostics?: readonly DiagnosticDto[];
  /**
   * The text those diagnostics were computed for. When given, their spans are mapped through
   * whatever was typed since, so they stay on the right words; without it they are only clamped.
   */
  readonly diagnosticsText?: string | undefined;
  /** Names, functions, periods and members to complete. */
  readonly completions?: EditorCompletions;
  /** Hover text for a line item key: typically its current values by period. */
  readonly describeLine?: DescribeLine;
  /** Every edit, undebounced (the container debounces). */
  readonly onChange?: (text: string) => void;
  /** Mod-Enter or F12 on a name: trace that line item. */
  readonly onTrace?: (key: string) => void;
  /** Mod-s. */
  readonly onSave?: () => void;
  /** Receives the handle once the editor is mounted. */
  readonly onReady?: (handle: EditorHandle) => void;
  /** Accessible name of the text area. */
  readonly label?: string;
  /** Replaces Precept's lexer for highlighting (tests, or another language). */
  readonly lex?: HighlightLexer;
}

/**
 * The model editor: CodeMirror 6 with Precept highlighting, inline diagnostics, completion, hover
 * values and shortcuts. It is uncontrolled: it owns the text while mounted and reports edits
 * through `onChange`, so a debounced container can never overwrite newer typing with older text.
 */
export function FormulaEditor(props: FormulaEditorProps) {
  let host: HTMLDivElement | undefined;
  let view: EditorView | undefined;
  let history: ReturnType<typeof makeSpanHistory> | undefined;

  onMount(() => {
    if (!host) return;
    const extensions = makeEditorExtensions({
      lex: props.lex ?? lexForHighlighting,
      completions: () => props.completions ?? {},
      describe: () => props.describeLine,
      onChange: (text) => props.onChange?.(text),
      onTrace: (key) => props.onTrace?.(key),
      onSave: () => props.onSave?.(),
      label: props.label ?? "Model text",
    });
    const state = EditorState.create({
      doc: props.initialText,
      extensions: [
        extensions,
        EditorView.updateListener.of((update) => {
          if (update.docChanged) history?.record(update.changes, update.state.doc);
        }),
      ],
    });
    history = makeSpanHistory(state.doc);
    const v = new EditorView({ state, parent: host });
    view = v;
    onCleanup(() => {
      v.destroy();
      view = undefined;
    });
    props.onReady?.({
      revealSpan(from, to) {
        const len = v.state.doc.length;
        const a = Math.max(0, Math.min(len, from));
        const b = Math.max(a, Math.min(len, to));
        v.dispatch({
          selection: { anchor: a, head: b },
          effects: EditorView.scrollIntoView(a, { y: "center" }),
        });
        v.focus();
      },
      setText(text) {
        if (text === v.state.doc.toString()) return;
        v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: text } });
      },
      getText: () => v.state.doc.toString(),
      focus: () => {
        v.focus();
      },
    });
  });

  // Whether the editor shows no diagnostics: a clean model's every evaluation then costs no
  // editor transaction (one per keystroke otherwise, about a millisecond on a large model).
  let showsNone = true;
  createEffect(() => {
    const dtos = props.diagnostics ?? [];
    const checked = props.diagnosticsText;
    const v = view;
    if (!v) return;
    if (dtos.length === 0 && showsNone) return;
    showsNone = dtos.length === 0;
    const map = checked === undefined ? null : (history?.mapperFor(checked) ?? null);
    v.dispatch(setDiagnostics(v.state, toLintDiagnostics(dtos, v.state.doc.length, map)));
  });

  return (
    <div
      class="pc-editor"
      ref={(el) => {
        host = el;
      }}
    />
  );
}

import { For, createMemo } from "solid-js";
import { lexForHighlighting, type HighlightToken } from "../../lang/syntax/highlight";

/** One run of formula text: a token with its kind, or the plain text between tokens. */
interface Run {
  readonly text: string;
  readonly kind: HighlightToken["kind"] | null;
}

/** Splits `text` into runs by the lexer's tokens, keeping every character (gaps become plain runs). */
export function splitRuns(text: string, tokens: readonly HighlightToken[]): Run[] {
  const runs: Run[] = [];
  let at = 0;
  for (const t of tokens) {
    if (t.from < at || t.to > text.length || t.to <= t.from) continue;
    if (t.from > at) runs.push({ text: text.slice(at, t.from), kind: null });
    runs.push({ text: text.slice(t.from, t.to), kind: t.kind });
    at = t.to;
  }
  if (at < text.length) runs.push({ text: text.slice(at), kind: null });
  return runs;
}

/** A formula shown with the editor's token colours, from Precept's own lexer. */
export function FormulaText(props: { readonly text: string }) {
  const runs = createMemo(() => splitRuns(props.text, lexForHighlighting(props.text)));
  return (
    <code class="pc-formula">
      <For each={runs()}>
        {(run) =>
          run.kind === null ? run.text : <span class={`pc-tok-${run.kind}`}>{run.text}</span>
        }
      </For>
    </code>
  );
}

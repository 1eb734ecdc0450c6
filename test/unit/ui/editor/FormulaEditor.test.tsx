// @vitest-environment jsdom
import { forEachDiagnostic } from "@codemirror/lint";
import { EditorView } from "@codemirror/view";
import { createSignal } from "solid-js";
import { render } from "solid-js/web";
import { afterEach, describe, expect, test } from "vitest";
import { FormulaEditor, type EditorHandle } from "../../../../src/ui/editor";
import type { DiagnosticDto } from "../../../../src/protocol";
import { makeHost, must } from "../dom";

let dispose: (() => void) | undefined;
afterEach(() => {
  dispose?.();
  document.body.innerHTML = "";
});

const text = "input growth = 2%\ntotal [£m] = base * (1 + growth)\n";

function mount(
  diagnostics: () => readonly DiagnosticDto[] = () => [],
  checkedText: () => string | undefined = () => undefined,
) {
  const host = makeHost();
  const changes: string[] = [];
  const traced: string[] = [];
  let handle: EditorHandle | undefined;
  dispose = render(
    () => (
      <FormulaEditor
        initialText={text}
        diagnostics={diagnostics()}
        diagnosticsText={checkedText()}
        onChange={(t) => changes.push(t)}
        onTrace={(k) => traced.push(k)}
        onReady={(h) => (handle = h)}
      />
    ),
    host,
  );
  const view = must(EditorView.findFromDOM(must(host.querySelector<HTMLElement>(".cm-editor"))));
  return { host, view, changes, traced, handle: must(handle, "editor handle") };
}

describe("FormulaEditor", () => {
  test("starts with the initial text and an accessible name", () => {
    const { handle, host } = mount();
    expect(handle.getText()).toBe(text);
    expect(must(host.querySelector(".cm-content")).getAttribute("aria-label")).toBe("Model text");
  });

  test("reports every edit through onChange, including setText", () => {
    const { view, handle, changes } = mount();
    view.dispatch({ changes: { from: 0, insert: "# note\n" } });
    handle.setText("input x = 1\n");
    handle.setText("input x = 1\n"); // unchanged: no event
    expect(changes).toEqual([`# note\n${text}`, "input x = 1\n"]);
  });

  test("revealSpan selects the span, clamped to the document", () => {
    const { view, handle } = mount();
    const from = text.indexOf("base");
    handle.revealSpan(from, from + 4);
    expect(view.state.selection.main).toMatchObject({ from, to: from + 4 });
    handle.revealSpan(text.length - 1, text.length + 50);
    expect(view.state.selection.main).toMatchObject({ from: text.length - 1, to: text.length });
  });

  test("shows the worker's diagnostics and replaces them when they change", () => {
    const from = text.indexOf("base");
    const [diags, setDiags] = createSignal<readonly DiagnosticDto[]>([
      {
        code: "P2001",
        severity: "error",
        message: "Unknown line item 'base'.",
        from,
        to: from + 4,
      },
    ]);
    const { view } = mount(diags);
    const seen = () => {
      const out: string[] = [];
      forEachDiagnostic(view.state, (d, f, t) =>
        out.push(`${d.source ?? ""} ${f}-${t} ${d.severity}`),
      );
      return out;
    };
    expect(seen()).toEqual([`P2001 ${from}-${from + 4} error`]);
    setDiags([]);
    expect(seen()).toEqual([]);
  });

  test("maps diagnostics for an older text through what was typed since", () => {
    const [diags, setDiags] = createSignal<readonly DiagnosticDto[]>([]);
    const [checked, setChecked] = createSignal<string | undefined>(undefined);
    const { view } = mount(diags, checked);
    const old = text;
    view.dispatch({ changes: { from: 0, insert: "# edit\n" } }); // 7 characters before everything
    const from = old.indexOf("base");
    setChecked(old);
    setDiags([{ code: "P2001", severity: "error", message: "Unknown.", from, to: from + 4 }]);
    const spans: string[] = [];
    forEachDiagnostic(view.state, (_d, f, t) => spans.push(view.state.sliceDoc(f, t)));
    expect(spans).toEqual(["base"]);
  });

  test("Mod-Enter traces the name under the cursor", () => {
    const { view, traced } = mount();
    view.dispatch({ selection: { anchor: text.indexOf("growth)") + 2 } });
    view.contentDOM.dispatchEvent(
      new KeyboardEvent("keydown", {
        key: "Enter",
        ctrlKey: true,
        bubbles: true,
        cancelable: true,
      }),
    );
    expect(traced).toEqual(["growth"]);
  });
});

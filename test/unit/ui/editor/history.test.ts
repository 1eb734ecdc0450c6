import { EditorState } from "@codemirror/state";
import { describe, expect, test } from "vitest";
import { makeSpanHistory } from "../../../../src/ui/editor/history";

describe("makeSpanHistory", () => {
  test("maps offsets from any recent version to the current text", () => {
    let state = EditorState.create({ doc: "a = b + c" });
    const history = makeSpanHistory(state.doc);
    const edit = (from: number, to: number, insert: string) => {
      const tr = state.update({ changes: { from, to, insert } });
      state = tr.state;
      history.record(tr.changes, state.doc);
    };
    edit(0, 0, "# x\n"); // "# x\na = b + c"
    const middle = state.doc.toString();
    edit(8, 9, "bb"); // "# x\na = bb + c"
    const fromOriginal = history.mapperFor("a = b + c");
    const fromMiddle = history.mapperFor(middle);
    // 'c' was at 8 in the original, 12 in the middle version, 13 now.
    expect(fromOriginal?.(8, 1)).toBe(13);
    expect(fromMiddle?.(12, 1)).toBe(13);
    expect(state.doc.sliceString(13, 14)).toBe("c");
  });

  test("returns null for a text that was never on screen", () => {
    const history = makeSpanHistory(EditorState.create({ doc: "abc" }).doc);
    expect(history.mapperFor("abd")).toBeNull();
    expect(history.mapperFor("abc")?.(2, 1)).toBe(2);
  });
});

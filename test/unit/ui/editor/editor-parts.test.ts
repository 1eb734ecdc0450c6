import { CompletionContext } from "@codemirror/autocomplete";
import { EditorState } from "@codemirror/state";
import { describe, expect, test } from "vitest";
import { makeCompletionSource } from "../../../../src/ui/editor/completion";
import { toLintDiagnostics } from "../../../../src/ui/editor/diagnostics";
import { readFileSync } from "node:fs";
import { Text } from "@codemirror/state";
import { lexForHighlighting } from "../../../../src/lang/syntax/highlight";
import {
  decorateTokens,
  LineTokenCache,
  lexVisibleLines,
} from "../../../../src/ui/editor/highlight";
import { findKeyAt } from "../../../../src/ui/editor/names";
import type { CompletionResult } from "@codemirror/autocomplete";

describe("findKeyAt", () => {
  const text = "total = sum(pressures[children] over x) + band_d[-1]";
  test("finds a member key, and the bare name beside it", () => {
    const at = text.indexOf("children") + 2;
    expect(findKeyAt(text, 100, 100 + at)).toEqual({
      key: "pressures[children]",
      name: "pressures",
      from: 100 + text.indexOf("pressures"),
      to: 100 + text.indexOf(" over"),
    });
  });
  test("an offset lag is not a member: band_d[-1] is band_d", () => {
    expect(findKeyAt(text, 0, text.indexOf("band_d") + 1)?.key).toBe("band_d");
  });
  test("a record's column is one name, with or without a member", () => {
    const line = "x = deposits.maturity[dmo] - deposits.start";
    expect(findKeyAt(line, 0, line.indexOf("maturity") + 2)).toEqual({
      key: "deposits.maturity[dmo]",
      name: "deposits.maturity",
      from: line.indexOf("deposits"),
      to: line.indexOf(" -"),
    });
    expect(findKeyAt(line, 0, line.length - 1)?.key).toBe("deposits.start");
  });
  test("returns null between names", () => {
    expect(findKeyAt(text, 0, text.indexOf("=") + 1)).toBeNull();
  });
});

describe("toLintDiagnostics", () => {
  test("clamps spans from an older revision to the current text", () => {
    const out = toLintDiagnostics(
      [{ code: "P2001", severity: "error", message: "Unknown.", from: 8, to: 40 }],
      10,
    );
    expect(out).toEqual([
      { from: 8, to: 10, severity: "error", source: "P2001", message: "Unknown." },
    ]);
  });
});

describe("decorateTokens", () => {
  test("keeps only visible, in-document tokens", () => {
    const tokens = [
      { from: 0, to: 5, kind: "keyword" as const },
      { from: 6, to: 10, kind: "name" as const },
      { from: 20, to: 25, kind: "number" as const },
      { from: 30, to: 99, kind: "comment" as const },
    ];
    const set = decorateTokens(tokens, [{ from: 7, to: 40 }], 50);
    const seen: string[] = [];
    set.between(0, 50, (from, to, d) => {
      const spec = d.spec as { class?: string };
      seen.push(`${from}-${to} ${spec.class ?? ""}`);
    });
    // 6-10 overlaps the visible range; 30-99 runs past the document's end and is dropped.
    expect(seen).toEqual(["6-10 pc-tok-name", "20-25 pc-tok-number"]);
  });
});

describe("lexVisibleLines", () => {
  test("gives the tokens lexing the whole model gives, for the lines in view only", () => {
    const text = readFileSync("examples/tom-cost-benefit.precept", "utf8");
    const doc = Text.of(text.split("\n"));
    const whole = lexForHighlighting(text);
    // Two ranges that start and end mid-line (as CodeMirror's visible ranges may), one touching
    // the next's first line.
    const a = { from: text.indexOf("input one_off_costs") + 3, to: text.indexOf("label", 2000) };
    const b = { from: a.to + 1, to: Math.floor(text.length * 0.8) };
    const lines = [doc.lineAt(a.from).from, doc.lineAt(b.to).to];
    const expected = whole.filter((t) => t.from >= (lines[0] ?? 0) && t.to <= (lines[1] ?? 0));
    expect(expected.length).toBeGreaterThan(100);
    expect(lexVisibleLines(lexForHighlighting, doc, [a, b])).toEqual(expected);
    expect(lexVisibleLines(lexForHighlighting, doc, [a, b], new LineTokenCache())).toEqual(
      expected,
    );
  });

  test("with a line cache, gives the same tokens and lexes only lines it has not seen", () => {
    const text = readFileSync("examples/tom-cost-benefit.precept", "utf8");
    const doc = Text.of(text.split("\n"));
    const whole = lexForHighlighting(text);
    const seen: string[] = [];
    const lex = (line: string) => {
      seen.push(line);
      return lexForHighlighting(line);
    };
    const cache = new LineTokenCache();
    const all = [{ from: 0, to: text.length }];
    expect(lexVisibleLines(lex, doc, all, cache)).toEqual(whole);
    const lexed = seen.length;
    // One line edited: only that line is lexed again, and the tokens still match a whole lex.
    const at = text.indexOf("input one_off_costs");
    const edited = `${text.slice(0, at)}input  one_off_costs${text.slice(at + "input one_off_costs".length)}`;
    const editedDoc = Text.of(edited.split("\n"));
    expect(lexVisibleLines(lex, editedDoc, [{ from: 0, to: edited.length }], cache)).toEqual(
      lexForHighlighting(edited),
    );
    expect(seen.slice(lexed)).toEqual([editedDoc.lineAt(at).text]);
  });
});

describe("makeCompletionSource", () => {
  const source = makeCompletionSource(() => ({
    names: ["band_d", "band_d_increase", "taxbase"],
    functions: ["npv"],
    periods: ["2019/20", "2020/21"],
    members: ["children", "adults"],
  }));
  const complete = (doc: string, explicit = false) => {
    const state = EditorState.create({ doc });
    const result = source(
      new CompletionContext(state, doc.length, explicit),
    ) as CompletionResult | null;
    return result && { from: result.from, labels: result.options.map((o) => o.label) };
  };
  test("completes a record's column after its dot", () => {
    const columns = makeCompletionSource(() => ({
      names: ["deposits.principal", "deposits.rate", "total"],
    }));
    const doc = "x = deposits.pr";
    const state = EditorState.create({ doc });
    const result = columns(new CompletionContext(state, doc.length, false)) as CompletionResult;
    expect(result.from).toBe(4);
    expect(result.options.map((o) => o.label)).toContain("deposits.principal");
  });
  test("completes names and functions after a name prefix", () => {
    expect(complete("x = ban")).toEqual({
      from: 4,
      labels: ["band_d", "band_d_increase", "taxbase", "npv"],
    });
  });
  test("completes members after an opening bracket", () => {
    expect(complete("x = pressures[ch")).toEqual({ from: 14, labels: ["children", "adults"] });
  });
  test("completes periods after a year", () => {
    expect(complete("x = band_d[2019")).toEqual({ from: 11, labels: ["2019/20", "2020/21"] });
  });
  test("offers nothing inside comments or strings", () => {
    expect(complete("x = 1 # ban")).toBeNull();
    expect(complete('source "ban')).toBeNull();
  });
});

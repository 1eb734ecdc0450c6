import { describe, expect, it } from "vitest";
import { completionNames, lexForHighlighting } from "../../src/lang";

describe("lexForHighlighting", () => {
  it("classifies each token of a formula for the editor", () => {
    const text = "band_d (£) = £1,426.18 * 2.99% + x[2019/20] # note";
    const kinds = lexForHighlighting(text).map((t) => `${text.slice(t.from, t.to)}:${t.kind}`);
    expect(kinds).toEqual([
      "band_d:name",
      "(:punctuation",
      "£:unit",
      "):punctuation",
      "=:operator",
      "£1,426.18:money",
      "*:operator",
      "2.99%:percent",
      "+:operator",
      "x:name",
      "[:punctuation",
      "2019/20:period",
      "]:punctuation",
      "# note:comment",
    ]);
  });

  it("marks keywords, sections and strings, and unreadable characters as invalid", () => {
    const text = '## Funding\ninput a = 1 $ label "x"';
    const kinds = lexForHighlighting(text).map((t) => `${text.slice(t.from, t.to)}:${t.kind}`);
    expect(kinds).toEqual([
      "## Funding:section",
      "input:keyword",
      "a:name",
      "=:operator",
      "1:number",
      "$:invalid",
      "label:keyword",
      '"x":string',
    ]);
  });
});

describe("completionNames", () => {
  it("offers the model's line items, dimensions and members, then functions and keywords", () => {
    const names = completionNames(
      'periods 2019/20 .. 2020/21\ndimension d = north "North"\ninput band_d (£) = £1\n  label "Band D"\n',
    );
    expect(names.slice(0, 3)).toEqual([
      { label: "d", kind: "dimension" },
      { label: "north", kind: "member", detail: "North" },
      { label: "band_d", kind: "line item", detail: "Band D" },
    ]);
    expect(names.some((n) => n.label === "npv" && n.kind === "function")).toBe(true);
    expect(names.some((n) => n.label === "within" && n.kind === "keyword")).toBe(true);
  });
});

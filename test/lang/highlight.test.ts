import { describe, expect, it } from "vitest";
import { lexForHighlighting } from "../../src/lang";

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

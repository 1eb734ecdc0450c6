import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkModel, formatModel } from "../../src/lang";

const doc = readFileSync(join(import.meta.dirname, "../../docs/language.md"), "utf8");

/** Fenced ```precept blocks, with the codes a block says it expects (`precept expect=P3001`). */
const blocks = [...doc.matchAll(/^```precept([^\n]*)\n([\s\S]*?)^```$/gm)].map((m, i) => {
  const expect = /expect=([\w,]+)/.exec(m[1] ?? "")?.[1];
  const line = doc.slice(0, m.index).split("\n").length;
  return {
    name: `block ${i + 1} (line ${line})`,
    text: m[2] ?? "",
    expected: expect === undefined ? [] : expect.split(","),
  };
});

describe("docs/language.md", () => {
  it("has examples", () => {
    expect(blocks.length).toBeGreaterThan(15);
  });

  for (const block of blocks) {
    it(`${block.name} checks as the text says`, () => {
      const codes = checkModel(block.text).diagnostics.map((d) => `${d.code} ${d.message}`);
      const found = [...new Set(codes.map((c) => c.slice(0, 5)))].sort();
      expect(found, codes.join("\n")).toEqual([...block.expected].sort());
    });

    it(`${block.name} is already in canonical layout or formats stably`, () => {
      const once = formatModel(block.text);
      expect(formatModel(once)).toBe(once);
      expect(checkModel(once).diagnostics.map((d) => d.code)).toEqual(
        checkModel(block.text).diagnostics.map((d) => d.code),
      );
    });
  }
});

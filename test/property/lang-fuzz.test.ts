import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkModel, formatModel, Limits, lexForHighlighting, parseModel } from "../../src/lang";
import { tokenSoupArb } from "../support/lang-arbitraries";

const seed = 20180918;
// A bound against hangs and runaway backtracking, not a speed target (speed is measured in
// `npm run bench`): generous enough for a loaded 2-core CI machine.
const budgetMs = 2_000;

function frontEnd(text: string): void {
  const started = performance.now();
  const parsed = parseModel(text);
  const checked = checkModel(text);
  formatModel(text);
  lexForHighlighting(text);
  const elapsed = performance.now() - started;
  expect(Array.isArray(parsed.diagnostics)).toBe(true);
  expect(Array.isArray(checked.diagnostics)).toBe(true);
  for (const d of checked.diagnostics) {
    expect(d.span.from).toBeGreaterThanOrEqual(0);
    expect(d.span.to).toBeLessThanOrEqual(text.length);
    expect(d.span.from).toBeLessThanOrEqual(d.span.to);
  }
  expect(elapsed).toBeLessThan(budgetMs);
}

describe("the front end on untrusted text", () => {
  it("never throws on arbitrary text, and answers quickly", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 300 }), frontEnd), {
      seed,
      numRuns: 500,
    });
  });

  it("never throws on token soup, and answers quickly", () => {
    fc.assert(fc.property(tokenSoupArb, frontEnd), { seed, numRuns: 1000 });
  });

  it("refuses 10,000 nested brackets with a diagnostic, not a crash", () => {
    const text = `periods 2019/20 .. 2020/21\nx = ${"(".repeat(10_000)}1${")".repeat(10_000)}\ny = 1\n`;
    const m = checkModel(text);
    expect(m.diagnostics.map((d) => d.code)).toContain("P1005");
    expect(m.lineItems.map((i) => i.name)).toEqual(["y"]);
  });

  it("refuses 10,000 unclosed brackets, prefix minus signs, nots, ifs and powers", () => {
    for (const body of [
      "(".repeat(10_000),
      `${"-".repeat(10_000)}1`,
      `${"not ".repeat(10_000)}true`,
      `${"if true then ".repeat(5_000)}1`,
      `${"2 ^ ".repeat(10_000)}2`,
      "x[".repeat(10_000),
    ]) {
      const m = checkModel(`periods 2019/20 .. 2020/21\nx = ${body}\n`);
      expect(m.diagnostics.map((d) => d.code)).toContain("P1005");
    }
  });

  it("refuses a formula with more operators than the limit", () => {
    const m = checkModel(
      `periods 2019/20 .. 2020/21\nx = 1${" + 1".repeat(Limits.maxOperations + 1)}\n`,
    );
    expect(m.diagnostics.map((d) => d.code)).toContain("P1009");
  });

  it("accepts nesting just under the limit", () => {
    const depth = Limits.maxNesting - 1;
    const m = checkModel(
      `periods 2019/20 .. 2020/21\nx = ${"(".repeat(depth)}1 + 1${")".repeat(depth)}\n`,
    );
    expect(m.diagnostics).toEqual([]);
  });

  it("refuses text over the size limit without reading it", () => {
    const text = "#".repeat(Limits.maxFileChars + 1);
    const m = checkModel(text);
    expect(m.diagnostics.map((d) => d.code)).toEqual(["P1006", "P2009"]);
  });

  it("reads a large but legal model in reasonable time", () => {
    const lines = ["periods 2019/20 .. 2023/24", "input a0 (£m) = 1"];
    for (let i = 1; i < 5_000; i++) lines.push(`a${i} (£m) = a${i - 1} * 1.01 + a${i - 1}[-1]`);
    const text = lines.join("\n").replace(/a1 \(£m\) = .*/, "a1 (£m) = a0 * 1.01");
    const started = performance.now();
    const m = checkModel(text);
    expect(performance.now() - started).toBeLessThan(30_000);
    expect(m.lineItems).toHaveLength(5_000);
  });
});

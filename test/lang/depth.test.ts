// The checker must not recurse over user-sized depth (issue 16): a long sum nests down its left
// side as deep as it is long, and a line without a unit takes its unit from what it reads, so a
// chain or cycle of such lines is as deep as it is long.
import { describe, expect, it } from "vitest";
import { checkModel } from "../../src/lang";

const periods = "periods 2019/20 .. 2020/21\n";
// Lines without a declared unit get warning P3013 (add the unit); errors are what must not appear.

describe("checking deep models", () => {
  it("checks a 1,990-term sum (under the 2,000-operation limit) and gives it its unit", () => {
    const terms = Array.from({ length: 1_990 }, () => "a").join(" + ");
    const checked = checkModel(`${periods}input a (£) = 1\nx = ${terms}\n`);
    expect(checked.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(checked.lineItems.find((l) => l.name === "x")?.unit.base).toBe("£");
  });

  it("infers units along a chain of 20,000 lines without units", () => {
    const lines = Array.from({ length: 20_000 }, (_, i) => `a${i + 1} = a${i} + a${i}`);
    const checked = checkModel(`${periods}input a0 (£) = 1\n${lines.join("\n")}\n`);
    expect(checked.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(checked.lineItems.at(-1)?.unit.base).toBe("£");
  });

  it("ends on a cycle of 20,000 lines without units", () => {
    const lines = Array.from({ length: 20_000 }, (_, i) => `a${i} = a${(i + 19_999) % 20_000} + 1`);
    const checked = checkModel(`${periods}${lines.join("\n")}\n`);
    expect(checked.lineItems).toHaveLength(20_000);
  });
});

describe("size limits", () => {
  it("checks but does not offer for evaluation a model over the cell limit (P1023)", () => {
    // 10,000 members × 200 periods × 1 line = 2,000,000 values, twice the limit.
    const members = Array.from({ length: 10_000 }, (_, i) => `m${i}`).join(", ");
    const text = `periods 2000/01 .. 2199/00\ndimension d = ${members}\ninput a by d = 1\nb = 2\n`;
    const checked = checkModel(text);
    expect(checked.diagnostics.map((d) => d.code)).toEqual(["P1023"]);
    expect(checked.lineItems).toEqual([]);
  });

  it("evaluates a model just under the cell limit", () => {
    const members = Array.from({ length: 4_999 }, (_, i) => `m${i}`).join(", ");
    const checked = checkModel(
      `periods 2000/01 .. 2199/00\ndimension d = ${members}\ninput a by d = 1\n`,
    );
    expect(checked.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(checked.lineItems).toHaveLength(1);
  });

  it("refuses a quoted text over 10,000 characters (P1024) where it is", () => {
    const text = `periods 2019/20 .. 2020/21\ninput a = 1\n  label "${"x".repeat(10_001)}"\n`;
    const error = checkModel(text).diagnostics.find((d) => d.code === "P1024");
    expect(error?.span.from).toBe(text.indexOf('"'));
  });
});

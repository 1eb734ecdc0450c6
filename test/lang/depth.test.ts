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

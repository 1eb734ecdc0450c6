import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatModel, parseModel, printModel } from "../../src/lang";
import { modelArb, stripPositions } from "../support/lang-arbitraries";

const seed = 20180918;

describe("printModel / parseModel", () => {
  it("parsing the printed model gives the same model (ignoring spans and ids)", () => {
    fc.assert(
      fc.property(modelArb, (ast) => {
        const text = printModel(ast);
        const parsed = parseModel(text);
        const syntax = parsed.diagnostics.filter((d) => d.code.startsWith("P1"));
        expect(syntax, text).toEqual([]);
        expect(stripPositions(parsed.ast.decls), text).toEqual(stripPositions(ast.decls));
      }),
      { seed, numRuns: 400 },
    );
  });

  it("formatting is idempotent", () => {
    fc.assert(
      fc.property(modelArb, (ast) => {
        const once = printModel(ast);
        expect(formatModel(once)).toBe(once);
      }),
      { seed, numRuns: 200 },
    );
  });
});

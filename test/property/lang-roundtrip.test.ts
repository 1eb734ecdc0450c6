import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatModel, parseModel, printModel } from "../../src/lang";
import { modelArb, stripPositions } from "../support/lang-arbitraries";
import { fuzzModel, printModel as printFuzzModel } from "../support/pipeline-arbitraries";

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

describe("printModel on record tables", () => {
  const withRecord = fuzzModel.filter((m) => m.lines.some((l) => l.body.kind === "record"));

  it("writes a record's columns back as the one table, which parses to the same columns", () => {
    fc.assert(
      fc.property(withRecord, (m) => {
        const text = printFuzzModel(m);
        const parsed = parseModel(text);
        if (parsed.diagnostics.some((d) => d.code.startsWith("P1"))) return;
        const printed = printModel(parsed.ast);
        const again = parseModel(printed);
        expect(stripPositions(again.ast.decls), printed).toEqual(stripPositions(parsed.ast.decls));
        expect(formatModel(printed)).toBe(printed);
        // Each record is printed once, with its header, not once per column.
        const records = parsed.ast.decls.filter(
          (d) => d.kind === "input" && d.record?.index === 0,
        ).length;
        expect(
          printed.match(/^input \S+( by \S+)?( \([^)]*\))? =\n {2}table +c0/gm)?.length ?? 0,
        ).toBe(records);
      }),
      { seed, numRuns: 300 },
    );
  });
});

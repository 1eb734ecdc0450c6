/**
 * `sameWorld`, the incremental front end's early cut-off: true only when every answer of the symbol
 * table other than an inferred type is the same, so that declarations need not re-validate what
 * they looked up. A wrong `true` would let a stale check through; each change of interface here
 * must give `false`, and an edit inside a formula or a value must give `true`.
 */
import { describe, expect, it } from "vitest";
import { collectSymbols } from "../../../src/lang/resolve/symbols";
import { Fingerprints, sameWorld } from "../../../src/lang/incremental/interfaces";
import { parseModel } from "../../../src/lang/syntax/parse";

const base = [
  'model "w"',
  "periods 2024/25 .. 2026/27",
  'dimension area = north "North", south',
  "input rate (%) = 2%",
  "input spend by area (£000) = 10",
  "cost by area (£000) = spend * (1 + rate)",
  "total (£000) = sum(cost over area) + total[-1]",
  "  opening 0",
  "check positive: total >= 0",
  "scenario high {",
  "  rate = 5%",
  "}",
  "",
].join("\n");

const fingerprints = (text: string): Fingerprints =>
  new Fingerprints(collectSymbols(parseModel(text).ast, []));

const same = (edited: string): boolean => {
  expect(edited).not.toBe(base);
  return sameWorld(fingerprints(base), fingerprints(edited));
};

describe("sameWorld", () => {
  it("holds for the same text and for edits inside a formula or a value", () => {
    const symbolDiagnostics: unknown[] = [];
    const parsed = parseModel(base);
    const table = collectSymbols(parsed.ast, symbolDiagnostics as never[]);
    expect(parsed.diagnostics).toEqual([]);
    expect(symbolDiagnostics).toEqual([]);
    expect([...table.dimensions.values()][0]?.members.map((m) => m.label)).toEqual([
      "North",
      "south",
    ]);
    expect(sameWorld(fingerprints(base), fingerprints(base))).toBe(true);
    expect(same(base.replace("rate (%) = 2%", "rate (%) = 3%"))).toBe(true);
    expect(same(base.replace("spend * (1 + rate)", "spend * (2 + rate)"))).toBe(true);
    expect(same(`${base}# a comment\n`)).toBe(true);
  });

  it("fails when a line item is renamed, added, removed or reordered", () => {
    expect(same(base.replace("input rate (%)", "input rates (%)"))).toBe(false);
    expect(same(base.replace("check positive", "input extra = 1\ncheck positive"))).toBe(false);
    expect(same(base.replace("input rate (%) = 2%\n", ""))).toBe(false);
    const swapped = base.replace(
      "input rate (%) = 2%\ninput spend by area (£000) = 10",
      "input spend by area (£000) = 10\ninput rate (%) = 2%",
    );
    expect(same(swapped)).toBe(false);
  });

  it("fails when a line item's unit, kind, dimension or opening changes", () => {
    expect(same(base.replace("input rate (%)", "input rate"))).toBe(false);
    expect(same(base.replace("cost by area (£000)", "cost by area (£m)"))).toBe(false);
    expect(same(base.replace("input rate (%) = 2%", "rate (%) = 2%"))).toBe(false);
    expect(same(base.replace("input spend by area", "input spend"))).toBe(false);
    expect(same(base.replace("\n  opening 0", ""))).toBe(false);
  });

  it("fails when a dimension's members or labels change", () => {
    expect(same(base.replace('north "North", south', "north, south"))).toBe(false);
    expect(same(base.replace('north "North", south', 'north "N", south'))).toBe(false);
    expect(same(base.replace(", south", ", south, east"))).toBe(false);
  });

  it("fails when a check or scenario is renamed, added or removed", () => {
    expect(same(base.replace("check positive", "check nonnegative"))).toBe(false);
    expect(same(base.replace("scenario high", "scenario higher"))).toBe(false);
    expect(same(base.replace("scenario high {\n  rate = 5%\n}\n", ""))).toBe(false);
    expect(same(base.replace("scenario high {\n  rate = 5%\n}", "check high: rate >= 0"))).toBe(
      false,
    );
  });
});

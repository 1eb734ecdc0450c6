import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkModel, formatModel } from "../../src/lang";
import { stripPositions } from "../support/lang-arbitraries";

const read = (name: string): string =>
  readFileSync(join(import.meta.dirname, "models", name), "utf8");

describe("the council tax model of Annex 1b (test/lang/models/council-tax.precept)", () => {
  const text = read("council-tax.precept");
  const m = checkModel(text);

  it("checks cleanly", () => {
    expect(m.diagnostics).toEqual([]);
  });

  it("has the annex's periods and line items in source order", () => {
    expect(m.periods).toEqual(["2019/20", "2020/21", "2021/22"]);
    expect(
      m.lineItems.map((i) => `${i.kind} ${i.name} (${i.unit.display}) [${i.section}]`),
    ).toEqual([
      "input band_d_increase (%) [Assumptions]",
      "input taxbase_growth (%) [Assumptions]",
      "input taxbase (properties) [Assumptions]",
      "input collection_surplus (£m) [Assumptions]",
      "calc band_d (£ per property) [Council tax]",
      "calc council_tax_requirement (£m) [Council tax]",
      "calc total_council_tax (£m) [Council tax]",
      "input band_d_printed (£ per property) [Checks against the printed table]",
    ]);
  });

  it("holds inputs as exact decimals in base units", () => {
    const values = Object.fromEntries(
      m.lineItems.map((i) => [
        i.name,
        i.definition.kind === "input" ? i.definition.values : i.definition,
      ]),
    );
    // By hand: 2.99% = 0.0299; 1.99% = 0.0199; £4.500m = £4,500,000; 2% = 0.02.
    expect(values["band_d_increase"]).toEqual({
      kind: "series",
      values: ["0.0299", "0.0199", "0.0199"],
    });
    expect(values["taxbase_growth"]).toEqual({ kind: "scalar", value: "0.02" });
    expect(values["taxbase"]).toEqual({ kind: "series", values: ["251778", "256831", "261949"] });
    expect(values["collection_surplus"]).toEqual({
      kind: "series",
      values: ["4500000", "4500000", "4500000"],
    });
    const bandD = m.lineItems.find((i) => i.name === "band_d")?.definition;
    expect(bandD?.kind === "calc" ? bandD.opening : undefined).toBe("1426.2");
    expect(m.lineItems.find((i) => i.name === "council_tax_requirement")?.unit).toEqual({
      display: "£m",
      base: "£",
      scale: "1000000",
    });
  });

  it("lists the checks, one of them a known finding", () => {
    expect(m.checks.map((c) => `${c.name}${c.known === undefined ? "" : " (known)"}`)).toEqual([
      "band_d_ties",
      "requirement_2019_20",
      "requirement_2020_21 (known)",
      "requirement_2021_22",
      "total_2021_22",
      "growth_2020_21",
      "growth_2021_22",
    ]);
    expect(m.checks.every((c) => c.test.kind === "approx" || c.name.startsWith("growth"))).toBe(
      true,
    );
  });

  it("formats to a text that reads back as the same model", () => {
    const formatted = formatModel(text);
    expect(formatModel(formatted)).toBe(formatted);
    expect(stripPositions(checkModel(formatted).ast.decls)).toEqual(stripPositions(m.ast.decls));
  });
});

import { describe, expect, it } from "vitest";
import { createEngine } from "../../src/engine";
import { gridCsv } from "../../src/export/csv";
import { canonicalFigure, previewCsvImport } from "../../src/export/csv-import";
import { allCodesDocumented } from "./codes-doc";

const model = `model "Import"
periods 2019/20 .. 2021/22
dimension directorate = children, adults
input pressures by directorate (£000) =
  table     2019/20  2020/21  2021/22
  children    1,851    1,502    1,527
  adults      1,819    7,900    5,576
  source "Annex 1a"
input band_d (£ per property) = £1,500
  source "Annex 1b"
input label_only (text) = "x"
total (£000) = sum(pressures over directorate)
`;
const header = "key,label,unit,2019/20,2020/21,2021/22";
const csv = (...rows: string[]) => [header, ...rows].join("\r\n") + "\r\n";

function valuesOf(text: string, key: string): (string | null)[] {
  const line = createEngine()
    .update(text)
    .lines.find((l) => l.key === key);
  return line?.cells.map((c) => c.value) ?? [];
}

describe("CSV import of figures into inputs, previewed", () => {
  it("previews the changed figures and gives a text whose inputs hold them", () => {
    const r = previewCsvImport(
      model,
      csv(
        'pressures[adults],p,£000,1819,"8,000",',
        "band_d,b,£ per property,1500,1550.5,1600",
        "total,t,£000,1,2,3",
      ),
    );
    if (!r.ok) throw new Error(r.message);
    expect(r.inputs).toEqual(["pressures", "band_d"]);
    expect(r.changes).toEqual([
      { key: "pressures[adults]", period: "2020/21", before: "7900", after: "8000" },
      { key: "band_d", period: "2020/21", before: "1500", after: "1550.5" },
      { key: "band_d", period: "2021/22", before: "1500", after: "1600" },
    ]);
    expect(r.ignored).toBe(1);
    // The input in £000 holds 8,000 thousand; the total is 1,502 + 8,000 = 9,502 thousand.
    expect(valuesOf(r.text, "pressures[adults]")).toEqual(["1819000", "8000000", "5576000"]);
    expect(valuesOf(r.text, "pressures[children]")).toEqual(["1851000", "1502000", "1527000"]);
    expect(valuesOf(r.text, "total")).toEqual(["3670000", "9502000", "7103000"]);
    expect(valuesOf(r.text, "band_d")).toEqual(["1500", "1550.5", "1600"]);
    // Sources and the other declarations are kept.
    expect(r.text).toContain('  source "Annex 1a"');
    expect(r.text).toContain("total (£000) = sum(pressures over directorate)");
  });

  it("round-trips the grid's own CSV export: nothing to import", () => {
    const snap = createEngine().update(model);
    const r = previewCsvImport(
      model,
      gridCsv(
        snap.periods,
        snap.lines.filter((l) => l.name !== "label_only"),
      ),
    );
    expect(r).toMatchObject({ ok: false, code: "P7008" });
  });

  it.each([
    ["a file that is not a grid", "name,value\r\nx,1\r\n", "P7001"],
    [
      "an unknown period column",
      "key,label,unit,2030/31\r\nband_d,b,£ per property,1\r\n",
      "P7002",
    ],
    ["an unknown line", csv("nope,n,£,1,2,3"), "P7003"],
    ["an unknown member", csv("pressures[schools],p,£000,1,2,3"), "P7003"],
    ["figures in another unit", csv("pressures[adults],p,£m,1,2,3"), "P7004"],
    ["a formula in a cell", csv("band_d,b,£ per property,=1+1,,"), "P7005"],
    ["a text input", csv("label_only,l,text,1,2,3"), "P7006"],
  ])("refuses %s (%s) and changes nothing", (_, file, code) => {
    const r = previewCsvImport(model, file);
    expect(r).toMatchObject({ ok: false, code });
  });

  it("writes figures canonically", () => {
    expect(["1,851", "-2,199", "007.50", "-0", "4.500"].map(canonicalFigure)).toEqual([
      "1851",
      "-2199",
      "7.5",
      "0",
      "4.5",
    ]);
  });

  it("every import code is in docs/cli.md", () => {
    expect(allCodesDocumented()).toEqual([]);
  });
});

/**
 * P14: a CSV export cannot carry formula injection. The grid of a model whose labels, member
 * labels and text values look like formulas is exported as CSV, opened in LibreOffice as a
 * person would open it, and saved again: no cell became a formula, numbers stayed numbers. A
 * control file with the same text unescaped shows that LibreOffice does evaluate such cells, so
 * the test can fail.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { runCliAsync } from "../cli/support";
import { importCsvToXlsx } from "../support/libreoffice";

const dir = mkdtempSync(join(tmpdir(), "precept-csv-"));
const model = join(import.meta.dirname, "hostile-text.precept");
const exported = join(dir, "exported.csv");
const control = join(dir, "control.csv");

async function cells(file: string): Promise<ExcelJS.Cell[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out: ExcelJS.Cell[] = [];
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => out.push(c))));
  return out;
}

beforeAll(async () => {
  const r = await runCliAsync("export", model, "--format", "csv", "--output", exported);
  expect(r.code).toBe(0);
  writeFileSync(
    control,
    'key,label\r\nincome,=1+1\r\nkind,"=HYPERLINK(""http://example.invalid"")"\r\n',
  );
  importCsvToXlsx([exported, control], dir);
}, 120_000);

describe("P14: the CSV export opens in LibreOffice without any formula", () => {
  it("the control: unescaped text does become formulas", async () => {
    const all = await cells(join(dir, "control.xlsx"));
    expect(all.filter((c) => Boolean(c.formula)).length).toBe(2);
  });

  it("the export: no cell is a formula, text stays text and numbers stay numbers", async () => {
    const csv = readFileSync(exported, "utf8");
    expect(csv).toContain("'=1+1");
    const all = await cells(join(dir, "exported.xlsx"));
    expect(all.length).toBeGreaterThan(30);
    expect(all.filter((c) => Boolean(c.formula))).toEqual([]);
    const byText = (t: string) => all.filter((c) => c.value === t).length;
    expect(byText("'=1+1")).toBe(1);
    expect(byText("'  =2+2")).toBe(2);
    expect(byText("'-general")).toBe(1);
    expect(byText('\'=HYPERLINK("http://example.invalid")')).toBe(3);
    expect(byText("'@SUM(A1:A2)")).toBe(3);
    // income is £10m in a (£m) line: 10 in each period, as numbers.
    const numbers = all.filter((c) => typeof c.value === "number");
    expect(numbers.filter((c) => c.value === 10).length).toBe(3);
  });
});

describe("precept export", () => {
  it("writes the xlsx and reports what it wrote", async () => {
    const out = join(dir, "model.xlsx");
    const r = await runCliAsync("export", model, "--format", "xlsx", "--output", out);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/model\.xlsx: 2 sheets, \d+ formula cells/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["HYPERLINK( http example.invalid", "Notes"]);
  });

  it("exports a scenario's values", async () => {
    const tom = join(import.meta.dirname, "..", "..", "examples", "tom-cost-benefit.precept");
    const base = join(dir, "base.csv");
    const high = join(dir, "high.csv");
    expect((await runCliAsync("export", tom, "--format", "csv", "--output", base)).code).toBe(0);
    const r = await runCliAsync(
      "export",
      tom,
      "--format",
      "csv",
      "--output",
      high,
      "--scenario",
      "high",
    );
    expect(r.code).toBe(0);
    expect(readFileSync(high, "utf8")).not.toBe(readFileSync(base, "utf8"));
  });

  it.each([
    [["export", model, "--output", "x.xlsx"], /needs --format/],
    [["export", model, "--format", "xlsx"], /needs --format/],
    [["export", model, "--format", "pdf", "--output", "x.pdf"], /Unknown format 'pdf'/],
    [["export", model, "--format", "csv", "--output", "x.csv", "--scenario", "nope"], /P6007/],
    [["eval", model, "--output", "x.csv"], /--output is not an option of 'eval'/],
  ])("refuses %j with exit 2", async (argv, message) => {
    const r = await runCliAsync(...argv);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });

  it("an output it cannot write is exit 2 with one line", async () => {
    const r = await runCliAsync(
      "export",
      model,
      "--format",
      "csv",
      "--output",
      join(dir, "missing", "x.csv"),
    );
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^precept: cannot write '.*x\.csv' \(ENOENT\)\.\n$/);
  });
});

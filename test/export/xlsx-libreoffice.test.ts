/**
 * P13: the `.xlsx` export of every example model recalculates, in LibreOffice with forced
 * recalculation, to Precept's numbers. Each workbook is written, opened by one `soffice` run
 * that recalculates every formula and writes every sheet as CSV with raw values, and every cell
 * of every line is compared with Precept's value: numbers within 1e-9 relative to the larger of
 * the two values and the line's largest magnitude (a difference that cancels to 0 in exact
 * decimals leaves a residue of about 1e-16 of its operands in doubles), text and booleans
 * exactly. A workbook whose cached formula results are deliberately wrong proves that the values
 * read back were computed by LibreOffice, not copied from the file.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createEngine, type EvalSnapshot } from "../../src/engine";
import { buildWorkbookPlan } from "../../src/export/build";
import type { PlanCell, WorkbookPlan } from "../../src/export/plan";
import { writeXlsx } from "../../src/export/xlsx";
import ExcelJS from "exceljs";
import { readSheetCsv, recalcToCsv } from "../support/libreoffice";

const root = join(import.meta.dirname, "..", "..");
const exampleFiles = [
  ...readdirSync(join(root, "examples"))
    .filter((f) => f.endsWith(".precept"))
    .map((f) => join(root, "examples", f)),
  ...readdirSync(join(root, "examples", "library"))
    .filter((f) => f.endsWith(".precept"))
    .map((f) => join(root, "examples", "library", f)),
];

interface Exported {
  readonly name: string;
  readonly file: string;
  readonly plan: WorkbookPlan;
  readonly snapshot: EvalSnapshot;
}

const poisonNumber = 987654321.5;

/** The plan with every formula's cached result replaced by a wrong one. */
function poisoned(plan: WorkbookPlan): WorkbookPlan {
  const poison = (c: PlanCell | null): PlanCell | null =>
    c?.kind === "formula"
      ? { ...c, result: typeof c.result === "boolean" ? !c.result : poisonNumber }
      : c;
  return {
    ...plan,
    sheets: plan.sheets.map((s) => ({ ...s, rows: s.rows.map((r) => r.map(poison)) })),
  };
}

const dir = mkdtempSync(join(tmpdir(), "precept-xlsx-"));
const out = join(dir, "out");
const exported: Exported[] = [];
let poisonedExport: Exported;
let hostileExport: Exported;
const hostileText = readFileSync(join(import.meta.dirname, "hostile-text.precept"), "utf8");

async function exportModel(name: string, text: string, mutate = (p: WorkbookPlan) => p) {
  const engine = createEngine();
  const snapshot = engine.update(text);
  const plan = mutate(buildWorkbookPlan(engine.checked(), engine.evaluation(), null));
  const file = join(dir, `${name}.xlsx`);
  writeFileSync(file, await writeXlsx(plan));
  return { name, file, plan, snapshot };
}

beforeAll(async () => {
  for (const path of exampleFiles) {
    const name = path.slice(path.lastIndexOf("/") + 1).replace(/\.precept$/, "");
    exported.push(await exportModel(name, readFileSync(path, "utf8")));
  }
  const councilTax = readFileSync(join(root, "examples", "council-tax.precept"), "utf8");
  poisonedExport = await exportModel("poisoned", councilTax, poisoned);
  hostileExport = await exportModel("hostile", hostileText);
  recalcToCsv([...exported.map((e) => e.file), poisonedExport.file, hostileExport.file], out);
}, 300_000);

/** Precept's value of a cell as LibreOffice's CSV would print it, or a number to compare. */
function expectedOf(cell: EvalSnapshot["lines"][number]["cells"][number]): string | number {
  if (cell.error !== undefined) return `#${cell.error.code}`;
  if (cell.value === null) return "";
  if (cell.value === "true" || cell.value === "false") return cell.value.toUpperCase();
  const n = Number(cell.value);
  return /^-?\d+(\.\d+)?$/.test(cell.value) && Number.isFinite(n) ? n : cell.value;
}

/** The spreadsheet serial of a date written MM/DD/YYYY: days since 30 December 1899. */
function serialOf(mdy: string): number {
  const [m, d, y] = mdy.split("/").map(Number);
  return (Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

/** Compares every line's cells with what LibreOffice computed; returns the number compared. */
function compareAll(e: Exported): { compared: number; mismatches: string[] } {
  const sheets = new Map<string, string[][]>();
  const sheet = (name: string): string[][] => {
    let rows = sheets.get(name);
    if (rows === undefined) {
      rows = readSheetCsv(out, e.file, name);
      sheets.set(name, rows);
    }
    return rows;
  };
  const mismatches: string[] = [];
  let compared = 0;
  for (const line of e.snapshot.lines) {
    const where = e.plan.lines.find((l) => l.key === line.key);
    if (where === undefined) {
      mismatches.push(`${line.key}: not in the workbook`);
      continue;
    }
    const row = sheet(where.sheet)[where.row - 1] ?? [];
    const expected = line.cells.map(expectedOf);
    const scale = Math.max(0, ...expected.map((x) => (typeof x === "number" ? Math.abs(x) : 0)));
    expected.forEach((want, t) => {
      const got = row[where.firstPeriodCol - 1 + t] ?? "";
      compared++;
      const at = `${where.sheet}!${line.key}[${e.snapshot.periods[t] ?? t}]`;
      if (typeof want === "number") {
        // LibreOffice writes a percentage's raw value with its sign: 2.99% for 0.0299.
        // and a date as MM/DD/YYYY (Precept holds dates as the same serial days: 43190 is 31/3/2018).
        const value = got.endsWith("%")
          ? Number(got.slice(0, -1)) / 100
          : /^\d\d\/\d\d\/\d{4}$/.test(got)
            ? serialOf(got)
            : Number(got);
        const tolerance = 1e-9 * Math.max(Math.abs(want), Math.abs(value), scale);
        if (got === "" || !Number.isFinite(value) || Math.abs(value - want) > tolerance)
          mismatches.push(`${at}: Precept ${want}, LibreOffice '${got}'`);
      } else if (got !== want) {
        mismatches.push(`${at}: Precept '${want}', LibreOffice '${got}'`);
      }
    });
  }
  return { compared, mismatches };
}

describe("P13: the .xlsx export recalculates to Precept's numbers in LibreOffice", () => {
  it.each(exampleFiles.map((f) => f.slice(f.lastIndexOf("/") + 1)))("%s", (file) => {
    const e = exported.find((x) => `${x.name}.precept` === file);
    expect(e).toBeDefined();
    if (e === undefined) return;
    const { compared, mismatches } = compareAll(e);
    expect(mismatches).toEqual([]);
    const periods = e.snapshot.periods.length;
    expect(compared).toBe(e.snapshot.lines.length * periods);
    // Live formulas, not a table of values: most calculated cells are formulas.
    const calcCells = e.snapshot.lines.filter((l) => l.kind === "calc").length * periods;
    expect(e.plan.stats.formulas).toBeGreaterThan(calcCells / 2);
  });

  it("recalculates: a workbook whose cached results are wrong reads back Precept's values", () => {
    const { compared, mismatches } = compareAll(poisonedExport);
    expect(mismatches).toEqual([]);
    expect(compared).toBeGreaterThan(0);
    // Every formula cell really was poisoned, and none of the poison survived the recalculation.
    let formulas = 0;
    for (const s of poisonedExport.plan.sheets) {
      const csv = readSheetCsv(out, poisonedExport.file, s.name);
      s.rows.forEach((cells, r) =>
        cells.forEach((c, col) => {
          if (c?.kind !== "formula") return;
          formulas++;
          if (typeof c.result === "number") expect(c.result).toBe(poisonNumber);
          expect(Number(csv[r]?.[col])).not.toBe(poisonNumber);
        }),
      );
    }
    expect(formulas).toBeGreaterThan(50);
  });
});

/** The spreadsheet functions the export may write (formula.ts's whitelist). */
const allowedFunctions = new Set([
  "SUM",
  "MIN",
  "MAX",
  "AVERAGE",
  "IF",
  "ABS",
  "ROUND",
  "AND",
  "OR",
  "NOT",
]);

/** Every formula in the file, with the sheet names it quotes taken out. */
async function formulasIn(file: string): Promise<{ formula: string; sheets: string[] }[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const found: { formula: string; sheets: string[] }[] = [];
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const f = cell.formula;
        if (typeof f !== "string" || f === "") return;
        const sheets = [...f.matchAll(/'((?:[^']|'')*)'!/g)].map((m) =>
          (m[1] ?? "").replace(/''/g, "'"),
        );
        found.push({ formula: f.replace(/'(?:[^']|'')*'!/g, ""), sheets });
      }),
    ),
  );
  return found;
}

describe("P15: no formula in the .xlsx is built from user text", () => {
  it("every formula is cell references, numbers, operators and whitelisted functions", async () => {
    for (const e of [...exported, hostileExport]) {
      const formulas = await formulasIn(e.file);
      expect(formulas.length).toBeGreaterThan(0);
      const sheetNames = e.plan.sheets.map((s) => s.name);
      for (const { formula, sheets } of formulas) {
        expect(formula).toMatch(/^[A-Z0-9$:.,()+\-*/^<>=]+$/);
        for (const fn of formula.matchAll(/([A-Z]+)\(/g)) expect(allowedFunctions).toContain(fn[1]);
        // What is left after the functions is cell references and numbers only.
        const rest = formula
          .replace(/[A-Z]+\(/g, "(")
          .replace(/\$?[A-Z]{1,3}\$?\d+|TRUE|FALSE/g, "");
        expect(rest).toMatch(/^[0-9.:,()+\-*/^<>=]*$/);
        for (const s of sheets) expect(sheetNames).toContain(s);
      }
    }
  });

  it("labels, sources, member labels and text values that look like formulas stay text", () => {
    const plan = hostileExport.plan;
    const section = plan.sheets[0];
    expect(section?.name).not.toMatch(/[=[\]*?]/);
    const read = (key: string, col: number): string => {
      const where = plan.lines.find((l) => l.key === key);
      if (where === undefined) throw new Error(`${key} is not in the workbook`);
      return readSheetCsv(out, hostileExport.file, where.sheet)[where.row - 1]?.[col - 1] ?? "";
    };
    // Columns: name, label, unit, opening, three periods, source.
    expect(read("income", 2)).toBe("=1+1");
    expect(read("income", 8)).toBe("-2+3 @SUM(A1)");
    expect(read("share[general]", 2)).toBe("  =2+2: =1+1");
    expect(read("share[schools]", 2)).toBe("  =2+2: +2+3");
    expect(read("general_only", 2)).toBe("-general");
    expect(read("kind[general]", 5)).toBe('=HYPERLINK("http://example.invalid")');
    expect(read("kind[schools]", 5)).toBe("@SUM(A1:A2)");
    // A formula with a text literal is written as its value, with a note saying why.
    expect(read("is_general[general]", 5)).toBe("TRUE");
    expect(read("is_general[schools]", 5)).toBe("FALSE");
    const note = plan.notes.find((n) => n.item === "is_general[general]");
    expect(note?.reason).toMatch(/text/);
    // And the live formulas still compute.
    expect(Number(read("general_only", 5))).toBeCloseTo(6_000_000, 6);
  });

  it("defined names cover each line item's rows across the periods", async () => {
    const e = exported.find((x) => x.name === "council-tax");
    if (e === undefined) throw new Error("council-tax was not exported");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(e.file);
    const names = new Map(wb.definedNames.model.map((n) => [n.name, n.ranges]));
    const lines = e.snapshot.lines.filter((l) => l.member === undefined);
    expect(names.size).toBe(new Set(lines.map((l) => l.name)).size);
    for (const l of lines) {
      const where = e.plan.lines.find((p) => p.key === l.key);
      const last = String.fromCharCode(64 + 4 + e.snapshot.periods.length);
      expect(names.get(l.name)).toEqual([
        `'${where?.sheet ?? ""}'!$E$${where?.row ?? 0}:$${last}$${where?.row ?? 0}`,
      ]);
    }
  });
});

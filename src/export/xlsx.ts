/**
 * Writes a `WorkbookPlan` as an `.xlsx` file with exceljs. The only module of the export that
 * loads exceljs: the page imports it lazily (`import("../export/xlsx")`), so the library is not
 * in the main bundle. Text cells are always string cells: a label such as `=HYPERLINK(...)` stays
 * text (P15), and one that a spreadsheet might take for a formula also gets the text format.
 */
import ExcelJS from "exceljs";
import { quoteSheet } from "./cells";
import type { PlanCell, PlanSheet, WorkbookPlan } from "./plan";

/** Text that a spreadsheet could read as a formula if typed in: given the text format too. */
const formulaLike = /^[\s\u00a0]*[=+\-@\t\r\n]/;

/** The `.xlsx` bytes of `plan`. */
export async function writeXlsx(plan: WorkbookPlan): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Precept";
  wb.title = plan.title;
  // A spreadsheet that opens the file recalculates every formula.
  wb.calcProperties = { fullCalcOnLoad: true };
  for (const sheet of plan.sheets) addSheet(wb, sheet);
  for (const n of plan.names) wb.definedNames.add(`${quoteSheet(n.sheet)}!${n.range}`, n.name);
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer);
}

function addSheet(wb: ExcelJS.Workbook, plan: PlanSheet): void {
  const ws = wb.addWorksheet(plan.name, {
    views: [{ state: "frozen", xSplit: plan.frozen.cols, ySplit: plan.frozen.rows }],
  });
  plan.widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  plan.rows.forEach((cells, r) => {
    cells.forEach((cell, c) => {
      if (cell !== null) setCell(ws.getCell(r + 1, c + 1), cell);
    });
  });
}

function setCell(target: ExcelJS.Cell, cell: PlanCell): void {
  switch (cell.kind) {
    case "number":
      target.value = cell.value;
      if (cell.format !== undefined) target.numFmt = cell.format;
      return;
    case "boolean":
      target.value = cell.value;
      return;
    case "text":
      target.value = cell.text;
      if (formulaLike.test(cell.text)) target.numFmt = "@";
      if (cell.bold === true) target.font = { bold: true };
      return;
    case "formula":
      target.value = { formula: cell.formula, result: cell.result };
      if (cell.format !== undefined) target.numFmt = cell.format;
      return;
  }
}

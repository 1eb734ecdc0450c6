import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { readSheetCsv, recalcToCsv } from "../support/libreoffice";
import { watchPage } from "./support/console";
import {
  cells,
  councilTaxModel,
  newModelWithText,
  openWorkbench,
  screenshot,
} from "./support/workbench";

// Income in the "high" scenario is taxbase × £1,600: 250,000, 255,000 and 260,100 properties give
// £400,000,000, £408,000,000 and £416,160,000.
const highIncome = [400_000_000, 408_000_000, 416_160_000];

async function exportFrom(page: Page, item: RegExp, dir: string): Promise<string> {
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export", exact: true }).click();
  await page.getByRole("menuitem", { name: item }).click();
  const file = await download;
  const path = join(dir, file.suggestedFilename());
  await file.saveAs(path);
  return path;
}

test("Export downloads an .xlsx whose formulas LibreOffice recalculates, and the grid as CSV", async ({
  page,
}) => {
  const watched = await watchPage(page);
  const dir = mkdtempSync(join(tmpdir(), "precept-e2e-export-"));
  await page.setViewportSize({ width: 1440, height: 900 });
  await openWorkbench(page);
  await newModelWithText(page, councilTaxModel);
  await page.getByRole("group", { name: "Scenario" }).getByText("Higher Band D").click();
  await expect(cells(page, "income").first()).toHaveText("400.0");

  // The menu opens from the keyboard too, and Escape closes it.
  await page.getByRole("button", { name: "Export", exact: true }).focus();
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("menuitem", { name: /\.xlsx/ })).toBeFocused();
  await screenshot(page, "export-menu");
  await page.keyboard.press("Escape");
  await expect(page.getByRole("menu")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Export", exact: true })).toBeFocused();

  const xlsx = await exportFrom(page, /\.xlsx/, dir);
  expect(xlsx).toMatch(/Untitled model.*\.xlsx$/);
  const out = join(dir, "out");
  recalcToCsv([xlsx], out);
  // Sheets are the sections: "Inputs" then "Council tax"; row 2 is the first line item.
  const income = readSheetCsv(out, xlsx, "Council tax")[1] ?? [];
  expect(income.slice(0, 3)).toEqual(["income", "Council tax income", "£m"]);
  income.slice(4, 7).forEach((v, i) => {
    expect(Math.abs(Number(v) - (highIncome[i] ?? 0))).toBeLessThan(1e-6);
  });
  const inputs = readSheetCsv(out, xlsx, "Inputs");
  expect(inputs[2]?.slice(4, 8)).toEqual(["1600", "1600", "1600", "Annex 1b, council tax table"]);

  const csv = readFileSync(await exportFrom(page, /\.csv/, dir), "utf8");
  expect(csv.split("\r\n")[0]).toBe("key,label,unit,2019/20,2020/21,2021/22");
  expect(csv).toContain("\r\nincome,Council tax income,£m,400,408,416.16\r\n");

  await page.setViewportSize({ width: 1024, height: 768 });
  await page.getByRole("button", { name: "Export", exact: true }).click();
  await screenshot(page, "export-menu-1024");
  // exceljs loads under the CSP: no violation, no console error.
  expect(watched.violations).toEqual([]);
  expect(watched.errors).toEqual([]);
});

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

async function importCsv(page: Page, csv: string): Promise<void> {
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "Export", exact: true }).click();
  await page.getByRole("menuitem", { name: /Import figures from CSV/ }).click();
  await (
    await chooser
  ).setFiles({ name: "figures.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
}

test("Import figures from CSV previews the changes and changes nothing until Apply", async ({
  page,
}) => {
  const watched = await watchPage(page);
  await page.setViewportSize({ width: 1440, height: 900 });
  await openWorkbench(page);
  await newModelWithText(page, councilTaxModel);
  // 255,000 × £1,500 = £382.5m in 2020/21.
  await expect(cells(page, "income").nth(1)).toHaveText("382.5");
  const figures =
    "key,label,unit,2019/20,2020/21,2021/22\r\ntaxbase,Tax base,properties,250000,260000,\r\n";

  await importCsv(page, figures);
  const dialog = page.getByRole("dialog", { name: /Import figures from figures\.csv/ });
  await expect(dialog).toContainText("1 figure in taxbase would change");
  await expect(dialog.getByRole("row", { name: /taxbase 2020\/21 255000 260000/ })).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Apply" })).toBeFocused();
  await screenshot(page, "csv-import-preview");
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(cells(page, "income").nth(1)).toHaveText("382.5");

  await importCsv(page, figures);
  await page.getByRole("dialog").getByRole("button", { name: "Apply" }).click();
  // 260,000 × £1,500 = £390.0m; the other years are unchanged.
  await expect(cells(page, "income").nth(1)).toHaveText("390.0");
  await expect(cells(page, "income").nth(0)).toHaveText("375.0");
  await expect(page.locator(".cm-content")).toContainText("table");

  // A file in the wrong unit is refused with its code, and nothing changes.
  await importCsv(page, "key,label,unit,2019/20\r\ntaxbase,Tax base,£m,1\r\n");
  await expect(page.getByRole("dialog")).toContainText("P7004");
  await page.getByRole("dialog").getByRole("button", { name: "Close" }).click();
  await expect(cells(page, "income").nth(1)).toHaveText("390.0");
  expect(watched.violations).toEqual([]);
  expect(watched.errors).toEqual([]);
});

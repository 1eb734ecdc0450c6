import { expect, test } from "@playwright/test";
import { watchPage } from "./support/console";
import {
  cells,
  councilTaxModel,
  editor,
  newModelWithText,
  openWorkbench,
  replaceText,
  screenshot,
} from "./support/workbench";

test.use({ viewport: { width: 1440, height: 900 } });

test("typing a formula updates the values in the grid", async ({ page }) => {
  const watched = await watchPage(page);
  await openWorkbench(page);
  await newModelWithText(page, councilTaxModel);
  // 250,000 × £1,500 = £375,000,000, shown in £m with one decimal.
  await expect(cells(page, "income").first()).toHaveText("375.0");
  await expect(editor(page).locator(".cm-lintRange-error")).toHaveCount(0);
  await replaceText(page, councilTaxModel.replace("£1,500", "£1,520"));
  // 250,000 × £1,520 = £380,000,000.
  await expect(cells(page, "income").first()).toHaveText("380.0");
  await screenshot(page, "edit");
  expect(watched.errors).toEqual([]);
  expect(watched.violations).toEqual([]);
});

test("a mistake shows its diagnostic at its place in the text", async ({ page }) => {
  await openWorkbench(page);
  await newModelWithText(page, councilTaxModel.replace("taxbase * band_d", "taxbase * band_dd"));
  const underline = editor(page).locator(".cm-lintRange-error");
  await expect(underline).toHaveText("band_dd");
  await underline.hover();
  await expect(page.locator(".cm-tooltip-lint")).toContainText("Did you mean 'band_d'");
  await expect(page.locator(".cm-tooltip-lint")).toContainText("P2001");
  await screenshot(page, "diagnostic");
});

test("a line with a unit error shows the error in every period, not numbers", async ({ page }) => {
  await openWorkbench(page);
  await newModelWithText(
    page,
    councilTaxModel.replace("taxbase * band_d", "taxbase * band_d + 2%"),
  );
  await expect(editor(page).locator(".cm-lintRange-error")).toHaveCount(1);
  const income = cells(page, "income");
  await expect(income.first()).toContainText("P3001");
  await expect(income.last()).toContainText("P3001");
  await screenshot(page, "unit-error");
});

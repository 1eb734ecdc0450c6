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

test("every figure can be read in full: it fits its column, is shown smaller, or is in the tooltip", async ({
  page,
}) => {
  await openWorkbench(page);
  await newModelWithText(
    page,
    `model "Wide figures"
periods 2024/25 .. 2025/26

## Figures
input short (£) = £1,234.56
input twelve (£) = £1,076,421.15
input huge (£) = £123,456,789,012.34
owed (£) = -huge
`,
  );
  await expect(cells(page, "short").first()).toHaveText("1,234.56");
  // Each figure's text fits inside its cell, or the cell says it is clipped and gives it whole.
  for (const key of ["short", "twelve", "huge", "owed"]) {
    const cell = cells(page, key).first();
    await expect(cell).not.toHaveText("");
    const seen = await cell.evaluate((td) => {
      const range = document.createRange();
      range.selectNodeContents(td);
      const text = range.getBoundingClientRect();
      const box = td.getBoundingClientRect();
      return {
        text: td.textContent,
        fits: text.left >= box.left - 0.5 && text.right <= box.right + 0.5,
        clipped: td.classList.contains("pc-grid-clipped"),
        title: td.getAttribute("title") ?? "",
      };
    });
    if (!seen.fits) {
      expect(seen.clipped, `${key} (${seen.text}) overflows its cell`).toBe(true);
      expect(seen.title).toContain(seen.text);
    }
    if (key === "short") expect(seen.fits).toBe(true);
    if (key === "huge" || key === "owed") expect(seen.clipped).toBe(true);
  }
  await expect(cells(page, "owed").first()).toHaveAttribute("title", /\(123,456,789,012\.34\)/);
  await screenshot(page, "wide-figures");
});

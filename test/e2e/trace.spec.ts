import { expect, test } from "@playwright/test";
import {
  cells,
  councilTaxModel,
  newModelWithText,
  openWorkbench,
  screenshot,
} from "./support/workbench";

test.use({ viewport: { width: 1440, height: 900 } });

test("clicking a number traces it to its inputs and their sources", async ({ page }) => {
  await openWorkbench(page);
  await newModelWithText(page, councilTaxModel);
  await expect(cells(page, "income").first()).toHaveText("375.0");
  await cells(page, "income").nth(1).click();
  const lineage = page.getByRole("region", { name: "Lineage" });
  await expect(lineage.locator(".pc-trace-formula")).toContainText("taxbase * band_d");
  await expect(lineage.locator(".pc-trace-ref")).toContainText("income");
  await expect(lineage.locator(".pc-trace-ref")).toContainText("2020/21");
  const uses = lineage.locator(".pc-trace-uses");
  await expect(uses).toContainText("255,000");
  await expect(uses).toContainText("Annex 1b, paragraph 12");
  await screenshot(page, "lineage");
  // Following a used value moves the selection there.
  await uses.getByRole("button", { name: /taxbase/ }).click();
  await expect(lineage.locator(".pc-trace-ref")).toContainText("taxbase");
  await expect(lineage.locator(".pc-trace-source")).toContainText("Annex 1b, paragraph 12");
});

test("a line read by a check lists that check under Used by, and shows it in the text", async ({
  page,
}) => {
  await openWorkbench(page);
  await newModelWithText(page, councilTaxModel);
  await expect(cells(page, "income").first()).toHaveText("375.0");
  await cells(page, "income").first().click();
  const lineage = page.getByRole("region", { name: "Lineage" });
  await expect(lineage.locator(".pc-trace-ref")).toContainText("income");
  // No line reads income, but `check positive: income > £0` does.
  const usedBy = lineage.locator(".pc-trace-deps");
  await expect(usedBy).toContainText("check positive");
  await expect(lineage).not.toContainText("Nothing uses this value");
  await screenshot(page, "lineage-used-by-check-1440x900");
  await page.setViewportSize({ width: 1024, height: 768 });
  await expect(usedBy).toContainText("check positive");
  await screenshot(page, "lineage-used-by-check-1024x768");
  await usedBy.getByRole("button", { name: "Check positive: show in text" }).click();
  // The editor selects the check's declaration.
  await expect
    .poll(() => page.evaluate(() => document.getSelection()?.toString() ?? ""))
    .toContain("check positive: income > £0");
  // taxbase is read by income only: a line, not a check.
  await cells(page, "taxbase").first().click();
  await expect(lineage.locator(".pc-trace-ref")).toContainText("taxbase");
  await expect(usedBy).toContainText("income");
  await expect(usedBy).not.toContainText("check");
});

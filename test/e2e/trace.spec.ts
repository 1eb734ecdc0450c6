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

import { expect, test } from "@playwright/test";
import {
  cells,
  councilTaxModel,
  newModelWithText,
  openWorkbench,
  screenshot,
} from "./support/workbench";

test.use({ viewport: { width: 1440, height: 900 } });

test("switching scenario changes the grid, and comparing shows the differences", async ({
  page,
}) => {
  await openWorkbench(page);
  await newModelWithText(page, councilTaxModel);
  await expect(cells(page, "income").first()).toHaveText("375.0");
  const switcher = page.getByRole("group", { name: "Scenario" });
  await switcher.getByText("Higher Band D").click();
  await expect(page.getByRole("radio", { name: /Higher Band D/ })).toBeChecked();
  // 250,000 × £1,600 = £400,000,000.
  await expect(cells(page, "income").first()).toHaveText("400.0");
  await switcher.getByText("Base").click();
  await expect(cells(page, "income").first()).toHaveText("375.0");

  await page.getByRole("tab", { name: "Compare scenarios" }).click();
  await page.getByLabel("Scenario to compare with").selectOption("high");
  const row = page.locator(".pc-bottom tr", { hasText: "Council tax income" });
  await expect(row).toContainText("375.0");
  await expect(row).toContainText("400.0");
  await expect(row).toContainText("25.0");
  await screenshot(page, "compare");
});

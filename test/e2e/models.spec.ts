import { expect, test, type Page } from "@playwright/test";
import { cells, openWorkbench, screenshot } from "./support/workbench";

test.use({ viewport: { width: 1440, height: 900 } });

const models = (page: Page) =>
  page.getByRole("navigation", { name: "Models" }).locator("ul").first().getByRole("listitem");

test("the model list creates from a template, renames, duplicates, deletes and undoes", async ({
  page,
}) => {
  await openWorkbench(page);
  // First start: the TOM template is open, so a new user sees numbers at once.
  await expect(page.locator(".pc-model-name")).toContainText("Target Operating Model");
  await expect(cells(page, "net_benefit").first()).toHaveText("(4.0)");
  await expect(models(page)).toHaveCount(1);

  await page.getByRole("button", { name: /New model from template .*council tax/i }).click();
  await expect(page.locator(".pc-model-name")).toContainText("council tax");
  await expect(models(page)).toHaveCount(2);

  await page.getByRole("button", { name: /Rename .*council tax/i }).click();
  const input = page.getByRole("textbox", { name: /New name for/ });
  await input.fill("Council tax 2019/20 budget");
  await input.press("Enter");
  await expect(models(page).filter({ hasText: "Council tax 2019/20 budget" })).toHaveCount(1);

  await page.getByRole("button", { name: "Duplicate Council tax 2019/20 budget" }).click();
  await expect(models(page)).toHaveCount(3);
  await expect(models(page).filter({ hasText: "Council tax 2019/20 budget (2)" })).toHaveCount(1);
  await screenshot(page, "models");

  await page.getByRole("button", { name: "Delete Council tax 2019/20 budget (2)" }).click();
  await expect(models(page)).toHaveCount(2);
  const notice = page.getByRole("status").filter({ hasText: "Deleted" });
  await notice.getByRole("button", { name: "Undo" }).click();
  await expect(models(page)).toHaveCount(3);
});

test("the storage panel says whether models are protected from eviction", async ({ page }) => {
  await openWorkbench(page);
  await page.getByRole("tab", { name: "About" }).click();
  const status = page.locator("[data-persisted]");
  await expect(status).toHaveAttribute("data-persisted", /true|false/);
  const persisted = await status.getAttribute("data-persisted");
  await expect(status).toContainText(
    persisted === "true" ? "protected from automatic browser clean-up" : "may clear your models",
  );
  await screenshot(page, "about");
});

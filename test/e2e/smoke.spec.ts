import { expect, test } from "@playwright/test";
import { watchPage } from "./support/console";

test("the workbench opens with its name and a grid, without console errors", async ({ page }) => {
  const watched = await watchPage(page);
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Precept" })).toBeVisible();
  await expect(page.getByRole("grid")).toBeVisible();
  // The first start opens a template, so a new user sees numbers at once.
  await expect(page.getByRole("gridcell").first()).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/smoke.png", fullPage: true });
  expect(watched.errors).toEqual([]);
  expect(watched.violations).toEqual([]);
});

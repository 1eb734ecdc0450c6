import { expect, test } from "@playwright/test";
import {
  cells,
  councilTaxModel,
  editor,
  expectSaved,
  newModelWithText,
  openWorkbench,
  replaceText,
  screenshot,
} from "./support/workbench";

test.use({ viewport: { width: 1440, height: 900 } });

test("work survives a reload", async ({ page }) => {
  await openWorkbench(page);
  await newModelWithText(page, councilTaxModel);
  await expect(cells(page, "income").first()).toHaveText("375.0");
  await page.locator(".pc-model-name").click();
  await expectSaved(page);
  await page.reload();
  await expect(page.locator(".pc-model-name")).toHaveText("E2E council tax");
  await expect(editor(page)).toContainText('model "E2E council tax"');
  await expect(cells(page, "income").first()).toHaveText("375.0");
});

test("restoring an old version brings its text back and keeps the later versions", async ({
  page,
}) => {
  await openWorkbench(page);
  await newModelWithText(page, councilTaxModel);
  await expectSaved(page);
  await page.getByRole("tab", { name: "History" }).click();
  await page.getByLabel("Version label").fill("Draft for cabinet");
  await page.getByRole("button", { name: "Save version" }).click();
  await expect(page.locator(".pc-versions")).toContainText("Draft for cabinet");

  await replaceText(page, councilTaxModel.replace("£1,500", "£1,520"));
  await expect(cells(page, "income").first()).toHaveText("380.0");
  await expectSaved(page);
  const versions = page.locator(".pc-versions li");
  const before = await versions.count();

  const labelled = versions.filter({ hasText: "Draft for cabinet" });
  await labelled.getByRole("button", { name: /Restore/ }).click();
  await expect(cells(page, "income").first()).toHaveText("375.0");
  await expect(editor(page)).toContainText("£1,500");
  // Restoring added a version; none was deleted.
  await expect(versions).toHaveCount(before + 1);
  await expect(
    page.getByRole("status").filter({ hasText: "Later versions are kept" }),
  ).toBeVisible();
  await screenshot(page, "history");
});

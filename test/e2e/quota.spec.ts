import { randomBytes } from "node:crypto";
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

test("a full disk fails the save visibly and keeps the previous version", async ({
  page,
  context,
  baseURL,
}) => {
  // The quota must be lowered before the page first touches storage (recipes.md §2b).
  const cdp = await context.newCDPSession(page);
  await cdp.send("Storage.overrideQuotaForOrigin", {
    origin: new URL(baseURL ?? "http://127.0.0.1:4173").origin,
    quotaSize: 1024 * 1024,
  });
  await openWorkbench(page);
  await newModelWithText(page, councilTaxModel);
  await expectSaved(page);

  // About 1.4 MB of incompressible text (Chromium compresses large values, so random bytes).
  const payload = randomBytes(1_050_000).toString("base64");
  await replaceText(page, `${councilTaxModel}# ${payload}\n`);
  await expect(page.locator(".pc-save")).toHaveAttribute("data-save", "failed", {
    timeout: 30_000,
  });
  await expect(page.getByRole("alert").filter({ hasText: /storage|space|full/i })).toBeVisible();
  await screenshot(page, "quota-full");

  await page.reload();
  await expect(page.locator(".pc-model-name")).toHaveText("E2E council tax");
  await expect(editor(page)).not.toContainText(payload.slice(0, 40));
  await expect(cells(page, "income").first()).toHaveText("375.0");
});

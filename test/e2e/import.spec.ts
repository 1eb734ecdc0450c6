import { expect, test, type Page } from "@playwright/test";
import { cells, councilTaxModel, openWorkbench, screenshot } from "./support/workbench";

test.use({ viewport: { width: 1440, height: 900 } });

const modelList = (page: Page) =>
  page.getByRole("navigation", { name: "Models" }).locator("ul").first().getByRole("listitem");

test("opening a model file adds it as a new model and shows its values", async ({ page }) => {
  await openWorkbench(page);
  const before = await modelList(page).count();
  await page.getByLabel("Open model file").setInputFiles({
    name: "Council tax.precept",
    mimeType: "text/plain",
    buffer: Buffer.from(councilTaxModel, "utf8"),
  });
  await expect(page.getByRole("status").filter({ hasText: "Imported" })).toBeVisible();
  await expect(modelList(page)).toHaveCount(before + 1);
  await expect(page.locator(".pc-model-name")).toHaveText("Council tax");
  await expect(cells(page, "income").first()).toHaveText("375.0");
});

test("a hostile or broken file gives a clear error and changes nothing", async ({ page }) => {
  await openWorkbench(page);
  const before = await modelList(page).count();
  const current = await page.locator(".pc-model-name").textContent();

  // A binary file renamed to .precept.
  await page.getByLabel("Open model file").setInputFiles({
    name: "payload.precept",
    mimeType: "application/octet-stream",
    buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]),
  });
  await expect(page.getByRole("alert").filter({ hasText: "payload.precept" })).toBeVisible();

  // Trojan Source: a bidi override hiding what a formula really says.
  await page.getByLabel("Open model file").setInputFiles({
    name: "trojan.precept",
    mimeType: "text/plain",
    buffer: Buffer.from(
      `model "T"\nperiods 2019/20 .. 2020/21\ninput a = 1 \u202e# ignore\n`,
      "utf8",
    ),
  });
  await expect(page.getByRole("alert").filter({ hasText: "trojan.precept" })).toBeVisible();

  // A web page, not a model.
  await page.getByLabel("Open model file").setInputFiles({
    name: "page.precept",
    mimeType: "text/html",
    buffer: Buffer.from("<html><body><script>alert(1)</script></body></html>", "utf8"),
  });
  await expect(page.getByRole("alert").filter({ hasText: "page.precept" })).toBeVisible();
  await screenshot(page, "import-refused");

  await expect(modelList(page)).toHaveCount(before);
  await expect(page.locator(".pc-model-name")).toHaveText(current ?? "");
});

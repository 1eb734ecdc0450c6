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

test("two tabs editing one model never silently lose an update", async ({ context }) => {
  const first = await context.newPage();
  await openWorkbench(first);
  await newModelWithText(first, councilTaxModel);
  await expectSaved(first);

  // The second tab opens the same (most recently saved) model.
  const second = await context.newPage();
  await openWorkbench(second);
  await expect(second.locator(".pc-model-name")).toHaveText("E2E council tax");
  await expect(editor(second)).toContainText("E2E council tax");

  // Tab one saves a change first.
  await replaceText(first, councilTaxModel.replace("£1,500", "£1,520"));
  await expect(cells(first, "income").first()).toHaveText("380.0");
  await expectSaved(first);

  // Tab two is told through the BroadcastChannel.
  await expect(
    second.getByRole("status").filter({ hasText: "saved in another tab" }),
  ).toBeVisible();

  // Tab two's save is based on the old revision: it must not overwrite tab one's work silently.
  await replaceText(second, councilTaxModel.replace("£1,500", "£1,540"));
  const status = second.locator(".pc-save");
  await expect(status).toHaveAttribute("data-save", "conflict", { timeout: 15_000 });
  await screenshot(second, "conflict");

  // Keeping this tab's text saves it as a new version on top of the other tab's.
  await status.getByRole("button", { name: "Keep mine" }).click();
  await expectSaved(second);

  // Both edits are in the history: nothing was lost.
  await first.reload();
  await first.getByRole("tab", { name: "History" }).click();
  const versions = first.locator(".pc-versions li");
  // v1 the new empty model, v2 the typed model, v3 tab one's £1,520, v4 tab two's £1,540.
  await expect(versions).toHaveCount(4);
  await expect(editor(first)).toContainText("£1,540");
  await versions
    .filter({ hasText: "v3" })
    .getByRole("button", { name: /Restore/ })
    .click();
  await expect(editor(first)).toContainText("£1,520");
  await expect(cells(first, "income").first()).toHaveText("380.0");
});

// P18 in Chromium: a tab killed after typing but before its autosave leaves a crash draft, kept
// apart from the saved versions, and the next tab offers it. The renderer is crashed through the
// DevTools protocol, which kills the page and its worker as a real crash would.
import { expect, test, type Page } from "@playwright/test";
import {
  cells,
  councilTaxModel,
  editor,
  expectSaved,
  openWorkbench,
  replaceText,
} from "./support/workbench";

/** The newest draft text stored for any model, read straight from IndexedDB. */
async function storedDrafts(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const request = indexedDB.open("precept");
        request.onerror = () => reject(new Error("open failed"));
        request.onsuccess = () => {
          const db = request.result;
          if (!db.objectStoreNames.contains("drafts")) {
            db.close();
            resolve([]);
            return;
          }
          const get = db.transaction("drafts").objectStore("drafts").getAll();
          get.onsuccess = () => {
            db.close();
            const drafts = get.result as { current?: { text?: unknown } }[];
            resolve(drafts.map((d) => (typeof d.current?.text === "string" ? d.current.text : "")));
          };
          get.onerror = () => reject(new Error("read failed"));
        };
      }),
  );
}

test("a tab killed before its autosave leaves a draft that is offered on reopen", async ({
  context,
}) => {
  const page = await context.newPage();
  // The page's clock runs normally until paused; paused, the 800 ms autosave never fires, so the
  // crash below always comes before it (the worker has its own, real clock).
  await page.clock.install();
  await openWorkbench(page);
  await page.getByRole("button", { name: "New", exact: true }).click();
  await expect(page.locator(".pc-model-name")).toHaveText(/Untitled model/);
  await page.clock.pauseAt(Date.now() + 1_000);
  await replaceText(page, councilTaxModel);
  await expect(cells(page, "income").first()).toHaveText("375.0");
  // The worker keeps the draft as soon as it evaluates the text.
  await expect
    .poll(() => storedDrafts(page), { intervals: [20], timeout: 5_000 })
    .toContainEqual(expect.stringContaining('model "E2E council tax"'));
  await expect(page.locator(".pc-save")).not.toHaveAttribute("data-save", "saved");

  const crashed = page.waitForEvent("crash");
  const cdp = await context.newCDPSession(page);
  void cdp.send("Page.crash").catch(() => undefined);
  await crashed;

  const again = await context.newPage();
  await openWorkbench(again);
  // The saved text is still the empty new model; the typed text is offered, not imposed.
  await expect(again.locator(".pc-model-name")).toHaveText(/Untitled model/);
  await expect(editor(again)).not.toContainText("E2E council tax");
  const offer = again.getByRole("status").filter({ hasText: "unsaved changes" });
  await expect(offer).toBeVisible();
  await offer.getByRole("button", { name: "Restore them" }).click();
  await expect(editor(again)).toContainText('model "E2E council tax"');
  await expect(cells(again, "income").first()).toHaveText("375.0");
  await expectSaved(again);

  // Restored means saved: a reload shows the text and offers nothing.
  await again.reload();
  await expect(editor(again)).toContainText('model "E2E council tax"');
  await expect(cells(again, "income").first()).toHaveText("375.0");
  await expect(again.getByRole("status").filter({ hasText: "unsaved changes" })).toHaveCount(0);
});

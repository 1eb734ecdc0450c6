// Issue 16 in Chromium: nothing a user typed is ever lost. Each flow types text that no save has
// committed, then does what used to throw it away (import a file, open another model after a
// conflict or a full disk, close the tab, a killed browser, another tab upgrading the database),
// and asserts the typed text is still there: in the model, in a draft offered on reopen, or in
// the editor of a tab that stayed.
import { execSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { chromium, expect, test, type BrowserContext, type Page } from "@playwright/test";
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

const modelList = (page: Page) =>
  page.getByRole("navigation", { name: "Models" }).locator("ul").first().getByRole("listitem");

/** Opens the model called `name` from the model list. */
async function openFromList(page: Page, name: string): Promise<void> {
  await modelList(page).getByRole("button", { name, exact: true }).click();
  await expect(page.locator(".pc-model-name")).toHaveText(name);
}

/**
 * Stops the page's timers from here on, so the 800 ms autosave never fires: what the flow does
 * next, not an autosave, decides what happens to the typed text. The worker keeps its own clock.
 */
async function pauseAutosave(page: Page): Promise<void> {
  await page.clock.pauseAt(Date.now() + 1_000);
}

/** The draft offer shown when a model with a crash draft is opened. */
const draftOffer = (page: Page) => page.getByRole("status").filter({ hasText: "unsaved changes" });

/** Accepts the offered draft and waits until it is saved as a new version. */
async function restoreDraft(page: Page): Promise<void> {
  await expect(draftOffer(page)).toBeVisible();
  await draftOffer(page).getByRole("button", { name: "Restore them" }).click();
  await expectSaved(page);
}

/** The newest draft text of each model, read straight from IndexedDB. */
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

/** The template model a first start opens. */
const firstModel = "Oxfordshire CC: Target Operating Model cost-benefit";

/** The saved text of every model, read straight from IndexedDB. */
async function storedModelTexts(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const request = indexedDB.open("precept");
        request.onerror = () => reject(new Error("open failed"));
        request.onsuccess = () => {
          const db = request.result;
          const get = db.transaction("models").objectStore("models").getAll();
          get.onsuccess = () => {
            db.close();
            resolve((get.result as { text?: unknown }[]).map((m) => String(m.text)));
          };
          get.onerror = () => reject(new Error("read failed"));
        };
      }),
  );
}

const typed = (marker: string) => `${councilTaxModel}# ${marker}\n`;

test("importing a file saves the open model's unsaved text first", async ({ page }) => {
  await page.clock.install();
  await openWorkbench(page);
  await newModelWithText(page, councilTaxModel);
  await expectSaved(page);
  await pauseAutosave(page);
  await replaceText(page, typed("typed just before the import"));
  await expect(page.locator(".pc-save")).toHaveAttribute("data-save", "unsaved");

  await page.getByLabel("Open model file").setInputFiles({
    name: "Imported budget.precept",
    mimeType: "text/plain",
    buffer: Buffer.from(councilTaxModel.replace("E2E council tax", "Imported budget"), "utf8"),
  });
  await expect(page.locator(".pc-model-name")).toHaveText("Imported budget");

  await openFromList(page, "E2E council tax");
  await expect(editor(page)).toContainText("typed just before the import");
  await expect(draftOffer(page)).toHaveCount(0);
});

test("opening another model after a save conflict keeps this tab's text as a draft", async ({
  context,
}) => {
  const first = await context.newPage();
  await openWorkbench(first);
  await newModelWithText(first, councilTaxModel);
  await expectSaved(first);

  const second = await context.newPage();
  await openWorkbench(second);
  await expect(second.locator(".pc-model-name")).toHaveText("E2E council tax");
  await replaceText(first, councilTaxModel.replace("£1,500", "£1,520"));
  await expectSaved(first);
  await replaceText(second, typed("the second tab's work"));
  await expect(second.locator(".pc-save")).toHaveAttribute("data-save", "conflict", {
    timeout: 15_000,
  });

  // Leaving without choosing "Keep mine" or "Take theirs".
  await openFromList(second, firstModel);
  const kept = second.getByRole("status").filter({ hasText: "kept as a draft" });
  await expect(kept).toBeVisible();
  await screenshot(second, "conflict-left-as-draft");
  await kept.getByRole("button", { name: "Open “E2E council tax”" }).click();
  await expect(second.locator(".pc-model-name")).toHaveText("E2E council tax");
  await restoreDraft(second);
  await expect(editor(second)).toContainText("the second tab's work");

  // The other tab's version is kept too, below the restored draft.
  await second.getByRole("tab", { name: "History" }).click();
  await second
    .locator(".pc-versions li")
    .filter({ hasText: "v3" })
    .getByRole("button", { name: /Restore/ })
    .click();
  await expect(editor(second)).toContainText("£1,520");
});

test("opening another model after a failed save (disk full) asks, and staying keeps the text", async ({
  page,
  context,
  baseURL,
}) => {
  const cdp = await context.newCDPSession(page);
  await cdp.send("Storage.overrideQuotaForOrigin", {
    origin: new URL(baseURL ?? "http://127.0.0.1:4173").origin,
    quotaSize: 1024 * 1024,
  });
  await openWorkbench(page);
  await newModelWithText(page, councilTaxModel);
  await expectSaved(page);
  // About 1.4 MB of incompressible text: neither a save nor a draft of it fits.
  const payload = randomBytes(1_050_000).toString("base64");
  await replaceText(page, `${councilTaxModel}# ${payload}\n`);
  await expect(page.locator(".pc-save")).toHaveAttribute("data-save", "failed", {
    timeout: 30_000,
  });

  const asked: string[] = [];
  page.once("dialog", (dialog) => {
    asked.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await modelList(page).getByRole("button", { name: firstModel, exact: true }).click();
  await expect.poll(() => asked).toEqual([expect.stringMatching(/^confirm: .*could not be saved/)]);
  // Staying: the same model and every character typed are still on screen.
  await expect(page.locator(".pc-model-name")).toHaveText("E2E council tax");
  await expect(page.locator(".pc-save")).toHaveAttribute("data-save", "failed");
  // Once there is room again, Retry saves every character (the editor draws only part of a line
  // this long, so the saved record is read from IndexedDB).
  await cdp.send("Storage.overrideQuotaForOrigin", {
    origin: new URL(baseURL ?? "http://127.0.0.1:4173").origin,
    quotaSize: 64 * 1024 * 1024,
  });
  await page.locator(".pc-save").getByRole("button", { name: "Retry" }).click();
  await expectSaved(page);
  expect(await storedModelTexts(page)).toContainEqual(`${councilTaxModel}# ${payload}\n`);
});

test("closing a tab with unsaved text asks first, and the text is offered on reopen", async ({
  context,
}) => {
  const page = await context.newPage();
  await page.clock.install();
  await openWorkbench(page);
  await newModelWithText(page, councilTaxModel);
  await expectSaved(page);
  await pauseAutosave(page);
  await replaceText(page, typed("typed before closing the tab"));
  await expect(cells(page, "income").first()).toHaveText("375.0");
  await expect(page.locator(".pc-save")).toHaveAttribute("data-save", "unsaved");

  // The first time, the user stays on the page.
  const dialogs: string[] = [];
  page.once("dialog", (dialog) => {
    dialogs.push(dialog.type());
    void dialog.dismiss();
  });
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => dialogs).toEqual(["beforeunload"]);
  expect(page.isClosed()).toBe(false);
  await expect(editor(page)).toContainText("typed before closing the tab");

  // The second time, the user leaves; the text is kept as the model's draft.
  const closed = page.waitForEvent("close");
  page.once("dialog", (dialog) => void dialog.accept());
  await page.close({ runBeforeUnload: true });
  await closed;

  const again = await context.newPage();
  await openWorkbench(again);
  await expect(again.locator(".pc-model-name")).toHaveText("E2E council tax");
  await restoreDraft(again);
  await expect(editor(again)).toContainText("typed before closing the tab");
});

/** The PIDs of the browser processes (not their children) started with `userDataDir`. */
function browserPids(userDataDir: string): number[] {
  return execSync("ps -eo pid=,args=")
    .toString()
    .split("\n")
    .filter(
      (l) =>
        l.includes(`--user-data-dir=${userDataDir}`) &&
        !l.includes("--type=") &&
        !l.includes("ps -eo"),
    )
    .map((l) => Number(l.trim().split(/\s+/)[0]))
    .filter((pid) => Number.isInteger(pid) && pid > 0);
}

test("a browser killed about a second after typing leaves a draft that is offered on reopen", async ({
  baseURL,
}, testInfo) => {
  const userDataDir = mkdtempSync(join(tmpdir(), "precept-kill-"));
  const launch = () =>
    chromium.launchPersistentContext(userDataDir, {
      ...testInfo.project.use.launchOptions,
      baseURL: baseURL ?? "http://127.0.0.1:4173",
      viewport: { width: 1440, height: 900 },
    });
  let context: BrowserContext | null = await launch();
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.clock.install();
    await openWorkbench(page);
    await newModelWithText(page, councilTaxModel);
    await expectSaved(page);
    await pauseAutosave(page);
    await replaceText(page, typed("typed a second before the kill"));
    await expect(cells(page, "income").first()).toHaveText("375.0");
    // The scenario itself: the browser dies about a second after the keystrokes, with no unload.
    await page.waitForTimeout(1_000);
    const pids = browserPids(userDataDir);
    expect(pids.length).toBeGreaterThan(0);
    for (const pid of pids) process.kill(pid, "SIGKILL");
    await context.close().catch(() => undefined);
    context = null;

    context = await launch();
    const again = context.pages()[0] ?? (await context.newPage());
    await openWorkbench(again);
    await expect(again.locator(".pc-model-name")).toHaveText("E2E council tax");
    await expect(editor(again)).not.toContainText("typed a second before the kill");
    await restoreDraft(again);
    await expect(editor(again)).toContainText("typed a second before the kill");
    await expect(cells(again, "income").first()).toHaveText("375.0");
  } finally {
    await context?.close().catch(() => undefined);
    rmSync(userDataDir, { recursive: true, force: true });
  }
});

test("a second tab upgrading the database keeps the first tab's text, offered after Reload", async ({
  context,
}) => {
  const page = await context.newPage();
  await page.clock.install();
  await openWorkbench(page);
  await newModelWithText(page, councilTaxModel);
  await expectSaved(page);
  await pauseAutosave(page);
  await replaceText(page, typed("typed before the upgrade"));
  await expect(page.locator(".pc-save")).toHaveAttribute("data-save", "unsaved");

  // A newer Precept in another tab asks for the next schema version. Its upgrade is aborted, as a
  // failed upgrade would be, so the database stays at the version this build can open again.
  const other = await context.newPage();
  await other.goto("/favicon.svg");
  const upgrade = await other.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const probe = indexedDB.open("precept");
        probe.onsuccess = () => {
          const version = probe.result.version;
          probe.result.close();
          const request = indexedDB.open("precept", version + 1);
          request.onupgradeneeded = () => request.transaction?.abort();
          request.onblocked = () => resolve("blocked");
          request.onerror = () => resolve("aborted");
          request.onsuccess = () => {
            request.result.close();
            resolve("upgraded");
          };
        };
      }),
  );
  // The first tab closed its connection on request, so the upgrade ran (and was aborted).
  expect(upgrade).toBe("aborted");
  const notice = page.getByRole("alert").filter({ hasText: "updated in another tab" });
  await expect(notice).toBeVisible();
  await expect(editor(page)).toContainText("typed before the upgrade");
  await screenshot(page, "versionchange-notice");
  expect(await storedDrafts(other)).toContainEqual(
    expect.stringContaining("typed before the upgrade"),
  );
  await other.close();

  await notice.getByRole("button", { name: "Reload" }).click();
  await expect(page.locator("[data-revision]")).not.toHaveAttribute("data-revision", "-1");
  await expect(page.locator(".pc-model-name")).toHaveText("E2E council tax");
  await restoreDraft(page);
  await expect(editor(page)).toContainText("typed before the upgrade");
});

import { expect, test, type Page } from "@playwright/test";
import { bytesOf, hostileFiles } from "../fixtures/hostile/corpus";
import {
  cells,
  councilTaxModel,
  expectSaved,
  newModelWithText,
  openWorkbench,
  screenshot,
} from "./support/workbench";

/**
 * The hostile-file corpus through the workbench's import (issue 11; reliability.md P10): a file
 * that is not a model is refused with a clear error, a model that is merely hostile ends in values
 * or errors within the bound, and in both cases nothing already saved changes.
 */
test.use({ viewport: { width: 1440, height: 900 } });

/** How long an import may take to show its outcome, on a loaded machine (a hang guard). */
const ImportLimits = { outcomeMs: 60_000 } as const;

/** Files the import must refuse: not UTF-8 text, binary, bidi controls, or nothing that parses. */
const refused = [
  "invalid-utf8.precept",
  "lone-surrogate.precept",
  "utf16.precept",
  "nul-bytes.precept",
  "bidi-controls.precept",
  "deep-parentheses.precept",
  "empty.precept",
  "over-size-limit.precept",
];
/** Models that parse but are hostile to evaluate: the worker must not hang on them. */
const heavy = ["squaring-chain.precept", "tiny-power.precept", "huge-powers.precept"];

function corpusFile(name: string): { name: string; mimeType: string; buffer: Buffer } {
  const file = hostileFiles.find((f) => f.name === name);
  if (file === undefined) throw new Error(`${name} is not in the corpus`);
  return { name, mimeType: "text/plain", buffer: Buffer.from(bytesOf(file)) };
}

/** Every record of every IndexedDB database of the page's origin, by database/store/key. */
async function savedRecords(page: Page): Promise<Record<string, string>> {
  return page.evaluate(async () => {
    const out: Record<string, string> = {};
    const request = <T>(r: IDBRequest<T>): Promise<T> =>
      new Promise((resolve, reject) => {
        r.onsuccess = () => {
          resolve(r.result);
        };
        r.onerror = () => {
          reject(r.error ?? new Error("IndexedDB request failed"));
        };
      });
    for (const info of await indexedDB.databases()) {
      if (info.name === undefined) continue;
      const name = info.name;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onsuccess = () => {
          resolve(open.result);
        };
        open.onerror = () => {
          reject(open.error ?? new Error("cannot open"));
        };
      });
      for (const store of Array.from(db.objectStoreNames)) {
        const tx = db.transaction(store, "readonly");
        const keys = await request(tx.objectStore(store).getAllKeys());
        const values = await request(tx.objectStore(store).getAll());
        keys.forEach((k, i) => {
          out[`${name}/${store}/${JSON.stringify(k)}`] = JSON.stringify(values[i]);
        });
      }
      db.close();
    }
    return out;
  });
}

async function saveAModel(page: Page): Promise<Record<string, string>> {
  await openWorkbench(page);
  await newModelWithText(page, councilTaxModel);
  await expect(cells(page, "income").first()).toHaveText("375.0");
  await expectSaved(page);
  return savedRecords(page);
}

async function importFile(page: Page, name: string): Promise<void> {
  await page.getByLabel("Open model file").setInputFiles(corpusFile(name));
}

test("hostile files that are not models are refused with a clear error and change nothing saved", async ({
  page,
}) => {
  test.setTimeout(refused.length * ImportLimits.outcomeMs + 60_000);
  const before = await saveAModel(page);
  const shown = await page.locator(".pc-model-name").textContent();
  for (const name of refused) {
    await importFile(page, name);
    const alert = page.getByRole("alert").filter({ hasText: name });
    await expect(alert, `${name} is refused`).toBeVisible({ timeout: ImportLimits.outcomeMs });
    await expect(alert).toContainText(/P\d{4}|not UTF-8|not a Precept|invisible|limit|bytes/);
    await expect(page.locator(".pc-model-name")).toHaveText(shown ?? "");
  }
  await screenshot(page, "hostile-import-refused");
  expect(await savedRecords(page)).toEqual(before);
  await expect(cells(page, "income").first()).toHaveText("375.0");
});

test("hostile models end in values or errors within the bound and leave saved models as they were", async ({
  page,
}) => {
  test.setTimeout(heavy.length * ImportLimits.outcomeMs * 2 + 60_000);
  const before = await saveAModel(page);
  for (const name of heavy) {
    await importFile(page, name);
    // Either refused, or imported and shown with its deliberately failing check.
    const outcome = page
      .getByRole("alert")
      .filter({ hasText: name })
      .or(page.getByRole("status").filter({ hasText: "Imported" }));
    await expect(outcome.first(), `${name} gives an outcome`).toBeVisible({
      timeout: ImportLimits.outcomeMs,
    });
    // The worker still answers: the model list can be used.
    await expect(page.locator("[data-revision]")).not.toHaveAttribute("data-revision", "-1");
  }
  await screenshot(page, "hostile-import-heavy");
  const after = await savedRecords(page);
  // Imports may add models; nothing that was saved before changed.
  for (const [key, value] of Object.entries(before)) expect(after[key], key).toEqual(value);
});

// Keystroke to updated grid on a 10,000-value model, measured with the app's performance marks:
// `precept:edit:<revision>` when the editor changes the text, `precept:painted:<revision>` once the
// grid shows that revision. The figures are printed for docs/performance.md; the test asserts only
// that the grid shows the right value for the edited revision, never a time.
import { expect, test, type Page } from "@playwright/test";
import { makePlan } from "../../bench/lib/plan-model";
import { summarize } from "../../bench/lib/timing";
import { cells, editor, newModelWithText, openWorkbench } from "./support/workbench";

test.use({ viewport: { width: 1440, height: 900 } });

// 240 line items and 12 group totals over 40 periods: 10,080 calculated values and 25 inputs.
const plan = makePlan(240);
const growthLine = "input growth (%) = 2%";
const driverLine = "input driver_13 (£) = £620";

/** The plan with the growth rate and driver_13 moved to the end (order does not matter in a model),
 * so the keyboard reaches their values from the end of the text. */
function modelText(): string {
  const text = plan.preceptText(new Map());
  expect(text).toContain(`\n${growthLine}\n`);
  expect(text).toContain(`\n${driverLine}\n`);
  const body = text.replace(`${growthLine}\n`, "").replace(`${driverLine}\n`, "");
  return `${body}\n## Edited inputs\n${growthLine}\n${driverLine}`;
}

/** A grid cell's display as a number: "2,983.5" → 2983.5, "(12)" → -12. */
function displayed(text: string): { value: number; half: number } {
  const clean = text.trim().replace(/,/g, "");
  const negative = /^\(.*\)$/.test(clean);
  const digits = clean.replace(/[()£%\s]/g, "");
  const decimals = digits.includes(".") ? (digits.split(".")[1]?.length ?? 0) : 0;
  return { value: (negative ? -1 : 1) * Number(digits), half: 0.5 * 10 ** -decimals };
}

async function revision(page: Page): Promise<number> {
  return Number(await page.locator("[data-revision]").getAttribute("data-revision"));
}

/** Presses `key` in the editor and returns the milliseconds from the edit mark to the paint mark
 * of the revision it made, once the grid shows that revision. */
async function keystroke(page: Page, key: string): Promise<number> {
  const before = await revision(page);
  await page.keyboard.press(key);
  const after = before + 1;
  // Wait in the page on the paint mark alone: Playwright's locator polling walks the whole
  // 10,000-cell DOM on the main thread and would delay the very paint being timed.
  await page.waitForFunction(
    (r) => performance.getEntriesByName(`precept:painted:${String(r)}`).length > 0,
    after,
    { polling: 50 },
  );
  await expect(page.locator("[data-revision]")).toHaveAttribute("data-revision", String(after));
  return page.evaluate((r) => {
    const edit = performance.getEntriesByName(`precept:edit:${String(r)}`)[0];
    const painted = performance.getEntriesByName(`precept:painted:${String(r)}`)[0];
    return (painted?.startTime ?? Number.NaN) - (edit?.startTime ?? Number.NaN);
  }, after);
}

async function expectValue(page: Page, key: string, expected: number): Promise<void> {
  const text = (await cells(page, key).first().textContent()) ?? "";
  const shown = displayed(text);
  expect(
    Math.abs(shown.value - expected),
    `${key} shows ${text}, expected ${expected}`,
  ).toBeLessThanOrEqual(shown.half + 1e-9);
}

function print(label: string, times: readonly number[]): void {
  const f = summarize(times);
  console.log(
    `keystroke to grid, ${label}: median ${f.median.toFixed(1)} ms (min ${f.min.toFixed(1)}, max ${f.max.toFixed(1)}, n=${f.runs})`,
  );
}

test("a keystroke updates the grid of a 10,000-value model", async ({ page }) => {
  test.setTimeout(180_000);
  await openWorkbench(page);
  await newModelWithText(page, modelText());
  // item_121 (block 13) in 2020/21: opening £1,100 × 1.02 + 0.3 × £620 = £1,122 + £186 = £1,308.
  await expect(cells(page, "item_121").first()).not.toHaveText("");
  await expectValue(page, "item_121", 1308);
  await expect(editor(page).locator(".cm-lintRange-error")).toHaveCount(0);

  // 1% of the model depends on driver_13: type "5" after £620 (→ £6,205), then delete it.
  await editor(page).click();
  await page.keyboard.press("ControlOrMeta+End");
  const onePercent: number[] = [];
  for (let i = 0; i < 4; i++) {
    onePercent.push(await keystroke(page, "5"));
    // £1,122 + 0.3 × £6,205 = £1,122 + £1,861.50 = £2,983.50.
    await expectValue(page, "item_121", 2983.5);
    onePercent.push(await keystroke(page, "Backspace"));
    await expectValue(page, "item_121", 1308);
  }
  print("edit 1% depends on (driver_13)", onePercent);

  // Everything depends on the growth rate: type "5" inside "2%" (→ 25%), then delete it.
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("End");
  await page.keyboard.press("ArrowLeft");
  const everything: number[] = [];
  for (let i = 0; i < 4; i++) {
    everything.push(await keystroke(page, "5"));
    // item_1 in 2020/21: £1,000 × 1.25 + 0.3 × driver_1 £500 = £1,250 + £150 = £1,400.
    await expectValue(page, "item_1", 1400);
    everything.push(await keystroke(page, "Backspace"));
    // £1,000 × 1.02 + £150 = £1,170.
    await expectValue(page, "item_1", 1170);
  }
  print("edit everything depends on (growth)", everything);
});

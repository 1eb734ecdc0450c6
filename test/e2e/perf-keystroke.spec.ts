// Keystroke to updated grid on 10,000- and 100,000-value models, measured with the app's
// performance marks: `precept:edit:<revision>` when the editor changes the text,
// `precept:reply:<revision>` when the worker's reply arrives (its detail is the worker's own
// time), `precept:shown:<revision>` once the store has applied it, and `precept:painted:<revision>`
// once the grid shows that revision. The figures are printed for docs/performance.md; the test
// asserts only that the grid shows the right values for the edited revision, never a time.
import { expect, test, type Page } from "@playwright/test";
import { makePlan } from "../../bench/lib/plan-model";
import { summarize } from "../../bench/lib/timing";
import { revealLine } from "./support/grid";
import { cells, editor, newModelWithText, openWorkbench } from "./support/workbench";

test.use({ viewport: { width: 1440, height: 900 } });

/** The plan with the growth rate and `driver` moved to the end (order does not matter in a
 * model), so the keyboard reaches their values from the end of the text. */
function modelText(items: number, driver: string): string {
  const text = makePlan(items).preceptText(new Map());
  const growthLine = "input growth (%) = 2%";
  expect(text).toContain(`\n${growthLine}\n`);
  expect(text).toContain(`\n${driver}\n`);
  const body = text.replace(`${growthLine}\n`, "").replace(`${driver}\n`, "");
  return `${body}\n## Edited inputs\n${growthLine}\n${driver}`;
}

/** A grid cell's display as a number: "2,983.50" → 2983.5, "(12)" → -12. */
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

/** Where the time of one keystroke went, in milliseconds. */
interface Keystroke {
  /** Edit mark to paint mark: what the user waits for. */
  readonly total: number;
  /** The worker's own time for the evaluation (its `elapsedMs`). */
  readonly worker: number;
  /** Edit mark to the reply's arrival: the worker, the messages and the main thread's other work. */
  readonly reply: number;
  /** The reply's arrival to the state set from it: applying the cell delta on the main thread. */
  readonly apply: number;
  /** The state set to the paint mark: Solid updating the cells, style, layout and paint. */
  readonly paint: number;
}

/** Presses `key` in the editor and times the revision it made, once the grid shows it. */
async function keystroke(page: Page, key: string): Promise<Keystroke> {
  const before = await revision(page);
  await page.keyboard.press(key);
  const after = before + 1;
  // Wait in the page on the paint mark alone: Playwright's locator polling would walk the DOM on
  // the main thread and delay the very paint being timed.
  await page.waitForFunction(
    (r) => performance.getEntriesByName(`precept:painted:${String(r)}`).length > 0,
    after,
    { polling: 50 },
  );
  await expect(page.locator("[data-revision]")).toHaveAttribute("data-revision", String(after));
  return page.evaluate((r) => {
    const at = (name: string) =>
      performance.getEntriesByName(`precept:${name}:${String(r)}`)[0] as
        PerformanceMark | undefined;
    const time = (name: string) => at(name)?.startTime ?? Number.NaN;
    return {
      total: time("painted") - time("edit"),
      worker: Number(at("reply")?.detail ?? Number.NaN),
      reply: time("reply") - time("edit"),
      apply: time("shown") - time("reply"),
      paint: time("painted") - time("shown"),
    };
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

function print(label: string, times: readonly Keystroke[]): void {
  const part = (pick: (k: Keystroke) => number) => summarize(times.map(pick));
  const f = part((k) => k.total);
  const median = (pick: (k: Keystroke) => number) => part(pick).median.toFixed(1);
  console.log(
    `keystroke to grid, ${label}: median ${f.median.toFixed(1)} ms (min ${f.min.toFixed(1)}, max ${f.max.toFixed(1)}, n=${f.runs}); ` +
      `medians: worker ${median((k) => k.worker)}, edit to reply ${median((k) => k.reply)}, ` +
      `apply ${median((k) => k.apply)}, render and paint ${median((k) => k.paint)} ms`,
  );
}

/** Types "5" after the text's end and deletes it again, `rounds` times, checking `probe`. */
async function typeAndDelete(
  page: Page,
  rounds: number,
  probe: { key: string; typed: number; restored: number },
): Promise<Keystroke[]> {
  const times: Keystroke[] = [];
  for (let i = 0; i < rounds; i++) {
    times.push(await keystroke(page, "5"));
    await expectValue(page, probe.key, probe.typed);
    times.push(await keystroke(page, "Backspace"));
    await expectValue(page, probe.key, probe.restored);
  }
  return times;
}

test("a keystroke updates the grid of a 10,000-value model", async ({ page }) => {
  test.setTimeout(180_000);
  await openWorkbench(page);
  // 240 line items and 12 group totals over 40 periods: 10,080 calculated values and 25 inputs.
  await newModelWithText(page, modelText(240, "input driver_13 (£) = £620"));
  // item_121 (block 13) in 2020/21: opening £1,100 × 1.02 + 0.3 × £620 = £1,122 + £186 = £1,308.
  await revealLine(page, "item_121");
  await expect(cells(page, "item_121").first()).not.toHaveText("");
  await expectValue(page, "item_121", 1308);
  await expect(editor(page).locator(".cm-lintRange-error")).toHaveCount(0);

  // 1% of the model depends on driver_13: type "5" after £620 (→ £6,205), then delete it.
  await editor(page).click();
  await page.keyboard.press("ControlOrMeta+End");
  // £1,122 + 0.3 × £6,205 = £1,122 + £1,861.50 = £2,983.50.
  const onePercent = await typeAndDelete(page, 4, {
    key: "item_121",
    typed: 2983.5,
    restored: 1308,
  });
  print("10,080 values, edit 1% depends on (driver_13)", onePercent);

  // Everything depends on the growth rate: type "5" inside "2%" (→ 25%), then delete it.
  await revealLine(page, "item_1");
  await editor(page).click();
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("End");
  await page.keyboard.press("ArrowLeft");
  const everything: Keystroke[] = [];
  for (let i = 0; i < 4; i++) {
    everything.push(await keystroke(page, "5"));
    // item_1 in 2020/21: £1,000 × 1.25 + 0.3 × driver_1 £500 = £1,250 + £150 = £1,400.
    await expectValue(page, "item_1", 1400);
    everything.push(await keystroke(page, "Backspace"));
    // £1,000 × 1.02 + £150 = £1,170.
    await expectValue(page, "item_1", 1170);
  }
  print("10,080 values, edit everything depends on (growth)", everything);
});

test("a keystroke updates the grid of a 100,000-value model", async ({ page }) => {
  test.setTimeout(300_000);
  await openWorkbench(page);
  // 2,400 line items and 120 group totals over 40 periods: 100,800 values and 241 inputs. Opened
  // as a file: pasting 240 kB into the editor would take minutes.
  const text = modelText(2400, "input driver_121 (£) = £1700");
  await page.getByLabel("Open model file").setInputFiles({
    name: "Plan 2400.precept",
    mimeType: "text/plain",
    buffer: Buffer.from(text, "utf8"),
  });
  await expect(page.locator(".pc-grid-pane table[role=grid]")).toHaveAttribute(
    "data-lines",
    String(2400 + 120 + 1 + 240),
    { timeout: 120_000 },
  );
  // item_1201 (block 121's first item) in 2020/21: opening £1,300 (1,000 + 100 × (1,200 mod 7 =
  // 3)) × 1.02 + 0.3 × £1,700 = £1,326 + £510 = £1,836.
  await revealLine(page, "item_1201");
  await expectValue(page, "item_1201", 1836);

  // 1% of the model depends on driver_121: "£1700" → "£17005": £1,326 + 0.3 × £17,005 =
  // £1,326 + £5,101.50 = £6,427.50.
  await editor(page).click();
  await page.keyboard.press("ControlOrMeta+End");
  const onePercent = await typeAndDelete(page, 4, {
    key: "item_1201",
    typed: 6427.5,
    restored: 1836,
  });
  print("100,800 values, edit 1% depends on (driver_121)", onePercent);
});

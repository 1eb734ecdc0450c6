// The grid of a large model (2,500 line items × 40 periods) draws only the rows in view: it
// scrolls to a row far down that shows the right figures, an edit updates a cell in view, the
// section heading sticks, the keyboard reaches rows that were not drawn, and printing draws every
// row. Screenshots of the TOM template and of the large model scrolled halfway, at 1440 × 900 and
// 1024 × 768, are saved under test-results/screenshots/ for a person to look at.
import { expect, test, type Page } from "@playwright/test";
import { makePlan } from "../../bench/lib/plan-model";
import { revealLine } from "./support/grid";
import { cells, editor, openWorkbench, screenshot } from "./support/workbench";

// 2,500 line items and 125 group totals over 40 periods (105,000 values) and 251 inputs.
const plan = makePlan(2500);
// Block 200's driver, £500 + 10 × 199 = £2,490, moved to the end of the text so the keyboard
// reaches it from Ctrl+End.
const driverLine = "input driver_200 (£) = £2490";

function modelText(): string {
  const text = plan.preceptText(new Map());
  expect(text).toContain(`\n${driverLine}\n`);
  return `${text.replace(`${driverLine}\n`, "")}\n## Edited inputs\n${driverLine}`;
}

const scroller = (page: Page) => page.locator(".pc-grid-pane .pc-grid-scroll");
const drawnRows = (page: Page) => page.locator(".pc-grid-pane tbody tr[data-key]");

/** The number in an `item_N` key of the rows drawn, first and last. */
async function drawnItems(page: Page): Promise<{ first: number; last: number }> {
  const keys = await drawnRows(page).evaluateAll((rows) =>
    rows.map((r) => (r as HTMLElement).dataset["key"] ?? ""),
  );
  const items = keys.filter((k) => /^item_\d+$/.test(k)).map((k) => Number(k.slice(5)));
  return { first: Math.min(...items), last: Math.max(...items) };
}

/** A grid cell's display as a number: "1,971.00" → 1971, "(12.50)" → -12.5. */
function figure(text: string | null): number {
  const clean = (text ?? "").trim().replace(/,/g, "");
  const negative = /^\(.*\)$/.test(clean);
  return (negative ? -1 : 1) * Number(clean.replace(/[()£%\s]/g, ""));
}

/** Waits until the first cell of `key` shows `expected`. */
async function expectFigure(page: Page, key: string, expected: number): Promise<void> {
  await expect
    .poll(async () => figure(await cells(page, key).first().textContent()), { timeout: 30_000 })
    .toBe(expected);
}

/** Opens the large model as a file (typing or pasting 200 kB into the editor would take minutes). */
async function openLargeModel(page: Page): Promise<void> {
  await openWorkbench(page);
  await page.getByLabel("Open model file").setInputFiles({
    name: "Large plan.precept",
    mimeType: "text/plain",
    buffer: Buffer.from(modelText(), "utf8"),
  });
  await expect(page.locator(".pc-grid-pane table[role=grid]")).toHaveAttribute(
    "data-lines",
    // 2,500 items, 125 totals, growth and 250 drivers.
    String(2500 + 125 + 1 + 250),
    { timeout: 60_000 },
  );
}

test.describe("a large model's grid", () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test("draws only the rows in view, shows far rows right, and updates an edited cell", async ({
    page,
  }) => {
    test.setTimeout(180_000);
    await openLargeModel(page);
    // A screenful of rows, not 2,876.
    const rowsAtTop = await drawnRows(page).count();
    expect(rowsAtTop).toBeGreaterThan(10);
    expect(rowsAtTop).toBeLessThan(120);
    // item_1991 (block 200's first item) in 2020/21: opening £1,200 (1,000 + 100 × (1,990 mod 7
    // = 2)) × 1.02 + 0.3 × driver_200 £2,490 = £1,224 + £747 = £1,971.
    await revealLine(page, "item_1991");
    await expectFigure(page, "item_1991", 1971);
    expect(await drawnRows(page).count()).toBeLessThan(120);
    // The heading of the section in view sticks under the column headers: Group 100 holds items
    // 1,981 to 2,000.
    const heading = page.locator(".pc-grid-pane tr.pc-grid-section", { hasText: "Group 100" });
    await expect(heading).toHaveCount(1);
    await scroller(page).evaluate((el) => el.scrollBy(0, 200));
    await page.waitForTimeout(100);
    const header = await page.locator(".pc-grid-pane thead th.pc-grid-corner").boundingBox();
    const stuck = await heading.locator("th").boundingBox();
    expect(header && stuck && Math.abs(stuck.y - (header.y + header.height))).toBeLessThan(2);
    await cells(page, "item_1991").first().scrollIntoViewIfNeeded();

    // Edit driver_200 at the end of the text: "£2490" → "£24905": £1,224 + 0.3 × £24,905 =
    // £1,224 + £7,471.50 = £8,695.50.
    await editor(page).click();
    await page.keyboard.press("ControlOrMeta+End");
    await page.keyboard.type("5");
    await expectFigure(page, "item_1991", 8695.5);
    // The grid's scroll position stayed where it was.
    await expect(cells(page, "item_1991").first()).toBeInViewport();
    await page.keyboard.press("Backspace");
    await expectFigure(page, "item_1991", 1971);

    // Halfway down, for a person to look at.
    await scroller(page).evaluate((el) => (el.scrollTop = (el.scrollHeight - el.clientHeight) / 2));
    await page.waitForTimeout(200);
    await screenshot(page, "grid-large-halfway-1440x900");
  });

  test("keyboard moves reach rows that were not drawn, and keep focus while scrolling", async ({
    page,
  }) => {
    test.setTimeout(180_000);
    await openLargeModel(page);
    await cells(page, "growth").first().click();
    // Ctrl+End goes to the last line, far below what was drawn: driver_200, a scalar line
    // whose one cell stands for every period.
    await page.keyboard.press("ControlOrMeta+End");
    const last = page.locator(".pc-grid-pane tr[data-key='driver_200'] td[data-col='0']");
    await expect(last).toBeFocused();
    await expect(last).toBeInViewport();
    await page.keyboard.press("PageUp");
    await expect(page.locator(".pc-grid-pane td:focus")).toHaveCount(1);
    // Scrolling away with the wheel keeps the focused cell in the DOM (so focus is not lost).
    const focusedKey = await page
      .locator(".pc-grid-pane td:focus")
      .evaluate((td) => td.closest("tr")?.dataset["key"]);
    await scroller(page).evaluate((el) => (el.scrollTop = 0));
    await page.waitForTimeout(100);
    await expect(
      page.locator(`.pc-grid-pane tr[data-key='${focusedKey ?? ""}'] td:focus`),
    ).toHaveCount(1);
    await page.keyboard.press("ArrowUp");
    await expect(page.locator(".pc-grid-pane td:focus")).toBeInViewport();
  });

  test("printing draws every row", async ({ page }) => {
    test.setTimeout(180_000);
    // A plan of 240 items (277 lines): many screens, yet quick enough to draw whole here.
    await openWorkbench(page);
    await page.getByLabel("Open model file").setInputFiles({
      name: "Plan 240.precept",
      mimeType: "text/plain",
      buffer: Buffer.from(makePlan(240).preceptText(new Map()), "utf8"),
    });
    const all = 240 + 12 + 1 + 24;
    await expect(page.locator(".pc-grid-pane table[role=grid]")).toHaveAttribute(
      "data-lines",
      String(all),
      { timeout: 60_000 },
    );
    expect(await drawnRows(page).count()).toBeLessThan(120);
    await page.emulateMedia({ media: "print" });
    await expect(drawnRows(page)).toHaveCount(all, { timeout: 60_000 });
    await expect(page.locator(".pc-grid-pane tr.pc-grid-spacer")).toHaveCount(0);
    // The last line's figure is in the printout.
    await expect(cells(page, "group_12_total").first()).not.toHaveText("");
    await page.emulateMedia({ media: "screen" });
    await expect.poll(async () => drawnRows(page).count(), { timeout: 30_000 }).toBeLessThan(120);
  });
});

for (const [width, height] of [
  [1440, 900],
  [1024, 768],
] as const) {
  test(`screenshots at ${width} × ${height}`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.setViewportSize({ width, height });
    await openWorkbench(page);
    await expect(page.locator(".pc-model-name")).toContainText("Target Operating Model");
    await expect(drawnRows(page).first()).toBeVisible();
    await screenshot(page, `grid-tom-${width}x${height}`);
    await scroller(page).evaluate((el) => (el.scrollTop = (el.scrollHeight - el.clientHeight) / 2));
    await page.waitForTimeout(200);
    await screenshot(page, `grid-tom-halfway-${width}x${height}`);
    await openLargeModel(page);
    await scroller(page).evaluate((el) => (el.scrollTop = (el.scrollHeight - el.clientHeight) / 2));
    await page.waitForTimeout(200);
    const { first, last } = await drawnItems(page);
    expect(last - first).toBeLessThan(120);
    await screenshot(page, `grid-large-halfway-${width}x${height}`);
  });
}

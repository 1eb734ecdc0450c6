// Habits from spreadsheets in the grid (issue 15, item 10): a range selected by shift+click or
// shift+arrows copies as tab-separated text with its periods and labels; the label column stays
// while the periods scroll sideways; money shows in £000 or £m on demand; "Show formulas" shows
// each calculated line's formula; Ctrl+K (or Ctrl+F in the grid) finds a line by name or label.
// Screenshots at 1440 × 900 and 1024 × 768 are saved under test-results/screenshots/.
import { expect, test, type Page } from "@playwright/test";
import { watchPage } from "./support/console";
import {
  cells,
  councilTaxModel,
  editor,
  newModelWithText,
  openWorkbench,
  screenshot,
} from "./support/workbench";

// The council tax model and a negative line: £1m less income. Income is 250,000 × £1,500 =
// £375,000,000 in 2019/20, 255,000 × £1,500 = £382,500,000 in 2020/21 and 260,100 × £1,500 =
// £390,150,000 in 2021/22, so net is −£374,000,000, −£381,500,000 and −£389,150,000.
const model = `${councilTaxModel}
## Position
net (£000) = £1m - income
  label "Net position"
`;

const sizes = [
  { width: 1440, height: 900 },
  { width: 1024, height: 768 },
] as const;

/** A line's figure cells, leaving out the formula column's cell. */
const figures = (page: Page, key: string) =>
  page.locator(`.pc-grid-pane tr[data-key="${key}"] td.pc-grid-cell`);
const grid = (page: Page) => page.locator(".pc-grid-pane table[role=grid]");
const scroller = (page: Page) => page.locator(".pc-grid-pane .pc-grid-scroll");

/** Presses Ctrl+C in the page and returns what the clipboard then holds. */
async function copyWithKeys(page: Page): Promise<string> {
  await page.evaluate(() => navigator.clipboard.writeText("(nothing copied)"));
  await page.keyboard.press("Control+c");
  return page.evaluate(() => navigator.clipboard.readText());
}

/** Opens a new model holding `text`, and waits until the grid shows `ready`'s first figure. */
async function open(
  page: Page,
  text: string = model,
  ready = { key: "net", figure: "(374,000)" },
): Promise<void> {
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await openWorkbench(page);
  await newModelWithText(page, text);
  await expect(cells(page, ready.key).first()).toHaveText(ready.figure);
}

for (const size of sizes) {
  test.describe(`at ${String(size.width)} × ${String(size.height)}`, () => {
    test.use({ viewport: size });
    const tag = `${String(size.width)}x${String(size.height)}`;

    test("a range picked by shift+click copies as TSV with periods, labels and plain numbers", async ({
      page,
    }) => {
      const watched = await watchPage(page);
      await open(page);
      // From taxbase in 2019/20 to income in 2020/21: three lines by two periods.
      await cells(page, "taxbase").first().click();
      await cells(page, "income")
        .nth(1)
        .click({ modifiers: ["Shift"] });
      const selected = page.locator('.pc-grid-pane td[aria-selected="true"]');
      // taxbase 2, band_d's one cell (a scalar line), income 2.
      await expect(selected).toHaveCount(5);
      await expect(grid(page)).toHaveAttribute("aria-multiselectable", "true");
      await screenshot(page, `grid-habits-range-${tag}`);
      expect(await copyWithKeys(page)).toBe(
        "Line item\t2019/20\t2020/21\n" +
          "taxbase (properties)\t250000\t255000\n" +
          // One value for every period, shown (and copied) under the first period.
          "band_d (£ per property)\t1500.00\t\n" +
          "Council tax income (£m)\t375.0\t382.5\n",
      );
      // A plain click collapses the range to one cell.
      await cells(page, "net").first().click();
      await expect(selected).toHaveCount(1);
      expect(await copyWithKeys(page)).toBe("Line item\t2019/20\nNet position (£000)\t-374000\n");
      expect(watched.errors).toEqual([]);
      expect(watched.violations).toEqual([]);
    });

    test("shift+arrows extend the range from the keyboard; brackets copy as minus signs", async ({
      page,
    }) => {
      await open(page);
      await cells(page, "income").first().click();
      await page.keyboard.press("Shift+ArrowRight");
      await page.keyboard.press("Shift+ArrowRight");
      await page.keyboard.press("Shift+ArrowDown");
      await expect(page.locator('.pc-grid-pane td[aria-selected="true"]')).toHaveCount(6);
      // The focus moved with the range's far corner.
      await expect(cells(page, "net").nth(2)).toBeFocused();
      expect(await copyWithKeys(page)).toBe(
        "Line item\t2019/20\t2020/21\t2021/22\n" +
          // 390,150,000 is 390.15 in £m, shown to one place half away from zero: 390.2.
          "Council tax income (£m)\t375.0\t382.5\t390.2\n" +
          "Net position (£000)\t-374000\t-381500\t-389150\n",
      );
      // An arrow without shift moves one cell and drops the range.
      await page.keyboard.press("ArrowLeft");
      await expect(page.locator('.pc-grid-pane td[aria-selected="true"]')).toHaveCount(1);
      await expect(cells(page, "net").nth(1)).toBeFocused();
    });

    test("money in £000 or £m for the whole grid, with brackets kept, and copied in that scale", async ({
      page,
    }) => {
      await open(page);
      const unitOf = (key: string) =>
        page.locator(`.pc-grid-pane tr[data-key="${key}"] .pc-grid-unit`);
      const asWritten = page.getByRole("radio", { name: "As written" });
      await expect(asWritten).toBeChecked();
      // By keyboard: the radios are one tab stop; an arrow moves the choice.
      await asWritten.focus();
      await page.keyboard.press("ArrowRight");
      await expect(page.getByRole("radio", { name: "£000" })).toBeChecked();
      await expect(cells(page, "income").first()).toHaveText("375,000");
      await expect(cells(page, "income").nth(2)).toHaveText("390,150");
      await expect(unitOf("income")).toHaveText("£000");
      await expect(cells(page, "net").first()).toHaveText("(374,000)");
      // Not money: properties and a rate per property keep their own unit.
      await expect(cells(page, "taxbase").first()).toHaveText("250,000");
      await expect(unitOf("band_d")).toHaveText("£ per property");
      await screenshot(page, `grid-habits-scale-000-${tag}`);

      await page.keyboard.press("ArrowRight");
      await expect(page.getByRole("radio", { name: "£m" })).toBeChecked();
      await expect(cells(page, "net").first()).toHaveText("(374.0)");
      await expect(cells(page, "net").nth(2)).toHaveText("(389.2)");
      await expect(unitOf("net")).toHaveText("£m");
      await expect(cells(page, "income").first()).toHaveText("375.0");
      await cells(page, "net").nth(1).click();
      expect(await copyWithKeys(page)).toBe("Line item\t2020/21\nNet position (£m)\t-381.5\n");
      await screenshot(page, `grid-habits-scale-m-${tag}`);

      await page.getByRole("radio", { name: "As written" }).check();
      await expect(cells(page, "net").first()).toHaveText("(374,000)");
      await expect(unitOf("net")).toHaveText("£000");
    });

    test("show formulas: a column of each calculated line's formula, its period's in the tooltip", async ({
      page,
    }) => {
      await open(
        page,
        `${model}
growth (£m) =
  | 2019/20     : 0
  | 2020/21 ..  : income - income[-1]
`,
      );
      const toggle = page.getByRole("button", { name: "Show formulas" });
      await expect(toggle).toHaveAttribute("aria-pressed", "false");
      await expect(page.locator(".pc-grid-formula")).toHaveCount(0);
      await toggle.focus();
      await page.keyboard.press("Enter");
      await expect(toggle).toHaveAttribute("aria-pressed", "true");
      const formula = (key: string) =>
        page.locator(`.pc-grid-pane tr[data-key="${key}"] .pc-grid-formula`);
      await expect(page.getByRole("columnheader", { name: "Formula" })).toBeVisible();
      await expect(formula("income")).toHaveText("taxbase * band_d");
      await expect(formula("net")).toHaveText("£1m - income");
      await expect(formula("taxbase")).toHaveText("input");
      // The main formula is the last period's; the first period is an exception.
      await expect(formula("growth")).toHaveText("income - income[-1] +1 exception");
      await expect(figures(page, "growth").first()).toHaveAttribute(
        "title",
        /uses an exception rule\n= 0$/,
      );
      await expect(figures(page, "growth").nth(1)).toHaveAttribute(
        "title",
        "= income - income[-1]",
      );
      // The figures stay beside the formulas, one column to the right.
      await expect(figures(page, "income").first()).toHaveText("375.0");
      await expect(figures(page, "income").first()).toHaveAttribute("aria-colindex", "3");
      await screenshot(page, `grid-habits-formulas-${tag}`);
      // The formulas follow the text as it is edited.
      await editor(page).click();
      await page.keyboard.press("ControlOrMeta+End");
      await page.keyboard.insertText("\ndouble (£m) = income * 2\n");
      await expect(formula("double")).toHaveText("income * 2");
      await toggle.click();
      await expect(page.locator(".pc-grid-formula")).toHaveCount(0);
    });

    test("the label column stays while the periods scroll sideways, under a sticky header", async ({
      page,
    }) => {
      // Twenty years and sixty lines: wider and taller than the grid at both sizes. Item N is
      // £1,000 × N × the year's number (1 in 2019/20), shown in £000.
      const lines = Array.from(
        { length: 60 },
        (_, i) =>
          `item_${String(i)} (£000) = £1k * year_number * ${String(i + 1)}\n  label "Item number ${String(i)}"`,
      ).join("\n");
      await open(
        page,
        `model "Twenty years"\nperiods 2019/20 .. 2038/39\n\n## Items\n` +
          `year_number =\n  | 2019/20 : 1\n  | 2020/21 .. : year_number[-1] + 1\n${lines}\n`,
        // Item 0 in 2019/20: £1,000 × 1 × 1, shown as 1 (£000).
        { key: "item_0", figure: "1" },
      );
      const box = await scroller(page).boundingBox();
      expect(box).not.toBeNull();
      if (!box) return;
      const period = page.getByRole("columnheader", { name: "2019/20" });
      const before = await period.boundingBox();
      await scroller(page).evaluate((el) => {
        el.scrollLeft = 600;
        el.scrollTop = 400;
      });
      await expect.poll(() => scroller(page).evaluate((el) => el.scrollLeft)).toBeGreaterThan(500);
      const item = page.locator('.pc-grid-pane tr[data-key="item_30"] th[role=rowheader]');
      // Scrolled down to it: item 30 in 2038/39, the 20th year: 1,000 × 20 × 31 = 620,000, shown as 620 (£000).
      await expect(figures(page, "item_30").last()).toHaveText("620");
      // The labels sit at the grid's left edge, the header at its top.
      expect((await item.boundingBox())?.x).toBeCloseTo(box.x, 0);
      await expect(item).toBeVisible();
      expect((await page.locator(".pc-grid-corner").boundingBox())?.y).toBeCloseTo(box.y, 0);
      // The heading of the section in view sticks too, its caption at the left edge.
      const caption = page.locator(".pc-grid-section-name", { hasText: "Items" });
      await expect(caption).toBeVisible();
      const at = await caption.boundingBox();
      expect(at?.x ?? 0).toBeGreaterThanOrEqual(box.x);
      expect(at?.x ?? 0).toBeLessThan(box.x + 40);
      // The periods moved left under the labels.
      const after = await period.boundingBox();
      expect((after?.x ?? 0) + 500).toBeLessThan(before?.x ?? 0);
      await screenshot(page, `grid-habits-frozen-${tag}`);
    });

    test("Ctrl+K or Ctrl+F in the grid finds a line by name or label; Escape closes", async ({
      page,
    }) => {
      const lines = Array.from(
        { length: 120 },
        (_, i) =>
          `item_${String(i)} (£000) = £${String(i + 1)}k\n  label "Item number ${String(i)}"`,
      ).join("\n");
      await open(page, `${model}\n## Items\n${lines}\n`);
      const find = page.getByRole("combobox", { name: "Find a line by name or label" });

      // Ctrl+F in the grid opens the grid's find box.
      await cells(page, "income").first().click();
      await page.keyboard.press("Control+f");
      await expect(find).toBeFocused();
      await page.keyboard.type("council income");
      const options = page.getByRole("option");
      await expect(options).toHaveCount(1);
      await expect(options.first()).toContainText("Council tax income");
      await page.keyboard.press("Escape");
      await expect(find).toHaveCount(0);
      await expect(cells(page, "income").first()).toBeFocused();

      // Ctrl+K from the editor; typing narrows the list and jumps; Enter selects the line.
      await editor(page).click();
      await page.keyboard.press("Control+k");
      await expect(find).toBeFocused();
      await page.keyboard.type("number 11");
      // item_11 and item_110 … item_119 by their labels' words.
      await expect(options).toHaveCount(11);
      await expect(page.getByRole("status").filter({ hasText: "11 lines" })).toBeVisible();
      await screenshot(page, `grid-habits-find-${tag}`);
      await page.keyboard.press("ArrowDown");
      await expect(options.nth(1)).toHaveAttribute("aria-selected", "true");
      await page.keyboard.press("Enter");
      await expect(find).toHaveCount(0);
      const chosen = cells(page, "item_110").first();
      await expect(chosen).toBeFocused();
      await expect(chosen).toHaveAttribute("aria-selected", "true");
      await expect(chosen).toBeInViewport();
      await expect(page.locator(".pc-trace")).toContainText("item_110");

      // In the editor, Ctrl+F stays CodeMirror's own search.
      await editor(page).click();
      await page.keyboard.press("Control+f");
      await expect(page.locator(".cm-search")).toBeVisible();
      await expect(find).toHaveCount(0);
    });
  });
}

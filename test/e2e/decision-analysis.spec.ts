import { expect, test, type Page } from "@playwright/test";
import { watchPage } from "./support/console";
import { revealLine } from "./support/grid";
import { cells, editor, newModelWithText, openWorkbench, screenshot } from "./support/workbench";

test.use({ viewport: { width: 1440, height: 900 } });

// Expected values, by hand arithmetic from the example models' own inputs (not from the engine).
//
// TOM (examples/tom-cost-benefit.precept): net benefit = cumulative mid benefit × recurring_total /
// mid_total + one-off costs; NPV at 3.5% with 2018/19 as year 0, undiscounted.
const cumulativeBenefit = [0, 14, 32, 42, 46];
const oneOffCosts = [-4, -9, -2, -2, -1];
const discount = (xs: number[]) => xs.reduce((sum, x, t) => sum + x / 1.035 ** t, 0);
const npvBenefit = discount(cumulativeBenefit);
const npvCosts = discount(oneOffCosts);
const npvBase = npvBenefit + npvCosts;
// The benefit lines are linear in NPV: scaling the benefit by (1 + c) gives NPV = 0 at
// c = -npvCosts / npvBenefit - 1; mid_total divides the benefit, so its switching change is
// npvBenefit / -npvCosts - 1, as is that of the one-off costs (scaled by 1 + c).
const benefitSwitch = -npvCosts / npvBenefit - 1;
const divisorSwitch = npvBenefit / -npvCosts - 1;
// Council tax (examples/council-tax.precept): the 2019/20 taxbase is 246,841 × 1.02 = 251,777.82;
// the gap is 0 when taxbase × £1,426.20 × (1 + x) + £4.5m surplus = £374.321m + £1m.
const bandDIncrease = 370_821_000 / (251_777.82 * 1_426.2) - 1;

/** A fraction as the engine shows a change: two decimals, brackets for a fall. */
const percent = (f: number) => {
  const body = `${(Math.abs(f) * 100).toFixed(2)}%`;
  return f < 0 ? `(${body})` : body;
};

const details = (page: Page) => page.getByRole("region", { name: "Details" });

test("the TOM case's tornado is ordered by swing, with each benefit line's switching value for NPV = 0", async ({
  page,
}) => {
  const watched = await watchPage(page);
  await openWorkbench(page);
  await expect(page.locator(".pc-model-name")).toContainText("Target Operating Model");
  const npv = cells(page, "npv_net_benefit").first();
  await expect(npv).toHaveText(npvBase.toFixed(1));
  // The context action on the figure: right click opens the figure menu.
  await npv.click({ button: "right" });
  const menu = page.getByRole("menu", { name: "Figure npv_net_benefit" });
  await expect(menu.getByRole("menuitem").first()).toBeFocused();
  await menu.getByRole("menuitem", { name: /Sensitivity/ }).click();

  const panel = page.getByRole("region", { name: "Sensitivity" });
  const table = panel.locator(".pc-sensitivity-table");
  const rows = table.locator("tbody tr");
  await expect(rows).toHaveCount(5);
  // Largest swing first: mid_total (24.5) and the two benefit lines (24.3 each, in model order),
  // then the one-off costs (3.4) and the discount rate (2.2).
  await expect(rows.locator("th .pc-mono")).toHaveText([
    "mid_total",
    "benefit_in_year_mid",
    "recurring_total",
    "one_off_costs",
    "discount_rate",
  ]);
  const row = (key: string) => table.locator(`tr[data-input="${key}"]`);
  const switching = (key: string) => row(key).locator("td[data-switching]");
  await expect(switching("recurring_total")).toHaveText(percent(benefitSwitch));
  await expect(switching("benefit_in_year_mid")).toHaveText(percent(benefitSwitch));
  await expect(switching("mid_total")).toHaveText(percent(divisorSwitch));
  await expect(switching("one_off_costs")).toHaveText(percent(divisorSwitch));
  expect(percent(benefitSwitch)).toBe("(85.80%)");
  // The recurring benefit at which the case stops paying back: £46m × (1 + c).
  await expect(row("recurring_total").locator("td").last()).toHaveText(
    (46 * (1 + benefitSwitch)).toFixed(5),
  );
  // NPV with the recurring benefit 10% lower and higher.
  const cellsOf = row("recurring_total").locator("td");
  await expect(cellsOf.nth(3)).toHaveText((0.9 * npvBenefit + npvCosts).toFixed(1));
  await expect(cellsOf.nth(4)).toHaveText((1.1 * npvBenefit + npvCosts).toFixed(1));

  // The tornado: one bar per input, in the same order, reachable by keyboard.
  const bars = panel.getByRole("listitem");
  await expect(bars).toHaveCount(5);
  await expect(bars.first()).toHaveAttribute("data-row", "mid_total");
  await bars.first().focus();
  await page.keyboard.press("ArrowDown");
  await expect(bars.nth(1)).toBeFocused();
  await expect(bars.nth(1)).toHaveAttribute(
    "aria-label",
    /benefit_in_year_mid: npv_net_benefit is 92\.0/,
  );
  await screenshot(page, "tornado-1440x900");
  await page.setViewportSize({ width: 1024, height: 768 });
  await expect(rows).toHaveCount(5);
  await screenshot(page, "tornado-1024x768");
  // Enter on a bar selects that input in the grid.
  await page.keyboard.press("Enter");
  await page.getByRole("tab", { name: "Lineage" }).click();
  await expect(details(page).locator(".pc-trace-ref")).toContainText("benefit_in_year_mid");
  expect(watched.violations).toEqual([]);
});

test("goal seek solves the council tax Band D increase that closes the stated gap", async ({
  page,
}) => {
  const watched = await watchPage(page);
  await openWorkbench(page);
  await page.getByRole("button", { name: /New model from template .*council tax/i }).click();
  await expect(page.locator(".pc-model-name")).toContainText("council tax");
  await revealLine(page, "council_tax_gap");
  const gap = cells(page, "council_tax_gap").first();
  await expect(gap).toHaveText("0.999");
  await gap.click();
  const lineage = details(page);
  await expect(lineage.locator(".pc-trace-ref")).toContainText("council_tax_gap");
  await lineage.getByRole("button", { name: "Goal seek…" }).click();

  const dialog = page.getByRole("dialog", { name: "Goal seek" });
  await expect(dialog).toContainText("council_tax_gap");
  // The inputs offered are those the gap reads.
  const input = dialog.getByRole("combobox", { name: "Input to change" });
  await expect(input.locator("option")).toHaveCount(7);
  await input.selectOption("band_d_increase");
  await dialog.getByRole("combobox", { name: "Period to change it in" }).selectOption("2019/20");
  await dialog.getByRole("textbox", { name: "Value to reach" }).fill("0");

  // A range that cannot reach the value gives the no-solution code.
  await dialog.getByRole("textbox", { name: "Search from" }).fill("0%");
  await dialog.getByRole("textbox", { name: "Search to" }).fill("1%");
  await dialog.getByRole("button", { name: "Solve" }).click();
  await expect(dialog.getByRole("alert")).toContainText("P4005");
  await expect(dialog.getByRole("button", { name: "Add as scenario" })).toHaveCount(0);

  await dialog.getByRole("textbox", { name: "Search from" }).fill("");
  await dialog.getByRole("textbox", { name: "Search to" }).fill("");
  await dialog.getByRole("button", { name: "Solve" }).click();
  const solution = dialog.locator(".pc-analysis-solution strong");
  await expect(solution).toHaveText(`${(bandDIncrease * 100).toFixed(6)}%`);
  expect(Number(await solution.getAttribute("data-exact"))).toBeCloseTo(bandDIncrease, 12);
  // 3.27% is over the 3% referendum threshold: the dialog says the limit's check would fail.
  await expect(dialog.locator(".pc-analysis-checks summary").first()).toContainText(
    "that pass now would fail: referendum_limit",
  );
  // Solving changed nothing: the text has no new scenario and the gap is still £0.999m.
  await expect(editor(page)).not.toContainText("scenario goal_seek");
  await expect(gap).toHaveText("0.999");
  await screenshot(page, "goal-seek-1440x900");
  await page.setViewportSize({ width: 1024, height: 768 });
  await screenshot(page, "goal-seek-1024x768");

  // Applying it is the user's choice: a scenario declaration added to the text.
  await dialog.getByRole("button", { name: "Add as scenario" }).click();
  await expect(dialog.getByRole("status")).toContainText("Added scenario 'goal_seek'");
  await dialog.getByRole("button", { name: "Close" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(editor(page)).toContainText("scenario goal_seek");
  await page.getByRole("group", { name: "Scenario" }).getByText("goal_seek").click();
  await expect(page.getByRole("radio", { name: "goal_seek" })).toBeChecked();
  await expect(gap).toHaveText("0.000");
  expect(watched.violations).toEqual([]);
});

test("the figure menu and the shortcuts work from the keyboard", async ({ page }) => {
  await openWorkbench(page);
  const npv = cells(page, "npv_net_benefit").first();
  await expect(npv).toHaveText(npvBase.toFixed(1));
  await npv.click();
  await page.keyboard.press("Shift+F10");
  const menu = page.getByRole("menu", { name: "Figure npv_net_benefit" });
  await expect(menu.getByRole("menuitem", { name: "Trace" })).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(menu.getByRole("menuitem", { name: /Goal seek/ })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(menu).toHaveCount(0);
  await expect(npv).toBeFocused();
  // Alt+G opens goal seek for the selected figure; Escape closes it.
  await page.keyboard.press("Alt+g");
  const dialog = page.getByRole("dialog", { name: "Goal seek" });
  await expect(dialog).toContainText("npv_net_benefit");
  await expect(dialog.getByRole("combobox", { name: "Input to change" })).toHaveValue(
    "benefit_in_year_mid",
  );
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  // Alt+T runs the sensitivity of the selected figure.
  await npv.click();
  await page.keyboard.press("Alt+t");
  await expect(page.getByRole("tab", { name: "Sensitivity" })).toHaveAttribute(
    "aria-selected",
    "true",
  );
  await expect(page.locator(".pc-sensitivity-table tbody tr")).toHaveCount(5);
});

/** 20 inputs, each read by a chain of 1,200 lines over 10 periods: a tornado of a few seconds. */
function slowModel(): string {
  const inputs = Array.from({ length: 20 }, (_, i) => `x${String(i + 1)}`);
  const chain = Array.from(
    { length: 1_199 },
    (_, k) =>
      `a${String(k + 2)} (£m) = a${String(k + 1)} * 1.001 + ${inputs[(k + 2) % 20] ?? "x1"}`,
  );
  return [
    'model "Slow tornado"',
    "periods 2019/20 .. 2028/29",
    "total (£m) = sum(a1200 over periods)",
    ...inputs.map((x, i) => `input ${x} (£m) = £${String(i + 1)}m`),
    `a1 (£m) = ${inputs.join(" + ")}`,
    ...chain,
    "",
  ].join("\n");
}

test("a long sensitivity run shows its progress and can be cancelled", async ({ page }) => {
  test.setTimeout(120_000);
  await openWorkbench(page);
  await newModelWithText(page, slowModel());
  const total = cells(page, "total").first();
  await expect(total).not.toHaveText("", { timeout: 30_000 });
  await total.click();
  await page.keyboard.press("Alt+t");
  const panel = page.getByRole("region", { name: "Sensitivity" });
  const progress = panel.getByRole("status").filter({ hasText: "of 20 inputs" });
  await expect(progress).toBeVisible({ timeout: 30_000 });
  await screenshot(page, "sensitivity-progress-1440x900");
  await progress.getByRole("button", { name: "Cancel" }).click();
  await expect(progress).toHaveCount(0);
  await expect(panel.locator(".pc-sensitivity-table")).toHaveCount(0);
  // Run to the end: every input is varied, in steps.
  await panel.getByRole("button", { name: "Run sensitivity" }).click();
  await expect(panel.locator(".pc-sensitivity-table tbody tr")).toHaveCount(20, {
    timeout: 90_000,
  });
  // Each input feeds a1 and every 20th link of the chain, so the inputs' weights in the total
  // differ by under 2% (1.001^19), while x20 is 5% larger than x19: x20 swings most.
  await expect(
    panel.locator(".pc-sensitivity-table tbody tr").first().locator("th .pc-mono"),
  ).toHaveText("x20");
});

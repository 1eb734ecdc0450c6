import { expect, type Locator, type Page } from "@playwright/test";

/**
 * A small model used by the flows. Income is taxbase × Band D: 250,000 × £1,500 = £375.0m in
 * 2019/20 and 255,000 × £1,500 = £382.5m in 2020/21; the scenario's £1,600 gives £400.0m in 2019/20.
 */
export const councilTaxModel = `model "E2E council tax"
periods 2019/20 .. 2021/22

## Inputs
input taxbase (properties) =
  | 2019/20 : 250,000
  | 2020/21 : 255,000
  | 2021/22 : 260,100
  source "Annex 1b, paragraph 12"
input band_d (£ per property) = £1,500
  source "Annex 1b, council tax table"

## Council tax
income (£m) = taxbase * band_d
  label "Council tax income"

scenario high "Higher Band D" { band_d = £1,600 }
check positive: income > £0
`;

/** Opens the workbench and waits until the worker has shown a first evaluation. */
export async function openWorkbench(page: Page): Promise<void> {
  await page.goto("/");
  await expect(page.locator("[data-revision]")).not.toHaveAttribute("data-revision", "-1");
}

/** The editor's text area. */
export function editor(page: Page): Locator {
  return page.locator(".cm-content");
}

/** Replaces the whole editor text, as a paste would. */
export async function replaceText(page: Page, text: string): Promise<void> {
  await editor(page).click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.insertText(text);
}

/** Creates a new empty model and types `text` into it. */
export async function newModelWithText(page: Page, text: string): Promise<void> {
  await page.getByRole("button", { name: "New", exact: true }).click();
  await expect(page.locator(".pc-model-name")).toHaveText(/Untitled model/);
  await replaceText(page, text);
}

/** The grid cells of a line item (one per period, or one for a scalar line). */
export function cells(page: Page, key: string): Locator {
  return page.locator(`.pc-grid-pane tr[data-key="${key}"] td[role="gridcell"]`);
}

/** Waits until the save indicator says the last write completed. */
export async function expectSaved(page: Page): Promise<void> {
  await expect(page.locator(".pc-save")).toHaveAttribute("data-save", "saved", { timeout: 15_000 });
}

/** Saves a screenshot of the whole window for a person to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screenshots/${name}.png` });
}

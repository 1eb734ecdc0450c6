import { expect, test } from "@playwright/test";
import { cells, newModelWithText, openWorkbench, screenshot } from "./support/workbench";

// Issue 12: a register typed as a record table, one row per deposit and a column per field, is
// shown in the grid and traced in the lineage by its columns. Worked by hand from 31 March 2018:
// to 4 May 2018 is 30 + 4 = 34 days; to 1 Feb 2019 is 307; the £15m is £5m + £10m.
const register = `model "E2E register"
periods 2017/18 .. 2018/19

dimension deposit =
  lancs "Lancashire County Council",
  highland "The Highland Council"

input valuation (date) = 2018-03-31
input deposits by deposit =
  table     kind                principal (£)  maturity (date)
  lancs     "local authority"      £5,000,000  2018-05-04
  highland  "local authority"     £10,000,000  2019-02-01
  source "Annex 4"
days_left by deposit (days) = deposits.maturity - valuation
  label "Days to maturity"
with_councils (£) = sumif(deposits.principal, deposits.kind = "local authority" over deposit)
first_big (date) = lookup(deposits.maturity, deposits.principal > £6m over deposit)
`;

for (const size of [
  { width: 1440, height: 900 },
  { width: 1024, height: 768 },
] as const) {
  test(`a record table's columns are lines in the grid and the lineage at ${size.width}×${size.height}`, async ({
    page,
  }) => {
    await page.setViewportSize(size);
    await openWorkbench(page);
    await newModelWithText(page, register);
    await expect(cells(page, "deposits.kind[lancs]").first()).toHaveText("local authority");
    await expect(cells(page, "deposits.principal[highland]").first()).toHaveText("10,000,000.00");
    await expect(cells(page, "deposits.maturity[lancs]").first()).toHaveText("4 May 2018");
    await expect(cells(page, "days_left[lancs]").first()).toHaveText("34");
    await expect(cells(page, "days_left[highland]").first()).toHaveText("307");
    await expect(cells(page, "with_councils").first()).toHaveText("15,000,000.00");
    // lookup finds the first deposit over £6m: Highland's, maturing on 1 Feb 2019.
    await expect(cells(page, "first_big").first()).toHaveText("1 Feb 2019");
    await expect(page.locator(".pc-badge-errors")).toHaveCount(0);
    // The lineage of the day count names the record's column it reads.
    await cells(page, "days_left[highland]").first().click();
    const lineage = page.getByRole("region", { name: "Lineage" });
    await expect(lineage.locator(".pc-trace-formula")).toContainText(
      "deposits.maturity - valuation",
    );
    const uses = lineage.locator(".pc-trace-uses");
    await expect(uses).toContainText("deposits.maturity");
    await expect(uses).toContainText("1 Feb 2019");
    await screenshot(page, `records-${size.width}x${size.height}`);
  });
}

test("the record itself used as a value is an error that names a column", async ({ page }) => {
  await openWorkbench(page);
  await newModelWithText(page, `${register}wrong (£) = deposits * 2\n`);
  await expect(page.locator(".pc-badge-errors")).toBeVisible();
  await expect(page.locator(".cm-lintRange-error").first()).toBeVisible();
  await page.locator(".cm-lintRange-error").first().hover();
  await expect(page.locator(".cm-tooltip")).toContainText("P2024");
  await expect(page.locator(".cm-tooltip")).toContainText("deposits.kind");
});

import { expect, test } from "@playwright/test";
import { cells, newModelWithText, openWorkbench, screenshot } from "./support/workbench";

// Issue 12: dates and text inputs in the grid and the lineage, as a treasury analyst writes them.
// Days worked by hand from 31 March 2018: to 4 May 2018 is 30 + 4 = 34; to 1 Feb 2019 is 307.
const deposits = `model "E2E deposits"
periods 2017/18 .. 2018/19

dimension deposit =
  lancs "Lancashire County Council",
  highland "The Highland Council"

input valuation (date) = 2018-03-31
input maturity by deposit (date) =
  table value
  lancs     2018-05-04
  highland  2019-02-01
input kind by deposit =
  table value
  lancs     "local authority"
  highland  "local authority"
input principal by deposit (£) =
  table value
  lancs     £5,000,000
  highland  £10,000,000
days_left by deposit (days) = maturity - valuation
  label "Days to maturity"
due_in_90_days (£) = sumif(principal, days_left <= 90 days over deposit)
`;

for (const size of [
  { width: 1440, height: 900 },
  { width: 1024, height: 768 },
] as const) {
  test(`dates and text read as papers print them at ${size.width}×${size.height}`, async ({
    page,
  }) => {
    await page.setViewportSize(size);
    await openWorkbench(page);
    await newModelWithText(page, deposits);
    await expect(cells(page, "valuation").first()).toHaveText("31 Mar 2018");
    await expect(cells(page, "maturity[lancs]").first()).toHaveText("4 May 2018");
    await expect(cells(page, "maturity[highland]").first()).toHaveText("1 Feb 2019");
    await expect(cells(page, "kind[lancs]").first()).toHaveText("local authority");
    await expect(cells(page, "days_left[lancs]").first()).toHaveText("34");
    await expect(cells(page, "days_left[highland]").first()).toHaveText("307");
    await expect(cells(page, "due_in_90_days").first()).toHaveText("5,000,000.00");
    // The lineage of a day count shows the dates it came from.
    await cells(page, "days_left[lancs]").first().click();
    const lineage = page.getByRole("region", { name: "Lineage" });
    await expect(lineage.locator(".pc-trace-formula")).toContainText("maturity - valuation");
    const uses = lineage.locator(".pc-trace-uses");
    await expect(uses).toContainText("4 May 2018");
    await expect(uses).toContainText("31 Mar 2018");
    await expect(page.locator(".pc-badge-errors")).toHaveCount(0);
    await screenshot(page, `dates-text-${size.width}x${size.height}`);
  });
}

import { expect, test } from "@playwright/test";
import {
  cells,
  newModelWithText,
  openWorkbench,
  replaceText,
  screenshot,
} from "./support/workbench";

// Issue 12: a function defined once and called by several lines. Worked by hand: the Band D
// charge is £369,821,000 / 259,281 = £1,426.329..., £1,426.33 to the penny; EIP over 30 years
// at 2.8% costs £10m + £10m × 2.8% × 31 / 2 = £14.34m.
const model = `model "E2E functions"
periods 2019/20 .. 2020/21

function band_d(requirement (£), taxbase (properties)) (£ per property) =
  round(requirement / taxbase, £0.01)
  label "Band D charge"
function eip_total_cost(loan (£), rate (%), term (number)) (£) = loan + loan * rate * (term + 1) / 2

input requirement (£m) = 369.821
input taxbase (properties) = 259,281
input loan (£m) = £10m
input rate (%) = 2.8%
input term (number) = 30
band_d_charge (£ per property) = band_d(requirement, taxbase)
  label "Band D council tax"
eip_cost (£m) = eip_total_cost(loan, rate, term)
  decimals 2
`;

for (const size of [
  { width: 1440, height: 900 },
  { width: 1024, height: 768 },
] as const) {
  test(`a model's own functions compute in the grid and trace to their arguments at ${size.width}×${size.height}`, async ({
    page,
  }) => {
    await page.setViewportSize(size);
    await openWorkbench(page);
    await newModelWithText(page, model);
    await expect(cells(page, "band_d_charge").first()).toHaveText("1,426.33");
    await expect(cells(page, "eip_cost").first()).toHaveText("14.34");
    await expect(page.locator(".pc-badge-errors")).toHaveCount(0);
    await cells(page, "eip_cost").first().click();
    const lineage = page.getByRole("region", { name: "Lineage" });
    await expect(lineage.locator(".pc-trace-formula")).toContainText(
      "eip_total_cost(loan, rate, term)",
    );
    const uses = lineage.locator(".pc-trace-uses");
    await expect(uses).toContainText("rate");
    await expect(uses).toContainText("2.80%");
    await screenshot(page, `user-functions-${size.width}x${size.height}`);
  });
}

test("an edit of a function's body reaches every line that calls it", async ({ page }) => {
  await openWorkbench(page);
  await newModelWithText(page, model);
  await expect(cells(page, "eip_cost").first()).toHaveText("14.34");
  // Interest on the whole loan every year instead: £10m + £10m × 2.8% × 30 = £18.4m.
  await replaceText(page, model.replace("(term + 1) / 2", "term"));
  await expect(cells(page, "eip_cost").first()).toHaveText("18.40");
});

test("a body that reads a line item is an error there, and its callers show it", async ({
  page,
}) => {
  await openWorkbench(page);
  await newModelWithText(
    page,
    model.replace(
      "round(requirement / taxbase, £0.01)",
      "round(requirement / taxbase + rate, £0.01)",
    ),
  );
  await expect(page.locator(".pc-badge-errors")).toBeVisible();
  await expect(cells(page, "band_d_charge").first()).toContainText("P2044");
  await page.locator(".cm-lintRange-error").first().hover();
  await expect(page.locator(".cm-tooltip")).toContainText("P2040");
});

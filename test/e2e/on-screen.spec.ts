import { expect, test, type Page } from "@playwright/test";
import { cells, editor, openWorkbench, replaceText, screenshot } from "./support/workbench";

// Issue 15, "Wrong or misleading on screen": each flow is looked at in both window sizes.
const sizes = [
  { width: 1440, height: 900 },
  { width: 1024, height: 768 },
] as const;

/** A small MTFP as a new user writes it: a line by a dimension, a unit error, a check. */
const anytown = `model "Anytown DC: MTFP 2024/25 to 2027/28"
periods 2024/25 .. 2027/28

dimension directorate =
  people "People",
  place "Place",
  resources "Resources"

## Budget
input base_budget by directorate (£000) =
  table        2024/25  2025/26  2026/27  2027/28
  people        31,200   32,000   32,800   33,600
  place         14,100   14,400   14,700   15,000
  resources      7,100    7,200    7,300    7,400
input council_tax (£000) =
  | 2024/25 : 52,400
  | 2025/26 : 54,500
  | 2026/27 : 56,700
  | 2027/28 : 59,000
input ct_growth (%) = 2.99%
total_budget (£000) = sum(base_budget over directorate)
  label "Net budget requirement"
surplus (£000) = council_tax + ct_growth

check funded: council_tax > £0
`;

/** A model big enough that the worker is busy for a while evaluating it. */
function bigModel(lines: number, rate = "1.01"): string {
  const out = ['model "Busy"', "periods 2020/21 .. 2059/60", "", "## Lines", "input a0 (£) = £1"];
  for (let i = 1; i < lines; i++)
    out.push(`a${i} (£) = a${i - 1} * ${rate} + a${Math.floor(i / 2)}`);
  return out.join("\n") + "\n";
}

const models = (page: Page) =>
  page.getByRole("navigation", { name: "Models" }).locator("ul").first().getByRole("listitem");

for (const size of sizes) {
  test.describe(`at ${size.width}×${size.height}`, () => {
    test.use({ viewport: size });
    const tag = `${size.width}`;

    test("a new model's rows, errors and title read true", async ({ page }) => {
      await openWorkbench(page);
      const before = (await page.locator(".pc-model-name").textContent()) ?? "";
      // New, then typing at once: the text must land in the new model, never the previous one.
      await page.getByRole("button", { name: "New", exact: true }).click();
      await replaceText(page, anytown);

      // 1. The rows of a line by a dimension are labelled with their members.
      const labels = page.locator(".pc-grid-pane tr.pc-grid-row-member .pc-grid-member");
      await expect(labels).toHaveText(["People", "Place", "Resources"]);
      await expect(cells(page, "base_budget[place]").first()).toHaveText("14,100");

      // 2. The line with P3001 shows its error in every period, and the header counts it apart
      // from the checks, which are never green beside an error.
      await expect(cells(page, "surplus").first()).toContainText("P3001");
      await expect(cells(page, "surplus").last()).toContainText("P3001");
      const header = page.locator(".pc-app-header");
      await expect(header.locator('.pc-badge[data-state="error"]')).toHaveText(/1 error$/);
      await expect(header.locator('.pc-badge[data-state="passed"]')).toHaveCount(0);

      // 3. Once saved, the model is named by its own title in the header and the list, and the
      // list marks it as the open one; the previous model keeps its name.
      const title = "Anytown DC: MTFP 2024/25 to 2027/28";
      await expect(page.locator(".pc-model-name")).toHaveText(title);
      await expect(models(page).locator('[aria-current="page"]')).toHaveText(title);
      await expect(models(page).filter({ hasText: before })).toHaveCount(1);
      await screenshot(page, `on-screen-new-model-${tag}`);

      // Fixing the error clears the count, and the checks pass.
      await replaceText(
        page,
        anytown.replace("council_tax + ct_growth", "council_tax * ct_growth"),
      );
      await expect(cells(page, "surplus").first()).toHaveText("1,567");
      await expect(header.locator('.pc-badge[data-state="error"]')).toHaveCount(0);
      await expect(header.locator('.pc-badge[data-state="passed"]')).toHaveText(/Checks pass/);

      // The previous model still holds its own text.
      await models(page).filter({ hasText: before }).getByRole("button").first().click();
      await expect(page.locator(".pc-model-name")).toHaveText(before);
      await expect(editor(page)).not.toContainText("Anytown");
    });
  });
}

test("typing while a new model opens never changes the model being left", async ({ page }) => {
  await openWorkbench(page);
  // Keep the worker busy, so the new model takes a while to arrive, as on a slow first start.
  await replaceText(page, bigModel(800));
  // The model follows its title once saved.
  await expect(page.locator(".pc-model-name")).toHaveText("Busy", { timeout: 30_000 });
  await replaceText(page, bigModel(800, "1.02"));
  await page.getByRole("button", { name: "New", exact: true }).click();
  await replaceText(page, anytown);
  await expect(page.locator(".pc-model-name")).toHaveText("Anytown DC: MTFP 2024/25 to 2027/28");
  await expect(editor(page)).toContainText("Anytown");
  await models(page).filter({ hasText: "Busy" }).getByRole("button").first().click();
  await expect(page.locator(".pc-model-name")).toHaveText("Busy");
  await expect(editor(page)).toContainText('model "Busy"');
  await expect(editor(page)).not.toContainText("Anytown");
});

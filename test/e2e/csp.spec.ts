import { expect, test } from "@playwright/test";
import { watchPage } from "./support/console";

// Why a click and not page.evaluate: code that Playwright evaluates through the DevTools protocol
// is exempt from the page's CSP (page.evaluate(() => eval("1+1")) returns 2 under a policy without
// 'unsafe-eval'), so only code the page itself runs, here from a click handler, proves the policy.
test("the server sends a CSP without unsafe-eval", async ({ request }) => {
  const response = await request.get("/");
  const policy = response.headers()["content-security-policy"] ?? "";
  expect(policy).toContain("script-src 'self'");
  expect(policy).not.toContain("unsafe-eval");
  expect(policy).toContain("frame-ancestors 'none'");
});

test("a click-triggered new Function is refused by the browser", async ({ page }) => {
  const watched = await watchPage(page);
  await page.goto("/");
  await page.getByRole("tab", { name: "About" }).click();
  await page.getByRole("button", { name: "Run security self-check" }).click();
  const status = page.locator('output[data-check="page"]');
  await expect(status).toHaveAttribute("data-blocked", "true");
  await expect(status).toContainText("refused to run code");
  // The preview server sends the header with the worker's script too, so the worker refuses.
  await expect(page.locator('output[data-check="worker"]')).toHaveAttribute("data-blocked", "true");
  await expect.poll(() => watched.violations).toContain("script-src");
});

test("the built page carries the CSP in a meta tag for hosts that send no header", async ({
  page,
}) => {
  await page.goto("/");
  const policy = await page
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .getAttribute("content");
  expect(policy).toContain("script-src 'self'");
  expect(policy).not.toContain("unsafe-eval");
});

import type { Page } from "@playwright/test";

/** Collects console errors, page errors and CSP violations for the lifetime of a page. */
export async function watchPage(page: Page): Promise<{ errors: string[]; violations: string[] }> {
  const errors: string[] = [];
  const violations: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  await page.exposeFunction("__preceptReportViolation", (directive: string) => {
    violations.push(directive);
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { __preceptReportViolation?: (d: string) => void })
        .__preceptReportViolation;
      report?.(event.effectiveDirective);
    });
  });
  return { errors, violations };
}

// P11 on a static host (issue 16, docs/hosting.md): the built files served by a plain file server,
// not Vite. The page's <meta> policy covers the page only; a worker takes its policy from the
// header its own script was served with. Served with the production header, the engine worker
// evaluates under it and refuses code from text; served without it, the worker does not.
import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, sep } from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { contentSecurityPolicy } from "../../csp.config.js";
import { watchPage } from "./support/console";

const dist = join(import.meta.dirname, "../../dist");

const types: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".json": "application/json",
  ".map": "application/json",
};

/** A static file server over `dist/`, sending `headers` with every file. */
async function serveBuild(headers: Readonly<Record<string, string>>): Promise<Server> {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://localhost").pathname;
    const file = normalize(join(dist, path === "/" ? "index.html" : decodeURIComponent(path)));
    if (!file.startsWith(dist + sep)) {
      response.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) => {
        response.writeHead(200, {
          "Content-Type": types[extname(file)] ?? "application/octet-stream",
          ...headers,
        });
        response.end(body);
      },
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return server;
}

const urlOf = (server: Server) =>
  `http://127.0.0.1:${String((server.address() as AddressInfo).port)}/`;

/** Opens the workbench at `url` and waits for the worker's first evaluation. */
async function openAt(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.locator("[data-revision]")).not.toHaveAttribute("data-revision", "-1");
  // The first start's model was evaluated by the worker, and its figures are shown.
  await expect(page.locator(".pc-grid-pane td[role='gridcell']").first()).not.toBeEmpty();
}

/** Runs the About panel's self-check, in the page and in the engine worker. */
async function runSelfCheck(page: Page) {
  await page.getByRole("tab", { name: "About" }).click();
  await page.getByRole("button", { name: "Run security self-check" }).click();
  return {
    page: page.locator('output[data-check="page"]'),
    worker: page.locator('output[data-check="worker"]'),
  };
}

test("served with the production CSP header, the worker evaluates under it and refuses code from text", async ({
  page,
}) => {
  const policy = contentSecurityPolicy({ dev: false });
  const server = await serveBuild({ "Content-Security-Policy": policy });
  try {
    const watched = await watchPage(page);
    const workerScripts: (string | undefined)[] = [];
    page.on("response", (response) => {
      if (/\/assets\/engine\.worker[^/]*\.js$/.test(response.url()))
        workerScripts.push(response.headers()["content-security-policy"]);
    });
    await openAt(page, urlOf(server));
    expect(workerScripts).toEqual([policy]);
    // Evaluating broke no rule of the policy.
    expect(watched.violations).toEqual([]);
    const checks = await runSelfCheck(page);
    await expect(checks.page).toHaveAttribute("data-blocked", "true");
    await expect(checks.worker).toHaveAttribute("data-blocked", "true");
    await expect(checks.worker).toContainText("engine worker refused to run code from text");
    await page.screenshot({ path: "test-results/screenshots/csp-hosting-header.png" });
    // The page's self-check is refused by both the header and the meta policy.
    await expect.poll(() => watched.violations).toEqual(["script-src", "script-src"]);
    expect(watched.errors.filter((e) => !e.includes("Content Security Policy"))).toEqual([]);
  } finally {
    server.close();
  }
});

test("served with the meta tag alone, the page is covered but the worker is not", async ({
  page,
}) => {
  const server = await serveBuild({});
  try {
    await openAt(page, urlOf(server));
    const checks = await runSelfCheck(page);
    await expect(checks.page).toHaveAttribute("data-blocked", "true");
    await expect(checks.worker).toHaveAttribute("data-blocked", "false");
    await expect(checks.worker).toContainText("Content-Security-Policy header");
  } finally {
    server.close();
  }
});

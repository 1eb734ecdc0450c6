import { defineConfig } from "@playwright/test";

// PRECEPT_E2E_PORT lets two checkouts run their suites side by side.
const port = Number(process.env["PRECEPT_E2E_PORT"] ?? 4173);

// Debian's Chromium, never a downloaded browser (see README and ../shared/design/recipes.md §2b).
export default defineConfig({
  testDir: "test/e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 1,
  retries: 0,
  reporter: process.env["CI"] ? [["list"]] : [["list"]],
  outputDir: "test-results",
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    acceptDownloads: true,
    launchOptions: {
      executablePath: process.env["CHROMIUM_PATH"] ?? "/usr/lib/chromium/chromium",
      args: [
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-default-apps",
        "--disable-sync",
        "--metrics-recording-only",
        "--no-first-run",
        "--disable-gpu",
        "--disable-quic",
      ],
    },
  },
  webServer: {
    command: `npx vite build --logLevel warn && npx vite preview --host 127.0.0.1 --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: false,
    timeout: 180_000,
  },
});

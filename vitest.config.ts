import { defineConfig } from "vitest/config";
import solid from "vite-plugin-solid";

// Core tests run in Node (proving the engine needs no browser); UI component tests opt into jsdom
// with a `// @vitest-environment jsdom` comment at the top of the file.
export default defineConfig({
  plugins: [solid()],
  test: {
    environment: "node",
    include: ["test/**/*.test.ts", "test/**/*.test.tsx"],
    exclude: ["test/e2e/**", "node_modules/**"],
    testTimeout: 60_000,
    // Some suites spawn the `precept` command in beforeAll; a loaded 2-core machine needs time.
    hookTimeout: 60_000,
    reporters: ["default"],
  },
});

#!/usr/bin/env node
// Runs every benchmark workload, each in its own Node process, and prints a table of figures.
// Usage: npm run bench [-- name-filter]
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const filter = process.argv[2] ?? "";
const files = readdirSync(join(here, "workloads"))
  .filter((f) => f.endsWith(".ts") && f.includes(filter))
  .sort();

/** The whole run should take under this long (issue 10): the runner says so when it does not. */
const targetMinutes = 5;
const started = Date.now();
let failed = 0;
console.log(`node ${process.version}, ${process.platform} ${process.arch}`);
for (const file of files) {
  const result = spawnSync(
    process.execPath,
    ["--expose-gc", "--import", "tsx", join(here, "workloads", file)],
    { stdio: ["ignore", "inherit", "inherit"], env: { ...process.env, NODE_ENV: "production" } },
  );
  if (result.status !== 0) {
    failed += 1;
    console.error(`${file}: exited with ${result.status ?? result.signal}`);
  }
}
const minutes = (Date.now() - started) / 60_000;
console.log(
  `\nbench: ${files.length} workload(s) in ${minutes.toFixed(1)} min` +
    (minutes > targetMinutes ? ` (over the ${targetMinutes}-minute target)` : ""),
);
process.exit(failed === 0 ? 0 : 1);

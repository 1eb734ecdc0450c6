// The driver side of a workload: runs each engine in its own Node process (so memory is measured
// per engine), checks that both computed the same values, and prints the figures side by side
// with the ratio Precept / HyperFormula.
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Figures } from "../harness";
import { ensureEngineBundle } from "./engine-bundle";
import type { EngineResult } from "./engine-runner";
import type { Timed } from "./timing";
import { workloadFromId } from "./registry";

const engines = join(dirname(fileURLToPath(import.meta.url)), "..", "engines");

/** Relative difference allowed between the engines: HyperFormula computes in doubles. */
export const agreement = 1e-9;

/** Runs one engine script on a workload in a fresh process and returns its result, or the reason it failed. */
export function runEngineProcess(script: string, id: string): EngineResult | string {
  const run = spawnSync(
    process.execPath,
    ["--expose-gc", "--max-old-space-size=4096", "--import", "tsx", join(engines, script), id],
    { encoding: "utf8", maxBuffer: 64 * 2 ** 20, env: { ...process.env, NODE_ENV: "production" } },
  );
  const line = run.stdout.trim().split("\n").pop() ?? "";
  if (run.status !== 0 || !line.startsWith("{")) {
    const why = (run.stderr || run.stdout)
      .split("\n")
      .filter((l) => l.trim() !== "" && !l.trimStart().startsWith("at "))
      .slice(-4)
      .join("\n  ");
    return `exited with ${run.status ?? run.signal}: ${why}`;
  }
  return JSON.parse(line) as EngineResult;
}

/** Relative difference of two numbers given as text, with an absolute floor of 1e-12 near zero. */
export function relativeDifference(a: string, b: string): number {
  const x = Number(a);
  const y = Number(b);
  if (!Number.isFinite(x) || !Number.isFinite(y)) return Number.POSITIVE_INFINITY;
  return Math.abs(x - y) / Math.max(Math.abs(x), Math.abs(y), 1e-12);
}

const ms = (v: number): string => (v < 10 ? v.toFixed(2) : v < 1000 ? v.toFixed(1) : v.toFixed(0));
const range = (f: Figures): string =>
  `${ms(f.median)} ms (${ms(f.min)}–${ms(f.max)}${f.runs > 1 ? `, n=${f.runs}` : ""})`;
const ratio = (p: number, h: number): string => `${(p / h).toFixed(2)}×`;
const row = (op: string, p: string, h: string, wall: string, cpu: string): string =>
  `  ${op.padEnd(26)} ${p.padEnd(34)} ${h.padEnd(34)} ${wall.padEnd(8)} ${cpu}`;

/** Prints one operation: both engines' wall-clock median (min–max), and the ratios of the medians
 * on the wall clock and on the CPU clock. */
function printTimed(op: string, p: Timed | undefined, h: Timed | undefined): void {
  console.log(
    row(
      op,
      p ? range(p.wall) : "—",
      h ? range(h.wall) : "—",
      p && h ? ratio(p.wall.median, h.wall.median) : "",
      p && h ? ratio(p.cpu.median, h.cpu.median) : "",
    ),
  );
}

/**
 * Runs the workload `id` through Precept and HyperFormula and prints the comparison. Returns false
 * when an engine failed or the engines disagree on a sampled value.
 */
export function compareEngines(id: string): boolean {
  const workload = workloadFromId(id);
  console.log(
    `\n${workload.name}: ${workload.title} (${workload.valueCount.toLocaleString("en-GB")} values)`,
  );
  const hf = runEngineProcess("hyperformula.ts", id);
  const precept = runEngineProcess("precept.ts", id);
  const p = typeof precept === "string" ? undefined : precept;
  const h = typeof hf === "string" ? undefined : hf;
  console.log(row("", "Precept", "HyperFormula", "P/HF", "P/HF cpu"));
  const single = (t: { wall: number; cpu: number } | undefined): Timed | undefined =>
    t && {
      wall: { median: t.wall, min: t.wall, max: t.wall, runs: 1 },
      cpu: { median: t.cpu, min: t.cpu, max: t.cpu, runs: 1 },
    };
  printTimed("first load (cold)", single(p?.firstLoad), single(h?.firstLoad));
  printTimed("load", p?.load, h?.load);
  workload.edits.forEach((edit, i) => {
    printTimed(edit.label, p?.edits[i]?.figures, h?.edits[i]?.figures);
  });
  const mib = (v: number | undefined): string => (v === undefined ? "—" : `${v.toFixed(1)} MiB`);
  const heapRatio = p && h ? ratio(p.heapAfterLoad, h.heapAfterLoad) : "";
  console.log(row("heap after load", mib(p?.heapAfterLoad), mib(h?.heapAfterLoad), heapRatio, ""));
  if (typeof precept === "string") console.log(`  Precept failed: ${precept}`);
  if (typeof hf === "string") console.log(`  HyperFormula failed: ${hf}`);
  if (p === undefined || h === undefined) return false;

  let worst = 0;
  const misses: string[] = [];
  for (const [state, pv, hv] of [
    ["initial", p.initial, h.initial],
    ["final", p.final, h.final],
  ] as const) {
    workload.samples.forEach((sample, i) => {
      const d = relativeDifference(pv[i] ?? "", hv[i] ?? "");
      worst = Math.max(worst, d);
      if (!(d <= agreement))
        misses.push(`${state} ${sample.label}: Precept ${pv[i]}, HyperFormula ${hv[i]}`);
    });
  }
  const count = workload.samples.length * 2;
  if (misses.length > 0) {
    console.log(
      `  DISAGREE on ${misses.length} of ${count} sampled values:\n    ${misses.join("\n    ")}`,
    );
    return false;
  }
  console.log(
    `  agree on ${count} sampled values (worst relative difference ${worst.toExponential(1)})`,
  );
  return true;
}

/** Compares the engines on each workload id and sets a failing exit code if any comparison failed. */
export async function compareAll(ids: readonly string[]): Promise<void> {
  await ensureEngineBundle();
  let ok = true;
  for (const id of ids) ok = compareEngines(id) && ok;
  if (!ok) process.exitCode = 1;
}

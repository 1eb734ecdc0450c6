// The driver side of a workload: runs each engine in its own Node process (so memory is measured
// per engine), checks that both computed the same values, and prints the figures side by side
// with the ratio Precept / HyperFormula.
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Figures } from "../harness";
import type { EngineResult } from "./engine-runner";
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
const cell = (f: Figures): string => `${ms(f.median)} ms (${ms(f.min)}–${ms(f.max)}, n=${f.runs})`;
const ratio = (p: number, h: number): string => `${(p / h).toFixed(2)}×`;
const row = (op: string, p: string, h: string, r: string): string =>
  `  ${op.padEnd(26)} ${p.padEnd(30)} ${h.padEnd(30)} ${r}`;

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
  console.log(row("", "Precept median (min–max)", "HyperFormula median (min–max)", "P/HF"));
  const p = typeof precept === "string" ? undefined : precept;
  const h = typeof hf === "string" ? undefined : hf;
  const both = (op: string, pf?: Figures, hf2?: Figures): void => {
    console.log(
      row(
        op,
        pf ? cell(pf) : "—",
        hf2 ? cell(hf2) : "—",
        pf && hf2 ? ratio(pf.median, hf2.median) : "",
      ),
    );
  };
  const single = (op: string, pv?: number, hv?: number, unit = "ms"): void => {
    const show = (v?: number): string =>
      v === undefined ? "—" : `${unit === "ms" ? ms(v) : v.toFixed(1)} ${unit}`;
    console.log(
      row(op, show(pv), show(hv), pv !== undefined && hv !== undefined ? ratio(pv, hv) : ""),
    );
  };
  single("first load (cold)", p?.firstLoad, h?.firstLoad);
  both("load", p?.load, h?.load);
  workload.edits.forEach((edit, i) => {
    both(edit.label, p?.edits[i]?.figures, h?.edits[i]?.figures);
  });
  single("heap after load", p?.heapAfterLoad, h?.heapAfterLoad, "MiB");
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
export function compareAll(ids: readonly string[]): void {
  let ok = true;
  for (const id of ids) ok = compareEngines(id) && ok;
  if (!ok) process.exitCode = 1;
}

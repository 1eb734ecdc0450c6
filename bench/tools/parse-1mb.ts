// P16's figure: how long a 1 MB model takes to parse when nothing is warm, as when the worker
// opens it first. Each measurement runs in a fresh Node process over the production bundle of
// src/lang (bench/lib/engine-bundle.ts), so "cold" includes compiling the parser's code, not
// building Chevrotain's grammar (that is done once, when the module loads, and timed apart).
// Usage: node --import tsx bench/tools/parse-1mb.ts            (every model and phase, a table)
//        node --import tsx bench/tools/parse-1mb.ts plan parse (one measurement, printed as JSON)
import { spawnSync } from "node:child_process";
import { fileURLToPath, pathToFileURL } from "node:url";
import type * as LangApi from "../../src/lang";
import { hostileFiles } from "../../test/fixtures/hostile/corpus";
import { ensureEngineBundle, langBundle } from "../lib/engine-bundle";
import { makePlan } from "../lib/plan-model";

const megabyte = 1_000_000;

/** The 1 MB models: the hostile corpus's (tables by a dimension) and the plan workload's lines. */
const models: Readonly<Record<string, () => string>> = {
  tables: () => {
    const file = hostileFiles.find((f) => f.name === "one-megabyte.precept");
    const content = file?.content();
    if (typeof content !== "string") throw new Error("one-megabyte.precept is not in the corpus");
    return content;
  },
  plan: () => {
    // The plan workload grows by 20 lines; take the first size over 1 MB.
    for (let items = 1_000; ; items += 20) {
      const text = makePlan(items).preceptText(new Map());
      if (text.length >= megabyte) return text;
    }
  },
};

type Phase = "parse" | "check";
const phases: readonly Phase[] = ["parse", "check"];

interface Measurement {
  readonly model: string;
  readonly phase: Phase;
  readonly characters: number;
  readonly loadMs: number;
  readonly coldMs: number;
  readonly warmMs: readonly number[];
  /** CPU time (user + system) of the same runs: under load, closer to the work than wall time. */
  readonly coldCpuMs: number;
  readonly warmCpuMs: readonly number[];
}

async function measure(model: string, phase: Phase): Promise<Measurement> {
  const make = models[model];
  if (!make) throw new Error(`unknown model ${model}`);
  const text = make();
  const loadStart = performance.now();
  const lang = (await import(pathToFileURL(langBundle).href)) as typeof LangApi;
  const loadMs = performance.now() - loadStart;
  const run = phase === "parse" ? () => lang.parseModel(text) : () => lang.checkModel(text);
  const time = (): [number, number] => {
    const cpu = process.cpuUsage();
    const start = performance.now();
    run();
    const wall = performance.now() - start;
    const used = process.cpuUsage(cpu);
    return [wall, (used.user + used.system) / 1_000];
  };
  const [coldMs, coldCpuMs] = time();
  const warm = [time(), time(), time()];
  return {
    model,
    phase,
    characters: text.length,
    loadMs,
    coldMs,
    coldCpuMs,
    warmMs: warm.map(([wall]) => wall),
    warmCpuMs: warm.map(([, cpu]) => cpu),
  };
}

const [model, phase] = process.argv.slice(2);
if (model !== undefined && phase !== undefined) {
  console.log(JSON.stringify(await measure(model, phase as Phase)));
} else {
  await ensureEngineBundle();
  const ms = (n: number) => `${n.toFixed(0)} ms`;
  console.log(`node ${process.version}; each row is a fresh process; warm: the 3 runs after`);
  console.log(
    `load average ${(await import("node:os"))
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")}`,
  );
  for (const m of Object.keys(models)) {
    for (const p of phases) {
      const child = spawnSync(
        process.execPath,
        ["--import", "tsx", fileURLToPath(import.meta.url), m, p],
        { encoding: "utf8", env: { ...process.env, NODE_ENV: "production" } },
      );
      if (child.status !== 0) throw new Error(`${m} ${p}: ${child.stderr}`);
      const r = JSON.parse(child.stdout.trim().split("\n").pop() ?? "{}") as Measurement;
      console.log(
        `  ${`${m} (${r.characters.toLocaleString("en-GB")} chars)`.padEnd(26)} ${p.padEnd(6)}` +
          ` module load ${ms(r.loadMs).padStart(7)}   cold ${ms(r.coldMs).padStart(7)}` +
          ` (CPU ${ms(r.coldCpuMs)})   warm ${r.warmMs.map(ms).join(", ")}` +
          ` (CPU ${r.warmCpuMs.map(ms).join(", ")})`,
      );
    }
  }
}

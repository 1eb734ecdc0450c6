/**
 * `npm run fuzz`: the whole-pipeline fuzz at scale. Runs FUZZ_RUNS cases (default 100,000) from
 * FUZZ_SEED (default: random, printed first) in a worker thread, groups failures by kind, shrinks
 * one case of each kind to a small repro and prints it. A case that hangs or exhausts memory is
 * caught by a watchdog in the main thread, reported, and the run goes on after it.
 *
 *   FUZZ_SEED=123 FUZZ_RUNS=200000 npm run fuzz
 *
 * Case i of a seed is always the same case: `FUZZ_SEED=s FUZZ_FROM=i FUZZ_RUNS=i+1` replays it.
 * Exit code 0 when every oracle held, 1 otherwise.
 */
import fc from "fast-check";
import { writeFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { tokenSoupArb } from "../support/lang-arbitraries";
import { fuzzCase, fuzzStructuralCase } from "../support/pipeline-arbitraries";
import { describeScript, failureOf, scriptOf, type Script } from "./pipeline-oracle";
import { shrinkScript, signatureOf } from "./shrink";
import { bytesOf, hostileFiles, isCommitted } from "../fixtures/hostile/corpus";

/** Defaults of a fuzz run; each can be set from the environment. */
const RunDefaults = {
  runs: 100_000,
  /** No progress for this long means a hang: far above {@link FuzzLimits.callMs} times the calls of a case. */
  hangMs: 120_000,
  /** Heap of the worker; a case beyond it is reported as exhausting memory. */
  workerHeapMb: 2_048,
  /** Cases generated at a time (one fast-check sample). */
  chunk: 500,
  /** Of each this many cases, the last is token soup or arbitrary text and the one before only
   * edits openings, periods and dimensions; the others are generated models with any step. */
  textEvery: 5,
  /** Progress line every this many cases. */
  reportEvery: 5_000,
} as const;

interface Settings {
  readonly seed: number;
  readonly from: number;
  readonly runs: number;
  readonly hangMs: number;
}

type FromWorker =
  | { readonly kind: "start"; readonly index: number }
  | { readonly kind: "beat" }
  | {
      readonly kind: "failure";
      readonly index: number;
      readonly signature: string;
      readonly repro?: string;
      readonly size?: number;
    }
  | { readonly kind: "done" };

const textArb = fc.oneof(tokenSoupArb, fc.string({ unit: "binary", maxLength: 400 }));

const chunks = new Map<string, Script[]>();

/** The script of case `index` of `seed`: deterministic, whatever ran before it. */
export function scriptAt(seed: number, index: number): Script {
  const slot = index % RunDefaults.textEvery;
  const kind = slot === RunDefaults.textEvery - 1 ? 2 : slot === RunDefaults.textEvery - 2 ? 1 : 0;
  const chunk = Math.floor(index / RunDefaults.chunk);
  const key = `${kind}:${chunk}`;
  let scripts = chunks.get(key);
  if (scripts === undefined) {
    const s = (seed + chunk * 7_919 + kind * 104_729) | 0;
    const sample = { seed: s, numRuns: RunDefaults.chunk };
    scripts =
      kind === 2
        ? fc
            .sample(fc.array(textArb, { minLength: 1, maxLength: 3 }), sample)
            .map((texts) => texts.map((text) => ({ text, scenario: null })))
        : fc.sample(kind === 1 ? fuzzStructuralCase : fuzzCase, sample).map(scriptOf);
    for (const k of [...chunks.keys()]) if (!k.endsWith(`:${chunk}`)) chunks.delete(k);
    chunks.set(key, scripts);
  }
  return scripts[index % RunDefaults.chunk] ?? [];
}

function readSettings(): Settings {
  const num = (name: string, fallback: number): number => {
    const raw = process.env[name];
    const n = raw === undefined || raw === "" ? NaN : Number(raw);
    return Number.isFinite(n) ? Math.trunc(n) : fallback;
  };
  return {
    seed: num("FUZZ_SEED", Math.floor(Math.random() * 2 ** 31)),
    from: num("FUZZ_FROM", 0),
    runs: num("FUZZ_RUNS", RunDefaults.runs),
    hangMs: num("FUZZ_HANG_MS", RunDefaults.hangMs),
  };
}

/** Worker side: runs cases from `from`, reports failures, shrinks the first of each kind. */
function runWorker(settings: Settings, port: NonNullable<typeof parentPort>): void {
  const post = (m: FromWorker): void => {
    port.postMessage(m);
  };
  const seen = new Set<string>();
  for (let i = settings.from; i < settings.runs; i++) {
    post({ kind: "start", index: i });
    const failure = failureOf(scriptAt(settings.seed, i));
    if (failure === null) continue;
    const signature = signatureOf(failure);
    if (seen.has(signature)) {
      post({ kind: "failure", index: i, signature });
      continue;
    }
    seen.add(signature);
    const shrunk = shrinkScript(failure, () => {
      post({ kind: "beat" });
    });
    const repro = `${shrunk.failure.oracle}: ${shrunk.failure.detail}\n${describeScript(shrunk.script)}`;
    const size = shrunk.script.reduce((n, e) => n + e.text.length, 0);
    post({ kind: "failure", index: i, signature, repro, size });
  }
  post({ kind: "done" });
}

interface Bucket {
  count: number;
  first: number;
  repro: string;
}

/** Main side: starts workers, restarts them after a hang or a crash, prints the report. */
function runMain(settings: Settings): void {
  const buckets = new Map<string, Bucket>();
  const started = Date.now();
  console.log(
    `precept fuzz: FUZZ_SEED=${settings.seed} FUZZ_RUNS=${settings.runs} (from case ${settings.from})`,
  );
  const record = (signature: string, index: number, repro: string | undefined): void => {
    const b = buckets.get(signature);
    if (b === undefined) {
      buckets.set(signature, { count: 1, first: index, repro: repro ?? "(not shrunk)" });
      console.log(`\nNEW FAILURE at case ${index}: ${signature}\n${repro ?? ""}\n`);
    } else {
      b.count++;
    }
  };
  const finish = (): void => {
    const seconds = ((Date.now() - started) / 1000).toFixed(0);
    console.log(
      `\nprecept fuzz: ${settings.runs - settings.from} cases in ${seconds} s, seed ${settings.seed}`,
    );
    if (buckets.size === 0) {
      console.log("every oracle held");
      process.exitCode = 0;
      return;
    }
    console.log(`${buckets.size} kinds of failure:`);
    for (const [signature, b] of buckets) {
      console.log(
        `\n== ${b.count} × ${signature}\n   first: FUZZ_SEED=${settings.seed} FUZZ_FROM=${b.first} FUZZ_RUNS=${b.first + 1}\n${b.repro}`,
      );
    }
    process.exitCode = 1;
  };
  const spawn = (from: number): void => {
    let current = from;
    let beat = Date.now();
    let over = false;
    // The worker loads this file through tsx, as the main thread did.
    const self = JSON.stringify(pathToFileURL(new URL(import.meta.url).pathname).href);
    const boot = `import("tsx/esm/api").then((m) => { m.register(); return import(${self}); });`;
    let running = false;
    const worker = new Worker(boot, {
      eval: true,
      workerData: { ...settings, from },
      resourceLimits: { maxOldGenerationSizeMb: RunDefaults.workerHeapMb },
    });
    const restart = (why: string): void => {
      if (over) return;
      over = true;
      clearInterval(timer);
      void worker.terminate();
      const script = scriptAt(settings.seed, current);
      record(why, current, `${why}\n${describeScript(script)}`);
      if (current + 1 < settings.runs) spawn(current + 1);
      else finish();
    };
    const timer = setInterval(() => {
      // Loading the worker (tsx, Chevrotain) is not a case: the clock starts at its first message.
      if (running && Date.now() - beat > settings.hangMs)
        restart(`hang: no result within ${settings.hangMs} ms`);
    }, 1_000);
    worker.on("message", (m: FromWorker) => {
      beat = Date.now();
      running = true;
      if (m.kind === "start") {
        current = m.index;
        if (m.index % RunDefaults.reportEvery === 0 && m.index > 0)
          console.log(`  ${m.index} cases, ${buckets.size} kinds of failure`);
      } else if (m.kind === "failure") {
        record(m.signature, m.index, m.repro);
      } else if (m.kind === "done") {
        over = true;
        clearInterval(timer);
        void worker.terminate();
        finish();
      }
    });
    worker.on("error", (e: Error) => {
      if (!running) {
        // The worker could not even start: a broken setup, not a finding. Stop.
        clearInterval(timer);
        console.error(`precept fuzz: the worker did not start: ${e.message}`);
        process.exitCode = 2;
        return;
      }
      restart(`crash: ${e.message.split("\n")[0] ?? ""}`);
    });
  };
  spawn(settings.from);
}

/** Rewrites the committed (small) files of the hostile corpus from its generator. */
function writeCorpus(): void {
  const dir = fileURLToPath(new URL("../fixtures/hostile/", import.meta.url));
  for (const f of hostileFiles) {
    if (!isCommitted(f)) continue;
    writeFileSync(`${dir}${f.name}`, bytesOf(f));
    console.log(`wrote test/fixtures/hostile/${f.name}`);
  }
}

if (isMainThread && process.argv.includes("--write-corpus")) writeCorpus();
else if (isMainThread) runMain(readSettings());
else if (parentPort !== null) runWorker(workerData as Settings, parentPort);

// Loads one workload into Precept once and makes each edit a few times, for profiling:
//   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/tools/precept-once.ts plan:1000
// It prints the time of each phase, so that a profile can be read against them. The engine is the
// same Vite bundle the benchmark runs.
import { pathToFileURL } from "node:url";
import type * as EngineApi from "../../src/engine";
import { engineBundle, ensureEngineBundle } from "../lib/engine-bundle";
import { workloadFromId } from "../lib/registry";

await ensureEngineBundle();
const { createEngine } = (await import(pathToFileURL(engineBundle).href)) as typeof EngineApi;

const id = process.argv[2] ?? "plan:1000";
const workload = workloadFromId(id);
const text = workload.preceptText(new Map());
const engine = createEngine();
let start = performance.now();
engine.update(text);
console.log(`load ${(performance.now() - start).toFixed(0)} ms`);
for (const edit of workload.edits) {
  for (let k = 0; k < 4; k++) {
    const next = workload.preceptText(
      new Map([[edit.key, (edit.values[k % 2] ?? edit.final).text]]),
    );
    start = performance.now();
    engine.update(next);
    console.log(`${edit.label} ${(performance.now() - start).toFixed(0)} ms`);
  }
}

// Loads one workload and repeats one of its edits 30 times through `update(text)`, for profiling
// the edit path alone:
//   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/tools/once-edit.ts plan:1000 1
// The second argument is the edit's index in the workload (0: everything depends, 1: 1%).
import { pathToFileURL } from "node:url";
import type * as EngineApi from "../../src/engine";
import { engineBundle, ensureEngineBundle } from "../lib/engine-bundle";
import { workloadFromId } from "../lib/registry";

await ensureEngineBundle();
const { createEngine } = (await import(pathToFileURL(engineBundle).href)) as typeof EngineApi;
const workload = workloadFromId(process.argv[2] ?? "plan:1000");
const engine = createEngine();
engine.update(workload.preceptText(new Map()));
const edit = workload.edits[Number(process.argv[3] ?? 1)];
if (edit === undefined) throw new Error("no such edit");
const texts = edit.values.map((v) => workload.preceptText(new Map([[edit.key, v.text]])));
for (let k = 0; k < 30; k++) {
  const start = performance.now();
  engine.update(texts[k % 2] ?? "");
  if (k % 5 === 0) console.log(`${edit.label}: ${(performance.now() - start).toFixed(1)} ms`);
}

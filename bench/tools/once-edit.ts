// Loads one workload and repeats one of its edits through `update(text)`, for profiling the edit
// path alone. With a third argument, writes a V8 CPU profile of the edits only (not the load):
//   node --import tsx bench/tools/once-edit.ts plan:1000 1 /tmp/edit.cpuprofile
//   node --import tsx bench/tools/profile-summary.ts /tmp/edit.cpuprofile 30
// The second argument is the edit's index in the workload (0: everything depends, 1: 1%).
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
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
const profileOut = process.argv[4];
const texts = edit.values.map((v) => workload.preceptText(new Map([[edit.key, v.text]])));
engine.update(texts[1] ?? "");
const session = new Session();
if (profileOut !== undefined) {
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 100 });
  await session.post("Profiler.start");
}
const times: number[] = [];
for (let k = 0; k < 60; k++) {
  const start = performance.now();
  engine.update(texts[k % 2] ?? "");
  times.push(performance.now() - start);
}
if (profileOut !== undefined) {
  const { profile } = await session.post("Profiler.stop");
  writeFileSync(profileOut, JSON.stringify(profile));
  session.disconnect();
}
times.sort((a, b) => a - b);
const at = (q: number): string => (times[Math.floor(q * (times.length - 1))] ?? 0).toFixed(1);
console.log(`${edit.label}: median ${at(0.5)} ms (min ${at(0)}, max ${at(1)}, n=${times.length})`);

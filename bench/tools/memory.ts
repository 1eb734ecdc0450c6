// What Precept's heap after load is made of: the heap retained by each stage of a load, measured
// after a full collection. Usage: node --expose-gc --import tsx bench/tools/memory.ts plan:1000
import { pathToFileURL } from "node:url";
import type * as EngineApi from "../../src/engine";
import type * as LangApi from "../../src/lang";
import { heapUsedMiB } from "../harness";
import { engineBundle, ensureEngineBundle, langBundle } from "../lib/engine-bundle";
import { workloadFromId } from "../lib/registry";

await ensureEngineBundle();
const engine = (await import(pathToFileURL(engineBundle).href)) as typeof EngineApi;
const lang = (await import(pathToFileURL(langBundle).href)) as typeof LangApi;

const workload = workloadFromId(process.argv[2] ?? "plan:1000");
const text = workload.preceptText(new Map());
const show = (stage: string, mib: number): void => {
  console.log(`  ${stage.padEnd(40)} ${mib.toFixed(1).padStart(7)} MiB`);
};
console.log(`${workload.name}: heap retained by each stage`);
let start = heapUsedMiB();
const parsed = lang.parseModel(text);
show("parseModel (AST)", heapUsedMiB() - start);
start = heapUsedMiB();
const checked = lang.checkModel(text);
show("checkModel (AST + side tables)", heapUsedMiB() - start);
start = heapUsedMiB();
const compiled = engine.compileModel(checked, null);
show("compileModel", heapUsedMiB() - start);
start = heapUsedMiB();
const evaluation = engine.evaluateFull(compiled);
show("evaluateFull (values)", heapUsedMiB() - start);
start = heapUsedMiB();
const session = engine.createEngine();
const snapshot = session.update(text);
show("a whole session after update(text)", heapUsedMiB() - start);
console.log(`  (kept alive: ${[parsed, checked, compiled, evaluation, snapshot].length} results)`);

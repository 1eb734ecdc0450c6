// Where Precept's time goes: times each phase of a load and of each benchmark edit on its own
// (parse, check, compile, evaluate or recompute), next to the whole `update(text)`, whose
// remainder is the snapshot. Usage: node --expose-gc --import tsx bench/tools/phases.ts plan:1000
import { pathToFileURL } from "node:url";
import type * as EngineApi from "../../src/engine";
import type * as LangApi from "../../src/lang";
import { engineBundle, ensureEngineBundle, langBundle } from "../lib/engine-bundle";
import { workloadFromId } from "../lib/registry";
import { summarize } from "../lib/timing";

await ensureEngineBundle();
const engine = (await import(pathToFileURL(engineBundle).href)) as typeof EngineApi;
const lang = (await import(pathToFileURL(langBundle).href)) as typeof LangApi;

const id = process.argv[2] ?? "plan:1000";
const runs = Number(process.argv[3] ?? 5);
const workload = workloadFromId(id);
const base = workload.preceptText(new Map());

function median(operation: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    operation();
    times.push(performance.now() - start);
  }
  return summarize(times).median;
}

const show = (phase: string, ms: number): void => {
  console.log(`  ${phase.padEnd(34)} ${ms.toFixed(1).padStart(9)} ms`);
};

console.log(
  `${workload.name}: ${base.length.toLocaleString("en-GB")} characters, medians of ${runs}`,
);
const checked = lang.checkModel(base);
const compiled = engine.compileModel(checked, null);
const full = engine.evaluateFull(compiled);
console.log("load");
show(
  "parse (lex, parse, AST)",
  median(() => lang.parseModel(base)),
);
show(
  "checkModel (parse + resolve + check)",
  median(() => lang.checkModel(base)),
);
show(
  "compileModel",
  median(() => engine.compileModel(checked, null)),
);
show(
  "evaluateFull",
  median(() => engine.evaluateFull(compiled)),
);
show(
  "createEngine().update(text)",
  median(() => engine.createEngine().update(base)),
);

for (const edit of workload.edits) {
  const texts = edit.values.map((v) => workload.preceptText(new Map([[edit.key, v.text]])));
  const text = texts[0] ?? base;
  const nextChecked = lang.checkModel(text);
  const nextCompiled = engine.compileModel(nextChecked, null);
  const stats = engine.recompute(full, nextCompiled).stats;
  console.log(
    `${edit.label}: recompute evaluates ${stats.cellsEvaluated} cells in ${stats.stepsRun} steps`,
  );
  show(
    "checkModel (full)",
    median(() => lang.checkModel(text)),
  );
  // The engine's way: one front-end session that saw the previous text.
  const front = new lang.FrontEnd();
  front.check(base);
  let j = 0;
  show(
    "FrontEnd.check (alternating values)",
    median(() => {
      front.check(texts[j % 2] ?? base);
      j++;
    }),
  );
  show(
    "compileModel",
    median(() => engine.compileModel(nextChecked, null)),
  );
  const cache = new engine.CompileCache();
  engine.compileModel(checked, null, cache);
  let c = 0;
  const nextCheckeds = texts.map((t) => lang.checkModel(t));
  show(
    "compileModel, cached (alternating values)",
    median(() => {
      engine.compileModel(nextCheckeds[c % 2] ?? nextChecked, null, cache);
      c++;
    }),
  );
  // As a session compiles: models from one front end share the trees of unchanged declarations.
  const sessionFront = new lang.FrontEnd();
  sessionFront.check(base);
  const sessionCheckeds = texts.map((t) => sessionFront.check(t));
  const sessionCache = new engine.CompileCache();
  engine.compileModel(sessionCheckeds[1] ?? nextChecked, null, sessionCache);
  let sc = 0;
  show(
    "compileModel, cached, FrontEnd models",
    median(() => {
      engine.compileModel(sessionCheckeds[sc % 2] ?? nextChecked, null, sessionCache);
      sc++;
    }),
  );
  show(
    "recompute",
    median(() => engine.recompute(full, nextCompiled)),
  );
  const session = engine.createEngine();
  session.update(base);
  let k = 0;
  show(
    "update(text) (alternating values)",
    median(() => {
      session.update(texts[k % 2] ?? base);
      k++;
    }),
  );
}

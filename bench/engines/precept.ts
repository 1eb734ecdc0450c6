// Precept: runs one workload as model text through an engine session and prints one JSON result
// line. Usage: node --expose-gc --import tsx bench/engines/precept.ts <workload id>
// A load is `createEngine()` plus the first `update(text)` (parse, check, compile, full
// evaluation and the first snapshot); an edit is `update(text)` with one input changed, as the
// worker does on every keystroke. The engine is the Vite bundle of src/engine (see engine-bundle.ts),
// which the driver builds before it starts this process.
import { pathToFileURL } from "node:url";
import type * as EngineApi from "../../src/engine";
import type { EvalSnapshot } from "../../src/engine";
import { engineBundle } from "../lib/engine-bundle";
import { runEngine, type EngineSession } from "../lib/engine-runner";
import type { ModelCell, Workload } from "../lib/workload";

/** Where each line item's rows sit in `snapshot.lines`: name → row indices, one per member. Edits
 * of input values keep the layout, so it is built once per load and checked on every read. */
function indexLines(snapshot: EvalSnapshot): Map<string, number[]> {
  const rows = new Map<string, number[]>();
  snapshot.lines.forEach((line, i) => {
    const list = rows.get(line.name);
    if (list === undefined) rows.set(line.name, [i]);
    else list.push(i);
  });
  return rows;
}

const { createEngine } = (await import(pathToFileURL(engineBundle).href)) as typeof EngineApi;

function open(text: string, workload: Workload): EngineSession<string> {
  const engine = createEngine();
  let snapshot = engine.update(text);
  const errors = snapshot.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) {
    const first = errors.slice(0, 3).map((d) => `${d.code} at ${d.from}: ${d.message}`);
    throw new Error(`the model has ${errors.length} errors: ${first.join("; ")}`);
  }
  let rows = indexLines(snapshot);
  const row = (cell: ModelCell): number | undefined => rows.get(cell.item)?.[cell.member ?? 0];
  return {
    prepare: (_edit, _value, inputs) => workload.preceptText(inputs),
    apply: (next) => {
      snapshot = engine.update(next);
    },
    read: (sample) => {
      let at = row(sample.precept);
      if (at === undefined || snapshot.lines[at]?.name !== sample.precept.item) {
        rows = indexLines(snapshot);
        at = row(sample.precept);
      }
      const cell = snapshot.lines[at ?? -1]?.cells[sample.precept.period];
      if (cell?.value == null) throw new Error(`${sample.label}: ${JSON.stringify(cell)}`);
      return cell.value;
    },
    dispose: () => undefined,
  };
}

runEngine({ name: "Precept", source: (w) => w.preceptText(new Map()), load: open });

// The measuring loop every engine process runs, the same for both engines: load the workload a
// few times, measure memory after load, time each edit, then set known inputs and read the
// samples. The process prints one JSON line, an `EngineResult`, for its driver.
import { heapUsedMiB } from "../harness";
import { workloadFromId } from "./registry";
import { summarizeBoth, timeOnce, type Sample2, type Timed } from "./timing";
import type { InputEdit, InputValue, Sample, Workload } from "./workload";

/** A loaded model in one engine. `prepare` does the untimed work of an edit (building the new text,
 * say); `apply` is what is timed; `read` returns a sample's value as text. */
export interface EngineSession<Payload> {
  prepare(edit: InputEdit, value: InputValue, inputs: ReadonlyMap<string, string>): Payload;
  apply(payload: Payload): void;
  read(sample: Sample): string;
  dispose(): void;
}

/** An engine under test. `source` builds its input (text or sheets, untimed); `load` is timed. */
export interface EngineAdapter<Source, Payload> {
  readonly name: string;
  source(workload: Workload): Source;
  load(source: Source, workload: Workload): EngineSession<Payload>;
}

/** What one engine process reports. Times in milliseconds, memory in MiB. */
export interface EngineResult {
  readonly engine: string;
  readonly workload: string;
  readonly firstLoad: Sample2;
  readonly load: Timed;
  readonly heapAfterLoad: number;
  readonly edits: readonly { readonly label: string; readonly figures: Timed }[];
  readonly initial: readonly string[];
  readonly final: readonly string[];
}

/**
 * Runs after the first (cold) load until this many loads are timed or the budget is spent. The
 * budgets keep `npm run bench` (every workload, both engines) under 5 minutes on 2 cores while
 * every figure still has at least `min` runs behind its median.
 */
const loadRuns = { max: 5, min: 2, budgetMs: 6_000 };
/** Timed edits of each input, after warm-up edits (one only, when an edit takes over `longMs`):
 * as many as fit the budget, within min..max. */
const editRuns = { max: 9, min: 3, warmup: 2, longMs: 500, budgetMs: 6_000 };

/** Measures `adapter` on the workload named by `process.argv[2]` and prints the result as JSON. */
export function runEngine<Source, Payload>(adapter: EngineAdapter<Source, Payload>): void {
  const id = process.argv[2];
  if (id === undefined) throw new Error("usage: <engine script> <workload id>");
  const workload = workloadFromId(id);
  const baseline = heapUsedMiB();

  let source: Source | undefined = adapter.source(workload);
  const timeLoad = (): { session: EngineSession<Payload>; time: Sample2 } => {
    const { result, time } = timeOnce(() => adapter.load(source as Source, workload));
    return { session: result, time };
  };
  const first = timeLoad();
  const firstLoad = first.time;
  let session = first.session;
  const times: Sample2[] = [];
  const loadStart = performance.now();
  while (
    times.length < loadRuns.max &&
    (times.length < loadRuns.min || performance.now() - loadStart < loadRuns.budgetMs)
  ) {
    session.dispose();
    const next = timeLoad();
    session = next.session;
    times.push(next.time);
  }
  // The engine keeps what it needs of its input; the runner's own copy is not counted.
  source = undefined;
  const heapAfterLoad = heapUsedMiB() - baseline;

  const initial = workload.samples.map((s) => session.read(s));
  const inputs = new Map<string, string>();
  const edits = workload.edits.map((edit) => {
    const payloads = edit.values.map((v) =>
      session.prepare(edit, v, new Map([...inputs, [edit.key, v.text]])),
    );
    let k = 0;
    const editOnce = (): void => {
      session.apply(payloads[k % 2] as Payload);
      session.read(edit.probe);
      k++;
    };
    // One long warm-up run warms the JIT as well as two short ones would.
    for (let w = 0; w < editRuns.warmup; w++) {
      if (timeOnce(editOnce).time.wall > editRuns.longMs) break;
    }
    const times: Sample2[] = [];
    const editStart = performance.now();
    while (
      times.length < editRuns.max &&
      (times.length < editRuns.min || performance.now() - editStart < editRuns.budgetMs)
    ) {
      times.push(timeOnce(editOnce).time);
    }
    const figures = summarizeBoth(times);
    inputs.set(edit.key, (edit.values[(k - 1) % 2] as InputValue).text);
    return { label: edit.label, figures };
  });
  for (const edit of workload.edits) {
    inputs.set(edit.key, edit.final.text);
    session.apply(session.prepare(edit, edit.final, inputs));
  }
  const final = workload.samples.map((s) => session.read(s));
  const result: EngineResult = {
    engine: adapter.name,
    workload: workload.name,
    firstLoad,
    load: summarizeBoth(times),
    heapAfterLoad,
    edits,
    initial,
    final,
  };
  console.log(JSON.stringify(result));
}

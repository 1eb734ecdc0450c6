import { createSignal, For, onCleanup, onMount, Show } from "solid-js";
import type {
  AnalysisTargetDto,
  GoalSeekReplyDto,
  GoalSeekRequestDto,
  Reply,
  WorkbenchApi,
} from "../../protocol";
import { RunProgress } from "./RunProgress";
import { createAnalysisRun } from "./run";

/** What the analysis views ask of the worker: the workbench store's caller. */
export interface AnalysisCaller {
  call<T>(request: (api: WorkbenchApi) => Promise<Reply<T>>): Promise<T | null>;
}

/** The figure an analysis starts from: a grid line's key and the period of the cell. */
export interface FigureRef {
  readonly key: string;
  readonly period: string | null;
}

/** Props of the goal seek dialog. */
export interface GoalSeekDialogProps {
  readonly caller: AnalysisCaller;
  /** The revision the workbench shows; a solution for an older one is marked as such. */
  readonly revision: number;
  readonly figure: FigureRef;
  /** Raised by "Add as scenario": the declaration to add to the model text (the user asked). */
  readonly onAddScenario: (text: string, name: string) => void;
  readonly onClose: () => void;
}

const every = "";

/**
 * Goal seek from a figure: which input to change (the inputs the figure reads are offered), where
 * (every period, one period, one member), the value to reach and an optional range. The worker
 * solves it on the engine's incremental path; the solution is shown, and can be copied or added
 * to the model text as a scenario, but the text never changes unless the user asks.
 */
export function GoalSeekDialog(props: GoalSeekDialogProps) {
  let dialog: HTMLDialogElement | undefined;
  const [target, setTarget] = createSignal<AnalysisTargetDto | null>(null);
  const [input, setInput] = createSignal("");
  const [period, setPeriod] = createSignal(every);
  const [member, setMember] = createSignal(every);
  const [value, setValue] = createSignal("0");
  const [low, setLow] = createSignal("");
  const [high, setHigh] = createSignal("");
  const [reply, setReply] = createSignal<GoalSeekReplyDto | null>(null);
  const [note, setNote] = createSignal("");
  const run = createAnalysisRun();

  onMount(() => {
    dialog?.showModal();
    void props.caller
      .call((api) => api.analysisTarget(props.revision, props.figure.key, props.figure.period))
      .then((t) => {
        setTarget(t);
        setInput(t?.inputs[0]?.name ?? "");
      });
  });
  onCleanup(() => {
    run.cancel();
    dialog?.close();
  });

  const chosen = () => target()?.inputs.find((i) => i.name === input());
  const targetText = () => {
    const t = target();
    if (!t) return props.figure.key;
    return t.period === null ? t.key : `${t.key} in ${t.period}`;
  };
  const inputKey = () => {
    const m = member();
    return m === every ? input() : `${input()}[${m}]`;
  };

  const solve = async () => {
    const t = target();
    if (!t || input() === "") return;
    const request: GoalSeekRequestDto = {
      input: inputKey(),
      target: t.key,
      value: value(),
      ...(t.period === null ? {} : { period: t.period }),
      ...(period() === every ? {} : { inputPeriod: period() }),
      ...(low().trim() === "" ? {} : { low: low() }),
      ...(high().trim() === "" ? {} : { high: high() }),
    };
    setNote("");
    const ticket = run.start("Solving");
    const result = await props.caller.call((api) => api.goalSeek(props.revision, request));
    if (!run.isCurrent(ticket)) return;
    run.finish(ticket);
    setReply(result);
  };

  /** The declaration "Add as scenario" adds: only for a solution of the base case. */
  const scenarioToAdd = () => {
    const r = reply();
    const s = r?.addScenario;
    return r?.scenario === null && s?.ok === true ? s : null;
  };
  const cannotAdd = () => {
    const r = reply();
    if (r === null || !r.result.ok) return "";
    if (r.scenario !== null) return "Switch to the base case to add the solution as a scenario.";
    return r.addScenario?.ok === false ? r.addScenario.reason : "";
  };

  const copy = async () => {
    const r = reply()?.result;
    if (!r?.ok) return;
    const text = `${r.inputKey} = ${r.solution.input.display} (exact ${r.input})`;
    try {
      await navigator.clipboard.writeText(text);
      setNote(`Copied: ${text}`);
    } catch {
      setNote(`Could not copy; the value is ${text}`);
    }
  };

  return (
    <dialog
      ref={(el) => (dialog = el)}
      class="pc-dialog pc-goal-seek"
      aria-labelledby="pc-goal-seek-title"
      onClose={() => props.onClose()}
    >
      <h2 id="pc-goal-seek-title" class="pc-dialog-title">
        Goal seek
      </h2>
      <form
        class="pc-analysis-form"
        onSubmit={(e) => {
          e.preventDefault();
          void solve();
        }}
      >
        <p class="pc-analysis-target">
          Make <code class="pc-mono">{targetText()}</code>
          <Show when={target()}>{(t) => <span class="pc-muted"> ({t().unit})</span>}</Show> equal
        </p>
        <Show when={target()?.inputs.length === 0}>
          <p class="pc-analysis-error" role="alert">
            {target()?.kind === "input"
              ? "This figure is an input: select a calculated figure that reads it."
              : "This figure reads no inputs, so no input can change it."}
          </p>
        </Show>
        <label>
          Value to reach
          <input
            type="text"
            name="value"
            aria-label="Value to reach"
            value={value()}
            onInput={(e) => setValue(e.currentTarget.value)}
            required
          />
        </label>
        <label>
          by changing
          <select
            name="input"
            aria-label="Input to change"
            value={input()}
            onChange={(e) => {
              setInput(e.currentTarget.value);
              setPeriod(every);
              setMember(every);
            }}
          >
            <For each={target()?.inputs ?? []}>
              {(i) => (
                <option value={i.name}>
                  {i.name} ({i.unit}){i.label !== i.name ? ` — ${i.label}` : ""}
                </option>
              )}
            </For>
          </select>
        </label>
        <Show when={chosen()?.perPeriod}>
          <label>
            in
            <select
              name="period"
              aria-label="Period to change it in"
              value={period()}
              onChange={(e) => setPeriod(e.currentTarget.value)}
            >
              <option value={every}>every period</option>
              <For each={target()?.periods ?? []}>{(p) => <option value={p}>{p}</option>}</For>
            </select>
          </label>
        </Show>
        <Show when={(chosen()?.members.length ?? 0) > 0}>
          <label>
            for
            <select
              name="member"
              aria-label="Member to change"
              value={member()}
              onChange={(e) => setMember(e.currentTarget.value)}
            >
              <option value={every}>every member</option>
              <For each={chosen()?.members ?? []}>{(m) => <option value={m}>{m}</option>}</For>
            </select>
          </label>
        </Show>
        <fieldset class="pc-analysis-range">
          <legend>Search between (optional)</legend>
          <label>
            low
            <input
              type="text"
              name="low"
              aria-label="Search from"
              value={low()}
              placeholder="automatic"
              onInput={(e) => setLow(e.currentTarget.value)}
            />
          </label>
          <label>
            high
            <input
              type="text"
              name="high"
              aria-label="Search to"
              value={high()}
              placeholder="automatic"
              onInput={(e) => setHigh(e.currentTarget.value)}
            />
          </label>
        </fieldset>
        <p class="pc-analysis-hint">
          Write numbers as in a model: 3%, £1.5m, (4,000). A plain number is in base units: pounds,
          or 0.03 for 3%.
        </p>
        <div class="pc-dialog-actions">
          <button
            type="submit"
            class="pc-button pc-primary"
            disabled={(target()?.inputs.length ?? 0) === 0}
          >
            Solve
          </button>
          <button type="button" class="pc-button" onClick={() => dialog?.close()}>
            Close
          </button>
        </div>
      </form>
      <RunProgress run={run} />
      <Show when={reply()}>{(r) => <GoalSeekOutcome reply={r()} revision={props.revision} />}</Show>
      <Show when={reply()?.result.ok}>
        <div class="pc-dialog-actions">
          <button type="button" class="pc-button" onClick={() => void copy()}>
            Copy value
          </button>
          <Show when={scenarioToAdd()} fallback={<span class="pc-muted">{cannotAdd()}</span>}>
            {(added) => (
              <button
                type="button"
                class="pc-button"
                onClick={() => {
                  props.onAddScenario(added().text, added().name);
                  setNote(`Added scenario '${added().name}' at the end of the model text.`);
                }}
              >
                Add as scenario
              </button>
            )}
          </Show>
        </div>
      </Show>
      <Show when={note()}>
        <p class="pc-analysis-note" role="status">
          {note()}
        </p>
      </Show>
    </dialog>
  );
}

/** The solution, or why there is none (with its code). */
function GoalSeekOutcome(props: { readonly reply: GoalSeekReplyDto; readonly revision: number }) {
  const unit = (u: string) => (u === "" || u === "%" ? "" : ` ${u}`);
  return (
    <section class="pc-analysis-result" aria-label="Goal seek result" aria-live="polite">
      <Show when={props.reply.revision !== props.revision}>
        <p class="pc-muted">Solved for an earlier version of the text.</p>
      </Show>
      <Show
        when={props.reply.result.ok ? props.reply.result : null}
        fallback={
          <p class="pc-analysis-error" role="alert">
            <strong>{props.reply.result.ok ? "" : props.reply.result.code}</strong>{" "}
            {props.reply.result.ok ? "" : props.reply.result.message}
          </p>
        }
      >
        {(r) => (
          <dl class="pc-analysis-solution">
            <dt>Solution</dt>
            <dd>
              <code class="pc-mono">{r().inputKey}</code> ={" "}
              <strong class="pc-fig" data-exact={r().input}>
                {r().solution.input.display}
              </strong>
              {unit(r().inputUnit)}
            </dd>
            <dt>gives</dt>
            <dd>
              <code class="pc-mono">{r().targetKey}</code> ={" "}
              <span class="pc-fig" data-exact={r().target}>
                {r().solution.target.display}
              </span>
              {unit(r().targetUnit)}
            </dd>
            <Show when={r().base}>
              {(b) => (
                <>
                  <dt>at the model's values</dt>
                  <dd>
                    {b().input.display}
                    {unit(r().inputUnit)} gives {b().target.display}
                    {unit(r().targetUnit)}
                  </dd>
                </>
              )}
            </Show>
            <Show when={r().checks.length > 0}>
              <dt>checks</dt>
              <dd>
                <ChangedChecks checks={r().checks} />
              </dd>
            </Show>
            <dt>trials</dt>
            <dd>{r().iterations} evaluations</dd>
          </dl>
        )}
      </Show>
    </section>
  );
}

/** The checks whose outcome the solution changes: a count by outcome, the names on request. */
function ChangedChecks(props: {
  readonly checks: readonly { readonly name: string; readonly passes: boolean }[];
}) {
  const failing = () => props.checks.filter((c) => !c.passes);
  const passing = () => props.checks.filter((c) => c.passes);
  const count = (n: number) => (n === 1 ? "1 check" : `${String(n)} checks`);
  return (
    <>
      <Show when={failing().length > 0}>
        <details class="pc-analysis-checks">
          <summary class="pc-analysis-fails">
            {count(failing().length)} that pass now would fail: {failing()[0]?.name}
            {failing().length > 1 ? ", …" : ""}
          </summary>
          <For each={failing()}>{(c) => <span class="pc-analysis-check">{c.name}</span>}</For>
        </details>
      </Show>
      <Show when={passing().length > 0}>
        <details class="pc-analysis-checks">
          <summary>
            {count(passing().length)} that fail now would pass: {passing()[0]?.name}
            {passing().length > 1 ? ", …" : ""}
          </summary>
          <For each={passing()}>{(c) => <span class="pc-analysis-check">{c.name}</span>}</For>
        </details>
      </Show>
    </>
  );
}

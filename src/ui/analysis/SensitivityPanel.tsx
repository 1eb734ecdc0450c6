import { createSignal, For, Show, type Accessor } from "solid-js";
import type {
  SensitivityProgressDto,
  SensitivityResultDto,
  SensitivityRowDto,
} from "../../protocol";
import type { AnalysisCaller, FigureRef } from "./GoalSeekDialog";
import { RunProgress } from "./RunProgress";
import { AnalysisTiming, createAnalysisRun, type AnalysisRun } from "./run";
import { TornadoChart } from "./TornadoChart";

/** What a sensitivity asks: the output cell, the step each way and the switching threshold. */
export interface SensitivityAsk {
  readonly figure: FigureRef;
  readonly step: string;
  readonly threshold: string;
}

/** The last sensitivity run and its outcome, kept while the panel is hidden. */
export interface SensitivityState {
  readonly run: AnalysisRun;
  readonly asked: Accessor<SensitivityAsk | null>;
  readonly result: Accessor<SensitivityResultDto | null>;
  readonly error: Accessor<{ readonly code: string; readonly message: string } | null>;
  /** The revision the last result was computed for. */
  readonly revision: Accessor<number>;
  analyse(ask: SensitivityAsk, revision: number): Promise<void>;
}

/**
 * Runs one-at-a-time sensitivities in the worker in steps of `AnalysisTiming.sliceMs`, so a long
 * run shows its progress and stops between steps when cancelled.
 */
export function createSensitivity(caller: AnalysisCaller): SensitivityState {
  const run = createAnalysisRun();
  const [asked, setAsked] = createSignal<SensitivityAsk | null>(null);
  const [result, setResult] = createSignal<SensitivityResultDto | null>(null);
  const [error, setError] = createSignal<{ code: string; message: string } | null>(null);
  const [revision, setRevision] = createSignal(-1);
  return {
    run,
    asked,
    result,
    error,
    revision,
    async analyse(ask, rev) {
      setAsked(ask);
      const ticket = run.start("Varying inputs");
      const request = {
        output: ask.figure.key,
        ...(ask.figure.period === null ? {} : { period: ask.figure.period }),
        step: ask.step,
        threshold: ask.threshold,
      };
      let reply: SensitivityProgressDto | null = await caller.call((api) =>
        api.startSensitivity(rev, request, AnalysisTiming.sliceMs),
      );
      while (reply?.ok === true && reply.result === undefined && run.isCurrent(ticket)) {
        run.progress(ticket, reply.done, reply.total);
        const job = reply.job;
        reply = await caller.call((api) => api.continueSensitivity(job, AnalysisTiming.sliceMs));
      }
      if (!run.isCurrent(ticket)) {
        if (reply?.ok === true && reply.result === undefined) {
          const job = reply.job;
          void caller.call((api) => api.cancelSensitivity(job));
        }
        return;
      }
      run.finish(ticket);
      if (reply === null) return;
      setRevision(reply.revision);
      if (reply.ok) {
        setError(null);
        setResult(reply.result ?? null);
      } else {
        setResult(null);
        setError({ code: reply.error.code, message: reply.error.message });
      }
    },
  };
}

/** Props of the sensitivity panel. */
export interface SensitivityPanelProps {
  readonly state: SensitivityState;
  /** The figure selected in the grid, offered as the output. */
  readonly selected: FigureRef | null;
  readonly revision: number;
  readonly onSelectInput?: (key: string) => void;
}

const refText = (f: FigureRef) => (f.period === null ? f.key : `${f.key} in ${f.period}`);

/**
 * Sensitivity of one figure: each input it reads moved up and down by a step, one at a time,
 * drawn as a tornado ordered by swing, with each input's switching value for a threshold (the
 * change from the base, as a percentage, at which the figure reaches it: NPV = 0).
 */
export function SensitivityPanel(props: SensitivityPanelProps) {
  const [step, setStep] = createSignal(props.state.asked()?.step ?? "10%");
  const [threshold, setThreshold] = createSignal(props.state.asked()?.threshold ?? "0");
  const figure = () => props.selected ?? props.state.asked()?.figure ?? null;
  const analyse = () => {
    const f = figure();
    if (f)
      void props.state.analyse({ figure: f, step: step(), threshold: threshold() }, props.revision);
  };
  return (
    <section class="pc-sensitivity" aria-label="Sensitivity">
      <form
        class="pc-analysis-form pc-sensitivity-controls"
        onSubmit={(e) => {
          e.preventDefault();
          analyse();
        }}
      >
        <span>
          Output{" "}
          <code class="pc-mono">
            {figure() ? refText(figure() as FigureRef) : "(select a figure)"}
          </code>
        </span>
        <label>
          Change each input by ±
          <input
            type="text"
            name="step"
            size={6}
            value={step()}
            onInput={(e) => setStep(e.currentTarget.value)}
          />
        </label>
        <label>
          Switching value where the output is
          <input
            type="text"
            name="threshold"
            size={8}
            value={threshold()}
            onInput={(e) => setThreshold(e.currentTarget.value)}
          />
        </label>
        <button type="submit" class="pc-button pc-primary" disabled={figure() === null}>
          Run sensitivity
        </button>
      </form>
      <RunProgress run={props.state.run} />
      <Show when={props.state.error()}>
        {(e) => (
          <p class="pc-analysis-error" role="alert">
            <strong>{e().code}</strong> {e().message}
          </p>
        )}
      </Show>
      <Show when={props.state.result()}>
        {(r) => (
          <>
            <Show when={props.state.revision() !== props.revision}>
              <p class="pc-muted">Computed for an earlier version of the text: run it again.</p>
            </Show>
            <Show when={r().rows.length > 0} fallback={<p class="pc-empty">No input to vary.</p>}>
              <div class="pc-sensitivity-body">
                <TornadoChart
                  result={r()}
                  {...(props.onSelectInput ? { onSelectInput: props.onSelectInput } : {})}
                />
                <SensitivityTable result={r()} />
              </div>
            </Show>
            <Show when={r().skipped.length > 0}>
              <p class="pc-muted">
                Not varied:{" "}
                {r()
                  .skipped.map((s) => `${s.key} (${s.reason})`)
                  .join("; ")}
                .
              </p>
            </Show>
          </>
        )}
      </Show>
    </section>
  );
}

/** The switching value as shown: the % change, and the value there when there is one. */
function switchingText(row: SensitivityRowDto): { change: string; value: string; title: string } {
  const s = row.switching;
  if (s.kind === "none") return { change: "none", value: "", title: s.reason };
  const approx = s.approximate ? "≈ " : "";
  return {
    change: s.change === undefined ? "" : `${approx}${s.change.display}`,
    value: s.value === undefined ? "" : `${approx}${s.value.display}`,
    title: s.approximate
      ? "The output steps across the threshold here (it reads a rounded line)."
      : "",
  };
}

/** The tornado's figures as a table, in the same order. */
function SensitivityTable(props: { readonly result: SensitivityResultDto }) {
  return (
    <table class="pc-sensitivity-table">
      <caption>
        {props.result.output} ({props.result.outputUnit}) is {props.result.base.display}; one input
        at a time, largest swing first. Switching value: the change from the base at which{" "}
        {props.result.output} = {props.result.threshold.display}.
      </caption>
      <thead>
        <tr>
          <th scope="col">Input</th>
          <th scope="col">Base</th>
          <th scope="col">Low</th>
          <th scope="col">High</th>
          <th scope="col">Output at low</th>
          <th scope="col">Output at high</th>
          <th scope="col">Swing</th>
          <th scope="col">Switching value</th>
          <th scope="col">Input there</th>
        </tr>
      </thead>
      <tbody>
        <For each={props.result.rows}>
          {(row) => {
            const sw = switchingText(row);
            return (
              <tr data-input={row.key}>
                <th scope="row">
                  <span class="pc-mono">{row.key}</span> <span class="pc-muted">({row.unit})</span>
                </th>
                <td class="pc-fig">{row.base?.display ?? ""}</td>
                <td class="pc-fig">{row.low?.display ?? row.lowChange?.display ?? ""}</td>
                <td class="pc-fig">{row.high?.display ?? row.highChange?.display ?? ""}</td>
                <td class="pc-fig">{row.outputLow?.display ?? "—"}</td>
                <td class="pc-fig">{row.outputHigh?.display ?? "—"}</td>
                <td class="pc-fig">{row.swing?.display ?? "—"}</td>
                <td class="pc-fig" data-switching title={sw.title}>
                  {sw.change}
                </td>
                <td class="pc-fig">{sw.value}</td>
              </tr>
            );
          }}
        </For>
      </tbody>
    </table>
  );
}

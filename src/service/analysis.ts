/**
 * The worker side of the workbench's decision analyses: goal seek and sensitivity on the open
 * model's active scenario, each on the engine's incremental path (every trial a recompute from
 * the session's evaluation, which is never changed). A sensitivity runs in steps under a time
 * budget, so the UI can show progress and cancel between steps.
 */
import {
  solutionScenarioText,
  startSensitivity,
  upstreamInputs,
  type Engine,
  type Evaluation,
  type SensitivityRun,
} from "../engine";
import type {
  AnalysisInputDto,
  AnalysisTargetDto,
  GoalSeekReplyDto,
  GoalSeekRequestDto,
  SensitivityProgressDto,
  SensitivityRequestDto,
} from "../protocol";

/** Tunables of the analysis methods. */
export const AnalysisLimits = {
  /** Inputs varied between two looks at the clock. */
  inputsPerSlice: 1,
  /** The longest budget a request may ask for, in milliseconds. */
  maxBudgetMs: 1_000,
} as const;

/** What the analysis methods need from the service: its engine, revision and clock. */
export interface AnalysisHost {
  readonly engine: () => Engine;
  /** The revision of the text the engine holds (the last one evaluated). */
  readonly revision: () => number;
  readonly elapsed: () => number;
}

/** The analysis methods of the service (`WorkbenchApi`), unwrapped: the service guards them. */
export interface AnalysisMethods {
  analysisTarget(key: string, period: string | null): AnalysisTargetDto | null;
  goalSeek(request: GoalSeekRequestDto): GoalSeekReplyDto;
  startSensitivity(request: SensitivityRequestDto, budgetMs: number): SensitivityProgressDto;
  continueSensitivity(job: number, budgetMs: number): SensitivityProgressDto | null;
  cancelSensitivity(job: number): null;
}

/** Makes the analysis methods over the service's engine. */
export function makeAnalysisMethods(host: AnalysisHost): AnalysisMethods {
  let nextJob = 1;
  /** The one unfinished sensitivity run; a new one replaces it. */
  let current: {
    job: number;
    run: SensitivityRun;
    revision: number;
    scenario: string | null;
  } | null = null;

  const progress = (budgetMs: number): SensitivityProgressDto => {
    const job = current;
    if (job === null) throw new Error("No sensitivity run to continue.");
    const start = host.elapsed();
    const budget = Math.min(Math.max(0, budgetMs), AnalysisLimits.maxBudgetMs);
    do job.run.step(AnalysisLimits.inputsPerSlice);
    while (!job.run.finished && host.elapsed() - start < budget);
    const reply: SensitivityProgressDto = {
      ok: true,
      job: job.job,
      revision: job.revision,
      scenario: job.scenario,
      total: job.run.total,
      done: job.run.done,
      ...(job.run.finished ? { result: job.run.result() } : {}),
    };
    if (job.run.finished) current = null;
    return reply;
  };

  return {
    analysisTarget(key, period) {
      const engine = host.engine();
      const evaluation = engine.evaluation();
      const model = evaluation.compiled.model;
      const name = key.replace(/\[.*$/, "");
      const id = model.lineByName.get(name);
      const line = id === undefined ? undefined : model.lines[id];
      if (line === undefined) return null;
      return {
        revision: host.revision(),
        scenario: engine.scenario,
        key,
        label: line.label,
        unit: line.unit,
        period: line.scalar ? null : (period ?? model.periods[0] ?? null),
        periods: model.periods,
        kind: line.kind,
        inputs: upstreamInputs(evaluation, line.id).map((l) => inputDto(evaluation, l.id)),
      };
    },
    goalSeek(request) {
      const engine = host.engine();
      const evaluation = engine.evaluation();
      const result = engine.goalSeek(request);
      const reply: GoalSeekReplyDto = {
        revision: host.revision(),
        scenario: engine.scenario,
        result,
      };
      if (!result.ok) return reply;
      const input =
        request.inputPeriod === undefined
          ? request.input
          : `${request.input}[${request.inputPeriod}]`;
      return {
        ...reply,
        addScenario: solutionScenarioText(
          evaluation,
          input,
          result.input,
          "goal_seek",
          `Goal seek: ${result.targetKey} = ${request.value}`,
        ),
      };
    },
    startSensitivity(request, budgetMs) {
      const engine = host.engine();
      const run = startSensitivity(engine.evaluation(), request);
      current = null;
      if (!run.ok) return { ok: false, revision: host.revision(), error: run };
      current = { job: nextJob++, run, revision: host.revision(), scenario: engine.scenario };
      return progress(budgetMs);
    },
    continueSensitivity(job, budgetMs) {
      if (current?.job !== job) return null;
      return progress(budgetMs);
    },
    cancelSensitivity(job) {
      if (current?.job === job) current = null;
      return null;
    },
  };
}

function inputDto(evaluation: Evaluation, id: number): AnalysisInputDto {
  const model = evaluation.compiled.model;
  const line = model.lines[id];
  if (line === undefined) throw new Error(`No line ${String(id)}.`);
  const dimension = line.dim >= 0 ? model.dimensions[line.dim] : undefined;
  return {
    name: line.name,
    label: line.label,
    unit: line.unit,
    members: dimension?.members.map((m) => m.name) ?? [],
    perPeriod: !line.scalar,
  };
}

import { describeKind, isError, type Value } from "../eval/value";
import type { EngineLine } from "../model";
import { dec, isDecimal, ONE, ZERO, type Decimal } from "../num";
import type { Evaluation } from "../recompute";
import { analysisError, type AnalysisError } from "./codes";
import { parseChange, parseQuantity } from "./quantity";
import { findRoot } from "./root";
import { selectCell, selectInput, type InputSelection } from "./selector";
import { show, showApart, showChange, ShowLimits, type Shown } from "./show";
import { cellOf, Trials } from "./trials";

/** Tunables of sensitivity analysis. */
export const SensitivityLimits = {
  /** The change applied both ways when neither a step nor low and high are given (10%). */
  defaultStep: dec("0.1"),
  /**
   * Switching values are looked for from -100% (the input falls to 0; beyond, it would change
   * sign, a benefit turning into a cost) up to this change from the base (+1000%).
   */
  maxSwitch: dec("10"),
} as const;

/**
 * A one-at-a-time sensitivity of one output cell. Each input (`name`, `name[member]`,
 * `name[period]`, or `name=LOW..HIGH` for absolute values) is moved to a low and a high value
 * while the others stay at the model's own; without `inputs`, every input the output reads,
 * directly or not. Without a range, each changed cell is multiplied by 1 + `low` and 1 + `high`
 * (relative changes such as `-10%`), or by 1 ∓ `step` (default 10%). `threshold` (default 0) is
 * the output value whose switching values are found.
 */
export interface SensitivityRequest {
  readonly output: string;
  readonly period?: string;
  readonly inputs?: readonly string[];
  readonly step?: string;
  readonly low?: string;
  readonly high?: string;
  readonly threshold?: string;
  /** Whether to find switching values (default true); a tornado alone needs two trials an input. */
  readonly switching?: boolean;
}

/**
 * Where an input makes the output cross the threshold (HM Treasury Green Book switching value):
 * the change from the base value, and the value itself when every changed cell has the same
 * base value. `approximate` when the output steps over the threshold (it reads a rounded line):
 * the change is where it steps. `none`: no crossing between -100% and
 * +{@link SensitivityLimits.maxSwitch} (or the reason there is none to look for).
 */
export type SwitchingValue =
  | {
      readonly kind: "found";
      readonly change: Shown | undefined;
      readonly value: Shown | undefined;
      readonly approximate: boolean;
    }
  | { readonly kind: "none"; readonly reason: string };

/** One input's row of the tornado. Input values are shown when every changed cell has the same one. */
export interface SensitivityRow {
  readonly key: string;
  readonly label: string;
  readonly unit: string;
  readonly base: Shown | undefined;
  readonly low: Shown | undefined;
  readonly high: Shown | undefined;
  /** The change from the base at the low and high ends (undefined for a zero base). */
  readonly lowChange: Shown | undefined;
  readonly highChange: Shown | undefined;
  /** The output at the low and high ends, in the output's unit. */
  readonly outputLow: Shown | undefined;
  readonly outputHigh: Shown | undefined;
  /** |output at high − output at low|; undefined when either is not a number (see `error`). */
  readonly swing: Shown | undefined;
  readonly switching: SwitchingValue;
  /** Why the output is not a number at an end, when it is not. */
  readonly error?: string;
}

/** The tornado, rows in decreasing swing (rows without a swing last), and what it cost. */
export interface SensitivityResult {
  readonly ok: true;
  readonly output: string;
  readonly outputUnit: string;
  readonly base: Shown;
  readonly threshold: Shown;
  readonly rows: readonly SensitivityRow[];
  /** Inputs the output reads that were left out, and why (default inputs only). */
  readonly skipped: readonly { readonly key: string; readonly reason: string }[];
  /** Evaluations run, each an incremental recompute from the base. */
  readonly trials: number;
  readonly cellsEvaluated: number;
}

interface Plan {
  readonly selection: InputSelection;
  /** Absolute low and high values, or relative changes. */
  readonly range: {
    readonly kind: "absolute" | "relative";
    readonly low: Decimal;
    readonly high: Decimal;
  };
}

/** Runs a sensitivity analysis on `base` (never changed); see {@link SensitivityRequest}. */
export function sensitivity(
  base: Evaluation,
  request: SensitivityRequest,
): SensitivityResult | AnalysisError {
  const run = startSensitivity(base, request);
  if (!run.ok) return run;
  while (!run.finished) run.step(Number.POSITIVE_INFINITY);
  return run.result();
}

/**
 * A sensitivity analysis taken one input at a time, so that a caller with a budget (the
 * workbench's worker) can report progress between inputs and stop when asked. The rows found so
 * far do not depend on how the run was cut into steps: {@link sensitivity} is a run stepped to
 * its end.
 */
export interface SensitivityRun {
  readonly ok: true;
  /** Inputs to vary, and how many are done. */
  readonly total: number;
  readonly done: number;
  readonly finished: boolean;
  /** Varies up to `inputs` more inputs (each two trials, and its switching value's search). */
  step(inputs: number): void;
  /** The tornado, in decreasing swing; only once `finished`. */
  result(): SensitivityResult;
}

/** Plans a sensitivity analysis on `base` (never changed) and returns it unstarted. */
export function startSensitivity(
  base: Evaluation,
  request: SensitivityRequest,
): SensitivityRun | AnalysisError {
  const model = base.compiled.model;
  const output = selectCell(model, request.output, request.period);
  if (!output.ok) return output;
  const baseOut = cellOf(base, output.line.id, output.index);
  if (!isDecimal(baseOut)) {
    return analysisError("P6006", {
      cell: output.key,
      what: isError(baseOut) ? `an error (${baseOut.code})` : describeKind(baseOut),
    });
  }
  const threshold = request.threshold === undefined ? ZERO : parseQuantity(request.threshold);
  if (threshold === undefined) return analysisError("P6005", { text: request.threshold ?? "" });
  const relative = relativeRange(request);
  if ("ok" in relative) return relative;

  const plans: Plan[] = [];
  const skipped: { key: string; reason: string }[] = [];
  const explicit = request.inputs !== undefined;
  const names = request.inputs ?? upstreamInputs(base, output.line.id).map((l) => l.name);
  for (const text of names) {
    const eq = text.indexOf("=");
    const selection = selectInput(model, eq < 0 ? text : text.slice(0, eq), "Sensitivity");
    if (!selection.ok) return selection;
    const numbers = selection.cells
      .map((i) => selection.line.inputs[i])
      .filter((v) => v !== undefined && isDecimal(v));
    if (eq >= 0) {
      const range = parseRange(text.slice(eq + 1));
      if ("ok" in range) return range;
      plans.push({ selection, range: { kind: "absolute", ...range } });
    } else if (numbers.length === 0 || numbers.every((v) => isDecimal(v) && v.isZero())) {
      if (explicit) return analysisError("P6008", { name: selection.key });
      skipped.push({
        key: selection.key,
        reason:
          numbers.length === 0
            ? "it holds no number"
            : "it is 0, so a percentage change leaves it at 0",
      });
    } else {
      plans.push({ selection, range: { kind: "relative", ...relative } });
    }
  }

  const trials = new Trials(base);
  const rows: SensitivityRow[] = [];
  const run = {
    ok: true as const,
    total: plans.length,
    get done() {
      return rows.length;
    },
    get finished() {
      return rows.length === plans.length;
    },
    step(inputs: number) {
      for (let n = 0; n < inputs && rows.length < plans.length; n++) {
        const plan = plans[rows.length] as Plan;
        rows.push(
          rowOf(
            plan,
            trials,
            output.line,
            output.index,
            baseOut,
            threshold,
            request.switching ?? true,
          ),
        );
      }
    },
    result(): SensitivityResult {
      if (!run.finished) throw new Error("The sensitivity run has inputs left to vary.");
      return {
        ok: true,
        output: output.key,
        outputUnit: output.line.unit,
        base: show(baseOut, output.line),
        threshold: show(threshold, output.line),
        rows: bySwing(rows),
        skipped,
        trials: trials.count,
        cellsEvaluated: trials.cellsEvaluated,
      };
    },
  };
  return run;
}

/** Rows in decreasing swing (tornado order), rows without a swing last, ties in input order. */
function bySwing(rows: readonly SensitivityRow[]): SensitivityRow[] {
  const order = rows.map((row, i) => ({ row, i }));
  order.sort((a, b) => {
    const sa = a.row.swing === undefined ? undefined : dec(a.row.swing.exact);
    const sb = b.row.swing === undefined ? undefined : dec(b.row.swing.exact);
    if (sa === undefined || sb === undefined)
      return sa === sb ? a.i - b.i : sa === undefined ? 1 : -1;
    const c = sb.cmp(sa);
    return c !== 0 ? c : a.i - b.i;
  });
  return order.map((o) => o.row);
}

function relativeRange(
  request: SensitivityRequest,
): { low: Decimal; high: Decimal } | AnalysisError {
  if (request.low !== undefined || request.high !== undefined) {
    const low = parseChange(request.low ?? "");
    if (low === undefined) return analysisError("P6010", { text: request.low ?? "" });
    const high = parseChange(request.high ?? "");
    if (high === undefined) return analysisError("P6010", { text: request.high ?? "" });
    if (!low.lt(high))
      return analysisError("P6009", { low: request.low ?? "", high: request.high ?? "" });
    return { low, high };
  }
  const step =
    request.step === undefined ? SensitivityLimits.defaultStep : parseChange(request.step);
  if (step === undefined || !step.gt(0))
    return analysisError("P6010", { text: request.step ?? "" });
  return { low: step.neg(), high: step };
}

function parseRange(text: string): { low: Decimal; high: Decimal } | AnalysisError {
  const dots = text.indexOf("..");
  const lowText = dots < 0 ? text : text.slice(0, dots);
  const highText = dots < 0 ? "" : text.slice(dots + 2);
  const low = parseQuantity(lowText);
  if (low === undefined) return analysisError("P6005", { text: lowText });
  const high = parseQuantity(highText);
  if (high === undefined) return analysisError("P6005", { text: highText });
  if (!low.lt(high)) return analysisError("P6009", { low: lowText, high: highText });
  return { low, high };
}

/** The input lines `id` reads, directly or through other lines, in model order. */
export function upstreamInputs(base: Evaluation, id: number): EngineLine[] {
  const { model, graph } = base.compiled;
  const seen = new Uint8Array(model.lines.length);
  const stack = [id];
  seen[id] = 1;
  while (stack.length > 0) {
    const v = stack.pop() as number;
    for (const w of graph.deps[v] ?? []) {
      if (seen[w] === 1) continue;
      seen[w] = 1;
      stack.push(w);
    }
  }
  return model.lines.filter((l) => l.kind === "input" && l.id !== id && seen[l.id] === 1);
}

function rowOf(
  plan: Plan,
  trials: Trials,
  outputLine: EngineLine,
  outputIndex: number,
  baseOut: Decimal,
  threshold: Decimal,
  findSwitching: boolean,
): SensitivityRow {
  const { selection, range } = plan;
  const line = selection.line;
  const chosen = new Set(selection.cells);
  const baseCells = selection.cells.map((i) => line.inputs[i] as Value);
  const first = baseCells[0];
  const uniform =
    first !== undefined && isDecimal(first) && baseCells.every((v) => isDecimal(v) && v.eq(first))
      ? first
      : undefined;
  const cellsWith = (f: (v: Decimal) => Decimal) =>
    line.inputs.map((v, i) => (chosen.has(i) && isDecimal(v) ? f(v) : v));
  const outputAt = (cells: readonly Value[]): Value =>
    cellOf(trials.run([{ line, cells }]), outputLine.id, outputIndex);
  const scaled = (s: Decimal) => cellsWith((v) => v.times(ONE.plus(s)));
  const set = (x: Decimal) => cellsWith(() => x);

  const at = range.kind === "relative" ? scaled : set;
  const lowOut = outputAt(at(range.low));
  const highOut = outputAt(at(range.high));
  const changeOf = (x: Decimal): Shown | undefined =>
    uniform === undefined || uniform.isZero()
      ? undefined
      : showChange(x.minus(uniform).div(uniform.abs()));
  const valueAt = (end: Decimal): Shown | undefined =>
    range.kind === "absolute"
      ? showApart(end, uniform, line)
      : uniform === undefined
        ? undefined
        : showApart(uniform.times(ONE.plus(end)), uniform, line);
  const numeric = isDecimal(lowOut) && isDecimal(highOut);
  const problem = !isDecimal(lowOut) ? lowOut : !isDecimal(highOut) ? highOut : undefined;

  // Switching value: by scaling the changed cells when they are not all 0, else by setting them.
  const anyNonZero = baseCells.some((v) => isDecimal(v) && !v.isZero());
  let switching: SwitchingValue;
  if (!findSwitching) {
    switching = { kind: "none", reason: "not asked for" };
  } else if (baseOut.eq(threshold)) {
    switching = {
      kind: "found",
      change: showChange(ZERO),
      value: uniform === undefined ? undefined : show(uniform, line),
      approximate: false,
    };
  } else if (anyNonZero || range.kind === "absolute") {
    const probe = (x: Decimal): Decimal | { error: string } => {
      const v = outputAt(anyNonZero ? scaled(x) : set(x));
      return isDecimal(v) ? v.minus(threshold) : { error: isError(v) ? v.code : describeKind(v) };
    };
    const width = range.kind === "absolute" ? range.high.minus(range.low) : ONE;
    const limit = anyNonZero
      ? { lo: dec("-1"), hi: SensitivityLimits.maxSwitch }
      : {
          lo: range.low.minus(width.times(SensitivityLimits.maxSwitch)),
          hi: range.high.plus(width.times(SensitivityLimits.maxSwitch)),
        };
    const found = findRoot(
      probe,
      anyNonZero
        ? { lo: dec("-0.5"), hi: dec("0.5"), fixed: false, limit }
        : { lo: range.low, hi: range.high, fixed: false, limit },
    );
    const result = (x: Decimal, approximate: boolean): SwitchingValue =>
      anyNonZero
        ? {
            kind: "found",
            change: showChange(x),
            value:
              uniform === undefined
                ? undefined
                : show(uniform.times(ONE.plus(x)), line, ShowLimits.extraDecimals),
            approximate,
          }
        : {
            kind: "found",
            change: undefined,
            value: show(x, line, ShowLimits.extraDecimals),
            approximate,
          };
    switch (found.kind) {
      case "root":
        switching = result(found.x, false);
        break;
      case "jump":
        switching = result(found.hi, true);
        break;
      case "none":
        switching = {
          kind: "none",
          reason: `'${selection.key}' does not take the output to the threshold between -100% and +${SensitivityLimits.maxSwitch.times(100).toFixed()}%`,
        };
        break;
      case "error":
        switching = {
          kind: "none",
          reason: `the output is not a number on the way (${found.error})`,
        };
        break;
      case "unconverged":
        switching = { kind: "none", reason: "the search did not settle" };
        break;
    }
  } else {
    switching = { kind: "none", reason: "the input is 0" };
  }

  return {
    key: selection.key,
    label: line.label,
    unit: line.unit,
    base: uniform === undefined ? undefined : show(uniform, line),
    low: valueAt(range.low),
    high: valueAt(range.high),
    lowChange: range.kind === "relative" ? showChange(range.low) : changeOf(range.low),
    highChange: range.kind === "relative" ? showChange(range.high) : changeOf(range.high),
    outputLow: isDecimal(lowOut) ? show(lowOut, outputLine) : undefined,
    outputHigh: isDecimal(highOut) ? show(highOut, outputLine) : undefined,
    swing: numeric ? show(highOut.minus(lowOut).abs(), outputLine) : undefined,
    switching,
    ...(problem === undefined
      ? {}
      : {
          error: isError(problem)
            ? `${problem.code} ${problem.message}`
            : `the output is ${describeKind(problem)}`,
        }),
  };
}

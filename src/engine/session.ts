import { checkModel, FrontEnd, formatMessage, type CheckedModel } from "../lang";
import { evaluateCheck, exactValue, showValue, type CheckOutcome } from "./checks";
import { compileModel, type CompiledModel } from "./compile";
import { CompileCache } from "./compile-cache";
import { isDecimal, toExactString, formatDisplay } from "./num";
import { explainCell, type ExplainNode } from "./explain";
import { horizonWarnings } from "./horizon";
import { goalSeek, type GoalSeekRequest, type GoalSeekResult } from "./goal-seek";
import { evaluateFull, recompute, type Evaluation } from "./recompute";
import {
  cachedLineSnapshots,
  diagnosticSnapshot,
  lineKey,
  linesDelta,
  sameOrderDelta,
  type LineSnapshotCache,
  type CheckSnapshot,
  type DiagnosticSnapshot,
  type EvalSnapshot,
  type LineSnapshot,
  type SnapshotDelta,
} from "./snapshot";
import { cellsEqual, type Value } from "./eval/value";
import type { EngineCheck, EngineLine, EngineModel } from "./model";

/** Two scenarios side by side. Mirrors `ComparisonDto` without `revision`. */
export interface Comparison {
  readonly left: string | null;
  readonly right: string | null;
  readonly periods: readonly string[];
  readonly rows: readonly ComparisonRow[];
}

/**
 * One line (or member) in both scenarios: exact values in base units (null for an error),
 * `difference` = right − left (null unless both are numbers), `relative` = difference / |left|
 * (null also when left is 0), and display strings of each (the relative difference as a
 * percentage).
 */
export interface ComparisonRow {
  readonly key: string;
  readonly label: string;
  readonly unit: string;
  readonly left: readonly (string | null)[];
  readonly right: readonly (string | null)[];
  readonly difference: readonly (string | null)[];
  readonly leftDisplay: readonly string[];
  readonly rightDisplay: readonly string[];
  readonly differenceDisplay: readonly string[];
  readonly relative: readonly (string | null)[];
  readonly relativeDisplay: readonly string[];
  readonly changed: boolean;
}

/** The result of explain: the tree, or why there is none. */
export type ExplainResult =
  | { readonly ok: true; readonly tree: ExplainNode }
  | { readonly ok: false; readonly message: string };

/**
 * An evaluation session over one model text, as the worker and the CLI hold it. Every method is
 * total on user input (unknown names give messages, not exceptions); results are plain data.
 */
export interface Engine {
  /** Re-checks `text` and recomputes only what changed since the last update. */
  update(text: string): EvalSnapshot;
  /** Switches the scenario shown by `snapshot` (null: the base case). */
  setScenario(name: string | null): EvalSnapshot;
  /** The active scenario. */
  readonly scenario: string | null;
  /** The current values, checks and diagnostics of the active scenario. */
  snapshot(): EvalSnapshot;
  /** The derivation tree of `key` (`name` or `name[member]`) in `period` (a label such as "2019/20"). */
  explain(key: string, period?: string, scenario?: string | null): ExplainResult;
  /** The line items whose formulas read `key`'s line item directly. */
  dependents(key: string): { readonly key: string; readonly label: string }[];
  /** The checks whose conditions read `key`'s line item directly, in model order, with their spans. */
  checkReaders(key: string): CheckReader[];
  /** Two scenarios (null: base case) line by line. */
  compare(left: string | null, right: string | null): Comparison;
  /** Solves for an input; see {@link goalSeek}. Runs on a copy: the session's values are unchanged. */
  goalSeek(request: GoalSeekRequest, scenario?: string | null): GoalSeekResult;
  /** The last checked model, for callers that need the language's view (the CLI's diagnostics). */
  checked(): CheckedModel;
  /**
   * The evaluation of a scenario (default: the active one), for analyses that run trials on the
   * incremental path (`analysis/`). It is never changed in place.
   */
  evaluation(scenario?: string | null): Evaluation;
}

/** A check that reads a line item: its name, label and absolute span in the text. */
export interface CheckReader {
  readonly name: string;
  readonly label: string;
  readonly from: number;
  readonly to: number;
}

interface CheckCacheEntry {
  readonly reads: readonly (readonly Value[])[];
  /** The lines read, whose dimension, opening, scalar flag, unit and decimals the outcome uses. */
  readonly lines: readonly (EngineLine | undefined)[];
  readonly outcome: CheckOutcome;
}

interface ScenarioState {
  readonly evaluation: Evaluation;
  readonly checked: CheckedModel;
  /** Each line item's grid lines as last built under this scenario, by position and by name. */
  lineCache: ByPosition<LineSnapshotCache>;
  readonly checkCache: Map<string, CheckCacheEntry>;
  readonly compileCache: CompileCache;
}

/** Makes an engine session with an empty model. Pure: no clock, no DOM, no randomness. */
export function createEngine(): Engine {
  // The language's session: reuses what it checked for the previous text.
  const front = new FrontEnd();
  let checked = checkModel("");
  let active: string | null = null;
  const states = new Map<string, ScenarioState>();
  const keyOf = (s: string | null): string => (s === null ? "\u0000base" : s);
  /** The cells of each line item in the last snapshot, to report what changed. */
  let shown = new ByPosition<readonly Value[]>([], []);
  /** The lines of the last snapshot, in order, for its successor's delta. */
  let shownLines: readonly LineSnapshot[] = [];
  /** Whether no key occurs twice in `shownLines`. */
  let shownUnique = true;

  function state(scenario: string | null): ScenarioState {
    const known = scenario === null || checked.scenarios.some((s) => s.name === scenario);
    const name = known ? scenario : null;
    const existing = states.get(keyOf(name));
    if (existing?.checked === checked) return existing;
    const compileCache = existing?.compileCache ?? new CompileCache();
    const compiled: CompiledModel = compileModel(checked, name, compileCache);
    // A scenario seen for the first time starts from another scenario's values, so switching
    // recomputes only what its overrides feed.
    const seed = existing ?? states.get(keyOf(active)) ?? states.values().next().value;
    const evaluation =
      seed === undefined ? evaluateFull(compiled) : recompute(seed.evaluation, compiled);
    const next: ScenarioState = {
      evaluation,
      checked,
      lineCache: existing?.lineCache ?? new ByPosition<LineSnapshotCache>([], []),
      checkCache: existing?.checkCache ?? new Map<string, CheckCacheEntry>(),
      compileCache,
    };
    states.set(keyOf(name), next);
    return next;
  }

  function snapshot(): EvalSnapshot {
    const s = state(active);
    const model = s.evaluation.compiled.model;
    const lines: LineSnapshot[] = [];
    const changed: string[] = [];
    const count = model.lines.length;
    const names = new Array<string>(count);
    const entries = new Array<LineSnapshotCache>(count);
    const cellsOf = new Array<readonly Value[]>(count);
    // Whether the grid lines so far have the keys of the last snapshot's, in the same places.
    let sameKeys = true;
    for (const line of model.lines) {
      const cells = s.evaluation.values[line.id] as readonly Value[];
      const cached = s.lineCache.get(line.id, line.name);
      const entry = cachedLineSnapshots(line, model, cells, cached);
      names[line.id] = line.name;
      entries[line.id] = entry;
      cellsOf[line.id] = cells;
      for (const snap of entry.snaps) {
        if (sameKeys && shownLines[lines.length]?.key !== snap.key) sameKeys = false;
        lines.push(snap);
      }
      const before = shown.get(line.id, line.name);
      if (before === undefined || (before !== cells && !cellsEqual(before, cells))) {
        for (const snap of entry.snaps) changed.push(snap.key);
      }
    }
    s.lineCache = new ByPosition(names, entries);
    shown = new ByPosition(names, cellsOf);
    let delta: SnapshotDelta;
    if (sameKeys && shownUnique && lines.length === shownLines.length) {
      delta = sameOrderDelta(shownLines, lines);
    } else {
      const before = new Map(shownLines.map((l) => [l.key, l]));
      delta = linesDelta(
        before,
        shownLines.map((l) => l.key),
        lines,
      );
      shownUnique = new Set(lines.map((l) => l.key)).size === lines.length;
    }
    shownLines = lines;
    const usedChecks = new Set<string>();
    const checks = model.checks.map((check, i): CheckSnapshot => {
      const reads = check.reads.map((id) => s.evaluation.values[id] as readonly Value[]);
      const lines = check.reads.map((id) => model.lines[id]);
      const cacheKey = checkCacheKey(check, i, model);
      const hit = s.checkCache.get(cacheKey);
      usedChecks.add(cacheKey);
      let outcome: CheckOutcome;
      if (
        hit !== undefined &&
        hit.reads.length === reads.length &&
        hit.reads.every((r, k) => r === reads[k] && hit.lines[k] === lines[k])
      ) {
        outcome = hit.outcome;
      } else {
        outcome = evaluateCheck(check, model, s.evaluation.values);
        s.checkCache.set(cacheKey, { reads, lines, outcome });
      }
      return { ...outcome, from: check.span.from, to: check.span.to };
    });
    if (s.checkCache.size > usedChecks.size) {
      for (const key of [...s.checkCache.keys()])
        if (!usedChecks.has(key)) s.checkCache.delete(key);
    }
    const failed = checks.filter((c) => !c.passed && c.known === undefined).length;
    const known = checks.filter((c) => c.known !== undefined).length;
    return {
      title: model.title,
      scenario: model.scenario,
      scenarios: model.scenarios,
      periods: model.periods,
      lines,
      checks,
      masterCheck: { passed: failed === 0, failed, known },
      diagnostics: [
        ...diagnostics(s.checked, s.evaluation.compiled),
        ...horizonWarnings(s.evaluation),
      ],
      changed,
      delta,
    };
  }

  return {
    update(text: string): EvalSnapshot {
      checked = front.check(text);
      return snapshot();
    },
    setScenario(name: string | null): EvalSnapshot {
      active = name;
      return snapshot();
    },
    get scenario() {
      return active;
    },
    snapshot,
    explain(key, period, scenario) {
      const s = state(scenario === undefined ? active : scenario);
      const model = s.evaluation.compiled.model;
      const cell = locate(model, key, period);
      if (typeof cell === "string") return { ok: false, message: cell };
      const tree = explainCell(s.evaluation, cell.line, cell.period, cell.member);
      return tree === undefined
        ? { ok: false, message: `Unknown line item '${key}'.` }
        : { ok: true, tree };
    },
    dependents(key) {
      const s = state(active);
      const { model, graph } = s.evaluation.compiled;
      const id = model.lineByName.get(key.replace(/\[.*$/, ""));
      if (id === undefined) return [];
      return (graph.dependents[id] ?? []).map((d) => {
        const line = model.lines[d];
        return { key: line?.name ?? "", label: line?.label ?? "" };
      });
    },
    checkReaders(key) {
      const { model } = state(active).evaluation.compiled;
      const id = model.lineByName.get(key.replace(/\[.*$/, ""));
      if (id === undefined) return [];
      return model.checks
        .filter((c) => c.reads.includes(id))
        .map((c) => ({ name: c.name, label: c.label, from: c.span.from, to: c.span.to }));
    },
    compare(left, right) {
      return compareScenarios(state(left).evaluation, state(right).evaluation);
    },
    goalSeek(request, scenario) {
      return goalSeek(state(scenario === undefined ? active : scenario).evaluation, request);
    },
    checked: () => checked,
    evaluation: (scenario) => state(scenario === undefined ? active : scenario).evaluation,
  };
}

/**
 * Values kept per line item from one snapshot to the next, found by the line item's position when
 * the name there is the same (the usual edit), else by name.
 */
class ByPosition<T> {
  private byName: Map<string, T> | undefined;

  constructor(
    private readonly names: readonly string[],
    private readonly values: readonly T[],
  ) {}

  get(id: number, name: string): T | undefined {
    if (this.names[id] === name) return this.values[id];
    if (this.byName === undefined) {
      this.byName = new Map();
      for (let i = 0; i < this.names.length; i++)
        this.byName.set(this.names[i] as string, this.values[i] as T);
    }
    return this.byName.get(name);
  }
}

/**
 * What a check's outcome depends on besides the values and lines it reads: its own text and what
 * its names resolved to (the fingerprint), the periods and dimensions (a check that reads no line,
 * such as `sum(2 over periods)`, still depends on them), its range, dimension and unit.
 */
function checkCacheKey(check: EngineCheck, index: number, model: EngineModel): string {
  return [
    index,
    check.fingerprint,
    model.shapeKey,
    check.from,
    check.to,
    check.dim,
    check.unit,
  ].join("\u0000");
}

/** Finds a cell by key and period label; a message when either is unknown. */
function locate(
  model: EngineModel,
  key: string,
  period: string | undefined,
): { line: number; period: number; member: number } | string {
  // `name`, `name[member]`, `name[2019/20]`, `name[member][2019/20]` or `name[member, 2019/20]`.
  const match = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(key.trim());
  const name = match?.[1]?.trim() ?? key;
  const parts = (match?.[2] ?? "")
    .split(/[[\],]/)
    .map((p) => p.trim())
    .filter((p) => p !== "");
  let memberName: string | undefined;
  let periodLabel = period;
  for (const part of parts) {
    if (model.periods.includes(part) && periodLabel === undefined) periodLabel = part;
    else if (memberName === undefined) memberName = part;
    else return `'${key}' names too many members or periods.`;
  }
  const id = model.lineByName.get(name);
  const line = id === undefined ? undefined : model.lines[id];
  if (line === undefined || id === undefined) return `Unknown line item '${name}'.`;
  let member = 0;
  const dim = model.dimensions[line.dim];
  if (dim !== undefined) {
    if (memberName === undefined)
      return `'${name}' has one value per ${dim.name}: write ${name}[${dim.members[0]?.name ?? "member"}].`;
    member = dim.members.findIndex((m) => m.name === memberName);
    if (member < 0)
      return formatMessage("P2003", { member: memberName, dimension: dim.name, suggestion: "" });
  } else if (memberName !== undefined) {
    return `'${name}' has no dimension, so '${memberName}' is not a member or period of it.`;
  }
  let t = 0;
  if (periodLabel !== undefined) {
    t = model.periods.indexOf(periodLabel);
    if (t < 0) return `${periodLabel} is not one of the model's periods.`;
  } else if (!line.scalar) {
    return `'${name}' has a value per period: give one, such as ${name}[${model.periods[0] ?? "2019/20"}].`;
  }
  return { line: id, period: t, member };
}

/** The engine's own diagnostics (cycles), after the language's. */
function diagnostics(checked: CheckedModel, compiled: CompiledModel): DiagnosticSnapshot[] {
  const model = compiled.model;
  const out = checked.diagnostics.map((d) => diagnosticSnapshot(d, model));
  // By the cycle's first line in the file, not by plan order: a plan kept across an edit and a
  // fresh one may order independent cycles differently.
  const cycles = compiled.plan.steps
    .filter((step) => step.kind === "cycle")
    .sort((a, b) => Math.min(...a.nodes) - Math.min(...b.nodes));
  for (const step of cycles) {
    const members = step.nodes.map((v) => model.lines[v]).filter((l) => l !== undefined);
    const first = members[0];
    if (first === undefined) continue;
    const names = [...members, first].map((l) => `'${l.name}'`).join(" → ");
    out.push({
      code: "P4004",
      severity: "error",
      message: formatMessage("P4004", { names }),
      from: first.span.from,
      to: first.span.to,
      item: first.name,
      related: members.map((l) => ({
        from: l.span.from,
        to: l.span.to,
        message: `'${l.name}' is in the cycle.`,
      })),
    });
  }
  return out;
}

/** Line-by-line comparison of two evaluations of the same model. */
function compareScenarios(a: Evaluation, b: Evaluation): Comparison {
  const model = a.compiled.model;
  const other = b.compiled.model;
  const P = model.periods.length;
  const rows: ComparisonRow[] = [];
  for (const line of model.lines) {
    const otherId = other.lineByName.get(line.name);
    if (otherId === undefined) continue;
    const la = a.values[line.id] as readonly Value[];
    const lb = b.values[otherId] as readonly Value[];
    for (let m = 0; m < line.memberCount; m++) {
      const left: (string | null)[] = [];
      const right: (string | null)[] = [];
      const difference: (string | null)[] = [];
      const leftDisplay: string[] = [];
      const rightDisplay: string[] = [];
      const differenceDisplay: string[] = [];
      const relative: (string | null)[] = [];
      const relativeDisplay: string[] = [];
      let changed = false;
      for (let t = 0; t < P; t++) {
        const x = la[m * P + t] as Value;
        const y = lb[m * P + t] as Value;
        left.push(exactValue(x, model.periods));
        right.push(exactValue(y, model.periods));
        leftDisplay.push(showValue(x, line.unit, model.periods, line.decimals));
        rightDisplay.push(showValue(y, line.unit, model.periods, line.decimals));
        if (isDecimal(x) && isDecimal(y)) {
          const d = y.minus(x);
          difference.push(toExactString(d));
          differenceDisplay.push(formatDisplay(d, line.unit, line.decimals));
          if (!d.isZero()) changed = true;
          const r = x.isZero() ? undefined : d.div(x.abs());
          relative.push(r === undefined ? null : toExactString(r));
          relativeDisplay.push(r === undefined ? "" : formatDisplay(r, "%", 1));
        } else {
          difference.push(null);
          differenceDisplay.push("");
          relative.push(null);
          relativeDisplay.push("");
          if (left[t] !== right[t] || leftDisplay[t] !== rightDisplay[t]) changed = true;
        }
      }
      rows.push({
        key: lineKey(line, model, m),
        label: line.label,
        unit: line.unit,
        left,
        right,
        difference,
        leftDisplay,
        rightDisplay,
        differenceDisplay,
        relative,
        relativeDisplay,
        changed,
      });
    }
  }
  return { left: model.scenario, right: other.scenario, periods: model.periods, rows };
}

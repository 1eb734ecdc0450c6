/**
 * The oracles of the whole-pipeline fuzz. A script is the sequence of texts a user's editor sends
 * (each with the scenario shown at the time); `runScript` feeds it to one engine session through
 * its public API (`update`, `setScenario`, `explain`, `compare`, `dependents`) and checks:
 *
 * - nothing throws, and every call returns within {@link FuzzLimits.callMs} (a hang guard);
 * - every cell is a plain decimal string, a boolean, a period, a text literal of the model, a
 *   blank, or an error with a catalog code;
 * - every diagnostic has a catalog code and severity, a filled-in message and a span inside the
 *   text; so do check results and explain nodes;
 * - the snapshot's delta rebuilds its lines from the previous snapshot's;
 * - incremental = fresh: after each update the snapshot equals a fresh engine's of the same text
 *   (and scenario), and so does explain;
 * - explain's root value is the grid's value, and compare's columns are the grid's values.
 *
 * A broken oracle throws a {@link FuzzFailure} whose message is a self-contained repro.
 */
import { allDiagnosticCodes, diagnosticCodes, type DiagnosticCode } from "../../src/lang";
import {
  createEngine,
  type CellSnapshot,
  type Engine,
  type EvalSnapshot,
  type ExplainNode,
  type LineSnapshot,
  type SnapshotDelta,
} from "../../src/engine";
import type { FuzzCase } from "../support/pipeline-model";
import { applyEdit, applyMutation, printModel } from "../support/pipeline-model";

/** Bounds of the fuzz. Time is a guard against hangs, not a speed target (see `npm run bench`). */
export const FuzzLimits = {
  /** One engine call on one small generated model, on a loaded 2-core machine. */
  callMs: 5_000,
  /** Cells explained (on both engines) after each update. */
  explainsPerText: 3,
} as const;

/** One text as the editor sends it, with the scenario shown when it is sent. */
export interface ScriptEntry {
  readonly text: string;
  readonly scenario: string | null;
}
export type Script = readonly ScriptEntry[];

/** Which promise a failure breaks; shrinking keeps a failure of the same kind. */
export type Oracle =
  | "no-throw"
  | "time-bound"
  | "cell-value"
  | "diagnostic"
  | "check-result"
  | "delta"
  | "incremental-fresh"
  | "explain"
  | "compare";

export class FuzzFailure extends Error {
  constructor(
    readonly oracle: Oracle,
    readonly detail: string,
    readonly script: Script,
    readonly step: number,
  ) {
    super(`${oracle}: ${detail}\n${describeScript(script.slice(0, step + 1))}`);
    this.name = "FuzzFailure";
  }
}

/** A script as text a person can paste into a regression test. */
export function describeScript(script: Script): string {
  return script
    .map(
      (e, i) =>
        `update #${i + 1}${e.scenario === null ? "" : ` (scenario ${JSON.stringify(e.scenario)} shown)`}:\n${JSON.stringify(e.text)}`,
    )
    .join("\n");
}

/** The texts a generated case sends: the printed model, then one text per step. */
export function scriptOf(c: FuzzCase): Script {
  let model = c.model;
  let text = printModel(model);
  let scenario: string | null = null;
  const out: ScriptEntry[] = [{ text, scenario }];
  for (const step of c.steps) {
    if (step.kind === "edit") {
      model = applyEdit(model, step.edit);
      text = printModel(model);
    } else if (step.kind === "break") {
      text = applyMutation(text, step.mutation);
    } else {
      scenario = step.name;
    }
    out.push({ text, scenario });
  }
  return out;
}

const catalog: ReadonlySet<string> = new Set(allDiagnosticCodes);
const plainDecimal = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*[1-9])?$/;
const brokenText = /NaN|Infinity|undefined|\[object|\{[a-z_]+\}/;

/**
 * Whether `v` is the value of a quoted text in `text`, read by the rule docs/language.md states
 * (`\"` is a quote, `\\` a backslash, any other backslash itself; an unterminated text runs to
 * the end of its line). Written apart from the lexer so that the two can disagree.
 */
function isTextLiteral(text: string, v: string): boolean {
  for (let start = text.indexOf('"'); start !== -1; start = text.indexOf('"', start + 1)) {
    let value = "";
    for (let i = start + 1; i < text.length; i++) {
      const c = text.charAt(i);
      if (c === '"' || c === "\n" || c === "\r") break;
      const next = text.charAt(i + 1);
      if (c === "\\" && (next === '"' || next === "\\")) {
        value += next;
        i++;
      } else value += c;
    }
    if (value.normalize("NFC") === v) return true;
  }
  return false;
}

class Checker {
  constructor(
    private readonly script: Script,
    private readonly step: number,
  ) {}

  fail(oracle: Oracle, detail: string): never {
    throw new FuzzFailure(oracle, detail, this.script, this.step);
  }

  /** Runs one engine call under the no-throw and time oracles. */
  call<T>(what: string, f: () => T): T {
    const started = performance.now();
    let result: T;
    try {
      result = f();
    } catch (e) {
      const stack = e instanceof Error ? (e.stack ?? e.message) : String(e);
      this.fail("no-throw", `${what} threw ${stack.split("\n").slice(0, 6).join("\n")}`);
    }
    const elapsed = performance.now() - started;
    if (elapsed > FuzzLimits.callMs)
      this.fail(
        "time-bound",
        `${what} took ${Math.round(elapsed)} ms (bound ${FuzzLimits.callMs} ms)`,
      );
    return result;
  }

  span(oracle: Oracle, what: string, from: number, to: number, length: number): void {
    if (!(
      Number.isInteger(from) &&
      Number.isInteger(to) &&
      0 <= from &&
      from <= to &&
      to <= length
    ))
      this.fail(oracle, `${what} has span ${from}..${to} outside the text (length ${length})`);
  }

  cell(text: string, periods: readonly string[], where: string, c: CellSnapshot): void {
    if (typeof c.display !== "string" || brokenText.test(c.display))
      this.fail("cell-value", `${where} displays ${JSON.stringify(c.display)}`);
    if (c.error !== undefined) {
      if (c.value !== null)
        this.fail("cell-value", `${where} is an error with a value ${JSON.stringify(c.value)}`);
      if (!catalog.has(c.error.code))
        this.fail(
          "cell-value",
          `${where} has error code ${JSON.stringify(c.error.code)}, not in the catalog`,
        );
      if (c.display !== `#${c.error.code}`)
        this.fail(
          "cell-value",
          `${where} is error ${c.error.code} but displays ${JSON.stringify(c.display)}`,
        );
      if (c.error.message === "" || brokenText.test(c.error.message))
        this.fail("cell-value", `${where} has error message ${JSON.stringify(c.error.message)}`);
      return;
    }
    if (c.value === null) {
      if (c.display !== "")
        this.fail("cell-value", `${where} is blank but displays ${JSON.stringify(c.display)}`);
      return;
    }
    const v = c.value;
    if (plainDecimal.test(v)) {
      if (v === "-0") this.fail("cell-value", `${where} is "-0"`);
      return;
    }
    if (v === "true" || v === "false" || periods.includes(v)) return;
    if (isTextLiteral(text, v)) return;
    this.fail(
      "cell-value",
      `${where} has value ${JSON.stringify(v)}: not a plain decimal, boolean, period or text literal`,
    );
  }

  snapshot(text: string, s: EvalSnapshot, which: string): void {
    const n = text.length;
    const periods = s.periods;
    for (const line of s.lines) {
      const where = `${which} line ${line.key}`;
      this.span("cell-value", where, line.from, line.to, n);
      if (line.cells.length !== periods.length)
        this.fail(
          "cell-value",
          `${where} has ${line.cells.length} cells for ${periods.length} periods`,
        );
      line.cells.forEach((c, t) => {
        this.cell(text, periods, `${where}[${periods[t] ?? t}]`, c);
      });
      if (line.scalar !== undefined) this.cell(text, periods, `${where} (scalar)`, line.scalar);
    }
    for (const d of s.diagnostics) {
      const where = `${which} diagnostic ${d.code} ${JSON.stringify(d.message)}`;
      if (!catalog.has(d.code)) this.fail("diagnostic", `${where}: code not in the catalog`);
      const expected = diagnosticCodes[d.code as DiagnosticCode].severity;
      if (d.severity !== expected)
        this.fail("diagnostic", `${where}: severity ${d.severity}, catalog says ${expected}`);
      if (d.message === "" || brokenText.test(d.message))
        this.fail("diagnostic", `${where}: message not filled in`);
      this.span("diagnostic", where, d.from, d.to, n);
      for (const r of d.related ?? [])
        this.span("diagnostic", `${where} related ${JSON.stringify(r.message)}`, r.from, r.to, n);
    }
    for (const c of s.checks) {
      const where = `${which} check ${c.name}`;
      this.span("check-result", where, c.from, c.to, n);
      if (c.passed !== (c.failures.length === 0))
        this.fail("check-result", `${where} passed=${c.passed} with ${c.failures.length} failures`);
      for (const f of c.failures) {
        if (f.period !== undefined && !periods.includes(f.period))
          this.fail("check-result", `${where} fails in ${f.period}, not a period of the model`);
        for (const part of [f.left, f.right, f.message])
          if (typeof part !== "string" || brokenText.test(part))
            this.fail("check-result", `${where} reports ${JSON.stringify(part)}`);
      }
    }
  }

  explainTree(text: string, tree: ExplainNode, where: string): void {
    const queue: ExplainNode[] = [tree];
    let count = 0;
    for (let node = queue.pop(); node !== undefined; node = queue.pop()) {
      count++;
      this.span("explain", `${where} node ${node.key}`, node.from, node.to, text.length);
      if (node.error !== undefined && !catalog.has(node.error.code))
        this.fail("explain", `${where} node ${node.key} has error code ${node.error.code}`);
      if (
        node.value !== null &&
        !plainDecimal.test(node.value) &&
        !/^(true|false)$/.test(node.value) &&
        !node.value.includes("/") &&
        !isTextLiteral(text, node.value)
      )
        this.fail("explain", `${where} node ${node.key} has value ${JSON.stringify(node.value)}`);
      if (brokenText.test(node.display))
        this.fail("explain", `${where} node ${node.key} displays ${node.display}`);
      for (const child of node.children) queue.push(child);
    }
    if (count > 100_000) this.fail("explain", `${where} has ${count} nodes`);
  }
}

/** Keys that name exactly one line of the snapshot (a name declared twice names two). */
function uniqueLines(s: EvalSnapshot): Map<string, LineSnapshot> {
  const seen = new Map<string, LineSnapshot | null>();
  for (const l of s.lines) seen.set(l.key, seen.has(l.key) ? null : l);
  const out = new Map<string, LineSnapshot>();
  for (const [k, l] of seen) if (l !== null) out.set(k, l);
  return out;
}

/** What a receiver of only the deltas holds: the previous lines with `delta` applied. */
function applyDelta(before: readonly LineSnapshot[], delta: SnapshotDelta): LineSnapshot[] {
  const byKey = new Map(before.map((l) => [l.key, l]));
  for (const key of delta.removed) byKey.delete(key);
  for (const m of delta.moved) {
    const line = byKey.get(m.key);
    if (line !== undefined) byKey.set(m.key, { ...line, from: m.from, to: m.to });
  }
  for (const line of delta.lines) byKey.set(line.key, line);
  const order = delta.order ?? before.map((l) => l.key);
  return order.map((k) => byKey.get(k)).filter((l) => l !== undefined);
}

/** The parts of a snapshot that must not depend on what came before. */
function comparable(s: EvalSnapshot): unknown {
  const { changed: _c, delta: _d, ...rest } = s;
  return rest;
}

/** The first place two plain-data values differ (absent and undefined fields are the same), or null. */
export function firstDifference(a: unknown, b: unknown, path = "$"): string | null {
  if (Object.is(a, b)) return null;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null)
    return `${path}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`;
  if (Array.isArray(a) !== Array.isArray(b)) return `${path}: array vs object`;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return `${path}.length: ${a.length} vs ${b.length}`;
    for (let i = 0; i < a.length; i++) {
      const d = firstDifference(a[i], b[i], `${path}[${i}]`);
      if (d !== null) return d;
    }
    return null;
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ra), ...Object.keys(rb)]);
  for (const k of keys) {
    const d = firstDifference(ra[k], rb[k], `${path}.${k}`);
    if (d !== null) return d;
  }
  return null;
}

/**
 * Cells to explain after an update: the first, a middle and the last line (unique keys only), in
 * the first, a middle and the last period. Chosen by position in the snapshot alone, so a shrunk
 * script explains the same cells.
 */
function pickCells(
  s: EvalSnapshot,
): { key: string; period?: string; line: LineSnapshot; t: number }[] {
  const out: { key: string; period?: string; line: LineSnapshot; t: number }[] = [];
  const unique = uniqueLines(s);
  const lines = s.lines.filter((l) => unique.get(l.key) === l && l.cells.length > 0);
  const n = FuzzLimits.explainsPerText;
  for (let k = 0; k < n && lines.length > 0; k++) {
    const line = lines[Math.floor((k * (lines.length - 1)) / Math.max(1, n - 1))] as LineSnapshot;
    const t = Math.floor((k * (line.cells.length - 1)) / Math.max(1, n - 1));
    const period = line.scalar === undefined ? s.periods[t] : undefined;
    out.push(
      period === undefined ? { key: line.key, line, t } : { key: line.key, period, line, t },
    );
  }
  return out;
}

function explainOn(
  c: Checker,
  engine: Engine,
  key: string,
  period: string | undefined,
  who: string,
) {
  return c.call(`${who}.explain(${JSON.stringify(key)}, ${JSON.stringify(period)})`, () =>
    engine.explain(key, period),
  );
}

/** Runs a script through one engine session and fresh engines; throws a FuzzFailure on a broken oracle. */
export function runScript(script: Script): void {
  const engine = createEngine();
  let received: LineSnapshot[] = [];
  let shown: string | null = null;
  script.forEach(({ text, scenario }, step) => {
    const c: Checker = new Checker(script, step);
    if (scenario !== shown) {
      const switched = c.call(`setScenario(${JSON.stringify(scenario)})`, () =>
        engine.setScenario(scenario),
      );
      received = applyDelta(received, switched.delta);
      shown = scenario;
    }
    const snap = c.call("update(text)", () => engine.update(text));
    received = applyDelta(received, snap.delta);
    const deltaDiff = firstDifference(received, snap.lines);
    if (deltaDiff !== null) c.fail("delta", `the deltas do not rebuild the lines: ${deltaDiff}`);
    c.snapshot(text, snap, "snapshot");

    const fresh = createEngine();
    const base = c.call("fresh update(text)", () => fresh.update(text));
    const active =
      scenario === null ? base : c.call("fresh setScenario", () => fresh.setScenario(scenario));
    if (scenario !== null) c.snapshot(text, base, "base snapshot");
    const diff = firstDifference(comparable(snap), comparable(active));
    if (diff !== null) c.fail("incremental-fresh", `incremental vs fresh snapshot: ${diff}`);

    for (const { key, period, line, t } of pickCells(snap)) {
      const mine = explainOn(c, engine, key, period, "engine");
      const theirs = explainOn(c, fresh, key, period, "fresh");
      const d = firstDifference(mine, theirs);
      if (d !== null) c.fail("incremental-fresh", `explain ${key} ${period ?? ""}: ${d}`);
      const where = `explain(${key}, ${period ?? "-"})`;
      if (!mine.ok) {
        c.fail("explain", `${where} refused a cell of the grid: ${mine.message}`);
      }
      c.explainTree(text, mine.tree, where);
      const cell = line.cells[t];
      if (
        cell !== undefined &&
        (mine.tree.value !== cell.value || mine.tree.error?.code !== cell.error?.code)
      )
        c.fail(
          "explain",
          `${where} says ${JSON.stringify(mine.tree.value)} ${mine.tree.error?.code ?? ""}, the grid ${JSON.stringify(cell.value)} ${cell.error?.code ?? ""}`,
        );
      c.call("dependents", () => engine.dependents(key));
    }

    const other = scenario ?? snap.scenarios[0]?.name ?? null;
    const cmp = c.call(`compare(null, ${JSON.stringify(other)})`, () =>
      engine.compare(null, other),
    );
    const right =
      other === scenario ? active : c.call("fresh setScenario", () => fresh.setScenario(other));
    const leftLines = uniqueLines(base);
    const rightLines = uniqueLines(right);
    for (const row of cmp.rows) {
      const l = leftLines.get(row.key);
      const r = rightLines.get(row.key);
      if (l === undefined || r === undefined) continue;
      const lv = l.cells.map((x) => x.value);
      const rv = r.cells.map((x) => x.value);
      const dl = firstDifference(row.left, lv);
      const dr = firstDifference(row.right, rv);
      if (dl !== null || dr !== null)
        c.fail("compare", `compare row ${row.key} differs from the grid: ${dl ?? dr ?? ""}`);
      for (const s of [...row.leftDisplay, ...row.rightDisplay, ...row.differenceDisplay])
        if (brokenText.test(s)) c.fail("compare", `compare row ${row.key} displays ${s}`);
      for (const d of row.difference)
        if (d !== null && !plainDecimal.test(d))
          c.fail("compare", `compare row ${row.key} difference ${d}`);
    }
  });
}

/** The failure of a script, or null when every oracle holds. */
export function failureOf(script: Script): FuzzFailure | null {
  try {
    runScript(script);
    return null;
  } catch (e) {
    if (e instanceof FuzzFailure) return e;
    throw e;
  }
}

/**
 * Shared harness of the reference-model tests: runs the `precept` command on a model in
 * `examples/`, reads the printed figures of its fixture, and compares every figure with the model
 * cell it maps to (within the printed precision, or by a documented amount for known findings).
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import Decimal from "decimal.js";

const root = resolve(__dirname, "../..");

/** The result of one `precept` run. */
export interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `node bin/precept.js ARGS` from the repository root. */
export function precept(args: readonly string[]): Run {
  const r = spawnSync(process.execPath, ["bin/precept.js", ...args], {
    cwd: root,
    encoding: "utf8",
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** One check of `eval --format json`. */
export interface CheckJson {
  readonly name: string;
  readonly label: string;
  readonly passed: boolean;
  /** The explanation of a known finding; absent for an ordinary check. */
  readonly known?: string;
  readonly failures: readonly { period?: string; left: string; right: string; message: string }[];
}

/** One item's values in `eval --format json`, in `unit`. */
export interface ItemValues {
  readonly unit: string;
  readonly value?: string;
  readonly values?: Readonly<Record<string, string | null>>;
}

/** The JSON of `precept eval --format json`. */
export interface EvalJson {
  readonly model: string;
  readonly scenario: string | null;
  readonly periods: readonly string[];
  readonly items: Readonly<Record<string, ItemValues & { readonly base: ItemValues }>>;
  readonly checks: readonly CheckJson[];
}

/** Evaluates a model to JSON, failing loudly when the command fails. */
export function evaluate(file: string, scenario?: string): EvalJson {
  const args = ["eval", file, "--format", "json"];
  if (scenario !== undefined) args.push("--scenario", scenario);
  const r = precept(args);
  if (r.status !== 0) throw new Error(`precept eval ${file} exited ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout) as EvalJson;
}

/**
 * The exact value of a model cell in base units (pounds, fractions), as the fixtures hold them:
 * `key` for a scalar line, `key` and `period` for a series.
 */
export function cell(model: EvalJson, key: string, period?: string): Decimal {
  const item = model.items[key]?.base;
  if (item === undefined) throw new Error(`the model has no line '${key}'`);
  if (item.value !== undefined) return new Decimal(item.value);
  if (period === undefined) throw new Error(`'${key}' is a series; give a period`);
  const v = item.values?.[period];
  if (v === undefined || v === null) throw new Error(`'${key}' has no value in ${period}`);
  return new Decimal(v);
}

/** One printed figure of a fixture. */
export interface Figure {
  readonly table: string;
  readonly row: string;
  readonly line: number | undefined;
  readonly column: string;
  readonly printed: string;
  readonly value: Decimal;
  readonly tolerance: Decimal;
}

interface FixtureValue {
  printed: string;
  value: string | null;
  tolerance?: string;
}
interface FixtureRow {
  label: string;
  line?: number;
  values: Record<string, FixtureValue>;
}
interface Fixture {
  tables: { id: string; rows: FixtureRow[] }[];
  assumptions: {
    name: string;
    printed: string;
    value: string | null;
    low?: string;
    high?: string;
  }[];
}

function readFixture(name: string): Fixture {
  const text = readFileSync(resolve(root, "examples/fixtures", `${name}.json`), "utf8");
  return JSON.parse(text) as Fixture;
}

/** Every printed figure (cells with a value) of every table of `examples/fixtures/NAME.json`. */
export function figures(name: string): Figure[] {
  const fixture = readFixture(name);
  const out: Figure[] = [];
  for (const table of fixture.tables) {
    for (const row of table.rows) {
      for (const [column, v] of Object.entries(row.values)) {
        if (v.value === null) continue;
        out.push({
          table: table.id,
          row: row.label,
          line: row.line,
          column,
          printed: v.printed,
          value: new Decimal(v.value),
          tolerance: new Decimal(v.tolerance ?? "0"),
        });
      }
    }
  }
  return out;
}

/**
 * The stated figures of the fixture's `assumptions` list (table "assumptions", column "value",
 * "low" or "high"). They carry no tolerance: the test's target gives one.
 */
export function statedFigures(name: string): Figure[] {
  const out: Figure[] = [];
  for (const a of readFixture(name).assumptions) {
    const columns: [string, string | null | undefined][] = [
      ["value", a.value],
      ["low", a.low],
      ["high", a.high],
    ];
    for (const [column, v] of columns) {
      if (v === null || v === undefined) continue;
      const figure = { table: "assumptions", row: a.name, line: undefined, column };
      out.push({ ...figure, printed: a.printed, value: new Decimal(v), tolerance: new Decimal(0) });
    }
  }
  return out;
}

/** Where a printed figure is in the model, and how it is expected to compare. */
export interface Target {
  readonly key: string;
  readonly period?: string | undefined;
  /** Overrides the figure's tolerance (needed for the stated figures, which have none). */
  readonly tolerance?: string | undefined;
  /** For a known finding: printed minus model, and how precisely that amount is documented. */
  readonly known?: { readonly diff: string; readonly within: string } | undefined;
}

/** A figure and the outcome of comparing it; `problem` is undefined when it is as expected. */
export interface Outcome {
  readonly figure: Figure;
  readonly where: string;
  readonly problem: string | undefined;
}

/**
 * Compares every figure with its target: within the figure's tolerance, or, for a known finding,
 * differing by the documented amount (and by more than the tolerance, so the finding is real).
 * A figure with no target is itself a problem, so no printed figure goes unchecked.
 */
export function compare(
  model: EvalJson,
  all: readonly Figure[],
  target: (f: Figure) => Target | undefined,
): Outcome[] {
  return all.map((figure) => {
    const t = target(figure);
    const name = `${figure.table} | ${figure.row} | ${figure.column} (line ${figure.line ?? "?"}, printed ${figure.printed})`;
    if (t === undefined) return { figure, where: name, problem: "no model line is mapped" };
    const where = `${name} -> ${t.key}${t.period === undefined ? "" : `[${t.period}]`}`;
    let actual: Decimal;
    try {
      actual = cell(model, t.key, t.period);
    } catch (error) {
      return { figure, where, problem: error instanceof Error ? error.message : String(error) };
    }
    const diff = figure.value.minus(actual);
    const tolerance = t.tolerance === undefined ? figure.tolerance : new Decimal(t.tolerance);
    if (t.known === undefined) {
      return {
        figure,
        where,
        problem: diff.abs().lte(tolerance)
          ? undefined
          : `model ${actual.toString()} differs from ${figure.value.toString()} by ${diff.toString()}`,
      };
    }
    const off = diff.minus(t.known.diff).abs();
    const problem =
      off.gt(t.known.within) || diff.abs().lte(tolerance)
        ? `known finding: printed minus model is ${diff.toString()}, documented ${t.known.diff} +/- ${t.known.within}`
        : undefined;
    return { figure, where, problem };
  });
}

/** The lines of the problems, for a readable assertion message. */
export function problems(outcomes: readonly Outcome[]): string[] {
  return outcomes.filter((o) => o.problem !== undefined).map((o) => `${o.where}: ${o.problem}`);
}

/** The checks the model marks as known findings, by name, with their explanations. */
export function knownFindings(model: EvalJson): Map<string, string> {
  const out = new Map<string, string>();
  for (const c of model.checks) if (c.known !== undefined) out.set(c.name, c.known);
  return out;
}

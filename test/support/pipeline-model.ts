/**
 * The plain-data models of the whole-pipeline fuzz (test/fuzz) and what turns them into text: the
 * model, edit, breakage and step types, `printModel`, and `applyEdit` / `applyMutation`. The
 * fast-check arbitraries that generate them are in `pipeline-arbitraries.ts`.
 */
/** A period range, as offsets from the model's first period (not clamped to its periods). */
export interface FuzzRange {
  readonly from?: number;
  readonly to?: number;
  /** `from ..`, `.. to` or `from .. to`; a single period when false. */
  readonly open: boolean;
}

export type FuzzInput =
  | { readonly kind: "scalar"; readonly value: string }
  | {
      readonly kind: "series";
      readonly rules: readonly { readonly range: FuzzRange; readonly value: string }[];
    }
  /** One row per member (one row when the line has no dimension), one cell per period; values cycle. */
  | { readonly kind: "table"; readonly rows: readonly (readonly string[])[] }
  /** `table value`: one value per member. */
  | { readonly kind: "member-table"; readonly cells: readonly string[] }
  /** A record table: columns c0, c1, ... (line `v3` has `v3.c0`), each with a unit or none. */
  | {
      readonly kind: "record";
      readonly columns: readonly { readonly unit: string; readonly cells: readonly string[] }[];
    };

export interface FuzzCalc {
  readonly kind: "calc";
  /** One rule without a range, or several with ranges (exceptions). */
  readonly rules: readonly { readonly range?: FuzzRange; readonly expr: string }[];
  readonly opening?: string;
}

export interface FuzzLine {
  readonly name: string;
  readonly dim?: number;
  readonly unit: string;
  readonly body: FuzzInput | FuzzCalc;
  readonly label?: string;
  readonly source?: string;
  readonly decimals?: number;
}

export interface FuzzDim {
  readonly id: number;
  readonly members: number;
  readonly labelled: boolean;
}

export interface FuzzScenario {
  readonly name: string;
  readonly overrides: readonly { readonly line: string; readonly value: FuzzInput }[];
}

export interface FuzzCheck {
  readonly name?: string;
  readonly range?: FuzzRange;
  readonly expr: string;
  readonly tolerance?: string;
  readonly known?: string;
}

/** A user function `f0(p0 (unit), ...) (unit) = body`; the body reads p0, p1, ... and may call others. */
export interface FuzzFunction {
  readonly name: string;
  readonly params: readonly string[];
  readonly unit: string;
  readonly body: string;
}

export interface FuzzModel {
  readonly title: string;
  readonly first: number;
  readonly periods: number;
  readonly dims: readonly FuzzDim[];
  readonly lines: readonly FuzzLine[];
  readonly scenarios: readonly FuzzScenario[];
  readonly checks: readonly FuzzCheck[];
  readonly functions?: readonly FuzzFunction[];
}

export type FuzzEdit =
  | { readonly kind: "opening"; readonly at: number; readonly value: string | null }
  | { readonly kind: "periods"; readonly first: number; readonly count: number }
  | { readonly kind: "members"; readonly dim: number; readonly count: number }
  | { readonly kind: "dim-labels"; readonly dim: number }
  | { readonly kind: "drop-dim"; readonly dim: number }
  | { readonly kind: "line-dim"; readonly at: number; readonly dim: number | null }
  | { readonly kind: "formula"; readonly at: number; readonly expr: string }
  | { readonly kind: "input"; readonly at: number; readonly value: FuzzInput }
  | { readonly kind: "unit"; readonly at: number; readonly unit: string }
  | { readonly kind: "add"; readonly line: FuzzLine }
  | { readonly kind: "remove"; readonly at: number }
  | { readonly kind: "move"; readonly at: number }
  | {
      readonly kind: "override";
      readonly scenario: number;
      readonly line: string;
      readonly value: FuzzInput;
    }
  | { readonly kind: "check"; readonly check: FuzzCheck }
  | { readonly kind: "drop-check"; readonly at: number }
  /** A function's body replaced, or the function added when there is none by that name. */
  | { readonly kind: "function"; readonly fn: FuzzFunction }
  | { readonly kind: "drop-function"; readonly at: number };

export type FuzzMutation =
  | { readonly kind: "delete"; readonly at: number; readonly length: number }
  | { readonly kind: "insert"; readonly at: number; readonly fragment: string }
  | { readonly kind: "swap-tokens"; readonly a: number; readonly b: number }
  | { readonly kind: "truncate"; readonly at: number }
  | { readonly kind: "code-unit"; readonly at: number; readonly unit: number }
  | { readonly kind: "duplicate-line"; readonly at: number }
  | { readonly kind: "drop-line"; readonly at: number }
  | { readonly kind: "swap-lines"; readonly a: number; readonly b: number };

/**
 * One step: a structured edit (the model printed again, which also heals earlier breakage), a
 * breakage of the current text, or a switch of the active scenario (null: base; "zz": unknown).
 */
export type FuzzStep =
  | { readonly kind: "edit"; readonly edit: FuzzEdit }
  | { readonly kind: "break"; readonly mutation: FuzzMutation }
  | { readonly kind: "scenario"; readonly name: string | null };

export interface FuzzCase {
  readonly model: FuzzModel;
  readonly steps: readonly FuzzStep[];
}

// ---------------------------------------------------------------------------------------------
// Printing

/** The label of the financial year starting in `year`: 2019 → "2019/20". */
export function periodLabel(year: number): string {
  return `${year}/${String((year + 1) % 100).padStart(2, "0")}`;
}

function printRange(r: FuzzRange, first: number): string {
  const from = r.from === undefined ? "" : periodLabel(first + r.from);
  const to = r.to === undefined ? "" : periodLabel(first + r.to);
  if (!r.open) return from;
  if (r.from === undefined) return `.. ${to}`;
  return r.to === undefined ? `${from} ..` : `${from} .. ${to}`;
}

/** Replaces `@k` period placeholders by period labels. */
function printExpr(e: string, first: number): string {
  return e.replace(/@(-?\d+)/g, (_, k: string) => periodLabel(first + Number(k)));
}

const at = <T>(list: readonly T[], i: number): T | undefined =>
  list.length === 0 ? undefined : list[i % list.length];

function printInput(
  v: FuzzInput,
  m: FuzzModel,
  dim: FuzzDim | undefined,
  indent: string,
): string[] {
  switch (v.kind) {
    case "scalar":
      return [v.value];
    case "series":
      return ["", ...v.rules.map((r) => `${indent}| ${printRange(r.range, m.first)} : ${r.value}`)];
    case "table": {
      const header = Array.from({ length: m.periods }, (_, t) => periodLabel(m.first + t));
      const rows = dim === undefined ? 1 : dim.members;
      const out = ["", `${indent}table ${header.join("  ")}`];
      for (let r = 0; r < rows; r++) {
        const row = at(v.rows, r) ?? ["0"];
        const cells = header.map((_, t) => at(row, t) ?? "0");
        out.push(`${indent}${dim === undefined ? "" : `m${dim.id}${r} `}${cells.join("  ")}`);
      }
      return out;
    }
    case "record": {
      const rows = dim === undefined ? 1 : dim.members;
      const header = v.columns.map((c, i) => `c${i}${c.unit === "" ? "" : ` (${c.unit})`}`);
      const out = ["", `${indent}table ${header.join("  ")}`];
      for (let r = 0; r < rows; r++) {
        const cells = v.columns.map((c) => at(c.cells, r) ?? "0");
        out.push(`${indent}${dim === undefined ? "" : `m${dim.id}${r} `}${cells.join("  ")}`);
      }
      return out;
    }
    case "member-table": {
      const rows = dim === undefined ? 1 : dim.members;
      const out = ["", `${indent}table value`];
      for (let r = 0; r < rows; r++)
        out.push(`${indent}${dim === undefined ? "" : `m${dim.id}${r} `}${at(v.cells, r) ?? "0"}`);
      return out;
    }
  }
}

/** The text of a generated model, as a user would write it. */
export function printModel(m: FuzzModel): string {
  const out: string[] = [`model "${m.title}"`];
  out.push(`periods ${periodLabel(m.first)} .. ${periodLabel(m.first + m.periods - 1)}`);
  for (const d of m.dims) {
    const members = Array.from({ length: d.members }, (_, j) =>
      d.labelled ? `m${d.id}${j} "Member ${j}"` : `m${d.id}${j}`,
    );
    out.push(`dimension d${d.id} = ${members.join(", ")}`);
  }
  for (const f of m.functions ?? []) {
    const params = f.params.map((u, i) => `p${i}${u === "" ? "" : ` (${u})`}`).join(", ");
    out.push(
      `function ${f.name}(${params})${f.unit === "" ? "" : ` (${f.unit})`} = ${printExpr(f.body, m.first)}`,
    );
  }
  for (const line of m.lines) {
    const dim = line.dim === undefined ? undefined : m.dims.find((d) => d.id === line.dim);
    const head = `${line.name}${line.dim === undefined ? "" : ` by d${line.dim}`}${line.unit === "" ? "" : ` (${line.unit})`}`;
    if (line.body.kind === "calc") {
      const rules = line.body.rules;
      const only = rules[0];
      if (rules.length === 1 && only !== undefined && only.range === undefined) {
        out.push(`${head} = ${printExpr(only.expr, m.first)}`);
      } else {
        out.push(`${head} =`);
        for (const r of rules)
          out.push(
            `  | ${r.range === undefined ? "" : printRange(r.range, m.first)} : ${printExpr(r.expr, m.first)}`,
          );
      }
      if (line.body.opening !== undefined) out.push(`  opening ${line.body.opening}`);
    } else {
      const [first = "", ...rest] = printInput(line.body, m, dim, "  ");
      out.push(`input ${head} = ${first}`.trimEnd(), ...rest);
    }
    if (line.label !== undefined) out.push(`  label "${line.label}"`);
    if (line.source !== undefined) out.push(`  source "${line.source}"`);
    if (line.decimals !== undefined) out.push(`  decimals ${line.decimals}`);
  }
  for (const s of m.scenarios) {
    out.push(`scenario ${s.name} "Scenario ${s.name}" {`);
    for (const o of s.overrides) {
      const line = m.lines.find((l) => l.name === o.line);
      const dim = line?.dim === undefined ? undefined : m.dims.find((d) => d.id === line.dim);
      const [first = "", ...rest] = printInput(o.value, m, dim, "    ");
      out.push(`  ${o.line} = ${first}`.trimEnd(), ...rest);
    }
    out.push("}");
  }
  for (const c of m.checks) {
    const name = c.name === undefined ? "" : ` ${c.name}`;
    const over = c.range === undefined ? "" : ` over ${printRange(c.range, m.first)}`;
    const within = c.tolerance === undefined ? "" : ` within ${c.tolerance}`;
    out.push(`check${name}${over}: ${printExpr(c.expr, m.first)}${within}`);
    if (c.known !== undefined) out.push(`  known "${c.known}"`);
  }
  return out.join("\n") + "\n";
}

// ---------------------------------------------------------------------------------------------
// Applying steps

function replaceAt<T>(list: readonly T[], i: number, f: (x: T) => T): T[] {
  const out = [...list];
  const k = list.length === 0 ? -1 : i % list.length;
  const x = out[k];
  if (x !== undefined) out[k] = f(x);
  return out;
}

/** The model after a structured edit. */
export function applyEdit(m: FuzzModel, e: FuzzEdit): FuzzModel {
  switch (e.kind) {
    case "opening":
      return {
        ...m,
        lines: replaceAt(m.lines, e.at, (l) => {
          if (l.body.kind !== "calc") return l;
          const { opening: _, ...rest } = l.body;
          return { ...l, body: e.value === null ? rest : { ...rest, opening: e.value } };
        }),
      };
    case "periods":
      return { ...m, first: e.first, periods: e.count };
    case "members": {
      const exists = m.dims.some((d) => d.id === e.dim);
      const dims = exists
        ? m.dims.map((d) => (d.id === e.dim ? { ...d, members: e.count } : d))
        : [...m.dims, { id: e.dim, members: e.count, labelled: false }];
      return { ...m, dims };
    }
    case "dim-labels":
      return {
        ...m,
        dims: m.dims.map((d) => (d.id === e.dim ? { ...d, labelled: !d.labelled } : d)),
      };
    case "drop-dim":
      return { ...m, dims: m.dims.filter((d) => d.id !== e.dim) };
    case "line-dim":
      return {
        ...m,
        lines: replaceAt(m.lines, e.at, (l) => {
          const { dim: _, ...rest } = l;
          return e.dim === null ? rest : { ...rest, dim: e.dim };
        }),
      };
    case "formula":
      return {
        ...m,
        lines: replaceAt(m.lines, e.at, (l) => ({
          ...l,
          body:
            l.body.kind === "calc"
              ? { ...l.body, rules: [{ expr: e.expr }] }
              : { kind: "calc", rules: [{ expr: e.expr }] },
        })),
      };
    case "input":
      return { ...m, lines: replaceAt(m.lines, e.at, (l) => ({ ...l, body: e.value })) };
    case "unit":
      return { ...m, lines: replaceAt(m.lines, e.at, (l) => ({ ...l, unit: e.unit })) };
    case "add":
      return m.lines.some((l) => l.name === e.line.name)
        ? m
        : { ...m, lines: [...m.lines, e.line] };
    case "remove": {
      if (m.lines.length === 0) return m;
      const lines = [...m.lines];
      lines.splice(e.at % lines.length, 1);
      return { ...m, lines };
    }
    case "move": {
      if (m.lines.length === 0) return m;
      const lines = [...m.lines];
      const [line] = lines.splice(e.at % lines.length, 1);
      return line === undefined ? m : { ...m, lines: [line, ...lines] };
    }
    case "override": {
      const value = { line: e.line, value: e.value };
      if (m.scenarios.length === 0)
        return { ...m, scenarios: [{ name: "s0", overrides: [value] }] };
      return {
        ...m,
        scenarios: replaceAt(m.scenarios, e.scenario, (s) => ({
          ...s,
          overrides: [...s.overrides.filter((o) => o.line !== e.line), value],
        })),
      };
    }
    case "check":
      return { ...m, checks: [...m.checks, e.check] };
    case "drop-check": {
      if (m.checks.length === 0) return m;
      const checks = [...m.checks];
      checks.splice(e.at % checks.length, 1);
      return { ...m, checks };
    }
    case "function": {
      const functions = [...(m.functions ?? [])];
      const i = functions.findIndex((f) => f.name === e.fn.name);
      if (i < 0) functions.push(e.fn);
      else functions[i] = e.fn;
      return { ...m, functions };
    }
    case "drop-function": {
      const functions = [...(m.functions ?? [])];
      if (functions.length === 0) return m;
      functions.splice(e.at % functions.length, 1);
      return { ...m, functions };
    }
  }
}

/** Tokens for a token swap: words, numbers, runs of spaces, and single other characters. */
const tokenPattern = /[\p{L}\p{N}_.,£%/]+|\s+|[^\s]/gu;

/** The text after a breakage. Positions are taken modulo the text's length. */
export function applyMutation(text: string, mu: FuzzMutation): string {
  const n = text.length;
  const pos = (k: number): number => (n === 0 ? 0 : k % (n + 1));
  switch (mu.kind) {
    case "delete": {
      const a = pos(mu.at);
      return text.slice(0, a) + text.slice(a + mu.length);
    }
    case "insert": {
      const a = pos(mu.at);
      return text.slice(0, a) + mu.fragment + text.slice(a);
    }
    case "truncate":
      return text.slice(0, pos(mu.at));
    case "code-unit": {
      if (n === 0) return String.fromCharCode(mu.unit);
      const a = mu.at % n;
      return text.slice(0, a) + String.fromCharCode(mu.unit) + text.slice(a + 1);
    }
    case "swap-tokens": {
      const tokens = text.match(tokenPattern) ?? [];
      if (tokens.length < 2) return text;
      const i = mu.a % tokens.length;
      const j = mu.b % tokens.length;
      const ti = tokens[i] ?? "";
      tokens[i] = tokens[j] ?? "";
      tokens[j] = ti;
      return tokens.join("");
    }
    case "duplicate-line":
    case "drop-line":
    case "swap-lines": {
      const lines = text.split("\n");
      const i = (mu.kind === "swap-lines" ? mu.a : mu.at) % lines.length;
      if (mu.kind === "duplicate-line") lines.splice(i, 0, lines[i] ?? "");
      else if (mu.kind === "drop-line") lines.splice(i, 1);
      else {
        const j = mu.b % lines.length;
        const li = lines[i] ?? "";
        lines[i] = lines[j] ?? "";
        lines[j] = li;
      }
      return lines.join("\n");
    }
  }
}

/**
 * Incremental check = full check: a front-end session that checks text after text (reusing chunks,
 * table rows and declarations' results) gives, after every edit, the same CheckedModel as a full
 * check of that text alone (parsed whole, nothing reused): diagnostics (code, severity, span,
 * message, related), and every field the engine reads, with each AST node's resolved reference,
 * call and type in place of its node id.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FrontEnd, printModel } from "../../src/lang";
import type { CheckedModel } from "../../src/lang";
import { modelArb } from "../support/lang-arbitraries";

const seed = 20261202;
const examplesDir = join(__dirname, "..", "..", "examples");
const examples = readdirSync(examplesDir)
  .filter((f) => f.endsWith(".precept"))
  .map((f) => readFileSync(join(examplesDir, f), "utf8"));

/** A model with a table input, a dimension and formulas over both (for row edits). */
const tableModel = [
  'model "t"',
  "periods 2019/20 .. 2022/23",
  "dimension area = north, south, east",
  "input rate (%) = 2.5%",
  "input spend by area (£000) =",
  "  table 2019/20 2020/21 2021/22 2022/23",
  "  north 10 20 30 40",
  "  south (5) 6 7 8  # cut",
  "  east 1 2 3 4",
  "growth by area (£000) = spend * (1 + rate)",
  "| 2019/20 : spend",
  "total (£000) = sum(spend over area)",
  "check total >= 0",
  "scenario high {",
  "  rate = 5%",
  "}",
  "",
].join("\n");

/** A model's contents as the engine sees them, with node ids replaced by what they resolve to. */
function view(m: CheckedModel): unknown {
  const seen = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(seen);
    if (value === null || typeof value !== "object") return value;
    const out: Record<string, unknown> = {};
    const node = value as Record<string, unknown>;
    for (const [k, v] of Object.entries(node)) {
      // An AST node's id (a checked line item's `id` is its line item id, kept as it is).
      if (k === "id" && typeof v === "number" && !("definition" in node)) {
        const id = v as never;
        const ref = m.references.get(id);
        const call = m.calls.get(id);
        const type = m.types.get(id);
        if (ref !== undefined) out["$ref"] = ref;
        if (call !== undefined) out["$call"] = call;
        if (type !== undefined) out["$type"] = type;
      } else if (v !== undefined) out[k] = seen(v);
    }
    return out;
  };
  return seen({
    text: m.text,
    title: m.title,
    source: m.source,
    periods: m.periods,
    periodYears: m.periodYears,
    dimensions: m.dimensions,
    lineItems: m.lineItems,
    lineItemByName: [...m.lineItemByName],
    scenarios: m.scenarios,
    checks: m.checks,
    ast: m.ast.decls,
  });
}

/** The side tables hold exactly the nodes the trees have (no stale entries from reused parts). */
function sizes(m: CheckedModel): [number, number, number] {
  return [m.references.size, m.calls.size, m.types.size];
}

type Edit =
  | { readonly kind: "type"; readonly at: number; readonly text: string }
  | { readonly kind: "cut"; readonly at: number; readonly length: number }
  | {
      readonly kind: "line";
      readonly at: number;
      readonly op: "delete" | "duplicate" | "insert";
      readonly line: string;
    }
  | { readonly kind: "rename"; readonly which: number; readonly to: string; readonly all: boolean }
  | { readonly kind: "number"; readonly which: number; readonly to: string }
  | { readonly kind: "unit"; readonly which: number; readonly to: string }
  | { readonly kind: "periods"; readonly to: string };

const lines = fc.constantFrom(
  "x = 1",
  "input y (£m) = £4m",
  "z by area (£000) = spend + 1",
  "  | 2020/21 : 5",
  "  north 1 2 3 4",
  "  west 9 9 9 9",
  "table",
  "}",
  "scenario s {",
  '  "unterminated {',
  "# { comment",
  "then 2",
  "## Section",
  "dimension area = north, south",
  "dimension kind = a, b",
  "check x > 0",
  "w = w + 1",
  "u = v",
  "v = u * 2",
  "rate_2 = rate[-1]",
  "",
);
const names = fc.constantFrom(
  "x",
  "rate",
  "spend",
  "total",
  "area",
  "tota1",
  "new_name",
  "growth",
  // Look-alikes (P2008) and a name with an invisible mark (P1025), issue 16.
  "t0tal",
  "Rate",
  "rate\ufe0f",
);
const numbers = fc.constantFrom("0", "1", "12.5", "(3)", "£2m", "7%", "blank", "1,000", "x", "");
const units = fc.constantFrom(
  "(£)",
  "(£m)",
  "(£000)",
  "(%)",
  "(properties)",
  "(£ per property)",
  "",
);
const periodLines = fc.constantFrom(
  "periods 2019/20 .. 2022/23",
  "periods 2018/19 .. 2022/23",
  "periods 2019/20 .. 2021/22",
  "periods 2022/23 .. 2019/20",
  "periods 2019/20",
);
const edit: fc.Arbitrary<Edit> = fc.oneof(
  {
    arbitrary: fc.record({
      kind: fc.constant("type" as const),
      at: fc.nat(),
      text: fc.constantFrom(
        "1",
        "5",
        "{",
        "}",
        '"',
        "#",
        "\n",
        " ",
        "(",
        "x",
        "£",
        "%",
        ",",
        "\ufe0f",
        "\u2060",
      ),
    }),
    weight: 4,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant("cut" as const),
      at: fc.nat(),
      length: fc.integer({ min: 1, max: 4 }),
    }),
    weight: 2,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant("line" as const),
      at: fc.nat(),
      op: fc.constantFrom("delete" as const, "duplicate" as const, "insert" as const),
      line: lines,
    }),
    weight: 3,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant("rename" as const),
      which: fc.nat(),
      to: names,
      all: fc.boolean(),
    }),
    weight: 2,
  },
  {
    arbitrary: fc.record({ kind: fc.constant("number" as const), which: fc.nat(), to: numbers }),
    weight: 4,
  },
  {
    arbitrary: fc.record({ kind: fc.constant("unit" as const), which: fc.nat(), to: units }),
    weight: 1,
  },
  { arbitrary: fc.record({ kind: fc.constant("periods" as const), to: periodLines }), weight: 1 },
);

/** The `which`-th match of `pattern` in `text` (modulo the count), or undefined. */
function nth(text: string, pattern: RegExp, which: number): RegExpExecArray | undefined {
  const all = [...text.matchAll(pattern)];
  return all.length === 0 ? undefined : all[which % all.length];
}

function apply(text: string, e: Edit): string {
  switch (e.kind) {
    case "type": {
      const at = e.at % (text.length + 1);
      return text.slice(0, at) + e.text + text.slice(at);
    }
    case "cut": {
      const at = e.at % (text.length + 1);
      return text.slice(0, at) + text.slice(at + e.length);
    }
    case "line": {
      const all = text.split("\n");
      const at = e.at % all.length;
      if (e.op === "delete") all.splice(at, 1);
      else if (e.op === "duplicate") all.splice(at, 0, all[at] ?? "");
      else all.splice(at, 0, e.line);
      return all.join("\n");
    }
    case "rename": {
      const m = nth(text, /\b[a-z_][a-z0-9_]*\b/g, e.which);
      if (m === undefined) return text;
      if (e.all) return text.replace(new RegExp(`\\b${m[0]}\\b`, "g"), e.to);
      return text.slice(0, m.index) + e.to + text.slice(m.index + m[0].length);
    }
    case "number": {
      const m = nth(text, /(?<![\w/])[£(]?\d[\d,.]*[)%mk]?(?![\w/])/g, e.which);
      if (m === undefined) return text;
      return text.slice(0, m.index) + e.to + text.slice(m.index + m[0].length);
    }
    case "unit": {
      const m = nth(text, /\((?:£[^)]*|%|[a-z]+)\)/g, e.which);
      if (m === undefined) return text;
      return text.slice(0, m.index) + e.to + text.slice(m.index + m[0].length);
    }
    case "periods":
      return /^periods .*$/m.test(text) ? text.replace(/^periods .*$/m, e.to) : `${e.to}\n${text}`;
  }
}

/** Checks `text` with `session` and fully, and asserts they agree. */
function agrees(session: FrontEnd, text: string): void {
  const incremental = session.check(text);
  const full = new FrontEnd({ reuse: false, parse: "whole" }).check(text);
  expect(incremental.diagnostics).toEqual(full.diagnostics);
  expect(view(incremental)).toEqual(view(full));
  expect(sizes(incremental)).toEqual(sizes(full));
}

/** Runs `edits` from `start`, comparing after each. Row edits are tried on every chunk. */
function runSequence(start: string, edits: readonly Edit[]): void {
  const session = new FrontEnd({ rowEditMinChars: 0 });
  let text = start;
  agrees(session, text);
  for (const e of edits) {
    text = apply(text, e);
    agrees(session, text);
  }
}

describe("incremental check = full check", () => {
  it("agrees on the examples as they are, and on a table model", () => {
    for (const text of [...examples, tableModel]) agrees(new FrontEnd(), text);
  });

  it("agrees after every edit of random edit sequences on the examples", () => {
    fc.assert(
      fc.property(
        fc.nat(examples.length - 1),
        fc.array(edit, { minLength: 1, maxLength: 8 }),
        (which, edits) => runSequence(examples[which] ?? "", edits),
      ),
      { seed, numRuns: 12 },
    );
  }, 300_000);

  it("agrees after every edit of random edit sequences on a table model", () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 20 }), (edits) =>
        runSequence(tableModel, edits),
      ),
      { seed, numRuns: 300 },
    );
  }, 300_000);

  it("agrees after every edit of random edit sequences on generated models", () => {
    fc.assert(
      fc.property(modelArb, fc.array(edit, { minLength: 1, maxLength: 12 }), (ast, edits) =>
        runSequence(`periods 2019/20 .. 2022/23\n${printModel(ast)}`, edits),
      ),
      { seed, numRuns: 300 },
    );
  }, 300_000);

  it("agrees when a comment typed into the last table row shortens the row", () => {
    // Found by the property below: the declaration then ends where the new row ends.
    runSequence(tableModel, [
      { kind: "type", at: tableModel.indexOf("east 1") + 6, text: "#" },
      { kind: "number", which: 0, to: "0" },
    ]);
  });

  it("agrees while look-alike names and invisible marks come and go (issue 16)", () => {
    const start = "periods 2019/20 .. 2021/22\ninput income = 1\nx = income + 1\n";
    const at = start.indexOf("x =");
    runSequence(start, [
      { kind: "line", at: 2, op: "insert", line: "input lncome = 2" },
      { kind: "line", at: 3, op: "insert", line: "input Income\u034f = 3" },
      { kind: "type", at: start.indexOf("income = 1") + 6, text: "\ufe0f" },
      { kind: "line", at: 2, op: "delete", line: "" },
      { kind: "rename", which: 5, to: "t0tal", all: true },
      { kind: "type", at, text: "total = 4\n" },
      { kind: "line", at: 1, op: "delete", line: "" },
    ]);
  });

  it("re-checks only the edited declaration when a typed number changes", () => {
    const session = new FrontEnd();
    const before = session.check(tableModel);
    const after = session.check(tableModel.replace("rate (%) = 2.5%", "rate (%) = 3.5%"));
    const changed = after.lineItems.filter((item, i) => item !== before.lineItems[i]);
    expect(changed.map((i) => i.name)).toEqual(["rate"]);
  });

  it("reuses the unchanged rows of an edited table", () => {
    const session = new FrontEnd({ rowEditMinChars: 0 });
    const rowsOf = (m: CheckedModel): readonly unknown[] => {
      const def = m.lineItems.find((i) => i.name === "spend")?.definition;
      return def?.kind === "input" && def.values.kind === "table" ? def.values.rows : [];
    };
    const before = rowsOf(session.check(tableModel));
    const after = rowsOf(session.check(tableModel.replace("north 10 20", "north 10 25")));
    expect(after).toHaveLength(3);
    expect(after[0]).not.toBe(before[0]);
    expect(after[1]).toBe(before[1]);
    expect(after[2]).toBe(before[2]);
  });
});

/**
 * fast-check arbitraries for the engine's incremental = fresh property: small models as text over
 * a shared pool of names (so most references resolve), and edits of that text, structural (a line
 * replaced, added or removed; the periods, a dimension, an `opening` changed) and blind (characters
 * deleted or a fragment inserted anywhere), so that many edits leave the text broken.
 */
import fc from "fast-check";

/** Line item names, dimension names and members the generated text draws on. */
export const lineNames = ["v0", "v1", "v2", "v3", "v4", "v5", "v6", "v7"] as const;
const dims = { d0: ["m00", "m01", "m02"], d1: ["m10", "m11"] } as const;
type DimName = keyof typeof dims;
const dimNames = Object.keys(dims) as DimName[];
const years = ["2020/21", "2021/22", "2022/23", "2023/24"];

const name = fc.constantFrom(...lineNames);
const dimName = fc.constantFrom(...dimNames);
const member = fc.constantFrom(...dims.d0, ...dims.d1, "m99");
const year = fc.constantFrom(...years);

/** A number as typed: plain, negative, decimal, percent, money with a scale, or odd. */
const literal = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: -3, max: 12 }).map(String) },
  fc.constantFrom(
    "0",
    "0.5",
    "2.25",
    "-1.5",
    "(4)",
    "3%",
    "£2m",
    "£1.5bn",
    "£000",
    "1,250",
    "blank",
  ),
);

/** A reference to a line item, with the selectors the language allows (and some it does not). */
const reference = fc.oneof(
  { weight: 4, arbitrary: name },
  name.map((n) => `${n}[-1]`),
  name.map((n) => `${n}[-2]`),
  name.map((n) => `${n}[+1]`),
  fc.tuple(name, year).map(([n, y]) => `${n}[${y}]`),
  fc.tuple(name, member).map(([n, m]) => `${n}[${m}]`),
  fc.tuple(name, member).map(([n, m]) => `${n}[${m}, -1]`),
);

/** Formulas over the pool: arithmetic, comparisons, conditionals, aggregates and functions. */
export const formulaArb: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
  e: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    { weight: 5, arbitrary: reference },
    { weight: 2, arbitrary: literal },
    fc
      .tuple(tie("e"), fc.constantFrom("+", "-", "*", "/", "^"), tie("e"))
      .map(([l, op, r]) => `(${l} ${op} ${r})`),
    fc
      .tuple(tie("e"), fc.constantFrom(">", "<", "=", "<>", ">=", "<="), tie("e"))
      .map(([l, op, r]) => `${l} ${op} ${r}`),
    fc.tuple(tie("e"), tie("e"), tie("e")).map(([c, x, y]) => `if(${c} > 0, ${x}, ${y})`),
    fc.tuple(tie("e"), tie("e"), tie("e")).map(([c, x, y]) => `if ${c} then ${x} else ${y}`),
    fc
      .tuple(fc.constantFrom("sum", "average", "min", "max", "count"), tie("e"), dimName)
      .map(([f, x, d]) => `${f}(${x} over ${d})`),
    fc
      .tuple(fc.constantFrom("sum", "average", "min", "max"), tie("e"))
      .map(([f, x]) => `${f}(${x} over periods)`),
    fc
      .tuple(fc.constantFrom("min", "max"), tie("e"), tie("e"))
      .map(([f, a, b]) => `${f}(${a}, ${b})`),
    tie("e").map((x) => `cumsum(${x})`),
    fc.tuple(name, fc.integer({ min: 0, max: 2 })).map(([n, d]) => `prev(${n}, ${d})`),
    tie("e").map((x) => `abs(${x})`),
    tie("e").map((x) => `round(${x}, 1)`),
    tie("e").map((x) => `-${x}`),
    fc.tuple(tie("e"), tie("e")).map(([a, b]) => `${a} and not ${b}`),
  ),
})).e;

const unit = fc.constantFrom("", "", " (number)", " (£)", " (£m)", " (%)", " (properties)");
const by = fc.oneof(
  { weight: 3, arbitrary: fc.constant("") },
  dimName.map((d) => ` by ${d}`),
);

function tableLines(
  dim: DimName | undefined,
  periods: readonly string[],
  cells: string[],
): string[] {
  const rows = dim === undefined ? [""] : dims[dim];
  const out = [`  table ${periods.join(" ")}`];
  let k = 0;
  for (const r of rows) {
    const row: string[] = [];
    for (let t = 0; t < periods.length; t++) row.push(cells[k++ % cells.length] ?? "1");
    out.push(`  ${r} ${row.join(" ")}`.trimEnd());
  }
  return out;
}

/** One declaration, as one or more lines of text. */
export const declArb: fc.Arbitrary<string[]> = fc.oneof(
  // A one-value input.
  fc.tuple(name, by, unit, literal).map(([n, b, u, v]) => [`input ${n}${b}${u} = ${v}`]),
  // A series by period range.
  fc
    .tuple(
      name,
      unit,
      fc.array(fc.tuple(year, fc.boolean(), literal), { minLength: 1, maxLength: 3 }),
    )
    .map(([n, u, rules]) => [
      `input ${n}${u} =`,
      ...rules.map(([y, open, v]) => `  | ${y}${open ? " .." : ""} : ${v}`),
    ]),
  // A table of members by periods (sometimes with fewer columns than periods).
  fc
    .tuple(
      name,
      fc.option(dimName, { nil: undefined }),
      fc.integer({ min: 1, max: 4 }),
      fc.array(literal, { minLength: 1, maxLength: 6 }),
    )
    .map(([n, d, cols, cells]) => [
      `input ${n}${d === undefined ? "" : ` by ${d}`} =`,
      ...tableLines(d, years.slice(0, cols), cells),
    ]),
  // One value per member.
  fc
    .tuple(name, dimName, fc.array(literal, { minLength: 1, maxLength: 3 }))
    .map(([n, d, cells]) => [
      `input ${n} by ${d} =`,
      `  table value`,
      ...dims[d].map((m, i) => `  ${m} ${cells[i % cells.length] ?? "1"}`),
    ]),
  // A calculation, maybe with an opening value.
  fc
    .tuple(name, by, unit, formulaArb, fc.option(literal, { nil: undefined }))
    .map(([n, b, u, e, o]) => [
      `${n}${b}${u} = ${e}`,
      ...(o === undefined ? [] : [`  opening ${o}`]),
    ]),
  // A calculation with a base-year rule.
  fc
    .tuple(name, by, formulaArb, formulaArb, year)
    .map(([n, b, first, rest, y]) => [
      `${n}${b} =`,
      `  | .. ${y} : ${first}`,
      `  | ${y} .. : ${rest}`,
    ]),
  // A scenario.
  fc
    .tuple(fc.constantFrom("s0", "s1"), name, literal)
    .map(([s, n, v]) => [`scenario ${s} "S" { ${n} = ${v} }`]),
  // A check.
  fc
    .tuple(fc.constantFrom("k0", "k1", "k2"), formulaArb, fc.boolean(), formulaArb)
    .map(([k, l, approx, r]) => [
      approx ? `check ${k}: ${l} = ${r} within 0.5` : `check ${k}: ${l} > ${r}`,
    ]),
  fc
    .tuple(fc.constantFrom("k0", "k1"), year, formulaArb)
    .map(([k, y, e]) => [`check ${k} over ${y} ..: ${e} >= 0`]),
);

/** A model: header, periods, dimensions and up to eight declarations, as lines of text. */
export const engineModelArb: fc.Arbitrary<string[]> = fc
  .tuple(
    fc.integer({ min: 1, max: 4 }),
    fc.subarray(dimNames),
    fc.array(declArb, { minLength: 1, maxLength: 8 }),
  )
  .map(([periods, ds, decls]) => [
    `model "Generated"`,
    `periods ${years[0] ?? ""} .. ${years[periods - 1] ?? ""}`,
    ...ds.map((d) => `dimension ${d} = ${dims[d].join(", ")}`),
    ...decls.flat(),
  ]);

/** An edit of a model's lines. Positions are taken modulo the number of lines (or characters). */
export type EngineEdit =
  | { readonly kind: "replace"; readonly at: number; readonly lines: readonly string[] }
  | { readonly kind: "insert"; readonly at: number; readonly lines: readonly string[] }
  | { readonly kind: "delete"; readonly at: number }
  | { readonly kind: "swap"; readonly at: number }
  | { readonly kind: "chars"; readonly at: number; readonly remove: number; readonly add: string }
  | { readonly kind: "periods"; readonly count: number }
  | { readonly kind: "dimension"; readonly dim: DimName; readonly count: number }
  | { readonly kind: "opening"; readonly at: number; readonly value: string | null }
  | { readonly kind: "number"; readonly at: number; readonly value: string }
  | { readonly kind: "scenario"; readonly name: string | null };

const fragment = fc.constantFrom(
  "",
  " ",
  "\n",
  "\n  ",
  "1",
  "-",
  "*",
  "(",
  ")",
  "[",
  "]",
  "[-1]",
  "input ",
  "by d0",
  "by d1",
  " opening 5",
  "\n  opening 7",
  "=",
  ":",
  "|",
  "..",
  "over",
  "v1",
  "v3 + ",
  "£",
  "%",
  "m00",
  "table",
  "#",
);

export const engineEditArb: fc.Arbitrary<EngineEdit> = fc.oneof(
  fc.record({ kind: fc.constant("replace" as const), at: fc.nat(30), lines: declArb }),
  fc.record({ kind: fc.constant("insert" as const), at: fc.nat(30), lines: declArb }),
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat(30) }),
  fc.record({ kind: fc.constant("swap" as const), at: fc.nat(30) }),
  fc.record({
    kind: fc.constant("chars" as const),
    at: fc.nat(2000),
    remove: fc.integer({ min: 0, max: 6 }),
    add: fragment,
  }),
  fc.record({ kind: fc.constant("periods" as const), count: fc.integer({ min: 0, max: 4 }) }),
  fc.record({
    kind: fc.constant("dimension" as const),
    dim: dimName,
    count: fc.integer({ min: 0, max: 3 }),
  }),
  fc.record({
    kind: fc.constant("opening" as const),
    at: fc.nat(30),
    value: fc.option(literal, { nil: null }),
  }),
  fc.record({ kind: fc.constant("number" as const), at: fc.nat(200), value: literal }),
  fc.record({
    kind: fc.constant("scenario" as const),
    name: fc.constantFrom(null, "s0", "s1", "none"),
  }),
);

/** The model's lines after `edit` (a scenario switch leaves them as they are). */
export function applyEngineEdit(lines: readonly string[], edit: EngineEdit): string[] {
  const out = [...lines];
  const n = out.length;
  switch (edit.kind) {
    case "replace":
      if (n > 0) out.splice(edit.at % n, 1, ...edit.lines);
      return out;
    case "insert":
      out.splice(n === 0 ? 0 : edit.at % (n + 1), 0, ...edit.lines);
      return out;
    case "delete":
      if (n > 0) out.splice(edit.at % n, 1);
      return out;
    case "swap": {
      if (n < 2) return out;
      const i = edit.at % (n - 1);
      const a = out[i] as string;
      out[i] = out[i + 1] as string;
      out[i + 1] = a;
      return out;
    }
    case "chars": {
      const text = out.join("\n");
      const at = text.length === 0 ? 0 : edit.at % text.length;
      return (text.slice(0, at) + edit.add + text.slice(at + edit.remove)).split("\n");
    }
    case "periods": {
      const i = out.findIndex((l) => l.startsWith("periods"));
      const line =
        edit.count === 0 ? [] : [`periods ${years[0] ?? ""} .. ${years[edit.count - 1] ?? ""}`];
      if (i >= 0) out.splice(i, 1, ...line);
      else out.splice(Math.min(1, n), 0, ...line);
      return out;
    }
    case "dimension": {
      const i = out.findIndex((l) => l.startsWith(`dimension ${edit.dim}`));
      const members = [
        ...dims[edit.dim].slice(0, edit.count),
        ...(edit.count === 3 && edit.dim === "d1" ? ["m12"] : []),
      ];
      const line = edit.count === 0 ? [] : [`dimension ${edit.dim} = ${members.join(", ")}`];
      if (i >= 0) out.splice(i, 1, ...line);
      else out.splice(Math.min(2, n), 0, ...line);
      return out;
    }
    case "opening": {
      // Change, add or remove the opening value of the at-th calculation.
      const calcs = out.map((l, i) => [l, i] as const).filter(([l]) => /^v\d/.test(l));
      const found = calcs[calcs.length === 0 ? 0 : edit.at % calcs.length];
      if (found === undefined) return out;
      const i = found[1];
      const hasOpening = out[i + 1]?.startsWith("  opening") === true;
      const line = edit.value === null ? [] : [`  opening ${edit.value}`];
      out.splice(i + 1, hasOpening ? 1 : 0, ...line);
      return out;
    }
    case "number": {
      // Retype the at-th number in the text.
      const text = out.join("\n");
      const spots = [...text.matchAll(/-?\d[\d,.]*/g)];
      const hit = spots[spots.length === 0 ? 0 : edit.at % spots.length];
      if (hit === undefined) return out;
      return (text.slice(0, hit.index) + edit.value + text.slice(hit.index + hit[0].length)).split(
        "\n",
      );
    }
    case "scenario":
      return out;
  }
}

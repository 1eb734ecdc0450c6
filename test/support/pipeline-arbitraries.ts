/**
 * fast-check arbitraries for the whole-pipeline fuzz (test/fuzz): generated models with
 * dimensions, tables, series, exceptions, openings, scenarios, checks and finance functions, kept
 * as plain data so that edits can change an opening, the periods or a dimension and print the model
 * again; and text mutations (deletions, insertions, token swaps, truncations, random code units)
 * that break the printed text. A case is a starting model and a list of steps; every step yields
 * the next text the engine is given.
 *
 * Names come from fixed pools (`v0`..`v7`, dimensions `d0`/`d1` with members `m00`.. and `m10`..,
 * scenarios `s0`/`s1`), so references survive edits, dangle after a removal, and sometimes form
 * cycles, as a user's half-typed model does.
 */
import fc from "fast-check";
import type {
  FuzzFunction,
  FuzzCalc,
  FuzzCase,
  FuzzCheck,
  FuzzEdit,
  FuzzInput,
  FuzzLine,
  FuzzModel,
  FuzzMutation,
  FuzzRange,
  FuzzStep,
} from "./pipeline-model";

export * from "./pipeline-model";

/** Sizes of generated models. Small on purpose: the fuzz wants many cases, not big ones. */
export const FuzzShape = {
  /** Line item names v0..v(n-1). */
  lineNames: 8,
  /** Periods in a generated model (the squaring chains of the hostile corpus are separate). */
  maxPeriods: 8,
  /** Members of a generated dimension. */
  maxMembers: 4,
  /** Steps (edits, breakages, scenario switches) after the first text. */
  maxSteps: 6,
} as const;

// ---------------------------------------------------------------------------------------------
// Literals and expressions

const lineName = fc.integer({ min: 0, max: FuzzShape.lineNames - 1 }).map((i) => `v${i}`);
const dimId = fc.integer({ min: 0, max: 1 });
const memberName = fc
  .tuple(dimId, fc.integer({ min: 0, max: FuzzShape.maxMembers }))
  .map(([d, m]) => `m${d}${m}`);

/** Numbers as councils print them, some awkward: big, tiny, many digits. */
const numberText = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom("0", "1", "2", "3", "10", "0.5", "100", "12.5") },
  {
    weight: 4,
    arbitrary: fc.constantFrom("£4.5m", "£350k", "£1.2bn", "£1,426.18", "£0m", "£10", "£0.1m"),
  },
  { weight: 2, arbitrary: fc.constantFrom("2.99%", "3.5%", "0%", "100%", "-2%") },
  { weight: 1, arbitrary: fc.constantFrom("246,841", "5 FTE", "0.5 properties", "30 years") },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      "123456789012345678901234567890",
      "0.000000000000000000000000000001",
      "99999999999999999999.99999999999999",
      "1e3",
      "2.5e3",
    ),
  },
  { weight: 2, arbitrary: fc.integer({ min: -1000, max: 100000 }).map(String) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      "2018-05-04",
      "2019-02-28",
      "2020-02-29",
      "2019-02-29",
      "9999-12-31",
      "4 May 2018",
      "31/03/2018",
      "30 days",
    ),
  },
);

/** A value an input takes: a number, possibly negative or bracketed, or blank. */
export const inputValueText = fc.oneof(
  { weight: 8, arbitrary: numberText },
  { weight: 2, arbitrary: numberText.map((n) => (n.startsWith("-") ? n : `-${n}`)) },
  { weight: 1, arbitrary: fc.constantFrom("(4,000)", "(1)") },
  { weight: 1, arbitrary: fc.constant("blank") },
  { weight: 1, arbitrary: fc.constantFrom('"eip"', '"annuity"', '"PWLB"', '""', '"a \\" quote"') },
);

const periodRef = fc.integer({ min: -1, max: FuzzShape.maxPeriods }).map((o) => ({ offset: o }));

const selector = fc.oneof(
  fc.constantFrom("-1", "-1", "-2", "+1"),
  periodRef.map((p) => `@${p.offset}`),
  memberName,
  fc.tuple(memberName, fc.constantFrom("-1", "-2")).map(([m, o]) => `${m}, ${o}`),
);

/** A reference; `@k` in a selector stands for the k-th period and is printed by {@link printModel}. */
const reference = fc.oneof(
  { weight: 3, arbitrary: lineName },
  // A record's column (an unknown name when the line is not a record).
  { weight: 1, arbitrary: fc.tuple(lineName, fc.nat(2)).map(([n, c]) => `${n}.c${c}`) },
  { weight: 2, arbitrary: fc.tuple(lineName, selector).map(([n, s]) => `${n}[${s}]`) },
);

const loanMethod = fc.constantFrom('"annuity"', '"eip"', '"maturity"', '"bogus"');
const mrpMethod = fc.constantFrom('"straight_line"', '"annuity"', '"reducing_balance"');

const { expr: exprText } = fc.letrec<{ expr: string }>((tie) => ({
  expr: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    reference,
    numberText,
    fc
      .tuple(
        tie("expr"),
        fc.constantFrom("+", "-", "*", "/", "+", "*", "=", "<>", "<", ">=", "and", "or"),
        tie("expr"),
      )
      .map(([l, op, r]) => `(${l} ${op} ${r})`),
    fc
      .tuple(tie("expr"), fc.constantFrom("0", "1", "2", "3", "0.5", "-1", "-2", "10", "1/3"))
      .map(([b, e]) => `(${b}) ^ ${e}`),
    tie("expr").map((e) => `-(${e})`),
    tie("expr").map((e) => `not (${e})`),
    fc
      .tuple(tie("expr"), tie("expr"), tie("expr"))
      .map(([c, a, b]) => `(if ${c} then ${a} else ${b})`),
    fc.tuple(tie("expr"), tie("expr"), tie("expr")).map(([c, a, b]) => `if(${c}, ${a}, ${b})`),
    fc
      .tuple(
        fc.constantFrom("sum", "average", "min", "max"),
        tie("expr"),
        fc.constantFrom("d0", "d1", "periods"),
      )
      .map(([f, x, d]) => `${f}(${x} over ${d})`),
    fc
      .tuple(fc.constantFrom("min", "max"), tie("expr"), tie("expr"))
      .map(([f, a, b]) => `${f}(${a}, ${b})`),
    fc
      .tuple(tie("expr"), tie("expr"), fc.constantFrom("d0", "d1"))
      .map(([x, w, d]) => `wavg(${x}, ${w} over ${d})`),
    fc
      .tuple(tie("expr"), tie("expr"), tie("expr"), fc.constantFrom("d0", "d1"))
      .map(([x, w, c, d]) => `wavg(${x}, ${w}, ${c} over ${d})`),
    fc
      .tuple(tie("expr"), tie("expr"), fc.constantFrom("d0", "d1"))
      .map(([x, c, d]) => `sumif(${x}, ${c} over ${d})`),
    fc.tuple(tie("expr"), fc.constantFrom("d0", "d1")).map(([c, d]) => `count(${c} over ${d})`),
    fc
      .tuple(
        tie("expr"),
        tie("expr"),
        fc.option(tie("expr"), { nil: undefined }),
        fc.constantFrom("d0", "d1", "periods"),
      )
      .map(
        ([x, c, dflt, d]) => `lookup(${x}, ${c}${dflt === undefined ? "" : `, ${dflt}`} over ${d})`,
      ),
    fc
      .tuple(tie("expr"), fc.constantFrom("d0", "d1", "periods"))
      .map(([c, d]) => `match(${c} over ${d})`),
    fc
      .tuple(tie("expr"), fc.constantFrom("1%", "£1m", "1", "0"), fc.constantFrom("d0", "d1"))
      .map(([x, step, d]) => `round_to_total(${x}, ${step} over ${d})`),
    fc
      .tuple(
        fc.constantFrom("cumsum", "abs", "irr", "payback", "first_period_where", "discount_factor"),
        tie("expr"),
      )
      .map(([f, x]) => `${f}(${x})`),
    fc.tuple(tie("expr"), numberText).map(([x, d]) => `prev(${x}, ${d})`),
    fc
      .tuple(tie("expr"), fc.constantFrom("£0.1m", "£1", "£0.01", "1", "0"))
      .map(([x, s]) => `round(${x}, ${s})`),
    fc
      .tuple(tie("expr"), fc.constantFrom("1", "3", "0", "40"))
      .map(([x, n]) => `roundsig(${x}, ${n})`),
    fc
      .tuple(
        fc.constantFrom("floor", "ceil", "trunc"),
        tie("expr"),
        fc.constantFrom("", ", £1", ", £0.1m", ", 0", ", -1"),
      )
      .map(([f, x, s]) => `${f}(${x}${s})`),
    fc.tuple(tie("expr"), tie("expr")).map(([x, d]) => `mod(${x}, ${d})`),
    fc
      .tuple(tie("expr"), fc.constantFrom("1", "-1", "12", "0.5", "120000"))
      .map(([x, n]) => `add_months(${x}, ${n})`),
    tie("expr").map((x) => `financial_year(${x})`),
    fc.constantFrom("period_start()", "period_end()"),
    fc.constantFrom("first_period()", "last_period()", "period_index()"),
    fc.tuple(numberText, tie("expr")).map(([r, x]) => `npv(${r}, ${x})`),
    fc.tuple(numberText, numberText, numberText).map(([r, n, p]) => `pmt(${r}, ${n}, ${p})`),
    fc
      .tuple(
        fc.constantFrom("loan_opening", "loan_interest", "loan_principal", "loan_closing"),
        tie("expr"),
        numberText,
        fc.constantFrom("1", "2", "5", "30", "0"),
        loanMethod,
      )
      .map(([f, a, r, t, m]) => `${f}(${a}, ${r}, ${t}, ${m})`),
    fc
      .tuple(
        tie("expr"),
        fc.constantFrom("1", "4", "25", "0"),
        mrpMethod,
        fc.option(numberText, { nil: undefined }),
      )
      .map(([a, l, m, r]) => `mrp(${a}, ${l}, ${m}${r === undefined ? "" : `, ${r}`})`),
    fc.tuple(tie("expr"), tie("expr"), numberText).map(([a, b, t]) => `(${a} = ${b} within ${t})`),
    fc.constantFrom('"text"', "blank", "true", "false"),
    // User functions f0..f2 (unknown when the model has none, or a different arity).
    {
      weight: 3,
      arbitrary: fc
        .tuple(fc.constantFrom("f0", "f1", "f2"), reference)
        .map(([f, x]) => `${f}(${x})`),
    },
    fc
      .tuple(
        fc.constantFrom("f0", "f1", "f2"),
        fc.array(tie("expr"), { minLength: 1, maxLength: 2 }),
      )
      .map(([f, args]) => `${f}(${args.join(", ")})`),
  ),
}));

/** A function body: its parameters, numbers, operators, calls of built-ins and of f0..f2. */
const functionBody: fc.Arbitrary<string> = fc.letrec<{ body: string }>((tie) => ({
  body: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    { weight: 8, arbitrary: fc.constantFrom("p0", "p1", "p0", "p2") },
    { weight: 4, arbitrary: fc.constantFrom("(p0 * 2)", "(p0 + p0)", "(p0 / 3)", "-p0") },
    numberText,
    // Refused in a body: a line, a selector on a parameter, a period-wise function.
    fc.constantFrom("v0", "p0[-1]", "cumsum(p0)", "sum(p0 over d0)"),
    fc
      .tuple(tie("body"), fc.constantFrom("+", "-", "*", "/", ">", "="), tie("body"))
      .map(([l, op, r]) => `(${l} ${op} ${r})`),
    fc
      .tuple(tie("body"), tie("body"), tie("body"))
      .map(([c, a, b]) => `(if ${c} then ${a} else ${b})`),
    fc.tuple(tie("body"), fc.constantFrom("£1", "1")).map(([x, st]) => `round(${x}, ${st})`),
    fc
      .tuple(
        fc.constantFrom("f0", "f1", "f2"),
        fc.array(tie("body"), { minLength: 1, maxLength: 2 }),
      )
      .map(([f, args]) => `${f}(${args.join(", ")})`),
  ),
})).body;

export const fuzzFunction: fc.Arbitrary<FuzzFunction> = fc.record({
  name: fc.constantFrom("f0", "f1", "f2"),
  params: fc.array(fc.constantFrom("£", "£", "number", "number", "%", "£m", "text", ""), {
    minLength: 1,
    maxLength: 2,
  }),
  unit: fc.constantFrom("", "", "£", "%", "number"),
  body: functionBody,
});

/** An expression with `@k` period placeholders. */
export const fuzzExpr: fc.Arbitrary<string> = exprText;

/** A recurrence a balance or a growth line has: it reads its own previous value. */
const recurrence = fc
  .tuple(fc.constantFrom("+", "*", "-"), exprText, fc.constantFrom("", " * 1.02", " * x0"))
  .map(
    ([op, e, k]) =>
      (self: string) =>
        `${self}[-1] ${op} ${e}${k.replace("x0", self + "[-1]")}`,
  );

// ---------------------------------------------------------------------------------------------
// Models

const unitText = fc.constantFrom(
  "",
  "",
  "£",
  "£m",
  "£000",
  "%",
  "number",
  "properties",
  "£ per property",
  "years",
  "FTE",
);
const rangeArb: fc.Arbitrary<FuzzRange> = fc.oneof(
  fc.nat(FuzzShape.maxPeriods).map((from) => ({ from, open: false })),
  fc.nat(FuzzShape.maxPeriods).map((from) => ({ from, open: true })),
  fc.nat(FuzzShape.maxPeriods).map((to) => ({ to, open: true })),
  fc
    .tuple(fc.nat(FuzzShape.maxPeriods), fc.nat(3))
    .map(([from, len]) => ({ from, to: from + len, open: true })),
);
const labelText = fc.constantFrom("Net spend", "Reserve £m", "Café ≥ 5", "", 'say \\"hi\\"', "#1");

export const fuzzInput: fc.Arbitrary<FuzzInput> = fc.oneof(
  { weight: 4, arbitrary: inputValueText.map((value) => ({ kind: "scalar" as const, value })) },
  {
    weight: 2,
    arbitrary: fc
      .array(fc.record({ range: rangeArb, value: inputValueText }), { minLength: 1, maxLength: 3 })
      .map((rules) => ({ kind: "series" as const, rules })),
  },
  {
    weight: 3,
    arbitrary: fc
      .array(fc.array(inputValueText, { minLength: 1, maxLength: 4 }), {
        minLength: 1,
        maxLength: 4,
      })
      .map((rows) => ({ kind: "table" as const, rows })),
  },
  {
    weight: 1,
    arbitrary: fc
      .array(inputValueText, { minLength: 1, maxLength: 4 })
      .map((cells) => ({ kind: "member-table" as const, cells })),
  },
  {
    weight: 2,
    arbitrary: fc
      .array(
        fc.record({
          unit: fc.constantFrom("", "", "£m", "%", "text", "date", "days"),
          cells: fc.array(inputValueText, { minLength: 1, maxLength: 4 }),
        }),
        { minLength: 1, maxLength: 3 },
      )
      .map((columns) => ({ kind: "record" as const, columns })),
  },
);

const calcArb = (name: string): fc.Arbitrary<FuzzCalc> =>
  fc.oneof(
    {
      weight: 5,
      arbitrary: exprText.map((expr) => ({ kind: "calc" as const, rules: [{ expr }] })),
    },
    {
      weight: 3,
      arbitrary: fc
        .tuple(recurrence, fc.option(inputValueText, { nil: undefined, freq: 4 }))
        .map(([r, opening]) => ({
          kind: "calc" as const,
          rules: [{ expr: r(name) }],
          ...(opening === undefined ? {} : { opening }),
        })),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(inputValueText, fc.integer({ min: 1, max: 3 }), exprText, recurrence)
        .map(([base, split, e, r]) => ({
          kind: "calc" as const,
          rules: [
            { range: { from: 0, to: split - 1, open: split > 1 }, expr: base },
            { range: { from: split, open: true }, expr: split === 2 ? r(name) : e },
          ],
        })),
    },
  );

const lineArb = (name: string): fc.Arbitrary<FuzzLine> =>
  fc
    .record({
      dim: fc.option(dimId, { nil: undefined, freq: 2 }),
      unit: unitText,
      body: fc.oneof(fuzzInput, calcArb(name)),
      label: fc.option(labelText, { nil: undefined, freq: 4 }),
      source: fc.option(labelText, { nil: undefined, freq: 6 }),
      decimals: fc.option(fc.integer({ min: 0, max: 11 }), { nil: undefined, freq: 6 }),
    })
    .map(({ dim, label, source, decimals, ...rest }) => ({
      name,
      ...rest,
      ...(dim === undefined ? {} : { dim }),
      ...(label === undefined ? {} : { label }),
      ...(source === undefined ? {} : { source }),
      ...(decimals === undefined ? {} : { decimals }),
    }));

const anyLineArb: fc.Arbitrary<FuzzLine> = lineName.chain(lineArb);

export const fuzzCheck: fc.Arbitrary<FuzzCheck> = fc.record(
  {
    name: fc.constantFrom("c0", "c1", "c2"),
    range: rangeArb,
    expr: fc.oneof(
      exprText,
      fc.tuple(reference, reference).map(([a, b]) => `${a} = ${b}`),
      fc.tuple(reference, fc.constantFrom(">", "<", ">=")).map(([a, op]) => `${a} ${op} 0`),
    ),
    tolerance: fc.constantFrom("£1", "£0.5k", "0.5", "1%", "0"),
    known: fc.constantFrom("a known finding", ""),
  },
  { requiredKeys: ["expr"] },
);

export const fuzzModel: fc.Arbitrary<FuzzModel> = fc.record({
  title: fc.constantFrom("M", "Fuzz model", "Naïve £ title"),
  first: fc.integer({ min: 2015, max: 2030 }),
  periods: fc.integer({ min: 1, max: FuzzShape.maxPeriods }),
  dims: fc.uniqueArray(
    fc.record({
      id: dimId,
      members: fc.integer({ min: 1, max: FuzzShape.maxMembers }),
      labelled: fc.boolean(),
    }),
    { selector: (d) => d.id, maxLength: 2 },
  ),
  lines: fc.uniqueArray(anyLineArb, { selector: (l) => l.name, minLength: 1, maxLength: 7 }),
  scenarios: fc.uniqueArray(
    fc.record({
      name: fc.constantFrom("s0", "s1"),
      overrides: fc.array(fc.record({ line: lineName, value: fuzzInput }), { maxLength: 2 }),
    }),
    { selector: (s) => s.name, maxLength: 2 },
  ),
  checks: fc.array(fuzzCheck, { maxLength: 3 }),
  functions: fc.uniqueArray(fuzzFunction, { selector: (f) => f.name, maxLength: 2 }),
});

// ---------------------------------------------------------------------------------------------
// Edits and breakages

/** Edits of the model's shape: openings, periods and dimensions (issue 16). */
const structuralEdit: fc.Arbitrary<FuzzEdit> = fc.oneof(
  fc.record({
    kind: fc.constant("opening" as const),
    at: fc.nat(9),
    value: fc.option(inputValueText, { nil: null }),
  }),
  fc.record({
    kind: fc.constant("periods" as const),
    first: fc.integer({ min: 2015, max: 2030 }),
    count: fc.integer({ min: 1, max: FuzzShape.maxPeriods }),
  }),
  fc.record({
    kind: fc.constant("members" as const),
    dim: dimId,
    count: fc.integer({ min: 1, max: FuzzShape.maxMembers }),
  }),
  fc.record({ kind: fc.constant("dim-labels" as const), dim: dimId }),
  fc.record({ kind: fc.constant("drop-dim" as const), dim: dimId }),
  fc.record({
    kind: fc.constant("line-dim" as const),
    at: fc.nat(9),
    dim: fc.option(dimId, { nil: null }),
  }),
);

export const fuzzEdit: fc.Arbitrary<FuzzEdit> = fc.oneof(
  { weight: 6, arbitrary: structuralEdit },
  fc.record({ kind: fc.constant("formula" as const), at: fc.nat(9), expr: exprText }),
  fc.record({ kind: fc.constant("input" as const), at: fc.nat(9), value: fuzzInput }),
  fc.record({ kind: fc.constant("unit" as const), at: fc.nat(9), unit: unitText }),
  fc.record({ kind: fc.constant("add" as const), line: anyLineArb }),
  fc.record({ kind: fc.constant("remove" as const), at: fc.nat(9) }),
  fc.record({ kind: fc.constant("move" as const), at: fc.nat(9) }),
  fc.record({
    kind: fc.constant("override" as const),
    scenario: fc.nat(1),
    line: lineName,
    value: fuzzInput,
  }),
  fc.record({ kind: fc.constant("check" as const), check: fuzzCheck }),
  fc.record({ kind: fc.constant("drop-check" as const), at: fc.nat(3) }),
  fc.record({ kind: fc.constant("function" as const), fn: fuzzFunction }),
  fc.record({ kind: fc.constant("drop-function" as const), at: fc.nat(2) }),
);

/** Fragments a user might type, paste or leave half-typed, and junk. */
const fragments = [
  "function ",
  "function f0(p0 (£)) = p0 * 2\n",
  "f1(",
  "opening ",
  "opening £1m",
  "periods ",
  "dimension ",
  "input ",
  "by d0 ",
  "by d1 ",
  "over ",
  "table ",
  "| ",
  "..",
  " : ",
  "=",
  "(",
  ")",
  "[",
  "]",
  "[-1]",
  "{",
  "}",
  ",",
  "\n",
  "\n  ",
  "  ",
  "\t",
  "\r\n",
  '"',
  "#",
  "## S",
  "£",
  "%",
  "^ 999999",
  "^ -1000",
  "* ",
  "/ 0",
  "1e9999",
  "v0",
  "v1[-1]",
  "m00",
  "2019/20",
  "2019/21",
  "9999/00",
  "within ",
  "known ",
  "check c9: ",
  "scenario s0 { v0 = 1 }",
  "label ",
  "decimals 99",
  "\u202e",
  "\u200b",
  "\ufe0f",
  "\u0000",
  "\ud800",
  "\udc00",
  "é",
  "е", // Cyrillic
  "𝔁",
  "\ufeff",
];

export const fuzzMutation: fc.Arbitrary<FuzzMutation> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("delete" as const),
      at: fc.nat(),
      length: fc.integer({ min: 1, max: 24 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("insert" as const),
      at: fc.nat(),
      fragment: fc.constantFrom(...fragments),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant("swap-tokens" as const), a: fc.nat(), b: fc.nat() }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("code-unit" as const),
      at: fc.nat(),
      unit: fc.nat(0xffff),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant("duplicate-line" as const), at: fc.nat() }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("drop-line" as const), at: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant("swap-lines" as const), a: fc.nat(), b: fc.nat() }),
  },
);

export const fuzzStep: fc.Arbitrary<FuzzStep> = fc.oneof(
  { weight: 5, arbitrary: fuzzEdit.map((edit) => ({ kind: "edit" as const, edit })) },
  { weight: 4, arbitrary: fuzzMutation.map((mutation) => ({ kind: "break" as const, mutation })) },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom(null, "s0", "s1", "zz")
      .map((name) => ({ kind: "scenario" as const, name })),
  },
);

export const fuzzCase: fc.Arbitrary<FuzzCase> = fc.record({
  model: fuzzModel,
  steps: fc.array(fuzzStep, { minLength: 1, maxLength: FuzzShape.maxSteps }),
});

/** Cases whose steps only change openings, periods and dimensions, each printed whole. */
export const fuzzStructuralCase: fc.Arbitrary<FuzzCase> = fc.record({
  model: fuzzModel,
  steps: fc.array(
    structuralEdit.map((edit) => ({ kind: "edit" as const, edit })),
    { minLength: 1, maxLength: FuzzShape.maxSteps },
  ),
});

/** A function that checks clean: one plain-number parameter, a body of it and numbers. */
const validFunction: fc.Arbitrary<FuzzFunction> = fc.record({
  name: fc.constantFrom("f0", "f1", "f2"),
  params: fc.constant(["number"]),
  unit: fc.constantFrom("", "number"),
  body: fc.constantFrom("p0", "(p0 * 2)", "(p0 + 1)", "(p0 / 3)", "round(p0, 1)", "-p0", "f0(p0)"),
});

/**
 * Cases of a model whose lines call functions that check clean, and edits of those functions and
 * of the calls: the whole-pipeline fuzz meets few such by chance, and an edit of a function must
 * reach every line that calls it.
 */
export const fuzzFunctionCase: fc.Arbitrary<FuzzCase> = fc.record({
  model: fc
    .tuple(fuzzModel, fc.uniqueArray(validFunction, { selector: (f) => f.name, minLength: 1 }))
    .map(([m, functions]) => ({
      ...m,
      dims: [],
      scenarios: [],
      functions,
      lines: [
        { name: "v0", unit: "", body: { kind: "scalar" as const, value: "3" } },
        ...["f0", "f1", "f2"].map((f, i) => ({
          name: `v${i + 1}`,
          unit: "",
          body: { kind: "calc" as const, rules: [{ expr: `${f}(v${i}) + v0` }] },
        })),
      ],
    })),
  steps: fc.array(
    fc
      .oneof(
        { weight: 3, arbitrary: validFunction.map((fn) => ({ kind: "function" as const, fn })) },
        fc.record({ kind: fc.constant("drop-function" as const), at: fc.nat(2) }),
        fc.record({ kind: fc.constant("function" as const), fn: fuzzFunction }),
      )
      .map((edit) => ({ kind: "edit" as const, edit })),
    { minLength: 1, maxLength: FuzzShape.maxSteps },
  ),
});

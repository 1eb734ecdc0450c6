/**
 * fast-check arbitraries for the language: well-formed model ASTs (for the print/parse round trip)
 * and token soup (for the fuzz test). Generated ASTs carry dummy ids and spans; compare them with
 * `stripPositions`. Subexpressions are bracketed exactly where the printer would need brackets, so
 * a generated tree is one the parser can produce.
 */
import fc from "fast-check";
import type * as A from "../../src/lang/ast";
import { nodeId } from "../../src/lang/ast";
import { daysInMonth, isoText, serialOf } from "../../src/lang/dates";
import { binaryLevel } from "../../src/lang/print";
import { normalizeDecimal, shiftDecimal } from "../../src/lang/decimal-text";

const base = { id: nodeId(0), span: { from: 0, to: 0 } };

/** The language's reserved words, for names that avoid them and for token soup. */
const keywordList = [
  "model",
  "periods",
  "input",
  "dimension",
  "scenario",
  "check",
  "function",
  "by",
  "over",
  "table",
  "within",
  "known",
  "label",
  "source",
  "opening",
  "decimals",
  "if",
  "then",
  "else",
  "and",
  "or",
  "not",
  "true",
  "false",
  "per",
  "blank",
] as const;
const keywords: ReadonlySet<string> = new Set(keywordList);

/** A name that is not a keyword. */
export const nameArb = fc.stringMatching(/^[a-z_][a-z0-9_]{0,7}$/).filter((s) => !keywords.has(s));

const identArb: fc.Arbitrary<A.Ident> = nameArb.map((name) => ({ ...base, kind: "ident", name }));

const printable = fc.string({
  unit: fc.constantFrom(...Array.from("abc XYZ 019'\"\\#£%-,.:()é")),
  maxLength: 12,
});
const stringArb: fc.Arbitrary<A.StringLit> = printable.map((value) => ({
  ...base,
  kind: "string",
  value,
}));
const commentArb: fc.Arbitrary<A.Comment> = fc
  .string({ unit: fc.constantFrom(...Array.from("ab #£%-1 ")), maxLength: 10 })
  .map((t) => ({ ...base, kind: "comment", text: ` ${t}`.trimEnd() }));

const periodArb: fc.Arbitrary<A.PeriodLit> = fc
  .integer({ min: 2000, max: 2040 })
  .map((year) => ({ ...base, kind: "period", year }));

const digitsArb = fc
  .tuple(
    fc.nat({ max: 5_000_000 }),
    fc.option(fc.stringMatching(/^\d{0,2}[1-9]$/), { nil: undefined }),
  )
  .map(([whole, fraction]) =>
    normalizeDecimal(fraction === undefined ? String(whole) : `${whole}.${fraction}`),
  );

/** A non-negative number literal in any form, without a count unit (as in a table cell). */
const cellNumberArb: fc.Arbitrary<A.NumberLit> = fc
  .tuple(
    digitsArb,
    fc.constantFrom<A.NumberForm>("plain", "money", "percent"),
    fc.constantFrom<A.MoneyScale>("", "k", "m", "bn"),
  )
  .map(([digits, form, s]) => {
    const scale: A.MoneyScale = form === "money" ? s : "";
    const exp =
      form === "percent" ? -2 : scale === "k" ? 3 : scale === "m" ? 6 : scale === "bn" ? 9 : 0;
    return { ...base, kind: "number", form, scale, digits, value: shiftDecimal(digits, exp) };
  });

/** A date literal (`2018-05-04`) of a real day, its value the day's serial. */
const dateLitArb: fc.Arbitrary<A.NumberLit> = fc
  .tuple(
    fc.integer({ min: 1000, max: 9999 }),
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 1, max: 31 }),
  )
  .map(([year, month, d]) => {
    const day = Math.min(d, daysInMonth(year, month));
    const civil = { year, month, day };
    return {
      ...base,
      kind: "number" as const,
      form: "date" as const,
      scale: "" as const,
      digits: isoText(civil),
      value: String(serialOf(civil)),
    };
  });

/** A non-negative number literal in any form; a plain one may carry a count unit (`5 FTE`). */
export const numberArb: fc.Arbitrary<A.NumberLit> = fc.oneof(
  {
    weight: 12,
    arbitrary: fc
      .tuple(cellNumberArb, fc.option(identArb, { nil: undefined, freq: 4 }))
      .map(([n, count]) => (count === undefined || n.form !== "plain" ? n : { ...n, count })),
  },
  { weight: 1, arbitrary: dateLitArb },
);

/** The number of a `decimals N` clause: a whole number 0..10 (the generated models are valid). */
const decimalsArb: fc.Arbitrary<A.NumberLit> = fc
  .integer({ min: 0, max: 10 })
  .map(String)
  .map((digits) => ({ ...base, kind: "number", form: "plain", scale: "", digits, value: digits }));

const blankArb: fc.Arbitrary<A.BlankLit> = fc.constant({ ...base, kind: "blank" as const });

const negate = (n: A.NumberLit): A.NumberLit =>
  n.value === "0" || n.form === "date" ? n : { ...n, digits: `-${n.digits}`, value: `-${n.value}` };

/** A literal as a table cell takes it: possibly negative. */
const cellLiteralArb: fc.Arbitrary<A.NumberLit | A.StringLit> = fc.oneof(
  { weight: 1, arbitrary: stringArb },
  {
    weight: 12,
    arbitrary: fc.tuple(cellNumberArb, fc.boolean()).map(([n, neg]) => (neg ? negate(n) : n)),
  },
  { weight: 1, arbitrary: dateLitArb },
);

/** A literal as an input takes it: possibly negative, possibly with a count unit, or blank. */
const inputLiteralArb: fc.Arbitrary<A.InputLiteral> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.tuple(numberArb, fc.boolean()).map(([n, neg]) => (neg ? negate(n) : n)),
  },
  { weight: 1, arbitrary: blankArb },
  { weight: 1, arbitrary: stringArb },
);

const selectorArb: fc.Arbitrary<A.Selector> = fc.oneof(
  fc
    .integer({ min: -3, max: 3 })
    .filter((n) => n !== 0)
    .map((offset): A.Selector => ({ ...base, kind: "offset", offset })),
  periodArb.map((period): A.Selector => ({ ...base, kind: "at-period", period })),
  identArb.map((member): A.Selector => ({ ...base, kind: "member", member })),
);

const refArb: fc.Arbitrary<A.Expr> = fc
  .tuple(identArb, fc.array(selectorArb, { maxLength: 2 }))
  .map(([name, selectors]) => ({ ...base, kind: "ref", name, selectors }));

const atomArb: fc.Arbitrary<A.Expr> = fc.oneof(
  { weight: 3, arbitrary: numberArb },
  { weight: 1, arbitrary: stringArb },
  {
    weight: 1,
    arbitrary: fc.boolean().map((value): A.Expr => ({ ...base, kind: "boolean", value })),
  },
  { weight: 1, arbitrary: periodArb },
  { weight: 1, arbitrary: blankArb },
  { weight: 4, arbitrary: refArb },
);

function level(e: A.Expr): number {
  if (e.kind === "binary") return binaryLevel[e.op];
  if (e.kind === "within") return 4;
  if (e.kind === "unary") return e.op === "not" ? 3 : 7;
  return 9;
}

const fix = (e: A.Expr, min: number): A.Expr =>
  level(e) >= min ? e : { ...base, kind: "paren", inner: e };

const ops = Object.keys(binaryLevel) as A.BinaryOp[];
const comparisons = ops.filter((op) => binaryLevel[op] === 4);

/** Expressions the parser can produce, up to a small depth. */
export const exprArb: fc.Arbitrary<A.Expr> = fc.letrec<{ expr: A.Expr }>((tie) => ({
  expr: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    atomArb,
    fc
      .tuple(fc.constantFrom<A.UnaryOp>("-", "+", "not"), tie("expr"))
      .map(([op, operand]): A.Expr => ({
        ...base,
        kind: "unary",
        op,
        operand: fix(operand, op === "not" ? 3 : 7),
      })),
    fc.tuple(fc.constantFrom(...ops), tie("expr"), tie("expr")).map(([op, l, r]): A.Expr => {
      const lv = binaryLevel[op];
      if (op === "^") return { ...base, kind: "binary", op, left: fix(l, 9), right: fix(r, 7) };
      return {
        ...base,
        kind: "binary",
        op,
        left: fix(l, lv === 4 ? 5 : lv),
        right: fix(r, lv + 1),
      };
    }),
    fc.tuple(tie("expr"), tie("expr"), tie("expr")).map(([condition, then, otherwise]): A.Expr => ({
      ...base,
      kind: "conditional",
      condition,
      then,
      otherwise,
    })),
    fc
      .tuple(
        identArb,
        fc.array(tie("expr"), { maxLength: 3 }),
        fc.option(fc.option(identArb, { nil: undefined }), { nil: null }),
      )
      .map(([callee, args, over]): A.Expr => {
        const call: A.CallExpr = { ...base, kind: "call", callee, args };
        if (over === null || args.length === 0) return call;
        return {
          ...call,
          over: { ...base, kind: "over", ...(over === undefined ? {} : { dimension: over }) },
        };
      }),
    tie("expr").map((inner): A.Expr => ({ ...base, kind: "paren", inner })),
    fc
      .tuple(fc.constantFrom(...comparisons), tie("expr"), tie("expr"), tie("expr"))
      .map(([op, l, r, t]): A.Expr => ({
        ...base,
        kind: "within",
        op,
        left: fix(l, 5),
        right: fix(r, 5),
        tolerance: fix(t, 5),
      })),
  ),
})).expr;

const unitAtomArb: fc.Arbitrary<A.UnitAtom> = fc.oneof(
  fc
    .constantFrom<A.UnitAtom["scale"]>("", "000", "k", "m", "bn")
    .map((scale): A.UnitAtom => ({ ...base, kind: "unit-atom", name: "£", scale })),
  fc.constant<A.UnitAtom>({ ...base, kind: "unit-atom", name: "%", scale: "" }),
  nameArb.map((name): A.UnitAtom => ({ ...base, kind: "unit-atom", name, scale: "" })),
);

const unitArb: fc.Arbitrary<A.UnitExpr> = fc
  .tuple(
    fc.array(unitAtomArb, { minLength: 1, maxLength: 2 }),
    fc.array(unitAtomArb, { maxLength: 1 }),
  )
  .map(([numerator, denominator]) => ({ ...base, kind: "unit", numerator, denominator }));

const rangeArb: fc.Arbitrary<A.PeriodRange> = fc.oneof(
  periodArb.map((from): A.PeriodRange => ({ ...base, kind: "range", from, open: false })),
  periodArb.map((from): A.PeriodRange => ({ ...base, kind: "range", from, open: true })),
  fc.tuple(periodArb, periodArb).map(([a, b]): A.PeriodRange => ({
    ...base,
    kind: "range",
    from: a.year <= b.year ? a : b,
    to: a.year <= b.year ? b : a,
    open: true,
  })),
  periodArb.map((to): A.PeriodRange => ({ ...base, kind: "range", to, open: true })),
);

const opt = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> =>
  fc.option(arb, { nil: undefined });

/** Drops undefined fields, so optional fields are absent rather than undefined. */
type Loose<T> = { [K in keyof T]: T[K] | undefined };

function compact<T extends object>(o: Loose<T>): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

const periodInputValueArb: fc.Arbitrary<A.InputValue> = fc.oneof(
  inputLiteralArb.map((value): A.InputValue => ({ ...base, kind: "scalar", value })),
  fc
    .array(fc.tuple(rangeArb, inputLiteralArb, opt(commentArb)), { minLength: 1, maxLength: 3 })
    .map((rules): A.InputValue => ({
      ...base,
      kind: "series",
      rules: rules.map(([range, value, comment]) =>
        compact<A.InputRule>({ ...base, kind: "input-rule", range, value, comment }),
      ),
    })),
  fc
    .tuple(
      fc.array(periodArb, { minLength: 1, maxLength: 3 }),
      fc.boolean(),
      fc.array(identArb, { minLength: 1, maxLength: 3 }),
    )
    .chain(([header, named, members]) =>
      fc
        .tuple(
          ...members.map(() =>
            fc.tuple(
              fc.array(cellLiteralArb, { minLength: header.length, maxLength: header.length }),
              opt(commentArb),
            ),
          ),
        )
        .map((rows): A.InputValue => ({
          ...base,
          kind: "table",
          header,
          rows: (named ? rows : rows.slice(0, 1)).map(([cells, comment], i) =>
            compact({
              ...base,
              kind: "table-row" as const,
              cells,
              comment,
              member: named ? members[i] : undefined,
            }),
          ),
        })),
    ),
);

const memberTableArb: fc.Arbitrary<A.InputValue> = fc
  .tuple(
    fc.boolean(),
    fc.array(fc.tuple(identArb, cellLiteralArb, opt(commentArb)), { minLength: 1, maxLength: 3 }),
  )
  .map(([named, rows]): A.InputValue => ({
    ...base,
    kind: "member-table",
    header: { ...base, kind: "ident", name: "value" },
    rows: (named ? rows : rows.slice(0, 1)).map(([member, cell, comment]) =>
      compact({
        ...base,
        kind: "table-row" as const,
        cells: [cell],
        comment,
        member: named ? member : undefined,
      }),
    ),
  }));

const inputValueArb: fc.Arbitrary<A.InputValue> = fc.oneof(periodInputValueArb, memberTableArb);

const headArb = fc.record({ name: identArb, dimension: opt(identArb), unit: opt(unitArb) });

const declArb: fc.Arbitrary<A.Decl> = fc.oneof(
  fc
    .tuple(stringArb, opt(stringArb), opt(stringArb), opt(commentArb))
    .map(([title, label, source, comment]) =>
      compact<A.ModelDecl>({ ...base, kind: "model", title, label, source, comment }),
    ),
  fc
    .tuple(periodArb, periodArb, opt(stringArb))
    .map(([first, last, source]) =>
      compact<A.PeriodsDecl>({ ...base, kind: "periods", first, last, source }),
    ),
  fc
    .stringMatching(/^[A-Za-z][A-Za-z0-9 &]{0,10}[A-Za-z0-9]$/)
    .map((title): A.Decl => ({ ...base, kind: "section", title })),
  commentArb.map((comment): A.Decl => ({ ...base, kind: "comment-line", comment })),
  fc
    .tuple(
      identArb,
      fc.array(fc.tuple(identArb, opt(stringArb), opt(commentArb)), { minLength: 1, maxLength: 3 }),
      opt(stringArb),
    )
    .map(([name, members, label]) =>
      compact<A.DimensionDecl>({
        ...base,
        kind: "dimension",
        name,
        label,
        members: members.map(([n, l, c]) =>
          compact<A.MemberDecl>({ ...base, kind: "member-decl", name: n, label: l, comment: c }),
        ),
      }),
    ),
  fc
    .tuple(headArb, inputValueArb, opt(stringArb), opt(stringArb), opt(decimalsArb))
    .map(([head, value, label, source, decimals]) =>
      compact<A.InputDecl>({
        ...base,
        kind: "input",
        ...compact<{ name: A.Ident; dimension?: A.Ident; unit?: A.UnitExpr }>(head),
        value,
        label,
        source,
        decimals,
      }),
    ),
  fc
    .tuple(
      headArb,
      fc.oneof(
        fc.tuple(exprArb, opt(commentArb)).map(([expr, comment]) => ({
          rules: [{ ...base, kind: "rule" as const, expr }],
          comment,
        })),
        fc
          .array(fc.tuple(rangeArb, exprArb, opt(commentArb)), { minLength: 1, maxLength: 3 })
          .map((rules) => ({
            rules: rules.map(([range, expr, c]) =>
              compact<A.Rule>({ ...base, kind: "rule", range, expr, comment: c }),
            ),
            comment: undefined,
          })),
      ),
      opt(inputLiteralArb),
      opt(stringArb),
      opt(decimalsArb),
    )
    .map(([head, body, opening, label, decimals]): A.Decl =>
      compact<A.CalcDecl>({
        ...base,
        kind: "calc",
        ...compact<{ name: A.Ident; dimension?: A.Ident; unit?: A.UnitExpr }>(head),
        rules: body.rules,
        comment: body.comment,
        opening,
        label,
        decimals,
      }),
    ),
  fc
    .tuple(
      identArb,
      fc.array(fc.tuple(identArb, opt(unitArb)), { maxLength: 3 }),
      opt(unitArb),
      exprArb,
      opt(stringArb),
      opt(commentArb),
    )
    .map(([name, params, unit, body, label, comment]) =>
      compact<A.FunctionDecl>({
        ...base,
        kind: "function",
        name,
        params: params.map(([n, u]) =>
          compact<A.ParamDecl>({ ...base, kind: "param", name: n, unit: u }),
        ),
        unit,
        body,
        label,
        comment,
      }),
    ),
  fc
    .tuple(identArb, opt(stringArb), fc.array(fc.tuple(identArb, inputValueArb), { maxLength: 2 }))
    .map(([name, label, overrides]) =>
      compact<A.ScenarioDecl>({
        ...base,
        kind: "scenario",
        name,
        label,
        overrides: overrides.map(([n, value]) => ({
          ...base,
          kind: "override" as const,
          name: n,
          value,
        })),
      }),
    ),
  fc
    .tuple(
      fc.tuple(opt(identArb), opt(rangeArb)),
      exprArb,
      opt(fc.tuple(fc.constantFrom(...comparisons), exprArb, numberArb)),
      opt(stringArb),
      opt(stringArb),
      opt(commentArb),
    )
    .map(([[name, range], e, within, label, known, comment]) =>
      compact<A.CheckDecl>({
        ...base,
        kind: "check",
        name,
        range,
        // A tolerance on the whole check goes with a comparison; a `within` expression on its
        // own would be read as that, so it is bracketed.
        expr:
          within !== undefined
            ? { ...base, kind: "binary", op: within[0], left: fix(e, 5), right: fix(within[1], 5) }
            : e.kind === "within"
              ? { ...base, kind: "paren", inner: e }
              : e,
        tolerance: within?.[2],
        label,
        known,
        comment,
      }),
    ),
);

/** A model of up to eight declarations. */
export const modelArb: fc.Arbitrary<A.ModelAst> = fc
  .array(declArb, { maxLength: 8 })
  .map((decls) => ({ ...base, kind: "model-file", decls }));

/** Removes ids and spans (deeply), for comparing trees from different parses. */
export function stripPositions(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripPositions);
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (k === "id" || k === "span" || v === undefined) continue;
    out[k] = stripPositions(v);
  }
  return out;
}

const fragments = [
  ...keywordList,
  "x",
  "band_d",
  "Inсome",
  "2019/20",
  "2019/21",
  "..",
  "£4.5m",
  "£000",
  "£",
  "£m",
  "2.99%",
  "246,841",
  "(4,000)",
  "-",
  "+",
  "*",
  "/",
  "^",
  "=",
  "<>",
  "<=",
  "≥",
  "≈",
  "(",
  ")",
  "[",
  "]",
  "{",
  "}",
  ",",
  ":",
  "|",
  "%",
  '"s"',
  '"',
  "#c",
  "## S",
  "\n",
  "\n  ",
  "  ",
  "\t",
  "\u202e",
  "\u0000",
  "é",
  "𝔁",
  "1",
  "0.5",
];

/** Random sequences of Precept tokens and junk, joined by spaces or nothing. */
export const tokenSoupArb: fc.Arbitrary<string> = fc
  .array(fc.tuple(fc.constantFrom(...fragments), fc.constantFrom("", " ", "\n")), { maxLength: 80 })
  .map((parts) => parts.map(([a, b]) => a + b).join(""));

/**
 * Turns the Chevrotain CST of one declaration into AST nodes. Parts missing after error recovery
 * become `error-expr` / `error-decl` nodes; the parser already reported why.
 */
import type { CstElement, CstNode, IToken } from "chevrotain";
import { makeSpan } from "../../base";
import type { Span } from "../../base";
import type * as A from "../ast";
import { isoText, monthOfName, serialOf, type CivilDate } from "../dates";
import { Money } from "./tokens";
import { nodeId } from "../ast";
import { groupThousands, normalizeDecimal, negateDecimal, shiftDecimal } from "../decimal-text";
import { makeDiagnostic } from "../diagnostics";
import type { Diagnostic } from "../diagnostics";

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const isToken = (e: CstElement): e is IToken => "image" in e;
const present = (t: IToken): boolean =>
  !Number.isNaN(t.startOffset) && t.isInsertedInRecovery !== true;

function tokensOf(node: CstNode, key: string): IToken[] {
  return (node.children[key] ?? []).filter(isToken).filter(present);
}

function nodesOf(node: CstNode, key: string): CstNode[] {
  return (node.children[key] ?? []).filter((e): e is CstNode => !isToken(e));
}

function tokenOf(node: CstNode, key: string): IToken | undefined {
  return tokensOf(node, key)[0];
}

function nodeOf(node: CstNode, key: string): CstNode | undefined {
  return nodesOf(node, key)[0];
}

/** Builds AST nodes with ids unique within one parse. */
export class AstBuilder {
  private nextId = 1;
  readonly diagnostics: Diagnostic[] = [];
  /** The span of the declaration being converted: the fallback for recovered parts. */
  fallback: Span = makeSpan(0, 0);
  private readonly trailing = new Map<number, IToken>();
  private readonly lineStarts: number[] = [0];

  /** `text` is the model text; `comments` are the lexer's comment tokens that end a line. */
  constructor(text: string, comments: readonly IToken[]) {
    for (let i = 0; i < text.length; i++) if (text[i] === "\n") this.lineStarts.push(i + 1);
    for (const c of comments) this.trailing.set(this.lineOf(c.startOffset), c);
  }

  /** The zero-based line of an offset. */
  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.lineStarts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Takes the comment that ends the line on which `span` ends, if there is one. */
  takeComment(span: Span): A.Comment | undefined {
    const line = this.lineOf(Math.max(span.from, span.to - 1));
    const t = this.trailing.get(line);
    if (t === undefined || t.startOffset < span.to) return undefined;
    this.trailing.delete(line);
    return {
      kind: "comment",
      id: this.id(),
      span: this.tokenSpan(t),
      text: t.image.slice(1).trimEnd(),
    };
  }

  /** Takes every comment left on lines `span` covers, joined into one. */
  takeCommentsWithin(span: Span): A.Comment | undefined {
    const first = this.lineOf(span.from);
    const last = this.lineOf(Math.max(span.from, span.to - 1));
    const found: IToken[] = [];
    for (let line = first; line <= last; line++) {
      const t = this.trailing.get(line);
      if (t !== undefined && t.startOffset >= span.from) {
        found.push(t);
        this.trailing.delete(line);
      }
    }
    const head = found[0];
    const tail = found[found.length - 1];
    if (head === undefined || tail === undefined) return undefined;
    const text = found.map((t) => t.image.slice(1).trim()).join(" ");
    return {
      kind: "comment",
      id: this.id(),
      span: makeSpan(head.startOffset, tail.startOffset + tail.image.length),
      text: found.length === 1 ? head.image.slice(1).trimEnd() : ` ${text}`,
    };
  }

  /** A fresh node id. */
  id(): A.NodeId {
    return nodeId(this.nextId++);
  }

  /** The span of a token. */
  tokenSpan(t: IToken): Span {
    return makeSpan(t.startOffset, t.startOffset + t.image.length);
  }

  /** The span of a CST node, or the fallback when recovery left it without a location. */
  nodeSpan(n: CstNode | undefined): Span {
    const loc = n?.location;
    if (
      loc === undefined ||
      Number.isNaN(loc.startOffset) ||
      loc.endOffset === undefined ||
      Number.isNaN(loc.endOffset)
    ) {
      return this.fallback;
    }
    return makeSpan(loc.startOffset, loc.endOffset + 1);
  }

  /** An error expression covering `span`. */
  errorExpr(span: Span = this.fallback): A.ErrorExpr {
    return { kind: "error-expr", id: this.id(), span };
  }

  ident(t: IToken): A.Ident {
    return {
      kind: "ident",
      id: this.id(),
      span: this.tokenSpan(t),
      name: t.image.normalize("NFC"),
    };
  }

  /** A name being declared: a dot is for a record's columns only (P1033). */
  declaredName(t: IToken): A.Ident {
    const ident = this.ident(t);
    if (ident.name.includes(".")) {
      this.report("P1033", ident.span, {
        name: ident.name,
        suggestion: ident.name.replaceAll(".", "_"),
      });
    }
    return ident;
  }

  string(t: IToken): A.StringLit {
    // Reads up to the closing quote (absent in an unterminated string). `\"` is a quote and
    // `\\` a backslash; any other backslash is itself, so `"C:\files"` means what it shows.
    let value = "";
    for (let i = 1; i < t.image.length; i++) {
      const c = t.image[i];
      if (c === '"') break;
      const next = t.image[i + 1];
      if (c === "\\" && (next === '"' || next === "\\")) {
        i++;
        value += next;
      } else value += c ?? "";
    }
    return {
      kind: "string",
      id: this.id(),
      span: this.tokenSpan(t),
      value: value.normalize("NFC"),
    };
  }

  period(t: IToken): A.PeriodLit {
    return {
      kind: "period",
      id: this.id(),
      span: this.tokenSpan(t),
      year: Number(t.image.slice(0, 4)),
    };
  }

  /** A number, money, percent, scale-unit or date token as a literal. */
  number(t: IToken, negative = false, span: Span = this.tokenSpan(t)): A.NumberLit {
    const image = t.image;
    const type = t.tokenType.name;
    if (type === "Date" || type === "OtherDate") return this.date(t, negative, span);
    if (type === "SignAfterPound") {
      // `£-22.11m` is -£22.11m: said so (P1032), and read as that, so that checking goes on.
      const written = `£${image.slice(2)}`;
      this.report("P1032", span, { text: image, fix: `-${written}` });
      return this.number({ ...t, image: written, tokenType: Money }, !negative, span);
    }
    let form: A.NumberForm = "plain";
    let scale: A.MoneyScale = "";
    let digits = image;
    let exponent = 0;
    if (image.startsWith("£")) {
      form = "money";
      const bare = t.tokenType.name === "PoundUnit";
      const m = /^£([\d,.]*?)(bn|k|m)?$/.exec(image);
      const written = bare ? "" : (m?.[1] ?? "");
      const suffix = bare ? image.slice(1) : (m?.[2] ?? "");
      // A bare scale (`£000`, `£m`) in a formula means one of that unit: round(x, £000).
      digits = written === "" ? "1" : written;
      scale =
        suffix === "000" ? "k" : suffix === "bn" || suffix === "k" || suffix === "m" ? suffix : "";
      exponent = scale === "k" ? 3 : scale === "m" ? 6 : scale === "bn" ? 9 : 0;
    } else if (image.endsWith("%")) {
      form = "percent";
      digits = image.slice(0, -1);
      exponent = -2;
    }
    digits = normalizeDecimal(digits);
    const magnitude = shiftDecimal(digits, exponent);
    return {
      kind: "number",
      id: this.id(),
      span,
      form,
      scale,
      digits: negative ? negateDecimal(digits) : digits,
      value: negative ? negateDecimal(magnitude) : magnitude,
    };
  }

  /**
   * A date literal: `2018-05-04`, its value the date's serial (dates.ts). A date written another
   * way (`4 May 2018`, `4-May-18`, `04/05/2018`) is refused with the literal to write (P1031), a
   * day that does not exist with P1030; either still gives a date, so that checking goes on.
   */
  private date(t: IToken, negative: boolean, span: Span): A.NumberLit {
    const civil = t.tokenType.name === "Date" ? isoParts(t.image) : otherDateParts(t.image);
    const serial = civil === undefined ? undefined : serialOf(civil);
    if (civil === undefined || serial === undefined) {
      this.report("P1030", span, { text: t.image });
    } else if (t.tokenType.name === "OtherDate") {
      this.report("P1031", span, { text: t.image, iso: isoText(civil) });
    }
    if (negative) this.report("P1030", span, { text: `-${t.image}` });
    return {
      kind: "number",
      id: this.id(),
      span,
      form: "date",
      scale: "",
      digits: civil === undefined || serial === undefined ? t.image : isoText(civil),
      value: String(serial ?? 0),
    };
  }

  report(
    code: Parameters<typeof makeDiagnostic>[0],
    span: Span,
    args: Parameters<typeof makeDiagnostic>[2] = {},
  ): void {
    this.diagnostics.push(makeDiagnostic(code, span, args));
  }
}

/** The parts of `2018-05-04`. */
function isoParts(image: string): CivilDate | undefined {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(image);
  if (m === null) return undefined;
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

/**
 * The parts of a date written as papers print it: `4 May 2018`, `4-May-18` (a two-digit year in
 * 1950 to 2049) or `04/05/2018` (day, month, year, as UK papers write it).
 */
function otherDateParts(image: string): CivilDate | undefined {
  const slash = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(image);
  if (slash !== null) {
    return { year: Number(slash[3]), month: Number(slash[2]), day: Number(slash[1]) };
  }
  const m = /^(\d{1,2})[\s-]+([\p{L}]+)[\s-]+(\d{2,4})$/u.exec(image);
  const month = m === null ? undefined : monthOfName(m[2] ?? "");
  if (m === null || month === undefined) return undefined;
  const written = Number(m[3]);
  const year =
    (m[3] ?? "").length === 2 ? (written < 50 ? 2000 + written : 1900 + written) : written;
  return { year, month, day: Number(m[1]) };
}

/** Converts one declaration's CST. */
export function convertDeclaration(b: AstBuilder, cst: CstNode): A.Decl {
  const span = b.fallback;
  const section = tokenOf(cst, "Section");
  if (section !== undefined) {
    return {
      kind: "section",
      id: b.id(),
      span: b.tokenSpan(section),
      title: section.image.slice(2).trim(),
    };
  }
  const model = nodeOf(cst, "modelDecl");
  if (model !== undefined) return convertModel(b, model, span);
  const periods = nodeOf(cst, "periodsDecl");
  if (periods !== undefined) return convertPeriods(b, periods, span);
  const dimension = nodeOf(cst, "dimensionDecl");
  if (dimension !== undefined) return convertDimension(b, dimension, span);
  const input = nodeOf(cst, "inputDecl");
  if (input !== undefined) return convertInput(b, input, span);
  const calc = nodeOf(cst, "calcDecl");
  if (calc !== undefined) return convertCalc(b, calc, span);
  const scenario = nodeOf(cst, "scenarioDecl");
  if (scenario !== undefined) return convertScenario(b, scenario, span);
  const check = nodeOf(cst, "checkDecl");
  if (check !== undefined) return convertCheck(b, check, span);
  const fn = nodeOf(cst, "functionDecl");
  if (fn !== undefined) return convertFunction(b, fn, span);
  return { kind: "error-decl", id: b.id(), span };
}

interface RawClauses {
  label?: A.StringLit;
  source?: A.StringLit;
  known?: A.StringLit;
  opening?: A.Expr;
  decimals?: A.NumberLit;
}

type ClauseName = keyof RawClauses;

/** The most decimals a `decimals N` clause may ask for. */
export const maxDisplayDecimals = 10;

/** The places a `decimals N` clause asks for, or undefined when N is not a whole number 0..10. */
export function clauseDecimals(lit: A.NumberLit): number | undefined {
  if (!/^\d+$/.test(lit.value)) return undefined;
  const n = Number(lit.value);
  return n <= maxDisplayDecimals ? n : undefined;
}

/** Reads the clauses, reporting duplicates and clauses not allowed on `what`. */
function convertClauses(
  b: AstBuilder,
  parent: CstNode,
  allowed: readonly ClauseName[],
  what: string,
  hint: string,
): RawClauses {
  const out: RawClauses = {};
  const clauses = nodeOf(parent, "clauses");
  if (clauses === undefined) return out;
  for (const clause of nodesOf(clauses, "clause")) {
    const keyword =
      tokenOf(clause, "Label") ??
      tokenOf(clause, "Source") ??
      tokenOf(clause, "Known") ??
      tokenOf(clause, "Opening") ??
      tokenOf(clause, "Decimals");
    if (keyword === undefined) continue;
    const name = keyword.image as ClauseName;
    const span = b.nodeSpan(clause);
    if (!allowed.includes(name)) {
      b.report("P1013", span, { clause: name, what, hint });
      continue;
    }
    if (out[name] !== undefined) {
      b.report("P1012", span, { clause: name });
      continue;
    }
    if (name === "decimals") {
      const num = tokenOf(clause, "Number");
      if (num === undefined) continue;
      const lit = b.number(num);
      if (clauseDecimals(lit) === undefined)
        b.report("P1019", b.tokenSpan(num), { text: num.image, max: maxDisplayDecimals });
      out.decimals = lit;
    } else if (name === "opening") {
      const e = nodeOf(clause, "expression");
      out.opening = e === undefined ? b.errorExpr(span) : convertExpression(b, e);
    } else {
      const str = tokenOf(clause, "String");
      if (str !== undefined) out[name] = b.string(str);
    }
  }
  return out;
}

function withClauses<T extends object>(
  node: T,
  clauses: RawClauses,
  keys: readonly ClauseName[],
): T {
  const out = node as unknown as Record<string, unknown>;
  for (const key of keys) {
    const value = clauses[key];
    if (value !== undefined) out[key] = value;
  }
  return node;
}

function convertModel(b: AstBuilder, n: CstNode, span: Span): A.Decl {
  const title = tokenOf(n, "String");
  if (title === undefined) return { kind: "error-decl", id: b.id(), span };
  const clauses = convertClauses(
    b,
    n,
    ["source", "label"],
    "the model line",
    "Use 'source \"...\"'.",
  );
  const decl: A.ModelDecl = { kind: "model", id: b.id(), span, title: b.string(title) };
  return withClauses(decl, clauses, ["source", "label"]);
}

function convertPeriods(b: AstBuilder, n: CstNode, span: Span): A.Decl {
  const [first, last] = tokensOf(n, "Period");
  if (first === undefined || last === undefined) return { kind: "error-decl", id: b.id(), span };
  const clauses = convertClauses(
    b,
    n,
    ["source"],
    "the periods line",
    "Put the model's source here or on the model line.",
  );
  const decl: A.PeriodsDecl = {
    kind: "periods",
    id: b.id(),
    span,
    first: b.period(first),
    last: b.period(last),
  };
  return withClauses(decl, clauses, ["source"]);
}

function convertDimension(b: AstBuilder, n: CstNode, span: Span): A.Decl {
  const name = tokenOf(n, "Identifier");
  if (name === undefined) return { kind: "error-decl", id: b.id(), span };
  const members: A.MemberDecl[] = [];
  for (const m of nodesOf(n, "memberDecl")) {
    const memberName = tokenOf(m, "Identifier");
    if (memberName === undefined) continue;
    const label = tokenOf(m, "String");
    const member: Mutable<A.MemberDecl> = {
      kind: "member-decl",
      id: b.id(),
      span: b.nodeSpan(m),
      name: b.declaredName(memberName),
    };
    if (label !== undefined) member.label = b.string(label);
    const comment = b.takeComment(member.span);
    if (comment !== undefined) member.comment = comment;
    members.push(member);
  }
  const clauses = convertClauses(
    b,
    n,
    ["label", "source"],
    "a dimension",
    "Use 'label' or 'source'.",
  );
  const decl: A.DimensionDecl = {
    kind: "dimension",
    id: b.id(),
    span,
    name: b.declaredName(name),
    members,
  };
  return withClauses(decl, clauses, ["label", "source"]);
}

interface Head {
  name: A.Ident;
  dimension?: A.Ident;
  unit?: A.UnitExpr;
}

function convertHead(b: AstBuilder, n: CstNode | undefined): Head | undefined {
  if (n === undefined) return undefined;
  const [name, dimension, ...others] = tokensOf(n, "Identifier");
  if (name === undefined) return undefined;
  const head: Head = { name: b.declaredName(name) };
  if (dimension !== undefined) head.dimension = b.ident(dimension);
  const comma = tokenOf(n, "Comma");
  const last = others[others.length - 1];
  if (dimension !== undefined && comma !== undefined && last !== undefined) {
    b.report("P1021", makeSpan(b.tokenSpan(comma).from, b.tokenSpan(last).to), {
      name: name.image,
      dimensions: `${[dimension, ...others.slice(0, -1)].map((t) => t.image).join("', '")}' and '${last.image}`,
    });
  }
  const unit = nodeOf(n, "unitDecl");
  if (unit !== undefined) head.unit = convertUnit(b, unit);
  return head;
}

function convertUnit(b: AstBuilder, n: CstNode): A.UnitExpr {
  const atoms = nodesOf(n, "unitAtom").map((a) => ({ node: a, span: b.nodeSpan(a) }));
  const operators = [...tokensOf(n, "Star"), ...tokensOf(n, "Slash"), ...tokensOf(n, "Per")].sort(
    (x, y) => x.startOffset - y.startOffset,
  );
  const numerator: A.UnitAtom[] = [];
  const denominator: A.UnitAtom[] = [];
  atoms.forEach((atom, i) => {
    const t =
      tokenOf(atom.node, "PoundUnit") ??
      tokenOf(atom.node, "PercentSign") ??
      tokenOf(atom.node, "Identifier");
    if (t === undefined) return;
    let name = t.image.normalize("NFC");
    let scale: A.UnitAtom["scale"] = "";
    if (name.startsWith("£")) {
      const suffix = name.slice(1);
      scale = suffix === "000" || suffix === "k" || suffix === "m" || suffix === "bn" ? suffix : "";
      name = "£";
    }
    const atomNode: A.UnitAtom = { kind: "unit-atom", id: b.id(), span: atom.span, name, scale };
    const op = i === 0 ? undefined : operators[i - 1];
    if (op === undefined || op.image === "*" || op.image === "×") numerator.push(atomNode);
    else denominator.push(atomNode);
  });
  return { kind: "unit", id: b.id(), span: b.nodeSpan(n), numerator, denominator };
}

/**
 * An input literal: a number, `-number`, or `(number)` read as a negative. Else P1011 (an input's
 * value) or P1020 (a calculation's opening value).
 */
function toInputLiteral(
  b: AstBuilder,
  e: A.Expr,
  itemName: string,
  code: "P1011" | "P1020" = "P1011",
): A.InputLiteral {
  if (e.kind === "number" || e.kind === "error-expr" || e.kind === "blank" || e.kind === "string")
    return e;
  const negated = e.kind === "unary" ? e.operand : e.kind === "paren" ? e.inner : undefined;
  if (negated?.kind === "number" && negated.form === "date") {
    b.report("P1030", e.span, {
      text: e.kind === "unary" ? `-${negated.digits}` : `(${negated.digits})`,
    });
    return b.errorExpr(e.span);
  }
  // `2.5e-3`: the exponent was refused already (P1022); do not also call it a formula.
  if (e.kind === "binary" && e.left.kind === "error-expr") return e.left;
  if (e.kind === "unary" && e.op === "-" && e.operand.kind === "number") {
    return {
      ...e.operand,
      span: e.span,
      digits: negateDecimal(e.operand.digits),
      value: negateDecimal(e.operand.value),
    };
  }
  if (e.kind === "paren" && e.inner.kind === "number" && !e.inner.value.startsWith("-")) {
    return {
      ...e.inner,
      span: e.span,
      digits: negateDecimal(e.inner.digits),
      value: negateDecimal(e.inner.value),
    };
  }
  b.report(code, e.span, { name: itemName });
  return b.errorExpr(e.span);
}

/** The text of a bad table cell, from its tokens: `n/a`, `to be confirmed`. */
function badCellText(n: CstNode): string {
  const tokens = Object.values(n.children)
    .flat()
    .filter((c): c is IToken => "image" in c)
    .sort((x, y) => x.startOffset - y.startOffset);
  let text = "";
  let end = -1;
  for (const t of tokens) {
    text += (end >= 0 && t.startOffset > end ? " " : "") + t.image;
    end = t.startOffset + t.image.length;
  }
  return text;
}

function convertCell(b: AstBuilder, cell: CstNode): A.InputLiteral {
  const blank = tokenOf(cell, "Blank");
  if (blank !== undefined) return { kind: "blank", id: b.id(), span: b.tokenSpan(blank) };
  const text = tokenOf(cell, "String");
  if (text !== undefined) return b.string(text);
  const bad = nodeOf(cell, "badCell");
  if (bad !== undefined) {
    const span = b.nodeSpan(bad);
    b.report("P1003", span, {
      expected: "a number, a text in quotes, or 'blank' for no value,",
      found: `'${badCellText(bad)}'`,
    });
    return b.errorExpr(span);
  }
  const signed = nodeOf(cell, "signedNumber");
  const t =
    signed === undefined
      ? undefined
      : (tokenOf(signed, "Number") ??
        tokenOf(signed, "Money") ??
        tokenOf(signed, "Percent") ??
        tokenOf(signed, "Date") ??
        tokenOf(signed, "OtherDate") ??
        tokenOf(signed, "SignAfterPound"));
  if (signed === undefined || t === undefined) return b.errorExpr(b.nodeSpan(cell));
  const minus = tokenOf(signed, "Minus") !== undefined;
  const bracketed = tokenOf(cell, "LParen") !== undefined;
  return b.number(t, minus !== bracketed, b.nodeSpan(cell));
}

function convertInputValue(b: AstBuilder, n: CstNode | undefined, itemName: string): A.InputValue {
  const span = b.nodeSpan(n);
  if (n === undefined) return { kind: "scalar", id: b.id(), span, value: b.errorExpr(span) };
  const table = nodeOf(n, "table");
  if (table !== undefined) {
    const header = tokensOf(table, "Period").map((t) => b.period(t));
    const named = nodesOf(table, "recordColumn");
    // `table value` (one word, no unit) is one value per member; other names are columns.
    const only = named.length === 1 ? named[0] : undefined;
    const word =
      only !== undefined && nodeOf(only, "unitDecl") === undefined
        ? tokenOf(only, "Identifier")
        : undefined;
    const valueWord = word?.image === "value" ? word : undefined;
    const expected =
      named.length === 0 ? header.length : valueWord !== undefined ? 1 : named.length;
    const rows = nodesOf(table, "tableRow").map((row): A.TableRow => {
      const member = tokenOf(row, "Identifier");
      const cells = nodesOf(row, "cell").map((c) => convertCell(b, c));
      const out: Mutable<A.TableRow> = {
        kind: "table-row",
        id: b.id(),
        span: b.nodeSpan(row),
        cells,
      };
      if (member !== undefined) out.member = b.ident(member);
      const comment = b.takeComment(out.span);
      if (comment !== undefined) out.comment = comment;
      if (cells.length !== expected && expected > 0) {
        b.report("P1015", out.span, { found: cells.length, expected });
      }
      return out;
    });
    if (valueWord !== undefined) {
      return {
        kind: "member-table",
        id: b.id(),
        span: b.nodeSpan(table),
        header: b.ident(valueWord),
        rows,
      };
    }
    if (named.length > 0) {
      const columns = named.flatMap((c): A.RecordColumn[] => {
        const t = tokenOf(c, "Identifier");
        if (t === undefined) return [];
        const out: Mutable<A.RecordColumn> = {
          kind: "record-column",
          id: b.id(),
          span: b.nodeSpan(c),
          name: b.declaredName(t),
        };
        const unit = nodeOf(c, "unitDecl");
        if (unit !== undefined) out.unit = convertUnit(b, unit);
        return [out];
      });
      return { kind: "record", id: b.id(), span: b.nodeSpan(table), header: columns, rows };
    }
    return { kind: "table", id: b.id(), span: b.nodeSpan(table), header, rows };
  }
  const rules = nodesOf(n, "rule");
  if (rules.length > 0) {
    const converted = rules.map((r): A.InputRule => {
      const rule = convertRule(b, r);
      const out: Mutable<A.InputRule> = {
        kind: "input-rule",
        id: rule.id,
        span: rule.span,
        range: rule.range ?? { kind: "range", id: b.id(), span: rule.span, open: false },
        value: toInputLiteral(b, rule.expr, itemName),
      };
      if (rule.comment !== undefined) out.comment = rule.comment;
      return out;
    });
    return { kind: "series", id: b.id(), span, rules: converted };
  }
  const e = nodeOf(n, "expression");
  const value =
    e === undefined ? b.errorExpr(span) : toInputLiteral(b, convertExpression(b, e), itemName);
  return { kind: "scalar", id: b.id(), span, value };
}

function convertInput(b: AstBuilder, n: CstNode, span: Span): A.Decl {
  const head = convertHead(b, nodeOf(n, "itemHead"));
  if (head === undefined) return { kind: "error-decl", id: b.id(), span };
  const value = convertInputValue(b, nodeOf(n, "inputValue"), head.name.name);
  const clauses = convertClauses(
    b,
    n,
    ["label", "source", "decimals"],
    "an input",
    "Only calculations take 'opening'.",
  );
  const decl: A.InputDecl = { kind: "input", id: b.id(), span, ...head, value };
  return withClauses(decl, clauses, ["label", "source", "decimals"]);
}

function convertRange(b: AstBuilder, n: CstNode): A.PeriodRange | undefined {
  const periods = tokensOf(n, "Period");
  const range = tokenOf(n, "Range");
  const first = periods[0];
  if (first === undefined) return undefined;
  const out: Mutable<A.PeriodRange> = {
    kind: "range",
    id: b.id(),
    span: b.nodeSpan(n),
    open: range !== undefined,
  };
  if (range !== undefined && range.startOffset < first.startOffset) {
    out.to = b.period(first);
  } else {
    out.from = b.period(first);
    const second = periods[1];
    if (second !== undefined) out.to = b.period(second);
  }
  if (out.from !== undefined && out.to !== undefined && out.from.year > out.to.year) {
    b.report("P1016", out.span, { from: periodLabel(out.from.year), to: periodLabel(out.to.year) });
  }
  return out;
}

/** "2019/20" for 2019. */
export function periodLabel(year: number): string {
  return `${year}/${String((year + 1) % 100).padStart(2, "0")}`;
}

function convertRule(b: AstBuilder, n: CstNode): A.Rule {
  const rangeNode = nodeOf(n, "periodRange");
  const range = rangeNode === undefined ? undefined : convertRange(b, rangeNode);
  const e = nodeOf(n, "expression");
  const rule: Mutable<A.Rule> = {
    kind: "rule",
    id: b.id(),
    span: b.nodeSpan(n),
    expr: e === undefined ? b.errorExpr(b.nodeSpan(n)) : convertExpression(b, e),
  };
  if (range !== undefined) rule.range = range;
  const comment = b.takeComment(rule.span);
  if (comment !== undefined) rule.comment = comment;
  return rule;
}

function convertCalc(b: AstBuilder, n: CstNode, span: Span): A.Decl {
  const head = convertHead(b, nodeOf(n, "itemHead"));
  if (head === undefined) return { kind: "error-decl", id: b.id(), span };
  const ruleNodes = nodesOf(n, "rule");
  let rules: A.Rule[];
  if (ruleNodes.length > 0) {
    rules = ruleNodes.map((r) => convertRule(b, r));
  } else {
    const e = nodeOf(n, "expression");
    const expr = e === undefined ? b.errorExpr(span) : convertExpression(b, e);
    rules = [{ kind: "rule", id: b.id(), span: expr.span, expr }];
  }
  const clauses = convertClauses(
    b,
    n,
    ["label", "source", "opening", "decimals"],
    "a calculation",
    "",
  );
  const decl: Mutable<A.CalcDecl> = { kind: "calc", id: b.id(), span, ...head, rules };
  withClauses(decl, clauses, ["label", "source", "decimals"]);
  if (clauses.opening !== undefined)
    decl.opening = toInputLiteral(b, clauses.opening, head.name.name, "P1020");
  return decl;
}

function convertScenario(b: AstBuilder, n: CstNode, span: Span): A.Decl {
  const name = tokenOf(n, "Identifier");
  if (name === undefined) return { kind: "error-decl", id: b.id(), span };
  const label = tokenOf(n, "String");
  const overrides = nodesOf(n, "override").flatMap((o): A.Override[] => {
    const target = tokenOf(o, "Identifier");
    if (target === undefined) return [];
    const override: Mutable<A.Override> = {
      kind: "override",
      id: b.id(),
      span: b.nodeSpan(o),
      name: b.ident(target),
      value: convertInputValue(b, nodeOf(o, "inputValue"), target.image),
    };
    const comment = b.takeComment(override.span);
    if (comment !== undefined) override.comment = comment;
    return [override];
  });
  const decl: Mutable<A.ScenarioDecl> = {
    kind: "scenario",
    id: b.id(),
    span,
    name: b.declaredName(name),
    overrides,
  };
  if (label !== undefined) decl.label = b.string(label);
  return decl;
}

function convertCheck(b: AstBuilder, n: CstNode, span: Span): A.Decl {
  const name = tokenOf(n, "Identifier");
  const rangeNode = nodeOf(n, "periodRange");
  const e = nodeOf(n, "expression");
  const expr = e === undefined ? b.errorExpr(span) : convertExpression(b, e);
  const decl: Mutable<A.CheckDecl> = { kind: "check", id: b.id(), span, expr };
  // A tolerance on the whole check is kept apart, so a failure can report both sides.
  if (expr.kind === "within") {
    decl.expr = {
      kind: "binary",
      id: b.id(),
      span: makeSpan(expr.left.span.from, expr.right.span.to),
      op: expr.op,
      left: expr.left,
      right: expr.right,
    };
    decl.tolerance = expr.tolerance;
  }
  if (name !== undefined) decl.name = b.declaredName(name);
  const range = rangeNode === undefined ? undefined : convertRange(b, rangeNode);
  if (range !== undefined) decl.range = range;
  const clauses = convertClauses(b, n, ["label", "known"], "a check", "Use 'label' or 'known'.");
  return withClauses(decl, clauses, ["label", "known"]);
}

function convertFunction(b: AstBuilder, n: CstNode, span: Span): A.Decl {
  const name = tokenOf(n, "Identifier");
  if (name === undefined) return { kind: "error-decl", id: b.id(), span };
  const params = nodesOf(n, "param").flatMap((p): A.ParamDecl[] => {
    const id = tokenOf(p, "Identifier");
    if (id === undefined) return [];
    const param: Mutable<A.ParamDecl> = {
      kind: "param",
      id: b.id(),
      span: b.nodeSpan(p),
      name: b.declaredName(id),
    };
    const unit = nodeOf(p, "unitDecl");
    if (unit !== undefined) param.unit = convertUnit(b, unit);
    return [param];
  });
  const e = nodeOf(n, "expression");
  const body = e === undefined ? b.errorExpr(span) : convertExpression(b, e);
  const decl: Mutable<A.FunctionDecl> = {
    kind: "function",
    id: b.id(),
    span,
    name: b.declaredName(name),
    params,
    body,
  };
  const unit = nodeOf(n, "unitDecl");
  if (unit !== undefined) decl.unit = convertUnit(b, unit);
  const clauses = convertClauses(b, n, ["label"], "a function", "Use 'label'.");
  return withClauses(decl, clauses, ["label"]);
}

// Expressions ---------------------------------------------------------------------------------

const binaryOps: Readonly<Record<string, A.BinaryOp>> = {
  Plus: "+",
  Minus: "-",
  Star: "*",
  Slash: "/",
  Caret: "^",
  Equals: "=",
  Approx: "=",
  NotEq: "<>",
  Less: "<",
  LessEq: "<=",
  Greater: ">",
  GreaterEq: ">=",
  And: "and",
  Or: "or",
};

/** Left-folds `operand (op operand)*`, taking operators in source order. */
function foldLeft(
  b: AstBuilder,
  n: CstNode,
  operandKey: string,
  opKeys: readonly string[],
  convert: (c: CstNode) => A.Expr,
  limit = Infinity,
): A.Expr {
  const operands = nodesOf(n, operandKey).slice(0, limit).map(convert);
  const ops = opKeys
    .flatMap((key) => tokensOf(n, key).map((t) => ({ t, op: binaryOps[key] ?? "+" })))
    .sort((x, y) => x.t.startOffset - y.t.startOffset);
  let left = operands[0] ?? b.errorExpr(b.nodeSpan(n));
  for (let i = 1; i < operands.length; i++) {
    const right = operands[i] ?? b.errorExpr(b.nodeSpan(n));
    const op = ops[i - 1]?.op ?? "+";
    left = {
      kind: "binary",
      id: b.id(),
      span: makeSpan(left.span.from, right.span.to),
      op,
      left,
      right,
    };
  }
  return left;
}

/** Converts an `expression` CST node. */
export function convertExpression(b: AstBuilder, n: CstNode): A.Expr {
  return foldLeft(b, n, "andExpr", ["Or"], (c) =>
    foldLeft(b, c, "notExpr", ["And"], (d) => convertNot(b, d)),
  );
}

function convertNot(b: AstBuilder, n: CstNode): A.Expr {
  const not = tokenOf(n, "Not");
  if (not !== undefined) {
    const inner = nodeOf(n, "notExpr");
    const operand = inner === undefined ? b.errorExpr(b.nodeSpan(n)) : convertNot(b, inner);
    return {
      kind: "unary",
      id: b.id(),
      span: makeSpan(not.startOffset, operand.span.to),
      op: "not",
      operand,
    };
  }
  const comparison = nodeOf(n, "comparison");
  if (comparison === undefined) return b.errorExpr(b.nodeSpan(n));
  const compared = foldLeft(
    b,
    comparison,
    "additive",
    ["Equals", "Approx", "NotEq", "Less", "LessEq", "Greater", "GreaterEq"],
    (c) =>
      foldLeft(b, c, "multiplicative", ["Plus", "Minus"], (d) =>
        foldLeft(b, d, "unary", ["Star", "Slash"], (e) => convertUnary(b, e)),
      ),
    2,
  );
  const tolerance = nodesOf(comparison, "additive")[2];
  if (tokenOf(comparison, "Within") === undefined || tolerance === undefined) return compared;
  if (compared.kind !== "binary") return compared;
  const tol = foldLeft(b, tolerance, "multiplicative", ["Plus", "Minus"], (d) =>
    foldLeft(b, d, "unary", ["Star", "Slash"], (e) => convertUnary(b, e)),
  );
  return {
    kind: "within",
    id: b.id(),
    span: makeSpan(compared.span.from, tol.span.to),
    op: compared.op,
    left: compared.left,
    right: compared.right,
    tolerance: tol,
  };
}

function convertUnary(b: AstBuilder, n: CstNode): A.Expr {
  const sign = tokenOf(n, "Minus") ?? tokenOf(n, "Plus");
  if (sign !== undefined) {
    const inner = nodeOf(n, "unary");
    const operand = inner === undefined ? b.errorExpr(b.nodeSpan(n)) : convertUnary(b, inner);
    const op: A.UnaryOp = sign.tokenType.name === "Minus" ? "-" : "+";
    return {
      kind: "unary",
      id: b.id(),
      span: makeSpan(sign.startOffset, operand.span.to),
      op,
      operand,
    };
  }
  const power = nodeOf(n, "power");
  if (power === undefined) return b.errorExpr(b.nodeSpan(n));
  const primary = nodeOf(power, "primary");
  const base = primary === undefined ? b.errorExpr(b.nodeSpan(power)) : convertPrimary(b, primary);
  if (tokenOf(power, "Caret") === undefined) return base;
  const exponentNode = nodeOf(power, "unary");
  const exponent =
    exponentNode === undefined ? b.errorExpr(b.nodeSpan(power)) : convertUnary(b, exponentNode);
  return {
    kind: "binary",
    id: b.id(),
    span: makeSpan(base.span.from, exponent.span.to),
    op: "^",
    left: base,
    right: exponent,
  };
}

/** The largest exponent whose number P1022 writes out in full as an example. */
const ExponentExample = { maxDigits: 12 } as const;

/**
 * `2.5e3` lexes as the number 2.5 and the count word `e3`: refuse it (P1022) rather than read a
 * count of "e3". Only an `e` word written right after the digits counts; `2.5 e3` is a count.
 */
function exponentNotation(b: AstBuilder, literal: IToken, word: IToken): A.Expr | undefined {
  const m = /^[eE](\d*)$/.exec(word.image);
  if (m === null || word.startOffset !== literal.startOffset + literal.image.length)
    return undefined;
  const span = makeSpan(b.tokenSpan(literal).from, b.tokenSpan(word).to);
  const power = m[1] === undefined || m[1] === "" ? undefined : Number(m[1]);
  const value = b.number(literal).value;
  const example =
    power !== undefined && power <= ExponentExample.maxDigits && !value.startsWith("-")
      ? `${literal.image.startsWith("£") ? "£" : ""}${groupThousands(shiftDecimal(value, power))}`
      : "2,500 for 2.5e3, or with a scale such as £2.5m";
  b.report("P1022", span, { text: `${literal.image}${word.image}`, example });
  return b.errorExpr(span);
}

function convertPrimary(b: AstBuilder, n: CstNode): A.Expr {
  const literal =
    tokenOf(n, "Number") ??
    tokenOf(n, "Money") ??
    tokenOf(n, "Percent") ??
    tokenOf(n, "PoundUnit") ??
    tokenOf(n, "Date") ??
    tokenOf(n, "OtherDate") ??
    tokenOf(n, "SignAfterPound");
  if (literal !== undefined) {
    const count = tokenOf(n, "Identifier");
    if (count === undefined) return b.number(literal);
    const span = makeSpan(literal.startOffset, count.startOffset + count.image.length);
    const exponent = exponentNotation(b, literal, count);
    if (exponent !== undefined) return exponent;
    return { ...b.number(literal, false, span), count: b.ident(count) };
  }
  const blank = tokenOf(n, "Blank");
  if (blank !== undefined) return { kind: "blank", id: b.id(), span: b.tokenSpan(blank) };
  const str = tokenOf(n, "String");
  if (str !== undefined) return b.string(str);
  const bool = tokenOf(n, "True") ?? tokenOf(n, "False");
  if (bool !== undefined)
    return { kind: "boolean", id: b.id(), span: b.tokenSpan(bool), value: bool.image === "true" };
  const period = tokenOf(n, "Period");
  if (period !== undefined) return b.period(period);
  const ifNode = nodeOf(n, "ifExpr");
  if (ifNode !== undefined) return convertIf(b, ifNode);
  const ref = nodeOf(n, "reference");
  if (ref !== undefined) return convertReference(b, ref);
  const paren = nodeOf(n, "parenthesised");
  if (paren !== undefined) {
    const inner = nodeOf(paren, "expression");
    return {
      kind: "paren",
      id: b.id(),
      span: b.nodeSpan(paren),
      inner: inner === undefined ? b.errorExpr(b.nodeSpan(paren)) : convertExpression(b, inner),
    };
  }
  return b.errorExpr(b.nodeSpan(n));
}

function convertIf(b: AstBuilder, n: CstNode): A.Expr {
  const parts = nodesOf(n, "expression").map((e) => convertExpression(b, e));
  const span = b.nodeSpan(n);
  const [condition, then, otherwise] = parts;
  if (condition === undefined || then === undefined || otherwise === undefined) {
    if (parts.length > 0) b.report("P1014", span);
    return b.errorExpr(span);
  }
  return { kind: "conditional", id: b.id(), span, condition, then, otherwise };
}

function convertReference(b: AstBuilder, n: CstNode): A.Expr {
  const nameToken = tokenOf(n, "Identifier");
  if (nameToken === undefined) return b.errorExpr(b.nodeSpan(n));
  const name = b.ident(nameToken);
  const args = nodeOf(n, "callArgs");
  if (args !== undefined) {
    const call: Mutable<A.CallExpr> = {
      kind: "call",
      id: b.id(),
      span: b.nodeSpan(n),
      callee: name,
      args: nodesOf(args, "expression").map((e) => convertExpression(b, e)),
    };
    const over = tokenOf(args, "Over");
    if (over !== undefined) {
      const dim = tokenOf(args, "Identifier");
      const target = dim ?? tokenOf(args, "Periods");
      const overClause: Mutable<A.OverClause> = {
        kind: "over",
        id: b.id(),
        span: makeSpan(
          over.startOffset,
          target === undefined ? over.startOffset + 4 : target.startOffset + target.image.length,
        ),
      };
      if (dim !== undefined) overClause.dimension = b.ident(dim);
      call.over = overClause;
    }
    return call;
  }
  const selectorsNode = nodeOf(n, "selectors");
  const selectors: A.Selector[] = [];
  if (selectorsNode !== undefined) {
    for (const s of nodesOf(selectorsNode, "selector")) {
      const span = b.nodeSpan(s);
      const num = tokenOf(s, "Number");
      const period = tokenOf(s, "Period");
      const member = tokenOf(s, "Identifier");
      if (num !== undefined) {
        const negative = tokenOf(s, "Minus") !== undefined;
        const magnitude = Number(num.image.replace(/,/g, ""));
        if (!Number.isInteger(magnitude)) {
          b.report("P1003", span, {
            expected: "a whole number of periods such as -1",
            found: `'${num.image}'`,
          });
          continue;
        }
        selectors.push({
          kind: "offset",
          id: b.id(),
          span,
          offset: negative ? -magnitude : magnitude,
        });
      } else if (period !== undefined) {
        selectors.push({ kind: "at-period", id: b.id(), span, period: b.period(period) });
      } else if (member !== undefined) {
        selectors.push({ kind: "member", id: b.id(), span, member: b.ident(member) });
      }
    }
  }
  return { kind: "ref", id: b.id(), span: b.nodeSpan(n), name, selectors };
}

/**
 * Model text → AST. Lexes, splits into declarations, refuses over-deep ones before parsing, parses
 * each declaration on its own (so an error stays on its line) and converts the CST to the AST.
 */
import type { IRecognitionException, IToken } from "chevrotain";
import { makeSpan } from "../../base";
import type { Span } from "../../base";
import type * as A from "../ast";
import { makeDiagnostic, sortDiagnostics } from "../diagnostics";
import type { Diagnostic } from "../diagnostics";
import { AstBuilder, convertDeclaration } from "./cst-to-ast";
import { lexModel } from "./lexer";
import { parseDeclarationTokens } from "./parser";
import { recordColumns } from "./records";
import { measureDeclaration, splitDeclarations } from "./statements";

/** The result of parsing: a tree (with error nodes where the text is broken) and diagnostics. */
export interface ParseResult {
  readonly ast: A.ModelAst;
  readonly diagnostics: Diagnostic[];
}

/** Friendly names of tokens, for "Expected ... but found ...". */
const tokenNames: Readonly<Record<string, string>> = {
  Identifier: "a name",
  Period: "a financial year such as 2019/20",
  Number: "a number",
  Money: "an amount such as £4.5m",
  Percent: "a percentage",
  String: "a quoted string",
  Newline: "a new line",
  Range: "'..'",
  Equals: "'='",
  LParen: "'('",
  RParen: "')'",
  LBracket: "'['",
  RBracket: "']'",
  LBrace: "'{'",
  RBrace: "'}'",
  Comma: "','",
  Colon: "':'",
  Pipe: "'|'",
  Then: "'then'",
  Else: "'else'",
  Table: "'table'",
  PoundUnit: "a unit such as £m",
};

/** What the parser was trying to read, by rule, for messages. */
const ruleNames: Readonly<Record<string, string>> = {
  declaration: "a declaration (input, a calculation, check, dimension, scenario, model or periods)",
  expression: "a value or formula",
  primary: "a value or formula",
  unary: "a value or formula",
  power: "a value or formula",
  inputValue: "a value, a '| year : value' list or a table",
  periodRange: "a financial year such as 2019/20",
  selector: "-1, a financial year or a member name",
  unitAtom: "a unit such as £m, % or properties",
  cell: "a number",
  signedNumber: "a number",
  clause: "label, source, known, opening or decimals",
  memberDecl: "a member name",
};

function describeFound(token: IToken): string {
  if (token.tokenType.name === "EOF" || Number.isNaN(token.startOffset))
    return "the end of the line";
  if (token.tokenType.name === "Newline") return "a new line";
  return `'${token.image}'`;
}

function describeExpected(error: IRecognitionException): string {
  const mismatch = /--> (\w+) <--/.exec(error.message);
  if (error.name === "MismatchedTokenException" && mismatch?.[1] !== undefined) {
    return tokenNames[mismatch[1]] ?? `'${mismatch[1].toLowerCase()}'`;
  }
  if (error.name === "NotAllInputParsedException") return "the end of the line";
  const stack = error.context.ruleStack;
  for (let i = stack.length - 1; i >= 0; i--) {
    const name = ruleNames[stack[i] ?? ""];
    if (name !== undefined) return name;
  }
  return "something else";
}

function declarationSpan(tokens: readonly IToken[]): Span {
  const first = tokens[0];
  const last = tokens[tokens.length - 1];
  if (first === undefined || last === undefined) return makeSpan(0, 0);
  return makeSpan(first.startOffset, last.startOffset + last.image.length);
}

/** Where a parse error is: its token, or the end of the declaration when input ran out. */
function errorSpan(error: IRecognitionException, declaration: Span): Span {
  const t = error.token;
  if (Number.isNaN(t.startOffset) || t.tokenType.name === "EOF") {
    return makeSpan(declaration.to, declaration.to);
  }
  return makeSpan(t.startOffset, t.startOffset + t.image.length);
}

/** Parses model text into an AST. Never throws on user input. */
export function parseModel(text: string): ParseResult {
  const lexed = lexModel(text);
  const diagnostics: Diagnostic[] = [...lexed.diagnostics];
  const b = new AstBuilder(text, lexed.comments);
  const decls: A.Decl[] = [];
  const rootId = b.id();
  for (const tokens of splitDeclarations(lexed.tokens)) {
    const span = declarationSpan(tokens);
    b.fallback = span;
    const tooBig = measureDeclaration(tokens);
    if (tooBig !== undefined) {
      diagnostics.push(tooBig);
      decls.push({ kind: "error-decl", id: b.id(), span });
      continue;
    }
    const { cst, errors } = parseDeclarationTokens(tokens);
    const first = errors[0];
    if (first !== undefined) {
      diagnostics.push(
        makeDiagnostic("P1003", errorSpan(first, span), {
          expected: describeExpected(first),
          found: describeFound(first.token),
        }),
      );
    }
    const decl = attachDeclComment(b, convertDeclaration(b, cst));
    if (decl.kind === "input" && decl.value.kind === "record")
      decls.push(...recordColumns(b, decl));
    else decls.push(decl);
  }
  diagnostics.push(...b.diagnostics);
  const withComments = mergeCommentLines(b, decls, lexed.comments);
  return {
    ast: { kind: "model-file", id: rootId, span: makeSpan(0, text.length), decls: withComments },
    diagnostics: sortDiagnostics(diagnostics),
  };
}

function attachDeclComment(b: AstBuilder, decl: A.Decl): A.Decl {
  if (decl.kind === "section" || decl.kind === "comment-line" || decl.kind === "error-decl")
    return decl;
  const comment = b.takeCommentsWithin(decl.span);
  if (comment === undefined) return decl;
  return { ...decl, comment };
}

/** Comments no declaration took become comment lines, in source order among the declarations. */
function mergeCommentLines(
  b: AstBuilder,
  decls: readonly A.Decl[],
  comments: readonly IToken[],
): A.Decl[] {
  const taken = new Set<number>();
  const collect = (c: A.Comment | undefined): void => {
    if (c !== undefined) taken.add(c.span.from);
  };
  for (const d of decls) collectComments(d, collect);
  const loose = comments
    .filter((c) => !taken.has(c.startOffset))
    .map((c): A.CommentDecl => ({
      kind: "comment-line",
      id: b.id(),
      span: makeSpan(c.startOffset, c.startOffset + c.image.length),
      comment: {
        kind: "comment",
        id: b.id(),
        span: makeSpan(c.startOffset, c.startOffset + c.image.length),
        text: c.image.slice(1).trimEnd(),
      },
    }));
  if (loose.length === 0) return [...decls];
  const out: A.Decl[] = [];
  let i = 0;
  for (const d of decls) {
    while (i < loose.length && (loose[i]?.span.from ?? 0) < d.span.from)
      out.push(loose[i++] as A.Decl);
    out.push(d);
  }
  while (i < loose.length) out.push(loose[i++] as A.Decl);
  return out;
}

function collectComments(decl: A.Decl, visit: (c: A.Comment | undefined) => void): void {
  if ("comment" in decl) visit(decl.comment);
  switch (decl.kind) {
    case "dimension":
      for (const m of decl.members) visit(m.comment);
      return;
    case "calc":
      for (const r of decl.rules) visit(r.comment);
      return;
    case "input":
      // A record's later columns share column 0's rows; their comments are column 0's.
      if (decl.record === undefined || decl.record.index === 0)
        visitValueComments(decl.value, visit);
      return;
    case "scenario":
      for (const o of decl.overrides) {
        visit(o.comment);
        visitValueComments(o.value, visit);
      }
      return;
    case "check":
    case "function":
    case "comment-line":
    case "error-decl":
    case "model":
    case "periods":
    case "section":
      return;
  }
}

function visitValueComments(value: A.InputValue, visit: (c: A.Comment | undefined) => void): void {
  if (value.kind === "series") for (const r of value.rules) visit(r.comment);
  if (value.kind === "table" || value.kind === "member-table" || value.kind === "record")
    for (const r of value.rows) visit(r.comment);
}

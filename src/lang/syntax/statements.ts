/**
 * Splits the significant tokens into one list per declaration and measures each one before it is
 * parsed, so that pathological nesting is refused with a diagnostic before the parser recurses.
 */
import type { IToken, TokenType } from "chevrotain";
import { makeSpan } from "../../base";
import { makeDiagnostic } from "../diagnostics";
import type { Diagnostic } from "../diagnostics";
import { Limits } from "../limits";
import { tokenSpan } from "./lexer";
import * as T from "./tokens";

/** Tokens that may start a table cell. */
const cellStart = new Set<TokenType>([
  T.NumberTok,
  T.Money,
  T.Percent,
  T.DateTok,
  T.OtherDate,
  T.SignAfterPound,
  T.StringTok,
  T.Minus,
  T.LParen,
  T.Blank,
]);

/** True when the tokens from `i` look like a table row: `name 1,851 ...` or `1,851 ...`. */
function looksLikeRow(tokens: readonly IToken[], i: number): boolean {
  const first = tokens[i]?.tokenType;
  if (first === undefined) return false;
  if (first === T.LParen)
    return (
      tokens[i + 1]?.tokenType !== undefined && cellStart.has(tokens[i + 1]?.tokenType ?? T.Comma)
    );
  if (cellStart.has(first)) return true;
  if (first !== T.Identifier) return false;
  const second = tokens[i + 1]?.tokenType;
  // `b  n/a  4`: a member and a cell that is not a value (no declaration starts with two names).
  if (second === T.Identifier) return true;
  if (second === T.LParen) {
    const third = tokens[i + 2]?.tokenType;
    return third === T.NumberTok || third === T.Money || third === T.Minus;
  }
  return second !== undefined && second !== T.LParen && cellStart.has(second);
}

/**
 * Splits at line ends outside `{ }`, keeping the line ends between the rows of a `table`.
 * Each returned list has no leading or trailing newline.
 */
export function splitDeclarations(tokens: readonly IToken[]): IToken[][] {
  const out: IToken[][] = [];
  let current: IToken[] = [];
  let braces = 0;
  let inTable = false;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token === undefined) continue;
    const type = token.tokenType;
    if (type === T.LBrace) braces++;
    else if (type === T.RBrace && braces > 0) braces--;
    else if (type === T.Table) inTable = true;
    if (type === T.Newline && braces === 0) {
      if (inTable && looksLikeRow(tokens, i + 1)) {
        current.push(token);
        continue;
      }
      if (current.length > 0) out.push(current);
      current = [];
      inTable = false;
      continue;
    }
    current.push(token);
  }
  if (current.length > 0) out.push(current);
  return out;
}

const prefixContext = new Set<TokenType>([
  ...T.binaryOperatorTokens,
  T.LParen,
  T.LBracket,
  T.Comma,
  T.Colon,
  T.Not,
  T.If,
  T.Then,
  T.Else,
  T.Within,
  T.Opening,
]);

/**
 * Checks a declaration's nesting (brackets, prefix operators, `if`, `^`: each is a level of parser
 * recursion) and size. Returns a diagnostic when a limit is passed, or undefined.
 */
export function measureDeclaration(tokens: readonly IToken[]): Diagnostic | undefined {
  // extra[level]: recursion added inside the current bracket level by prefix operators, `if`
  // and `^`; a comma starts a new argument and resets it.
  const extra: number[] = [0];
  let operations = 0;
  let previous: TokenType | undefined;
  for (const token of tokens) {
    const type = token.tokenType;
    const level = extra.length - 1;
    if (type === T.LParen || type === T.LBracket) {
      extra.push(0);
      operations++;
    } else if (type === T.RParen || type === T.RBracket) {
      if (extra.length > 1) extra.pop();
    } else if (type === T.Comma || type === T.Newline || type === T.Pipe) {
      extra[level] = 0;
    } else if (
      type === T.If ||
      type === T.Caret ||
      type === T.Not ||
      ((type === T.Minus || type === T.Plus) &&
        (previous === undefined || prefixContext.has(previous)))
    ) {
      extra[level] = (extra[level] ?? 0) + 1;
    }
    if (T.binaryOperatorTokens.includes(type)) operations++;
    let depth = extra.length - 1;
    for (const e of extra) depth += e;
    if (depth > Limits.maxNesting) {
      return makeDiagnostic("P1005", tokenSpan(token), { limit: Limits.maxNesting });
    }
    if (operations > Limits.maxOperations) {
      const first = tokens[0];
      return makeDiagnostic(
        "P1009",
        makeSpan(first?.startOffset ?? 0, token.startOffset + token.image.length),
        { size: operations, limit: Limits.maxOperations },
      );
    }
    previous = type;
  }
  return undefined;
}

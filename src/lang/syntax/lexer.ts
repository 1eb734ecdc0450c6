/**
 * Lexing with the defences untrusted text needs: a size limit, refusal of bidi controls, checks
 * on names, and the newline rules that decide where a declaration ends (grammar/README.md,
 * "Line ends"). The result is split into one token list per declaration, so that one broken line
 * never spoils the next and the parser's recursion depth is bounded before it starts.
 */
import type { IToken, TokenType } from "chevrotain";
import { makeSpan } from "../../base";
import { makeDiagnostic } from "../diagnostics";
import type { Diagnostic } from "../diagnostics";
import { Limits } from "../limits";
import { firstInvisible, invisibleName, mixedScripts, onlyInvisible } from "../names";
import * as T from "./tokens";

/** The lexer's output: significant tokens (with the newlines that matter), comments, diagnostics. */
export interface LexResult {
  readonly tokens: readonly IToken[];
  readonly comments: readonly IToken[];
  readonly diagnostics: Diagnostic[];
}

const bidiControls = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Token types after which a line end does not end the declaration. */
const continuesAfter = new Set<TokenType>([
  ...T.binaryOperatorTokens,
  T.Comma,
  T.LParen,
  T.LBracket,
  T.LBrace,
  T.Colon,
  T.Pipe,
  T.Range,
  T.Table,
  T.Not,
  T.If,
  T.Then,
  T.Else,
  T.Within,
  T.Label,
  T.Source,
  T.Known,
  T.Opening,
  T.Decimals,
  T.By,
  T.Over,
  T.Per,
]);

/** Token types that, first on a line, continue the previous line's declaration. */
const continuesBefore = new Set<TokenType>([
  ...T.binaryOperatorTokens,
  T.Pipe,
  T.Then,
  T.Else,
  T.Within,
  T.Label,
  T.Source,
  T.Known,
  T.Opening,
  T.Decimals,
  T.Over,
  T.RParen,
  T.RBracket,
  T.RBrace,
  T.Range,
  T.Comma,
  T.Table,
  T.By,
  T.Per,
  T.Colon,
]);

const isBidi = (c: string): boolean => /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/.test(c);

/** Lexes model text. Never throws. */
export function lexModel(source: string): LexResult {
  const diagnostics: Diagnostic[] = [];
  if (source.length > Limits.maxFileChars) {
    diagnostics.push(
      makeDiagnostic("P1006", makeSpan(0, 0), { size: source.length, limit: Limits.maxFileChars }),
    );
    return { tokens: [], comments: [], diagnostics };
  }
  // Bidi controls are blanked out (same length, so offsets stay valid) and reported.
  const text = source.replace(bidiControls, (c, offset: number) => {
    diagnostics.push(
      makeDiagnostic("P1008", makeSpan(offset, offset + 1), {
        hex: c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0"),
      }),
    );
    return " ";
  });
  const lexed = T.preceptLexer.tokenize(text);
  for (const error of lexed.errors) {
    const char = text.slice(error.offset, error.offset + error.length);
    const invisible = firstInvisible(char);
    if (invisible !== undefined && onlyInvisible(char)) {
      // Zero-width and other invisible characters between tokens: say what they are (P1025).
      const at = error.offset + invisible.offset;
      diagnostics.push(
        makeDiagnostic("P1025", makeSpan(at, at + invisible.char.length), {
          hex: invisible.hex,
          what: invisibleName(invisible.char),
          where: "",
        }),
      );
      continue;
    }
    diagnostics.push(
      makeDiagnostic("P1001", makeSpan(error.offset, error.offset + error.length), {
        char: isBidi(char) ? "?" : char,
      }),
    );
  }
  const raw: IToken[] = [];
  for (const token of lexed.tokens) {
    raw.push(checkToken(token, diagnostics));
  }
  return {
    tokens: significantTokens(raw),
    comments: lexed.groups["comments"] ?? [],
    diagnostics,
  };
}

/** Reports problems in one token; an unterminated string becomes a string so parsing goes on. */
function checkToken(token: IToken, diagnostics: Diagnostic[]): IToken {
  const span = tokenSpan(token);
  if (
    (token.tokenType === T.StringTok || token.tokenType === T.UnterminatedString) &&
    token.image.length > Limits.maxTextLength
  ) {
    diagnostics.push(
      makeDiagnostic("P1024", span, { length: token.image.length, limit: Limits.maxTextLength }),
    );
  }
  switch (token.tokenType) {
    case T.UnterminatedString:
      diagnostics.push(makeDiagnostic("P1002", span));
      return { ...token, tokenType: T.StringTok, tokenTypeIdx: T.StringTok.tokenTypeIdx ?? 0 };
    case T.PeriodTok: {
      const start = Number(token.image.slice(0, 4));
      if ((start + 1) % 100 !== Number(token.image.slice(5, 7))) {
        diagnostics.push(makeDiagnostic("P1004", span, { text: token.image }));
      }
      return token;
    }
    case T.Identifier: {
      if (token.image.length > Limits.maxNameLength) {
        diagnostics.push(
          makeDiagnostic("P1007", span, {
            length: token.image.length,
            limit: Limits.maxNameLength,
          }),
        );
      }
      const invisible = firstInvisible(token.image);
      if (invisible !== undefined) {
        const at = span.from + invisible.offset;
        diagnostics.push(
          makeDiagnostic("P1025", makeSpan(at, at + invisible.char.length), {
            hex: invisible.hex,
            what: invisibleName(invisible.char),
            where: ` in the name '${token.image}'`,
          }),
        );
      }
      const scripts = mixedScripts(token.image);
      if (scripts.length > 1) {
        diagnostics.push(
          makeDiagnostic("P1010", span, { name: token.image, scripts: scripts.join(" and ") }),
        );
      }
      return token;
    }
    default:
      return token;
  }
}

/** The UTF-16 span of a token. */
export function tokenSpan(token: IToken): { from: number; to: number } {
  return makeSpan(token.startOffset, token.startOffset + token.image.length);
}

/**
 * Keeps only the newlines that end something (grammar/README.md, "Line ends"). A line that starts
 * with a token no declaration can start with (`|`, an operator, `label`, `)`) continues the one
 * above. Otherwise an indented line (or one inside `{ }`) continues it when the line above left
 * something open: a bracket, or a trailing operator, `=` or `,`. An unindented line outside
 * `{ }` always starts a new declaration, so a half-typed line never swallows the next one.
 */
function significantTokens(raw: readonly IToken[]): IToken[] {
  const out: IToken[] = [];
  // next[i]: the first token after i that is not a newline.
  const next: (IToken | undefined)[] = new Array<IToken | undefined>(raw.length);
  let following: IToken | undefined;
  for (let i = raw.length - 1; i >= 0; i--) {
    next[i] = following;
    const token = raw[i];
    if (token !== undefined && token.tokenType !== T.Newline) following = token;
  }
  let depth = 0;
  let braces = 0;
  for (let i = 0; i < raw.length; i++) {
    const token = raw[i];
    if (token === undefined) continue;
    const type = token.tokenType;
    if (type === T.LParen || type === T.LBracket) depth++;
    else if ((type === T.RParen || type === T.RBracket) && depth > 0) depth--;
    else if (type === T.LBrace) braces++;
    else if (type === T.RBrace && braces > 0) braces--;
    if (type !== T.Newline) {
      out.push(token);
      continue;
    }
    const previous = out[out.length - 1];
    const after = next[i];
    if (previous === undefined || previous.tokenType === T.Newline || after === undefined) continue;
    if (continuesBefore.has(after.tokenType)) continue;
    const indented = (after.startColumn ?? 1) > 1;
    if ((indented || braces > 0) && (depth > 0 || continuesAfter.has(previous.tokenType))) continue;
    if (braces === 0) depth = 0;
    out.push(token);
  }
  return out;
}

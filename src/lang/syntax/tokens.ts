/**
 * The one ordered token table of the Precept lexer. Order matters: keywords come before
 * `Identifier` (each with `longer_alt: Identifier`, so `periodsx` is a name), multi-character
 * operators before their prefixes, and `PoundUnit` (`£000`, `£m`) before `Money` (`£4.5m`).
 * The lexical grammar is in grammar/formula.ebnf.
 */
import { createToken, Lexer } from "chevrotain";
import type { CustomPatternMatcherFunc, TokenType } from "chevrotain";
import { monthPattern } from "../dates";

/**
 * Letters of any script, then letters, digits, marks and underscores. Invisible characters
 * (Unicode's default-ignorable code points: variation selectors, zero-width joiners, U+034F) are
 * taken into the name, so that the lexer can refuse the name whole (P1025) rather than read a
 * name that looks like another one. A dot between two names makes one qualified name:
 * `deposits.principal`, a column of a record table (a dot the declarations may not use, P1033).
 */
const identifierPattern =
  /[\p{L}_][\p{L}\p{N}\p{M}\p{Default_Ignorable_Code_Point}_]*(?:\.[\p{L}_][\p{L}\p{N}\p{M}\p{Default_Ignorable_Code_Point}_]*)*/uy;

const matchIdentifier: CustomPatternMatcherFunc = (text, offset) => {
  identifierPattern.lastIndex = offset;
  return identifierPattern.exec(text);
};

/** `##` starts a section heading only as the first thing on a line; elsewhere it is a comment. */
const matchSection: CustomPatternMatcherFunc = (text, offset) => {
  if (!text.startsWith("##", offset)) return null;
  for (let i = offset - 1; i >= 0; i--) {
    const c = text[i];
    if (c === "\n") break;
    if (c !== " " && c !== "\t" && c !== "\r") return null;
  }
  const end = text.indexOf("\n", offset);
  const match: [string] = [text.slice(offset, end < 0 ? text.length : end).replace(/\r$/, "")];
  return match;
};

/**
 * What a name may start with, for the lexer's first-character dispatch: ASCII letters, `_`, and
 * every code unit above ASCII (a letter of another script, or the first half of a surrogate pair;
 * the matcher decides). Without a hint for every token, Chevrotain tries each token's pattern at
 * every position (issue 16, P16: the lexer was 40% of a 1 MB parse).
 */
const codes = (from: number, to: number): number[] =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);
const nameStarts: readonly number[] = [
  ...codes(65, 90), // A-Z
  ...codes(97, 122), // a-z
  95, // _
  ...codes(0x80, 0xffff),
];

/** Names: line items, dimensions, members, functions, count units. */
export const Identifier = createToken({
  name: "Identifier",
  pattern: { exec: matchIdentifier },
  line_breaks: false,
  start_chars_hint: [...nameStarts],
});

const keyword = (word: string, name: string): TokenType =>
  createToken({ name, pattern: new RegExp(word), longer_alt: Identifier });

/** Keywords, each also a valid prefix of longer names. */
export const Model = keyword("model", "Model");
export const Periods = keyword("periods", "Periods");
export const Input = keyword("input", "Input");
export const Dimension = keyword("dimension", "Dimension");
export const Scenario = keyword("scenario", "Scenario");
export const Check = keyword("check", "Check");
export const Function = keyword("function", "Function");
export const By = keyword("by", "By");
export const Over = keyword("over", "Over");
export const Table = keyword("table", "Table");
export const Within = keyword("within", "Within");
export const Known = keyword("known", "Known");
export const Label = keyword("label", "Label");
export const Source = keyword("source", "Source");
export const Opening = keyword("opening", "Opening");
export const Decimals = keyword("decimals", "Decimals");
export const If = keyword("if", "If");
export const Then = keyword("then", "Then");
export const Else = keyword("else", "Else");
export const And = keyword("and", "And");
export const Or = keyword("or", "Or");
export const Not = keyword("not", "Not");
export const True = keyword("true", "True");
export const False = keyword("false", "False");
export const Per = keyword("per", "Per");
export const Blank = keyword("blank", "Blank");

/** A UK financial year: `2019/20`. Checked for consecutive years after lexing. */
export const PeriodTok = createToken({ name: "Period", pattern: /\d{4}\/\d{2}(?!\d)/ });

/** A date: `2018-05-04` (year, month, day). Checked to be a real day when converted. */
export const DateTok = createToken({ name: "Date", pattern: /\d{4}-\d{1,2}-\d{1,2}(?![\d.])/ });

const months = monthPattern();

/**
 * A date written as papers print it, `4 May 2018`, `4-May-18` or `04/05/2018`: read as one token so
 * that the converter can refuse it with the literal to write instead (P1031).
 */
export const OtherDate = createToken({
  name: "OtherDate",
  pattern: new RegExp(
    `\\d{1,2}(?:[ \\t]+(?:${months})[ \\t]+\\d{4}|-(?:${months})-\\d{2}(?:\\d{2})?|\\/\\d{1,2}\\/\\d{4})(?![\\p{L}\\p{N}_])`,
    "iu",
  ),
  start_chars_hint: codes(48, 57), // 0-9
});

/**
 * Money with its sign after the pound sign, `£-22.11m`, as some annexes print it: read as one
 * token so that the converter can ask for `-£22.11m` (P1032) instead of reading `£ - 22.11 m`.
 */
export const SignAfterPound = createToken({
  name: "SignAfterPound",
  pattern: /£[-−](?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:bn|k|m)?(?![\p{L}\p{N}_])/u,
  start_chars_hint: ["£"],
});

/** A scale unit or one unit of it: `£`, `£000`, `£k`, `£m`, `£bn`. */
export const PoundUnit = createToken({
  name: "PoundUnit",
  pattern: /£(?:000(?![\d.,])|bn(?![\p{L}\p{N}_])|[km](?![\p{L}\p{N}_])|(?![\d]))/u,
  start_chars_hint: ["£"],
});
/** Money as councils print it: `£1,426.18`, `£4.5m`, `£350k`, `£1.2bn`. */
export const Money = createToken({
  name: "Money",
  pattern: /£(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:bn|k|m)?(?![\p{L}\p{N}_])/u,
  start_chars_hint: ["£"],
});
/** A percentage: `2.99%`. */
export const Percent = createToken({
  name: "Percent",
  pattern: /(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%/,
});
/** A plain number with optional thousands separators: `246,841`, `0.5`. */
export const NumberTok = createToken({
  name: "Number",
  pattern: /(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?/,
});
/** A double-quoted string on one line; `\"` and `\\` are escapes. */
export const StringTok = createToken({ name: "String", pattern: /"(?:[^"\\\n\r]|\\.)*"/ });
/** A string with no closing quote before the end of the line (reported as P1002). */
export const UnterminatedString = createToken({ name: "UnterminatedString", pattern: /"[^\n\r]*/ });

/** `## Title` at the start of a line. */
export const Section = createToken({
  name: "Section",
  pattern: { exec: matchSection },
  line_breaks: false,
  start_chars_hint: ["#"],
});
/** `# ...` to the end of the line. */
export const Comment = createToken({ name: "Comment", pattern: /#[^\n\r]*/, group: "comments" });

/** Line ends are significant: they end declarations, table rows and overrides. */
export const Newline = createToken({ name: "Newline", pattern: /\r?\n|\r/, line_breaks: true });
/** Spaces and tabs. */
export const WhiteSpace = createToken({
  name: "WhiteSpace",
  pattern: /[ \t\f\v\u00a0\u2000-\u200b\u3000\ufeff]+/,
  group: Lexer.SKIPPED,
});

export const Range = createToken({ name: "Range", pattern: /\.\./ });
export const LessEq = createToken({ name: "LessEq", pattern: /<=|≤/ });
export const GreaterEq = createToken({ name: "GreaterEq", pattern: />=|≥/ });
export const NotEq = createToken({ name: "NotEq", pattern: /<>|≠/ });
export const Less = createToken({ name: "Less", pattern: /</ });
export const Greater = createToken({ name: "Greater", pattern: />/ });
export const Approx = createToken({ name: "Approx", pattern: /≈/ });
export const Equals = createToken({ name: "Equals", pattern: /=/ });
export const Plus = createToken({ name: "Plus", pattern: /\+/ });
export const Minus = createToken({ name: "Minus", pattern: /-|−/ });
export const Star = createToken({ name: "Star", pattern: /\*|×/ });
export const Slash = createToken({ name: "Slash", pattern: /\/|÷/ });
export const Caret = createToken({ name: "Caret", pattern: /\^/ });
export const PercentSign = createToken({ name: "PercentSign", pattern: /%/ });
export const LParen = createToken({ name: "LParen", pattern: /\(/ });
export const RParen = createToken({ name: "RParen", pattern: /\)/ });
export const LBracket = createToken({ name: "LBracket", pattern: /\[/ });
export const RBracket = createToken({ name: "RBracket", pattern: /\]/ });
export const LBrace = createToken({ name: "LBrace", pattern: /\{/ });
export const RBrace = createToken({ name: "RBrace", pattern: /\}/ });
export const Comma = createToken({ name: "Comma", pattern: /,/ });
export const Colon = createToken({ name: "Colon", pattern: /:/ });
export const Pipe = createToken({ name: "Pipe", pattern: /\|/ });

/** Every keyword token, in table order. */
export const keywordTokens: readonly TokenType[] = [
  Model,
  Periods,
  Input,
  Dimension,
  Scenario,
  Check,
  Function,
  By,
  Over,
  Table,
  Within,
  Known,
  Label,
  Source,
  Opening,
  Decimals,
  If,
  Then,
  Else,
  And,
  Or,
  Not,
  True,
  False,
  Per,
  Blank,
];

/** The ordered token table. */
export const allTokens: readonly TokenType[] = [
  Newline,
  WhiteSpace,
  Section,
  Comment,
  StringTok,
  UnterminatedString,
  DateTok,
  OtherDate,
  PeriodTok,
  SignAfterPound,
  PoundUnit,
  Money,
  Percent,
  NumberTok,
  ...keywordTokens,
  Identifier,
  Range,
  LessEq,
  GreaterEq,
  NotEq,
  Less,
  Greater,
  Approx,
  Equals,
  Plus,
  Minus,
  Star,
  Slash,
  Caret,
  PercentSign,
  LParen,
  RParen,
  LBracket,
  RBracket,
  LBrace,
  RBrace,
  Comma,
  Colon,
  Pipe,
];

/** Binary operator tokens: a line that starts or ends with one continues the declaration. */
export const binaryOperatorTokens: readonly TokenType[] = [
  LessEq,
  GreaterEq,
  NotEq,
  Less,
  Greater,
  Approx,
  Equals,
  Plus,
  Minus,
  Star,
  Slash,
  Caret,
  And,
  Or,
];

/** The one lexer instance. */
export const preceptLexer = new Lexer([...allTokens], {
  positionTracking: "full",
  // Every token gives its first characters, so the lexer dispatches on the first character
  // instead of trying each pattern in turn; a token added without them fails here, at load.
  ensureOptimizations: true,
});

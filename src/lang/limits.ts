/**
 * Limits that keep the front end safe on untrusted text. A model beyond a limit gets a diagnostic,
 * never a crash or a hang.
 */
export const Limits = {
  /** Characters in one model text (about 2 MB of ASCII). */
  maxFileChars: 2_000_000,
  /** Characters in one name. */
  maxNameLength: 100,
  /** Characters in one quoted text (a title, label, source or known finding): a paragraph of a
   * council paper is far shorter. */
  maxTextLength: 10_000,
  /** Nesting of brackets, prefix operators, `if` and `^` in one formula. The parser recurses once
   * per level; Chevrotain overflows a browser worker's stack at about 185 nested parentheses. */
  maxNesting: 64,
  /** Operators in one declaration; bounds the depth of every AST walk. */
  maxOperations: 2_000,
  /** Periods in one model (a 200-year range is already far beyond any plan). */
  maxPeriods: 200,
  /** Values in one model: line items × members × periods. The largest benchmark holds 201,200;
   * a model over the limit is checked but not evaluated (P1023), so a short file that declares
   * millions of cells cannot exhaust the worker's memory. */
  maxCells: 1_000_000,
} as const;

/**
 * The codes of a refused CSV import (P7xxx, "exchange"), beside the language's catalog; a code is
 * never reused. docs/cli.md lists every one. Messages are templates: `{name}` is replaced by the
 * named argument, and each says what to do.
 */
export const csvImportCodes = {
  P7001:
    "This file is not a CSV of figures: {detail}. Export the grid as CSV (Export, Grid as CSV), change the figures and import that file.",
  P7002:
    "The column '{period}' is not one of the model's periods. Name periods as the model does, such as {first}.",
  P7003:
    "'{key}' is not a line item of this model. Use the keys of an exported grid, such as name or name[member].",
  P7004:
    "The row '{key}' gives figures in '{unit}', but the line is in '{expected}'. Give them in {expected}.",
  P7005:
    "'{text}' in row '{key}' is not a figure. Write plain numbers such as 1851, -2,199 or 4.5, or leave the cell empty.",
  P7006: "'{key}' holds text, not figures: change it in the editor.",
  P7007:
    "'{key}' would have periods with no value. Give a figure for every period the model has none for.",
  P7008: "Every figure in the file is already in the model: nothing to import.",
  P7009: "The figures cannot go into the model: {detail}. Nothing was changed.",
} as const;

/** A code of {@link csvImportCodes}. */
export type CsvImportCode = keyof typeof csvImportCodes;

/** The message of `code` with its arguments filled in. */
export function csvImportMessage(
  code: CsvImportCode,
  args: Readonly<Record<string, string>>,
): string {
  return csvImportCodes[code].replace(/\{(\w+)\}/g, (_, name: string) => args[name] ?? "");
}

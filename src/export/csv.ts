/**
 * CSV of a grid view, safe to open in a spreadsheet (P14): numbers stay numbers, and text that a
 * spreadsheet would take for a formula gets a leading apostrophe. `precept eval --format csv`,
 * `precept export --format csv` and the workbench's Export menu all write this.
 */
import { baseUnitOf, exactInUnit } from "../engine";

/** Characters that make a spreadsheet read a text cell as a formula. */
const formulaStart = /^[=+\-@\t\r\n]/;
/** A plain decimal number, which a spreadsheet reads as a number. */
const plainNumber = /^-?\d+(\.\d+)?$/;

/**
 * One CSV cell. Numbers stay numbers; text that a spreadsheet would take for a formula (starting
 * with = + - @ tab CR or LF once leading spaces, including no-break spaces, are trimmed) gets a
 * leading apostrophe; cells with commas, quotes or line breaks are quoted.
 */
export function csvCell(text: string): string {
  let out = text;
  if (!plainNumber.test(text) && formulaStart.test(text.replace(/^\p{Zs}+/u, ""))) out = `'${text}`;
  return /[",\r\n]/.test(out) ? `"${out.replace(/"/g, '""')}"` : out;
}

/** Rows of cells as CSV text, CRLF line ends. */
export function csvText(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

/** What a grid line needs for CSV: the snapshot's and the protocol's lines both fit. */
export interface CsvLine {
  readonly key: string;
  readonly label: string;
  readonly unit: string;
  readonly cells: readonly {
    readonly value: string | null;
    readonly error?: { readonly code: string };
  }[];
}

/**
 * A grid view as CSV: key, label, unit, then one exact value per period in that row's unit
 * (errors as codes, blank cells empty). The unit is the line's own (a `(£000)` line's values in
 * thousands, as council papers print them) or, with `base`, its base unit (pounds, 2.99% as
 * 0.0299).
 */
export function gridCsv(
  periods: readonly string[],
  lines: readonly CsvLine[],
  base = false,
): string {
  const rows: string[][] = [["key", "label", "unit", ...periods]];
  for (const l of lines) {
    const unit = base ? baseUnitOf(l.unit) : l.unit;
    rows.push([
      l.key,
      l.label,
      unit,
      ...l.cells.map((c) =>
        c.value !== null
          ? exactInUnit(c.value, unit)
          : c.error === undefined
            ? ""
            : `#${c.error.code}`,
      ),
    ]);
  }
  return csvText(rows);
}

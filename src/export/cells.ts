/**
 * Spreadsheet addressing and naming rules for the export: A1 references, sheet names that are
 * safe to quote in a formula, defined names that a spreadsheet accepts, and number formats.
 */

/** A cell on a sheet, 1-based. */
export interface Address {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
}

/** The column letters of a 1-based column: 1 is A, 27 is AA. */
export function columnName(col: number): string {
  let n = col;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** `E5`; with `absolute`, `$E$5`. */
export function a1(row: number, col: number, absolute = false): string {
  const d = absolute ? "$" : "";
  return `${d}${columnName(col)}${d}${row}`;
}

/** A sheet name as a formula writes it: always quoted, quotes doubled (`'O''Brien'`). */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** A reference to `to` from a formula on sheet `from`: `E5`, or `'Capital'!E5` on another sheet. */
export function refFrom(from: string, to: Address): string {
  const cell = a1(to.row, to.col);
  return from === to.sheet ? cell : `${quoteSheet(to.sheet)}!${cell}`;
}

/** A range from `a` to `b` (same sheet) as seen from sheet `from`. */
export function rangeFrom(from: string, a: Address, b: Address): string {
  const cells = `${a1(a.row, a.col)}:${a1(b.row, b.col)}`;
  return from === a.sheet ? cells : `${quoteSheet(a.sheet)}!${cells}`;
}

/** Spreadsheet limits on sheet names. */
export const SheetNames = { maxLength: 31 } as const;

/**
 * Sheet names from section titles: only letters, digits, spaces and `- & , . ( ) '` are kept
 * (anything else becomes a space), trimmed to 31 characters, and made unique ignoring case (a
 * spreadsheet compares sheet names so). `reserved` names (such as "Notes") are never taken.
 */
export function sheetNames(titles: readonly string[], reserved: readonly string[]): string[] {
  const taken = new Set(reserved.map((r) => r.toLowerCase()));
  return titles.map((title) => {
    let base = title
      .normalize("NFC")
      .replace(/[^\p{L}\p{N} \-&,.()']/gu, " ")
      .replace(/\s+/g, " ")
      .trim()
      .replace(/^'+|'+$/g, "");
    if (base === "" || base.toLowerCase() === "history") base = "Sheet";
    base = base.slice(0, SheetNames.maxLength).trim();
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()); n++) {
      const suffix = ` (${n})`;
      name = base.slice(0, SheetNames.maxLength - suffix.length).trimEnd() + suffix;
    }
    taken.add(name.toLowerCase());
    return name;
  });
}

/** The last column a spreadsheet has (XFD). */
const maxColumn = 16384;

/**
 * Whether `name` can be a spreadsheet's defined name: a letter or underscore, then letters,
 * digits, underscores and dots, at most 255 characters, and not readable as a cell reference
 * (`tax2019` is column TAX, row 2019; `r1c1`, `R`, `C`) or a boolean.
 */
export function isDefinedName(name: string): boolean {
  if (name.length === 0 || name.length > 255) return false;
  if (!/^[A-Za-z_][A-Za-z0-9_.]*$/.test(name)) return false;
  const upper = name.toUpperCase();
  if (upper === "R" || upper === "C" || upper === "TRUE" || upper === "FALSE") return false;
  if (/^R\d*C\d*$/.test(upper) || /^[RC]\d+$/.test(upper)) return false;
  const cell = /^([A-Z]{1,3})(\d+)$/.exec(upper);
  if (cell !== null && columnNumber(cell[1] ?? "") <= maxColumn) return false;
  return true;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/**
 * The number format for a line shown in `unit` with `decimals` places: values stay in base units
 * (pounds, fractions) and the format scales them, so formulas need no conversions. Negatives are
 * in brackets. `unitExp` is the unit's power of ten (3 for £000, 6 for £m, -2 for %).
 */
export function numberFormat(unit: string, unitExp: number, decimals: number | undefined): string {
  if (unit === "date") return "d mmm yyyy";
  const places = decimals ?? 2;
  const digits = places > 0 ? `.${"0".repeat(places)}` : "";
  const both = (pos: string): string => `${pos};(${pos})`;
  if (unitExp === -2) return both(`0${digits}%`);
  const money = unit.startsWith("£");
  const scaleCommas =
    unitExp === 3 || unitExp === 6 || unitExp === 9 ? ",".repeat(unitExp / 3) : "";
  if (money && unit === "£m") return both(`£#,##0${digits},,"m"`);
  if (money && unit === "£bn") return both(`£#,##0${digits},,,"bn"`);
  if (money && scaleCommas === "") return both(`£#,##0${digits}`);
  const plain = decimals === undefined && !money ? "#,##0.00##" : `#,##0${digits}`;
  return both(`${plain}${scaleCommas}`);
}

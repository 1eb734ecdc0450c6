import type { LineDto } from "../../protocol";
import { displayIn, plainFigure, shownUnit, type MoneyScale } from "./scale";

/** One line of a copied selection: its label, the unit its figures are in, and the figures. */
export interface CopiedLine {
  readonly label: string;
  /** The unit the figures are shown in ("£000", "%", ""), stated in the label cell. */
  readonly unit: string;
  /** The figures as the grid shows them, one per copied period ("" for an empty cell). */
  readonly figures: readonly string[];
}

/** A field of tab-separated text: quoted, as spreadsheets read it, when it holds a tab, a line break or a quote. */
function field(text: string): string {
  return /[\t\r\n"]/u.test(text) ? `"${text.replace(/"/gu, '""')}"` : text;
}

/**
 * A selection of the grid as tab-separated text to paste into a spreadsheet: a header row of the
 * periods copied under "Line item", then a row per line, its label with its unit in brackets
 * ("Council tax income (£m)") and its figures as plain numbers in that unit (no thousands
 * separators, a minus sign for brackets), so that each pastes as a number that matches its heading.
 * Rows end with a line break.
 */
export function selectionTsv(periods: readonly string[], lines: readonly CopiedLine[]): string {
  const rows = [["Line item", ...periods]];
  for (const line of lines) {
    const label = line.unit === "" ? line.label : `${line.label} (${line.unit})`;
    rows.push([label, ...line.figures.map(plainFigure)]);
  }
  return rows.map((r) => r.map(field).join("\t") + "\n").join("");
}

/**
 * One line's periods `left` to `right` (column indices, inclusive) as the grid shows them in
 * `scale`, labelled as its row is (a member's row by its member, then the line's name). A scalar
 * line's one value stands under the first period copied.
 */
export function copiedLine(
  line: LineDto,
  left: number,
  right: number,
  scale: MoneyScale,
): CopiedLine {
  const figures: string[] = [];
  for (let col = left; col <= right; col++) {
    const cell = line.scalar ? (col === left ? line.scalar : undefined) : line.cells[col];
    figures.push(cell ? displayIn(cell, line.unit, scale) : "");
  }
  const member = line.member === undefined ? undefined : (line.memberLabel ?? line.member);
  return {
    label: member === undefined ? line.label : `${member} · ${line.name}`,
    unit: shownUnit(line.unit, scale),
    figures,
  };
}

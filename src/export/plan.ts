/**
 * A spreadsheet export as plain data: what `buildWorkbookPlan` decides (sheets, cells, formulas,
 * number formats, defined names, notes) before any file format is written. It is structured-clone
 * data, so the worker can build it and the page can write it (`xlsx.ts`, exceljs, loaded lazily).
 */

/** One cell. Rows and columns are 1-based, as a spreadsheet counts them. */
export type PlanCell =
  | {
      readonly kind: "number";
      /** The value as a double (what a spreadsheet holds); `exact` is Precept's decimal. */
      readonly value: number;
      readonly exact: string;
      readonly format?: string;
    }
  | { readonly kind: "text"; readonly text: string; readonly bold?: boolean }
  | { readonly kind: "boolean"; readonly value: boolean }
  | {
      readonly kind: "formula";
      /** Built only from the model's syntax tree and cell addresses, never from user text (P15). */
      readonly formula: string;
      /** The value Precept computed, written as the cached result. */
      readonly result: number | boolean;
      readonly format?: string;
    };

/** One sheet: rows of cells (null: an empty cell), column widths and frozen panes. */
export interface PlanSheet {
  readonly name: string;
  readonly rows: readonly (readonly (PlanCell | null)[])[];
  /** Column widths in characters, from column A. */
  readonly widths: readonly number[];
  /** Rows and columns kept in view when scrolling (the header row, the name column). */
  readonly frozen: { readonly rows: number; readonly cols: number };
}

/** A defined name for a line item: its rows (one per member) across the period columns. */
export interface PlanName {
  readonly name: string;
  readonly sheet: string;
  /** An absolute range such as `$E$2:$I$4`. */
  readonly range: string;
}

/** Why some cells of a line are values rather than live formulas. */
export interface PlanNote {
  /** The line item key (`name` or `name[member]`). */
  readonly item: string;
  readonly sheet: string;
  /** The cells affected, such as `E5, F5` or `E5:I5`. */
  readonly cells: string;
  readonly reason: string;
}

/** Where one grid line (a line item, or one member of it) is: for tests and readers. */
export interface PlanLine {
  readonly key: string;
  readonly sheet: string;
  readonly row: number;
  /** The column of the first period; period t is in column `firstPeriodCol + t`. */
  readonly firstPeriodCol: number;
}

/** A whole workbook, sheets in order (the "Notes" sheet last). */
export interface WorkbookPlan {
  readonly title: string;
  readonly scenario: string | null;
  readonly periods: readonly string[];
  readonly sheets: readonly PlanSheet[];
  readonly names: readonly PlanName[];
  readonly notes: readonly PlanNote[];
  readonly lines: readonly PlanLine[];
  /** How many period cells are live formulas, and how many of the calculations' cells are values. */
  readonly stats: { readonly formulas: number; readonly values: number };
}

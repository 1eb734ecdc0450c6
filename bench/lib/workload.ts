// The shape every benchmark workload shares: one model, written twice (as Precept text and as
// HyperFormula sheets), the inputs the benchmark edits, and the cells both engines must agree on.

/** A cell of a HyperFormula workbook: sheet name, zero-based row and column. */
export interface SheetCell {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
}

/** A cell of a Precept model: a line item, a zero-based period index and, for a dimensioned line
 * item, a zero-based member index. */
export interface ModelCell {
  readonly item: string;
  readonly period: number;
  readonly member?: number;
}

/** One value both engines compute, addressed in each engine's own terms. */
export interface Sample {
  readonly label: string;
  readonly precept: ModelCell;
  readonly sheet: SheetCell;
}

/** A value an input can take, as Precept literal text (`2.5%`, `£650`) and as the number a sheet
 * holds (0.025, 650). */
export interface InputValue {
  readonly text: string;
  readonly number: number;
}

/**
 * An input the benchmark edits. Timed edits alternate between `values[0]` and `values[1]`, so
 * every edit changes something; `final` is set last, before the values are compared.
 * `dependents` counts the values (cells) that depend on the input, the input itself excluded.
 */
export interface InputEdit {
  readonly label: string;
  readonly key: string;
  readonly values: readonly [InputValue, InputValue];
  readonly final: InputValue;
  readonly sheet: SheetCell;
  readonly dependents: number;
  /** A sample the edit changes: read after each timed edit, so a lazy engine does the work too. */
  readonly probe: Sample;
}

/** The raw contents of a sheet cell as HyperFormula takes it: a formula ("=A1+1"), a number, or empty. */
export type SheetContent = string | number | null;

/** The cells of a workbook, by sheet name, as rows of cells. */
export type Workbook = Record<string, SheetContent[][]>;

/**
 * A benchmark workload. `preceptText` writes the model with the inputs given by key (missing keys
 * take their defaults); `workbook` writes the same model as sheets with every input at its default.
 */
export interface Workload {
  readonly name: string;
  readonly title: string;
  /** Values the model computes or holds (calculated cells plus inputs), as a spreadsheet counts cells. */
  readonly valueCount: number;
  readonly edits: readonly InputEdit[];
  readonly samples: readonly Sample[];
  preceptText(inputs: ReadonlyMap<string, string>): string;
  workbook(): Workbook;
}

/** The spreadsheet column name of a zero-based column index: 0 → A, 26 → AA. */
export function columnName(col: number): string {
  let name = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  }
  return name;
}

/** An A1 reference to a zero-based cell: (0, 0) → A1. */
export function a1(row: number, col: number): string {
  return `${columnName(col)}${row + 1}`;
}

/** The label of the UK financial year `index` years after `first` (a calendar year): 2020, 0 → "2020/21". */
export function financialYear(first: number, index: number): string {
  const year = first + index;
  return `${year}/${String((year + 1) % 100).padStart(2, "0")}`;
}

import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Decimal } from "../../../src/engine/num";

/**
 * The rows of test/engine/oracle/finance.csv, keyed by column A. LibreOffice writes raw values
 * in IEEE double precision (15 significant digits); a cell formatted as a percentage keeps its
 * "%" sign, which is converted back to a fraction here. Empty trailing cells are dropped.
 */
export function readOracle(): ReadonlyMap<string, readonly number[]> {
  const path = fileURLToPath(new URL("../oracle/finance.csv", import.meta.url));
  const rows = new Map<string, readonly number[]>();
  for (const line of readFileSync(path, "utf8").split(/\r?\n/)) {
    if (line === "") continue;
    const [key = "", ...cells] = line.split(",");
    const values: number[] = [];
    for (const cell of cells) {
      if (cell === "") break;
      const value = cell.endsWith("%") ? Number(cell.slice(0, -1)) / 100 : Number(cell);
      if (Number.isNaN(value))
        throw new Error(`Oracle cell '${cell}' in row '${key}' is not a number`);
      values.push(value);
    }
    rows.set(key, values);
  }
  return rows;
}

/** The oracle's tolerance: LibreOffice works in IEEE doubles. See test/engine/oracle/README.md. */
export const oracleTolerance = 1e-9;

/**
 * Asserts |actual − expected| <= 1e-9 × max(|expected|, scale). `scale` is the size of the numbers
 * around it (the principal of a schedule), so a value near zero is judged against that size rather
 * than against itself: a spreadsheet's closing balance ends at 1e-9, Precept's at exactly 0.
 */
export function expectClose(actual: Decimal, expected: number, scale = 0, label = ""): void {
  const a = actual.toNumber();
  const bound = oracleTolerance * Math.max(Math.abs(expected), scale);
  if (!(Math.abs(a - expected) <= bound)) {
    throw new Error(
      `${label}: Precept ${actual.toFixed()} vs LibreOffice ${expected} (bound ${bound})`,
    );
  }
}

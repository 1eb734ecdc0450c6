// The "wide" workload: a table of inputs, 1,000 rows by 200 columns, with a total per row and per
// column. In Precept the rows are the members of a dimension and the columns are periods, so the
// model is three line items: the input table, `column_total` (a sum over the rows, per period) and
// `row_total` (a sum over the periods, per row). Editing one cell changes one row total and one
// column total.
import type { InputEdit, Sample, Workbook, Workload } from "./workload";
import { a1, columnName, financialYear } from "./workload";

const firstYear = 2020;

/** The input in row `r`, column `c` (both zero-based), in pence-exact pounds. */
function cellValue(r: number, c: number): string {
  const pence = (r * 7919 + c * 104729 + 13) % 100000;
  return (pence / 100).toFixed(2);
}

const cellKey = (r: number, c: number): string => `x:${r}:${c}`;

/** The wide workload with `rows` rows and `cols` columns. */
export function makeWide(rows: number, cols: number): Workload {
  const editRow = Math.floor(rows / 2);
  const editCol = Math.floor(cols / 2);
  const rowTotal = (r: number): Sample => ({
    label: `row_total r${r + 1}`,
    precept: { item: "row_total", period: 0, member: r },
    sheet: { sheet: "wide", row: r, col: cols },
  });
  const columnTotal = (c: number): Sample => ({
    label: `column_total ${financialYear(firstYear, c)}`,
    precept: { item: "column_total", period: c },
    sheet: { sheet: "wide", row: rows, col: c },
  });
  const input = (r: number, c: number): Sample => ({
    label: `x[r${r + 1}] ${financialYear(firstYear, c)}`,
    precept: { item: "x", period: c, member: r },
    sheet: { sheet: "wide", row: r, col: c },
  });
  const samples: Sample[] = [
    input(0, 0),
    input(editRow, editCol),
    input(rows - 1, cols - 1),
    ...[0, editRow, rows - 1].map(rowTotal),
    ...[0, editCol, cols - 1].map(columnTotal),
  ];
  const edits: InputEdit[] = [
    {
      label: "edit one cell (2 depend)",
      key: cellKey(editRow, editCol),
      values: [
        { text: "123.45", number: 123.45 },
        { text: cellValue(editRow, editCol), number: Number(cellValue(editRow, editCol)) },
      ],
      final: { text: "99999.99", number: 99999.99 },
      sheet: { sheet: "wide", row: editRow, col: editCol },
      dependents: 2,
      probe: rowTotal(editRow),
    },
  ];
  return {
    name: `wide ${rows}×${cols}`,
    title: `${rows} rows × ${cols} inputs, a sum per row and per column`,
    valueCount: rows * cols + rows + cols,
    edits,
    samples,
    preceptText: (inputs) => wideText(rows, cols, inputs),
    workbook: () => wideWorkbook(rows, cols),
  };
}

function wideText(rows: number, cols: number, inputs: ReadonlyMap<string, string>): string {
  const members: string[] = [];
  for (let r = 0; r < rows; r++) members.push(`r${r + 1}`);
  const years: string[] = [];
  for (let c = 0; c < cols; c++) years.push(financialYear(firstYear, c));
  const out: string[] = [
    `model "Benchmark wide: ${rows} rows by ${cols} inputs"`,
    `periods ${financialYear(firstYear, 0)} .. ${financialYear(firstYear, cols - 1)}`,
    `dimension row = ${members.join(", ")}`,
    `input x by row (£) = table ${years.join(" ")}`,
  ];
  for (let r = 0; r < rows; r++) {
    const cells: string[] = [];
    for (let c = 0; c < cols; c++) cells.push(inputs.get(cellKey(r, c)) ?? cellValue(r, c));
    out.push(`  r${r + 1} ${cells.join(" ")}`);
  }
  out.push("column_total (£) = sum(x over row)");
  out.push("row_total by row (£) = sum(x over periods)");
  return out.join("\n") + "\n";
}

function wideWorkbook(rows: number, cols: number): Workbook {
  const wide: (string | number)[][] = [];
  for (let r = 0; r < rows; r++) {
    const row: (string | number)[] = [];
    for (let c = 0; c < cols; c++) row.push(Number(cellValue(r, c)));
    row.push(`=SUM(${a1(r, 0)}:${a1(r, cols - 1)})`);
    wide.push(row);
  }
  const totals: string[] = [];
  for (let c = 0; c < cols; c++) totals.push(`=SUM(${columnName(c)}1:${columnName(c)}${rows})`);
  wide.push(totals);
  return { wide };
}

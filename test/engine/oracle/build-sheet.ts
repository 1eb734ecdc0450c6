/**
 * Writes finance.fods, the LibreOffice oracle sheet, from cases.ts. Every result cell is a
 * spreadsheet formula (NPV, IRR, PMT, IPMT, PPMT, FV, or a schedule laid out cell by cell), so the
 * numbers in finance.csv come from LibreOffice, not from Precept. Column A holds a row key; the
 * values start in column B. Run: npx tsx test/engine/oracle/build-sheet.ts (see README.md).
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { advanceCase, cashFlowCases, methods, mrpCase, pmtCases, pwlbCase } from "./cases";

type Cell = { kind: "number"; value: string } | { kind: "formula"; text: string; cached?: string };

const rows: { key: string; cells: Cell[] }[] = [];

/** Adds a row and returns its 1-based row number. */
function addRow(key: string, cells: Cell[]): number {
  rows.push({ key, cells });
  return rows.length;
}

const num = (value: string | number): Cell => ({ kind: "number", value: String(value) });
const formula = (text: string): Cell => ({ kind: "formula", text });

/** Column letter of the i-th value (0 = column B). */
function col(i: number): string {
  let n = i + 2; // 1-based, column A is the key
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}
const ref = (row: number, i: number): string => `[.${col(i)}${row}]`;
const abs = (row: number, i: number): string => `[.$${col(i)}$${row}]`;
const range = (row: number, from: number, to: number): string =>
  `[.${col(from)}${row}:.${col(to)}${row}]`;
const times = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

// Recalculation guard: a formula whose stored value is wrong. The CSV must show 0.3, not 999.
rows.push({ key: "poison", cells: [{ kind: "formula", text: "0.1+0.2", cached: "999" }] });

for (const c of cashFlowCases) {
  const n = c.flows.length;
  const rateRow = addRow(`rate:${c.name}`, [num(c.rate)]);
  const flowRow = addRow(`flows:${c.name}`, c.flows.map(num));
  // Green Book NPV: the first flow is undiscounted; spreadsheet NPV discounts from t = 1.
  addRow(`npv:${c.name}`, [
    formula(`${ref(flowRow, 0)}+NPV(${ref(rateRow, 0)};${range(flowRow, 1, n - 1)})`),
  ]);
  const guess = c.guess === undefined ? "" : `;${c.guess}`;
  addRow(`irr:${c.name}`, [formula(`IRR(${range(flowRow, 0, n - 1)}${guess})`)]);
  addRow(
    `df:${c.name}`,
    times(n).map((t) => formula(`1/(1+${abs(rateRow, 0)})^${t}`)),
  );
}

for (const c of pmtCases) {
  const inRow = addRow(`pmtin:${c.name}`, [num(c.rate), num(c.n), num(c.principal)]);
  const [r, n, p] = [abs(inRow, 0), abs(inRow, 1), abs(inRow, 2)];
  addRow(`pmt:${c.name}`, [formula(`-PMT(${r};${n};${p})`)]);
  addRow(
    `ipmt:${c.name}`,
    times(c.n).map((k) => formula(`-IPMT(${r};${k + 1};${n};${p})`)),
  );
  addRow(
    `ppmt:${c.name}`,
    times(c.n).map((k) => formula(`-PPMT(${r};${k + 1};${n};${p})`)),
  );
}

// PWLB example, one hand-laid schedule per method: opening, interest = opening × rate,
// principal by method, closing = opening − principal, next opening = closing.
{
  const { rate, term, principal } = pwlbCase;
  const inRow = addRow("pwlbin", [num(rate), num(term), num(principal)]);
  const [r, n, p] = [abs(inRow, 0), abs(inRow, 1), abs(inRow, 2)];
  for (const m of methods) {
    const open = rows.length + 1;
    const int = open + 1;
    const prin = open + 2;
    const close = open + 3;
    addRow(
      `open:${m}`,
      times(term).map((k) => (k === 0 ? formula(p) : formula(ref(close, k - 1)))),
    );
    addRow(
      `int:${m}`,
      times(term).map((k) => formula(`${ref(open, k)}*${r}`)),
    );
    const principalFormula = (k: number): string =>
      m === "annuity"
        ? `-PMT(${r};${n};${p})-${ref(int, k)}`
        : m === "eip"
          ? `${p}/${n}`
          : `IF(${k + 1}=${n};${ref(open, k)};0)`;
    addRow(
      `prin:${m}`,
      times(term).map((k) => formula(principalFormula(k))),
    );
    addRow(
      `close:${m}`,
      times(term).map((k) => formula(`${ref(open, k)}-${ref(prin, k)}`)),
    );
    addRow(`total:${m}`, [formula(`SUM(${range(int, 0, term - 1)})`)]);
  }
}

// A series of advances: one row per advance and quantity, then the per-period sums. Loan j is
// taken at the end of period j; in period t its age is k = t − j and it is live for 1 <= k <= n.
{
  const { rate, term, advances } = advanceCase;
  const periods = advances.length;
  const inRow = addRow("advin", [num(rate), num(term)]);
  const advRow = addRow("adv", advances.map(num));
  const [r, n] = [abs(inRow, 0), abs(inRow, 1)];
  for (const m of methods) {
    const block = (quantity: string, cellFor: (a: string, k: number) => string): void => {
      const first = rows.length + 1;
      advances.forEach((_, j) => {
        const a = abs(advRow, j);
        addRow(
          `loan:${m}:${quantity}:${j}`,
          times(periods).map((t) => formula(cellFor(a, t - j))),
        );
      });
      const last = rows.length;
      addRow(
        `series:${m}:${quantity}`,
        times(periods).map((t) => formula(`SUM([.${col(t)}${first}:.${col(t)}${last}])`)),
      );
    };
    const live = (k: number, body: string): string => (k >= 1 && k <= term ? body : "0");
    block("interest", (a, k) =>
      live(
        k,
        m === "annuity"
          ? `IF(${a}=0;0;-IPMT(${r};${k};${n};${a}))`
          : m === "eip"
            ? `(${a}-${a}/${n}*${k - 1})*${r}`
            : `${a}*${r}`,
      ),
    );
    block("principal", (a, k) =>
      live(
        k,
        m === "annuity"
          ? `IF(${a}=0;0;-PPMT(${r};${k};${n};${a}))`
          : m === "eip"
            ? `${a}/${n}`
            : k === term
              ? a
              : "0",
      ),
    );
    // Balance at the end of period t after k repayments (k = 0: the advance itself).
    block("closing", (a, k) =>
      k < 0 || k >= term
        ? "0"
        : m === "annuity"
          ? `IF(${a}=0;0;-FV(${r};${k};PMT(${r};${n};${a});${a}))`
          : m === "eip"
            ? `${a}-${a}/${n}*${k}`
            : a,
    );
  }
}

// MRP: straight-line and annuity per spend (charged from the period after), reducing balance
// by rolling the capital financing requirement forward.
{
  const { life, rate, reducingRate, spend } = mrpCase;
  const periods = spend.length;
  const inRow = addRow("mrpin", [num(life), num(rate), num(reducingRate)]);
  const spendRow = addRow("spend", spend.map(num));
  const [l, r, rb] = [abs(inRow, 0), abs(inRow, 1), abs(inRow, 2)];
  for (const method of ["straight_line", "annuity"] as const) {
    const first = rows.length + 1;
    spend.forEach((_, j) => {
      const a = abs(spendRow, j);
      addRow(
        `mrp:${method}:${j}`,
        times(periods).map((t) => {
          const k = t - j;
          if (k < 1 || k > life) return formula("0");
          return formula(
            method === "straight_line" ? `${a}/${l}` : `IF(${a}=0;0;-PPMT(${r};${k};${l};${a}))`,
          );
        }),
      );
    });
    const last = rows.length;
    addRow(
      `mrp:${method}`,
      times(periods).map((t) => formula(`SUM([.${col(t)}${first}:.${col(t)}${last}])`)),
    );
  }
  const mrpRow = rows.length + 1;
  const cfrRow = mrpRow + 1;
  addRow(
    "mrp:reducing_balance",
    times(periods).map((t) => formula(t === 0 ? "0" : `${rb}*${ref(cfrRow, t - 1)}`)),
  );
  addRow(
    "cfr:reducing_balance",
    times(periods).map((t) =>
      formula(`${t === 0 ? "0" : ref(cfrRow, t - 1)}-${ref(mrpRow, t)}+${ref(spendRow, t)}`),
    ),
  );
}

function escape(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

function cellXml(cell: Cell): string {
  if (cell.kind === "number") {
    return `<table:table-cell office:value-type="float" office:value="${cell.value}"/>`;
  }
  const cached =
    cell.cached === undefined ? "" : ` office:value-type="float" office:value="${cell.cached}"`;
  return `<table:table-cell table:formula="of:=${escape(cell.text)}"${cached}/>`;
}

const body = rows
  .map(
    ({ key, cells }) =>
      `<table:table-row><table:table-cell office:value-type="string"><text:p>${escape(key)}</text:p></table:table-cell>${cells.map(cellXml).join("")}</table:table-row>`,
  )
  .join("\n");

const xml = `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:body><office:spreadsheet><table:table table:name="Oracle">
${body}
</table:table></office:spreadsheet></office:body></office:document>
`;

writeFileSync(fileURLToPath(new URL("./finance.fods", import.meta.url)), xml);

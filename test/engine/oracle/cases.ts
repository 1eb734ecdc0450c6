/**
 * Inputs of the LibreOffice oracle (finance.fods). build-sheet.ts lays these out with spreadsheet
 * formulas; test/engine/functions/oracle.test.ts runs the same inputs through Precept's functions
 * and compares with finance.csv. Numbers are decimal strings in base units (£, rates as fractions).
 */

/** A cash-flow series; `guess` is only the start of LibreOffice's IRR search. */
interface CashFlowCase {
  readonly name: string;
  readonly rate: string;
  readonly flows: readonly string[];
  readonly guess?: string;
}

/** Cash-flow series for npv, irr and discount factors; `rate` is the discount rate. */
export const cashFlowCases: readonly CashFlowCase[] = [
  { name: "simple", rate: "0.035", flows: ["-1000", "300", "400", "500"] },
  {
    name: "scheme",
    rate: "0.035",
    flows: ["-5000000", "-2000000", ...Array<string>(10).fill("800000")],
  },
  { name: "bullet", rate: "0.035", flows: ["-100", "0", "0", "0", "0", "180"] },
  { name: "borrowing", rate: "0.05", flows: ["1000", "-300", "-400", "-500"] },
  // LibreOffice's IRR does not converge from its default 10% guess here, so the sheet passes -40%.
  { name: "loss", rate: "0.1", flows: ["-1000", "100", "100", "100"], guess: "-0.4" },
  {
    name: "thin",
    rate: "0.015",
    flows: ["-250000.50", "50000", "50000", "50000", "50000", "50001.25"],
  },
];

/** Level-payment cases for pmt, IPMT and PPMT: rate per period, number of periods, principal. */
export const pmtCases = [
  { name: "pwlb", rate: "0.029", n: 25, principal: "10000000" },
  { name: "ten", rate: "0.035", n: 10, principal: "1000000" },
  { name: "zero", rate: "0", n: 5, principal: "1000" },
  { name: "one", rate: "0.05", n: 1, principal: "100" },
  { name: "long", rate: "0.0475", n: 50, principal: "250000" },
] as const;

/** The PWLB-style example: £10m over 25 years at 2.9%, laid out by hand for each method. */
export const pwlbCase = { rate: "0.029", term: 25, principal: "10000000" } as const;

/** A series of advances over eight periods, each repaid over four years at 4.5%. */
export const advanceCase = {
  rate: "0.045",
  term: 4,
  advances: ["0", "2000000", "5000000", "0", "3000000", "0", "0", "1000000"],
} as const;

/** MRP on a capital spend profile: straight-line and annuity over `life`, and 4% reducing balance. */
export const mrpCase = {
  life: 5,
  rate: "0.03",
  reducingRate: "0.04",
  spend: ["1500000", "0", "2500000", "400000", "0", "0", "0", "0", "0", "0"],
} as const;

/** The loan repayment methods, in the order the sheet lays them out. */
export const methods = ["annuity", "eip", "maturity"] as const;

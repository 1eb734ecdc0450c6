/**
 * examples/highways-borrowing.precept against every printed figure of
 * examples/fixtures/highways-borrowing.json: the CA7 paragraph 21 need table (seed lines
 * 1197-1205) and the stated figures of CA7 paragraphs 20-35, and its three repayment scenarios
 * against loan costs worked independently here.
 */
import Decimal from "decimal.js";
import { beforeAll, describe, expect, it } from "vitest";
import {
  cell,
  compare,
  evaluate,
  figures,
  knownFindings,
  precept,
  problems,
  statedFigures,
  type EvalJson,
  type Figure,
  type Run,
  type Target,
} from "./support";

const file = "examples/highways-borrowing.precept";

/** Need table rows (printed labels) and the model's asset members. */
const members: Record<string, string> = {
  "Preventative Carriageway Treatments": "preventative",
  "Major Carriageway Repairs": "major_repairs",
  "Highway Drainage": "drainage",
  Footways: "footways",
  Bridges: "bridges",
  "Traffic Signals": "traffic_signals",
};

function tableTarget(f: Figure): Target | undefined {
  if (f.table !== "highways-additional-need") return undefined;
  if (f.row === "Total") {
    if (f.column === "Current Projected Annual Spend") return { key: "current_spend_total" };
    if (f.column === "Total") return { key: "need_grand_total" };
    return { key: "need_by_year", period: f.column };
  }
  const m = members[f.row];
  if (m === undefined) return undefined;
  if (f.column === "Current Projected Annual Spend") return { key: `current_spend_${m}` };
  if (f.column === "Total") return { key: `need_total[${m}]` };
  return { key: `additional_need[${m}]`, period: f.column };
}

/**
 * Stated figures and where the model has them. The annual figures are the average yearly cost of
 * equal instalments of principal (EIP) at 2.8% over 30 years, worked by hand: total cost per £1 =
 * 1 + 0.028 x 31 / 2 = 1.434, so £10m costs £14.34m (£0.478m a year, printed £0.5m) and £120m
 * £172.08m (£5.736m a year, printed £5.7m). Known findings (FINDINGS.md section 3), printed minus
 * model: H1 £14.4m - £14.34m = +£0.06m; H2 £171m - £172.08m = -£1.08m.
 */
const stated: Record<string, Target> = {
  "Additional highways investment over the next 5 years (above current capital spend)|value": {
    key: "need_grand_total",
    tolerance: "500000",
  },
  "Investment period|value": { key: "years_with_need", tolerance: "0" },
  "PWLB rate for 30-year loan (interest on external borrowing)|value": {
    key: "pwlb_rate",
    tolerance: "0.00005",
  },
  "Average interest earned on cash balances|value": {
    key: "cash_interest_rate",
    tolerance: "0.00005",
  },
  "Loan term used in the illustration|value": { key: "loan_term", tolerance: "0" },
  "Annual cost (capital repayment + interest) per £10m of external borrowing|value": {
    key: "illustration_average_eip",
    tolerance: "50000",
  },
  "Total cost over 30 years per £10m of external borrowing|value": {
    key: "illustration_total_eip",
    tolerance: "50000",
    known: { diff: "60000", within: "0" },
  },
  "Annual cost of borrowing £120m|value": {
    key: "borrowing_average_eip",
    tolerance: "50000",
  },
  "Total cost over 30 years of borrowing £120m|value": {
    key: "borrowing_total_eip",
    tolerance: "500000",
    known: { diff: "-1080000", within: "0" },
  },
  "Illustrative borrowing amount|value": { key: "highways_and_property_high", tolerance: "0" },
  "Additional annual revenue budget for network surveys (funded from reactive defect budgets)|value":
    { key: "survey_costs", tolerance: "50000" },
  "Property investment need (defects, compliance, condition)|low": {
    key: "property_need_low",
    tolerance: "0",
  },
  "Property investment need (defects, compliance, condition)|high": {
    key: "property_need_high",
    tolerance: "0",
  },
};

/** Stated figures that are context for the case, not inputs of the borrowing model. */
const narrative = new Set([
  "Cash balances|value",
  "Annual spend on highway carriageway maintenance|value",
  "Annual spend on property maintenance|value",
  "Additional council tax income by 2024 from accelerated housing (funding source)|value",
  "Highway replacement value|value",
  "Future costs potentially avoided by preventative treatments|value",
  "Construction cost inflation above CPI (last 20 years)|value",
  "PWLB Certainty Rate discount on Standard Rate|value",
  "PWLB Standard Rate basis|value",
  "Average rate of interest paid on existing PWLB debt 2017/18|value",
]);

/** The level annual payment per £1 at 2.8% over 30 years, from the annuity formula. */
const annuityFactor = new Decimal("0.028").div(new Decimal(1).minus(new Decimal("1.028").pow(-30)));

describe("highways borrowing reference model", () => {
  let model: EvalJson;
  let checked: Run;
  beforeAll(() => {
    model = evaluate(file);
    checked = precept(["check", file]);
  }, 120_000);

  it("passes precept check, listing its known findings with their explanations", () => {
    expect(checked.stderr).toBe("");
    expect(checked.status).toBe(0);
    expect(checked.stdout).toMatch(/Master check: pass \(\d+ checks, 2 known findings\)/);
    const found = knownFindings(model);
    expect([...found.keys()].sort()).toEqual(["borrowing_total_cost", "illustration_total_cost"]);
    expect(found.get("illustration_total_cost")).toMatch(/^H1: /);
    expect(found.get("borrowing_total_cost")).toMatch(/^H2: /);
  });

  it("reproduces every printed figure of the paragraph 21 need table", () => {
    const all = figures("highways-borrowing");
    // 7 rows x (current spend + 5 years + total).
    expect(all.length).toBe(7 * 7);
    expect(problems(compare(model, all, tableTarget))).toEqual([]);
  });

  it("reproduces the stated figures, known findings by their documented amount", () => {
    const all = statedFigures("highways-borrowing").filter(
      (f) => !narrative.has(`${f.row}|${f.column}`),
    );
    const outcomes = compare(model, all, (f) => stated[`${f.row}|${f.column}`]);
    expect(problems(outcomes)).toEqual([]);
    expect(outcomes.length).toBe(Object.keys(stated).length);
  });

  it("reproduces the lifetime figures only as 30 x the annual figure rounded first (H1, H2)", () => {
    // EIP per £1 over 30 years at 2.8%: 1 + 0.028 x 31 / 2 = 1.434 in all, 0.0478 a year.
    expect(cell(model, "illustration_average_eip").toString()).toBe("478000");
    expect(cell(model, "borrowing_average_eip").toString()).toBe("5736000");
    // £0.478m rounded to £0.01m is £0.48m, x 30 = £14.4m; £5.736m to £0.1m is £5.7m, x 30 = £171m.
    expect(cell(model, "illustration_total_as_printed").toString()).toBe("14400000");
    expect(cell(model, "borrowing_total_as_printed").toString()).toBe("171000000");
    // An annuity fits £0.5m (£0.497m) but not £5.7m: 120 x 0.0497092 = £5.965m prints as £6.0m.
    const annuity120 = annuityFactor.times(120_000_000);
    expect(cell(model, "borrowing_annual").minus(annuity120).abs().lte("0.000001")).toBe(true);
    expect(annuity120.minus(5_700_000).abs().gt(50_000)).toBe(true);
  });

  it("gives the loan costs of the three repayment methods as scenarios", () => {
    const need = new Decimal(80_000_000);
    // Annuity: every £ repaid by 30 level payments. EIP: interest on a balance falling by 1/30
    // a year averages 15.5 years of 2.8%. Maturity: 30 years of interest, then the principal.
    const expected: Record<string, Decimal> = {
      annuity: need.times(annuityFactor).times(30),
      eip: need.plus(need.times("0.028").times("15.5")),
      maturity: need.plus(need.times("0.028").times(30)),
    };
    for (const [scenario, total] of Object.entries(expected)) {
      const run = evaluate(file, scenario);
      expect(run.scenario).toBe(scenario);
      const got = cell(run, "total_revenue_cost");
      expect(
        got.minus(total).abs().lte("0.000001"),
        `${scenario}: ${got.toString()} vs ${total.toString()}`,
      ).toBe(true);
      expect(cell(run, "debt_outstanding", "2053/54").abs().lte("0.000001")).toBe(true);
    }
    // 2020/21 is the first year of repayment of the £11m drawn at the end of 2019/20; the base
    // case is EIP: £11m / 30 of principal plus 2.8% interest on £11m.
    const first = cell(model, "revenue_cost", "2020/21");
    const eipFirst = new Decimal(11_000_000).div(30).plus(new Decimal(11_000_000).times("0.028"));
    expect(first.minus(eipFirst).abs().lte("0.000001")).toBe(true);
  }, 120_000);
});

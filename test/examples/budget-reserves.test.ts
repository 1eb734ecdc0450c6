/**
 * examples/budget-reserves.precept against every printed figure of
 * examples/fixtures/budget-reserves.json: the CA6 Annex 1a summary and directorate tables (seed
 * lines 787-1018), the Annex 1b pressures, savings, reserves, general funding and inflation
 * tables (lines 1026-1099), TOM Business Case slide 7 (lines 2049-2054) and the stated figures.
 * budget-reserves.map.json beside this file names, for each printed cell (table|line|column), the
 * model line and period that must reproduce it; it was written from the fixture with the model.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  compare,
  evaluate,
  figures,
  knownFindings,
  precept,
  problems,
  statedFigures,
  type EvalJson,
  type Run,
  type Target,
} from "./support";

const file = "examples/budget-reserves.precept";
const map = JSON.parse(
  readFileSync(resolve(__dirname, "budget-reserves.map.json"), "utf8"),
) as Record<string, { key: string; period: string | null }>;

/** Stated figures (CA6 paragraphs 6-12, Annex 1b) and where the model has them. */
const stated: Record<string, Target> = {
  "General balances assumed in MTFP at start of 2019/20|value": {
    key: "general_balances",
    period: "2019/20",
    tolerance: "50000",
  },
  "General balances forecast at end of 2018/19 (Business Management & Monitoring report)|value": {
    key: "general_balances",
    period: "2018/19",
    tolerance: "50000",
  },
  "Excess of forecast balances over MTFP assumption|value": {
    key: "balances_above_mtfp",
    tolerance: "50000",
  },
  "Risk-assessed level of general balances|value": {
    key: "risk_assessed_level",
    tolerance: "50000",
  },
  "Projected underspend 2018/19 (after use of Corporate Contingency)|value": {
    key: "underspend_2018_19",
    tolerance: "50000",
  },
  "Potential use of balances for school transfers to academy status|value": {
    key: "academy_costs",
    tolerance: "50000",
  },
  "General balances maintained at assumed level over the medium term|value": {
    key: "general_balances",
    period: "2021/22",
    tolerance: "50000",
  },
  "Earmarked reserves at end of 2018/19 in the MTFP|value": {
    key: "total_reserves",
    period: "2018/19",
    tolerance: "50000",
  },
  "Latest forecast earmarked reserves at end of 2018/19 (Cabinet July 2018)|value": {
    key: "reserves_latest_forecast_2018_19",
    tolerance: "50000",
  },
  "Budget Equalisation Reserve balance at end of 2018/19|value": {
    key: "reserve_balance[budget_equalisation]",
    period: "2018/19",
    tolerance: "50000",
  },
  "Planned contribution to Budget Equalisation Reserve in 2019/20|value": {
    key: "budget_equalisation_contribution_2019_20",
    tolerance: "50000",
  },
  "Budget Equalisation Reserve balance usable as one-off funding in 2019/20|value": {
    key: "budget_equalisation_usable",
    tolerance: "50000",
  },
  "Savings required over the 2018/19-2021/22 MTFP|value": {
    key: "savings_required_over_mtfp",
    tolerance: "50000",
  },
  "Savings built into 2018/19 budget|value": {
    key: "savings_built_into_2018_19",
    tolerance: "50000",
  },
  "Savings to be delivered in 2019/20 and beyond|value": {
    key: "savings_from_2019_20",
    tolerance: "50000",
  },
  "Directorate savings required 2019/20 and beyond (incl. Fit for the Future)|value": {
    key: "directorate_savings_from_2019_20",
    tolerance: "50000",
  },
  "Fit for the Future transformation savings|value": {
    key: "fit_for_the_future",
    tolerance: "50000",
  },
  "Corporate savings falling out (mainly one-off use of reserves)|value": {
    key: "corporate_falling_out",
    tolerance: "50000",
  },
  // B3: "£18m" for 2018/19-2020/21; the table's 18,002 is 2019/20-2021/22 (label only).
  "Additional on-going funding for demographic and other pressures 2018/19-2020/21|value": {
    key: "directorate_pressures_three_years",
    tolerance: "500000",
  },
  "Contract inflation (up to)|value": {
    key: "contracts_inflation",
    period: "2019/20",
    tolerance: "0",
  },
  "Income inflation|value": { key: "income_inflation", period: "2019/20", tolerance: "0" },
  "General prices inflation|value": { key: "prices_inflation", period: "2019/20", tolerance: "0" },
  // B2: £7.9m "in 2020/21"; the model's 2020/21 net change is nil (the £7.876m is in 2021/22).
  "Sum available to allocate in 2020/21|value": {
    key: "net_change",
    period: "2020/21",
    tolerance: "50000",
    known: { diff: "7900000", within: "0" },
  },
  "Reduction in general funding 2018/19 to 2021/22|value": {
    key: "funding_reduction",
    tolerance: "50000",
  },
  "General funding in 2021/22|value": {
    key: "general_funding",
    period: "2021/22",
    tolerance: "50000",
  },
  "Reduction in general funding vs 2018/19|value": {
    key: "funding_reduction_percent",
    tolerance: "0.005",
  },
  "Cumulative pressures, improvements and investments over next four years|value": {
    key: "total_pressures_four_years",
    tolerance: "50000",
  },
};

/** Stated figures that the budget model does not use. */
const narrative = new Set([
  "Earmarked reserves at start of 2018/19 above MTFP assumption|value",
  "Fire-fighter pay allowance held in Corporate Contingency|value",
  "Local share of business rates|value",
]);

describe("budget changes and reserves reference model", () => {
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
    expect([...found.keys()].sort()).toEqual([
      "resources_pressures_tie",
      "sum_to_allocate_2020_21",
    ]);
    expect(found.get("resources_pressures_tie")).toMatch(/^B1: /);
    expect(found.get("sum_to_allocate_2020_21")).toMatch(/^B2: /);
    // B1 fails exactly where the detail and the summary differ: 388 - (-250) and 120 - (-1,000).
    const b1 = model.checks.find((c) => c.name === "resources_pressures_tie");
    expect(b1?.failures.map((f) => f.period)).toEqual(["2019/20", "2020/21"]);
  });

  it("reproduces every printed figure of the budget, reserves and funding tables", () => {
    // B8: two blank template rows of the Children's table print only "0" in Total; not budget lines.
    const blank = figures("budget-reserves").filter((f) => f.row === "(unlabelled row)");
    expect(blank.map((f) => f.printed)).toEqual(["0", "0"]);
    const all = figures("budget-reserves").filter((f) => f.row !== "(unlabelled row)");
    const outcomes = compare(model, all, (f) => {
      const m = map[`${f.table}|${f.line ?? ""}|${f.column}`];
      return m === undefined ? undefined : { key: m.key, period: m.period ?? undefined };
    });
    expect(problems(outcomes)).toEqual([]);
    expect(outcomes.length).toBe(all.length);
    expect(all.length).toBeGreaterThan(400);
  });

  it("reproduces the stated figures of CA6 and Annex 1b", () => {
    const all = statedFigures("budget-reserves").filter(
      (f) => !narrative.has(`${f.row}|${f.column}`),
    );
    const outcomes = compare(model, all, (f) => stated[`${f.row}|${f.column}`]);
    expect(problems(outcomes)).toEqual([]);
    expect(outcomes.length).toBe(Object.keys(stated).length);
  });
});

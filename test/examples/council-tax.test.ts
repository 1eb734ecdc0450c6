/**
 * examples/council-tax.precept against every printed figure of examples/fixtures/council-tax.json:
 * CA6 Annex 1b paragraph 14 (Council Tax estimates, seed lines 1106-1115), the CA7 paragraph 32
 * Housing & Growth Deal table (lines 1251-1259) and the stated figures of CA6 and CA7.
 */
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
  type Figure,
  type Run,
  type Target,
} from "./support";

const file = "examples/council-tax.precept";

/** Annex 1b rows (by printed label) and the model lines they are. */
const annex1b: Record<string, string> = {
  "Council Tax Requirement (£m)": "requirement",
  "Council Tax Base": "taxbase",
  "Council Tax (Band D equivalent) (£)": "band_d",
  "Increase in Council Tax (Band D)": "band_d_increase",
  "Council Tax collection surpluses (£m)": "collection_surplus",
  "Total Council Tax Income (£m)": "total_income",
  "Percentage change from previous year": "income_change",
};

/** CA7 table columns: the model line per year, the base-year lines, and the TOTAL row. */
const ca7: Record<string, { line: string; base?: Record<string, string>; total?: string }> = {
  "Taxbase per MTFP": {
    line: "taxbase",
    base: { "2017/18": "taxbase_2017_18", "2018/19": "taxbase_2018_19" },
  },
  "Taxbase increase per MTFP %": {
    line: "taxbase_increase",
    base: { "2017/18": "taxbase_increase_2017_18", "2018/19": "taxbase_increase_2018_19" },
  },
  "Accelerated delivery per H&G Deal": { line: "hg_deal_delivery", total: "hg_delivery_total" },
  "Accelerated taxbase increase %": { line: "hg_increase" },
  "Taxbase Difference between MTFP and Deal": {
    line: "hg_difference",
    total: "hg_difference_total",
  },
  "% difference in taxbase": { line: "hg_difference_percent" },
  "Potential Additional Council Tax £000": {
    line: "hg_additional_council_tax",
    total: "hg_additional_total",
  },
};

/**
 * Known findings (examples/FINDINGS.md section 1): printed minus model, worked by hand.
 * C1: 256,831 - 251,777.82 x 1.02 (= 256,813.3764) = 17.6236.
 * C2: 261,949 - 261,949.643928 = -0.643928.
 * C14: 272,533 - 246,841 x 1.02^5 (= 272,532.4095) = 0.5905.
 * C15: 3,763 - (302.18 + 1,133.4436 + 817.7325 + 1,140.0071 + 370.2273 = 3,763.5905) = -0.5905.
 * C8: 587,000 - 370.2273 x 1,589.30 (= 588,402.19) = -1,402.19.
 * C9: 5,755,000 - 5,756,101.08 (the five unrounded cells) = -1,101.08.
 */
const known: Record<string, { diff: string; within: string }> = {
  "annex1b-council-tax|Council Tax Base|2020/21": { diff: "17.62", within: "0.01" },
  "annex1b-council-tax|Council Tax Base|2021/22": { diff: "-0.64", within: "0.01" },
  "housing-growth-deal-taxbase|2023/24|Taxbase per MTFP": { diff: "0.59", within: "0.01" },
  "housing-growth-deal-taxbase|TOTAL|Taxbase Difference between MTFP and Deal": {
    diff: "-0.59",
    within: "0.01",
  },
  "housing-growth-deal-taxbase|2023/24|Potential Additional Council Tax £000": {
    diff: "-1402",
    within: "1",
  },
  "housing-growth-deal-taxbase|TOTAL|Potential Additional Council Tax £000": {
    diff: "-1101",
    within: "1",
  },
};

function tableTarget(f: Figure): Target | undefined {
  if (f.table === "annex1b-council-tax") {
    const key = annex1b[f.row];
    if (key === undefined) return undefined;
    return { key, period: f.column, known: known[`${f.table}|${f.row}|${f.column}`] };
  }
  if (f.table === "housing-growth-deal-taxbase") {
    const col = ca7[f.column];
    if (col === undefined) return undefined;
    const k = known[`${f.table}|${f.row}|${f.column}`];
    if (f.row === "TOTAL")
      return col.total === undefined ? undefined : { key: col.total, known: k };
    const base = col.base?.[f.row];
    if (base !== undefined) return { key: base };
    return { key: col.line, period: f.row, known: k };
  }
  return undefined;
}

/** Stated figures (CA6 paragraphs 11-13, 23-24; CA7 paragraph 32) and where the model has them. */
const stated: Record<string, Target> = {
  "Band D council tax increase 2019/20|value": { key: "band_d_increase", period: "2019/20" },
  "Band D council tax increase 2020/21|value": { key: "band_d_increase", period: "2020/21" },
  "Band D council tax increase 2021/22|value": { key: "band_d_increase", period: "2021/22" },
  "Adult Social Care precept increase in 2019/20|value": { key: "asc_precept_increase_2019_20" },
  "Council tax referendum threshold (basic) 2019/20|value": { key: "referendum_threshold" },
  "Council taxbase growth per year|value": { key: "taxbase_growth" },
  "Council tax collection surplus each remaining MTFP year|value": {
    key: "collection_surplus",
    period: "2021/22",
  },
  "Council tax collection surplus 2018/19|value": { key: "surplus_2018_19" },
  // "£404.7m": to £0.1m.
  "Total council tax income by 2021/22 (incl. collection surpluses)|value": {
    key: "total_income",
    period: "2021/22",
    tolerance: "50000",
  },
  // C6: 3,300,000 - 1% x 369,821,333.13 = -398,213.33.
  "Sensitivity: 1% change in council tax|value": {
    key: "one_percent_council_tax",
    tolerance: "50000",
    known: { diff: "-398213", within: "1" },
  },
  // 0.25% x 369.821m = 0.9246m, printed £0.9m.
  "Sensitivity: +/-0.25% taxbase variation|value": {
    key: "quarter_percent_taxbase",
    tolerance: "50000",
  },
  // C13: to the nearest ten (4,936.82 and 5,136.27).
  "Additional properties a year equivalent to 2% taxbase growth|low": {
    key: "fewest_new_properties",
    tolerance: "5",
  },
  "Additional properties a year equivalent to 2% taxbase growth|high": {
    key: "most_new_properties",
    tolerance: "5",
  },
  "Houses delivered by March 2023 under Housing & Growth Deal|value": {
    key: "hg_delivery_total",
    tolerance: "0.5",
  },
  "Houses per year under Housing & Growth Deal|low": {
    key: "hg_deal_delivery",
    period: "2019/20",
    tolerance: "0.5",
  },
  "Houses per year under Housing & Growth Deal|high": {
    key: "hg_deal_delivery",
    period: "2022/23",
    tolerance: "0.5",
  },
  // C11: 6,549 - 3,763.5905 = 2,785.41.
  "Houses above original projections|value": {
    key: "hg_difference_total",
    tolerance: "0.5",
    known: { diff: "2785.41", within: "0.01" },
  },
  // C10: 5,700,000 - 5,756,101.08 = -56,101.08.
  "Additional council tax income expected by 2024 if accelerated housing delivered|value": {
    key: "hg_additional_total",
    tolerance: "50000",
    known: { diff: "-56101", within: "1" },
  },
};

/** Stated figures that are narrative, not part of the projection. */
const narrative = new Set(["ASC precept increase in each of 2017/18 and 2018/19|value"]);

describe("council tax reference model", () => {
  let model: EvalJson;
  let checked: Run;
  beforeAll(() => {
    model = evaluate(file);
    checked = precept(["check", file]);
  }, 120_000);

  it("passes precept check, listing its known findings with their explanations", () => {
    const r = checked;
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Master check: pass \(\d+ checks, 9 known findings\)/);
    const found = knownFindings(model);
    expect([...found.keys()].sort()).toEqual(
      [
        "annex1b_taxbase_2020_21",
        "annex1b_taxbase_2021_22",
        "ca7_taxbase_2023_24",
        "sensitivity_council_tax",
        "ca7_hg_difference_total",
        "ca7_above_original_projections",
        "ca7_additional_2023_24",
        "ca7_additional_total",
        "ca7_approximately",
      ].sort(),
    );
    expect(found.get("annex1b_taxbase_2020_21")).toMatch(/^C1: /);
    expect(found.get("ca7_above_original_projections")).toMatch(/^C11: /);
  });

  it("reproduces every printed figure of the Annex 1b and CA7 tables", () => {
    const all = figures("council-tax");
    // Annex 1b: 7 rows x 3 years = 21; CA7: 4 base-year cells + 5 years x 7 columns + 3 totals.
    expect(all.length).toBe(21 + 4 + 35 + 3);
    expect(problems(compare(model, all, tableTarget))).toEqual([]);
  });

  it("reproduces the stated figures of CA6 and CA7, known findings by their documented amount", () => {
    const all = statedFigures("council-tax").filter((f) => !narrative.has(`${f.row}|${f.column}`));
    const outcomes = compare(model, all, (f) => stated[`${f.row}|${f.column}`]);
    expect(problems(outcomes)).toEqual([]);
    expect(outcomes.length).toBe(Object.keys(stated).length);
  });

  it("every known check fails in the model by the amount its finding states", () => {
    const failing = model.checks.filter((c) => !c.passed).map((c) => c.name);
    expect(failing.sort()).toEqual([...knownFindings(model).keys()].sort());
  });
});

/**
 * The statutory indicator library models in examples/library/ against values worked by hand: the
 * CIPFA Prudential Code indicators and the council tax referendum test. Each also fails its
 * check when a figure is moved over its limit, so the checks test something.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import { root, runCli, tempModel } from "../cli/support";

const D = Decimal.clone({ precision: 40 });
const prudentialFile = join(root, "examples", "library", "prudential-indicators.precept");
const referendumFile = join(root, "examples", "library", "council-tax-referendum.precept");

/** An item's values; `base` holds them in base units (pounds, fractions), which these tests use. */
interface ItemValues {
  value?: string | null;
  values?: Record<string, string | null>;
}

interface EvalJson {
  items: Record<string, ItemValues & { base?: ItemValues }>;
  checks: { name: string; passed: boolean }[];
}

function evaluate(file: string): { code: number; json: EvalJson } {
  const r = runCli("eval", file, "--format", "json");
  return { code: r.code, json: JSON.parse(r.out) as EvalJson };
}

const series = (json: EvalJson, key: string) => Object.values(json.items[key]?.base?.values ?? {});
const failed = (json: EvalJson) => json.checks.filter((c) => !c.passed).map((c) => c.name);
/** Exact pounds of £m figures. */
const m = (...values: string[]) => values.map((v) => new D(v).times(1_000_000).toFixed());

describe("examples/library/prudential-indicators.precept", () => {
  const { code, json } = evaluate(prudentialFile);

  it("passes every check of the Code", () => {
    expect(code).toBe(0);
    expect(failed(json)).toEqual([]);
  });

  it("finances capital expenditure and rolls the CFR forward as worked by hand", () => {
    // Need: 120 - 40 - 10 - 5 = 65; 100 - 35 - 10 - 5 = 50; 80 - 30 - 5 - 5 = 40.
    expect(series(json, "borrowing_need")).toEqual(m("65", "50", "40"));
    // MRP is 2% of the opening CFR: 2% of 500 = 10; CFR 500 + 65 - 10 = 555;
    // 2% of 555 = 11.1, CFR 555 + 50 - 11.1 = 593.9; 2% of 593.9 = 11.878, CFR 622.022.
    expect(series(json, "mrp")).toEqual(m("10", "11.1", "11.878"));
    expect(series(json, "cfr")).toEqual(m("555", "593.9", "622.022"));
  });

  it("sets the debt limits and the financing cost ratio as worked by hand", () => {
    // Gross debt = borrowing + other long-term liabilities: 420 + 30, 460 + 28, 490 + 26.
    expect(series(json, "gross_debt")).toEqual(m("450", "488", "516"));
    expect(series(json, "operational_boundary")).toEqual(m("460", "498", "526"));
    expect(series(json, "authorised_limit")).toEqual(m("465", "503", "531"));
    // Financing costs = interest + MRP - investment income: 17 + 10 - 3 = 24;
    // 18.5 + 11.1 - 2.5 = 27.1; 20 + 11.878 - 2 = 29.878; over 600, 620 and 640.
    expect(series(json, "financing_costs")).toEqual(m("24", "27.1", "29.878"));
    const ratio = series(json, "financing_cost_ratio").map((v) => new D(v ?? "NaN"));
    expect(ratio[0]?.toFixed()).toBe("0.04");
    expect(ratio[1]?.minus(new D("27.1").div(620)).abs().lt("1e-30")).toBe(true);
    expect(ratio[2]?.toFixed()).toBe("0.046684375");
  });

  it("gives the maturity structure as shares of the fixed-rate borrowing", () => {
    const share = (band: string) =>
      new D(json.items[`maturity_share[${band}]`]?.base?.value ?? "NaN");
    // 21, 25, 60, 84 and 230 of £420m.
    expect(share("under_1y").toFixed()).toBe("0.05");
    expect(share("y5_10").toFixed()).toBe("0.2");
    expect(share("over_10y").minus(new D(230).div(420)).abs().lt("1e-30")).toBe(true);
  });

  it("fails the tests when debt passes the CFR or a maturity band its limits", () => {
    const text = readFileSync(prudentialFile, "utf8");
    // £600m of borrowing in 2026/27 makes gross debt £626m, over the CFR of £622.022m.
    const overCfr = text.replace(
      "             420      460      490",
      "             420      460      600",
    );
    expect(overCfr).not.toBe(text);
    expect(failed(evaluate(tempModel(overCfr)).json)).toContain("gross_debt_within_cfr");
    // £100m under 12 months (23.8%, over 20%) and £151m over 10 years (36.0%, under 50%).
    const bands = text
      .replace("under_1y     21\n", "under_1y    100\n")
      .replace("over_10y    230\n", "over_10y    151\n");
    const result = evaluate(tempModel(bands));
    expect(result.code).toBe(1);
    expect(failed(result.json)).toEqual(["maturity_within_limits"]);
  });
});

describe("examples/library/council-tax-referendum.precept", () => {
  const { code, json } = evaluate(referendumFile);

  it("finds no referendum needed in 2019/20, as the paper says", () => {
    expect(code).toBe(0);
    expect(failed(json)).toEqual([]);
    // 3% - 2.99% = 0.01% of headroom; the ASC precept reached 3% + 3% = 6% by 2018/19.
    expect(series(json, "core_headroom")[2]).toBe("0.0001");
    expect(series(json, "asc_so_far")).toEqual(["0.03", "0.06", "0.06"]);
    expect(series(json, "core_excessive")[2]).toBe("false");
  });

  it("needs a referendum for a core increase of the threshold itself, or ASC past 6%", () => {
    const text = readFileSync(referendumFile, "utf8");
    const atThreshold = text.replace("| 2019/20 : 2.99%", "| 2019/20 : 3%");
    expect(atThreshold).not.toBe(text);
    const core = evaluate(tempModel(atThreshold)).json;
    expect(series(core, "core_excessive")[2]).toBe("true");
    expect(failed(core)).toEqual(["core_below_threshold"]);
    // 1% more ASC in 2019/20 is within that year's 2% but takes the three years to 7%.
    const asc = evaluate(
      tempModel(text.replace("3%       3%       0%", "3%       3%       1%")),
    ).json;
    expect(series(asc, "asc_excessive")[2]).toBe("true");
    expect(failed(asc)).toEqual(["asc_within_limit_over_the_years", "asc_maximum_taken"]);
  });
});

describe("the library models", () => {
  it("are formatted", () => {
    const r = runCli("format", "--check", prudentialFile, referendumFile);
    expect(r.out).toBe("");
    expect(r.code).toBe(0);
  });
});

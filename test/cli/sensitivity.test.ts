import { readFileSync } from "node:fs";
import { join } from "node:path";
import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import { root, runCli, tempModel } from "./support";

const D = Decimal.clone({ precision: 40 });
const tomFile = join(root, "examples", "tom-cost-benefit.precept");

interface Shown {
  exact: string;
  display: string;
}
interface Row {
  key: string;
  outputLow?: Shown;
  outputHigh?: Shown;
  swing?: Shown;
  switching: { kind: "found"; change?: Shown; value?: Shown } | { kind: "none"; reason: string };
}
interface Result {
  ok: true;
  base: Shown;
  rows: Row[];
  skipped: { key: string }[];
}

function sensitivityJson(...args: string[]): Result {
  const r = runCli("sensitivity", ...args, "--format", "json");
  expect(r.code, r.err).toBe(0);
  return JSON.parse(r.out) as Result;
}

const change = (row: Row | undefined): Decimal => {
  const s = row?.switching;
  return new D(s?.kind === "found" ? (s.change?.exact ?? "NaN") : "NaN");
};

describe("precept sensitivity on a model small enough to work by hand", () => {
  // value = benefit x (1 + rate) - cost = 110 - 60 = 50.
  const file = tempModel(`model "Tiny"
periods 2019/20 .. 2020/21
input benefit (£) = £100
input cost (£) = £60
input rate (%) = 10%
input unused (£) = £5
value (£) = benefit * (1 + rate) - cost
`);

  it("moves each input 10% both ways and orders the rows by swing", () => {
    const r = sensitivityJson(file, "value");
    expect(r.base.exact).toBe("50");
    // benefit 90 / 110: 39 / 61, swing 22; cost 54 / 66: 56 / 44, swing 12; rate 9% / 11%: 49 / 51, swing 2.
    expect(
      r.rows.map((x) => [x.key, x.outputLow?.exact, x.outputHigh?.exact, x.swing?.exact]),
    ).toEqual([
      ["benefit", "39", "61", "22"],
      ["cost", "56", "44", "12"],
      ["rate", "49", "51", "2"],
    ]);
  });

  it("finds each switching value: where the value falls to 0", () => {
    const r = sensitivityJson(file, "value");
    // benefit x 1.1 = 60 at benefit = 54.5454..., -5/11 of the base; cost = 110 is +5/6;
    // rate would have to be -40% (a change of -500%), beyond -100%: none.
    const [benefit, cost, rate] = r.rows;
    expect(change(benefit).minus(new D(-5).div(11)).abs().lt("1e-20")).toBe(true);
    expect(benefit?.switching.kind === "found" && benefit.switching.value?.display).toBe(
      "54.545455",
    );
    expect(change(cost).minus(new D(5).div(6)).abs().lt("1e-20")).toBe(true);
    expect(rate?.switching.kind).toBe("none");
  });

  it("takes a threshold, a step, an asymmetric range and absolute ranges", () => {
    // value = 20 at benefit = 80 / 1.1: a change of 80/110 - 1 = -3/11.
    const t = sensitivityJson(file, "value", "--inputs", "benefit", "--threshold", "£20");
    expect(change(t.rows[0]).minus(new D(-3).div(11)).abs().lt("1e-20")).toBe(true);
    const step = sensitivityJson(file, "value", "--inputs", "cost", "--step", "50%");
    expect([step.rows[0]?.outputLow?.exact, step.rows[0]?.outputHigh?.exact]).toEqual(["80", "20"]);
    const range = sensitivityJson(
      file,
      "value",
      "--inputs",
      "cost",
      "--low",
      "-20%",
      "--high",
      "10%",
    );
    expect([range.rows[0]?.outputLow?.exact, range.rows[0]?.outputHigh?.exact]).toEqual([
      "62",
      "44",
    ]);
    const absolute = sensitivityJson(file, "value", "--inputs", "rate=0%..20%,cost=£0..£1,000");
    expect(absolute.rows.map((x) => [x.key, x.outputLow?.exact, x.outputHigh?.exact])).toEqual([
      ["cost", "110", "-890"],
      ["rate", "40", "60"],
    ]);
  });

  it("leaves out inputs the output does not read, and skips inputs that are 0", () => {
    const zero = tempModel(`model "Z"
periods 2019/20 .. 2020/21
input a (£) = £10
input b (£) = £0
out (£) = a + b
`);
    const r = sensitivityJson(zero, "out");
    expect(r.rows.map((x) => x.key)).toEqual(["a"]);
    expect(r.skipped.map((s) => s.key)).toEqual(["b"]);
    const named = runCli("sensitivity", zero, "out", "--inputs", "b");
    expect([named.code, /P\d{4}/.exec(named.err)?.[0]]).toEqual([2, "P6008"]);
    expect(sensitivityJson(zero, "out", "--inputs", "b=£0..£10").rows[0]?.swing?.exact).toBe("10");
  });

  it("exits 2 with a code for a request it cannot run", () => {
    const code = (...args: string[]) => {
      const r = runCli("sensitivity", file, ...args);
      return [r.code, /^precept: (P\d{4}) /.exec(r.err)?.[1]];
    };
    expect(code("valu")).toEqual([2, "P2001"]);
    expect(code("value", "--inputs", "value")).toEqual([2, "P6001"]);
    expect(code("value", "--step", "10")).toEqual([2, "P6010"]);
    expect(code("value", "--low", "10%", "--high", "-10%")).toEqual([2, "P6009"]);
    expect(code("value", "--inputs", "cost=£5..x")).toEqual([2, "P6005"]);
    const broken = tempModel(
      'model "B"\nperiods 2019/20 .. 2020/21\ninput a (£) = £0\nratio = 1 / a\n',
    );
    const r = runCli("sensitivity", broken, "ratio");
    expect([r.code, /^precept: (P\d{4}) /.exec(r.err)?.[1]]).toEqual([2, "P6006"]);
    expect(
      runCli("sensitivity", file, "value", "--step", "10%", "--low", "-1%", "--high", "1%").code,
    ).toBe(2);
  });
});

describe("precept sensitivity on the TOM business case", () => {
  const text = readFileSync(tomFile, "utf8");
  const npvOf = (model: string): Decimal => {
    const r = runCli("eval", tempModel(model), "--format", "json");
    const json = JSON.parse(r.out) as { items: Record<string, { value?: string }> };
    return new D(json.items.npv_net_benefit?.value ?? "NaN");
  };

  it("lists the inputs NPV reads in tornado order", () => {
    const r = sensitivityJson(tomFile, "npv_net_benefit");
    const swings = r.rows.map((x) => new D(x.swing?.exact ?? "NaN"));
    for (let i = 1; i < swings.length; i++) expect(swings[i - 1]?.gte(swings[i] ?? 0)).toBe(true);
    expect(r.rows.map((x) => x.key).sort()).toEqual([
      "benefit_in_year_mid",
      "discount_rate",
      "mid_total",
      "one_off_costs",
      "recurring_total",
    ]);
  });

  it("gives the switching value of each benefit line for NPV = 0, and NPV is 0 there", () => {
    const r = sensitivityJson(
      tomFile,
      "npv_net_benefit",
      "--inputs",
      "recurring_total,benefit_in_year_mid",
    );
    const recurring = r.rows.find((x) => x.key === "recurring_total");
    const profile = r.rows.find((x) => x.key === "benefit_in_year_mid");
    // Both scale the in-year benefit alike, so they switch at the same change.
    expect(change(recurring).minus(change(profile)).abs().lt("1e-20")).toBe(true);

    // The recurring benefit at its switching value, typed into the model: NPV is 0.
    const value =
      recurring?.switching.kind === "found" ? recurring.switching.value?.exact : undefined;
    const atRecurring = text.replace(
      "input recurring_total (£m) = £46m",
      `input recurring_total (£m) = £${value ?? "x"}`,
    );
    expect(atRecurring).not.toBe(text);
    expect(npvOf(atRecurring).abs().lt("0.000001")).toBe(true);

    // The mid-point profile scaled by the same change, cell by cell: NPV is 0 again.
    const s = change(profile).plus(1);
    const cells = ["0", "14", "18", "10", "4"].map((v) =>
      new D(v).times(s).toSignificantDigits(34).toFixed(),
    );
    const atProfile = text.replace(
      '              0       14       18       10        4\n  label "Annual recurring benefit delivered in-year (mid point)"',
      `              ${cells.join("  ")}\n  label "Annual recurring benefit delivered in-year (mid point)"`,
    );
    expect(atProfile).not.toBe(text);
    expect(npvOf(atProfile).abs().lt("0.000001")).toBe(true);
    // And 1% short of the switching value, the case still pays back.
    expect(
      npvOf(
        atRecurring.replace(`£${value ?? "x"}`, `£${new D(value ?? "0").times("1.01").toFixed()}`),
      ).gt(0),
    ).toBe(true);
  });

  it("finds where payback slips a year, a threshold between two steps", () => {
    const r = sensitivityJson(
      tomFile,
      "payback_years",
      "--inputs",
      "recurring_total",
      "--threshold",
      "2.5",
    );
    const sw = r.rows[0]?.switching;
    const value = new D(sw?.kind === "found" ? (sw.value?.exact ?? "NaN") : "NaN");
    const paybackAt = (v: Decimal) => {
      const model = text.replace(
        "input recurring_total (£m) = £46m",
        `input recurring_total (£m) = £${v.toFixed()}`,
      );
      const out = runCli("eval", tempModel(model), "--format", "json");
      const json = JSON.parse(out.out) as { items: Record<string, { value?: string }> };
      return json.items.payback_years?.value;
    };
    // Two years at £46m; a thousandth of a pound either side of the switching value, 2 and 3.
    expect(paybackAt(value.plus("0.001"))).toBe("2");
    expect(paybackAt(value.minus("0.001"))).toBe("3");
  });

  it("prints the tornado as a table with switching values", () => {
    const r = runCli("sensitivity", tomFile, "npv_net_benefit");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Sensitivity of npv_net_benefit = 104\.1 \(£m\)/);
    expect(r.out).toMatch(
      /^recurring_total\s+£m\s+46\.0\s+41\.4\s+50\.6\s.*\(85\.80%\) \(6\.53348\)$/m,
    );
  });
});

import { join } from "node:path";
import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import { root, runCli, tempModel } from "./support";

const tom = join(root, "examples", "tom-cost-benefit.precept");

interface CompareJson {
  left: string;
  right: string;
  periods: string[];
  items: Record<
    string,
    {
      unit: string;
      changed: boolean;
      /** By period, or one value for a line with one value for all periods. */
      left: unknown;
      right: unknown;
      difference: Record<string, string | null> | string | null;
      relative: Record<string, string | null> | string | null;
    }
  >;
  masterCheck: { left: { passed: boolean }; right: { passed: boolean } };
}

interface Scalar {
  changed: boolean;
  left: unknown;
  right: unknown;
  difference: string | null;
  relative: string | null;
}
interface ByPeriod {
  difference: Record<string, string | null>;
  relative: Record<string, string | null>;
}

describe("precept compare", () => {
  it("gives both scenarios, the difference and the relative difference by period (JSON)", () => {
    const r = runCli("compare", tom, "low", "high", "--format", "json");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as CompareJson;
    expect([json.left, json.right]).toEqual(["low", "high"]);
    // A line with one value for all periods has one value, as in eval's JSON.
    const total = json.items.recurring_total as unknown as Scalar;
    // Low £34m, high £58m: +£24m, and 24/34 of the low value; values are in the line's £m.
    expect(total.left).toBe("34");
    expect(total.right).toBe("58");
    expect(total.difference).toBe("24");
    expect(
      new Decimal(total.relative ?? "NaN").minus(new Decimal(24).div(34)).abs().lt("1e-18"),
    ).toBe(true);
    // Net benefit 2018/19 is the one-off cost alone (-£4m) in both: no difference, 0%.
    const net = json.items.net_benefit as unknown as ByPeriod;
    expect(net.difference["2018/19"]).toBe("0");
    expect(net.relative["2018/19"]).toBe("0");
    // In-year benefit is 0 in 2018/19: the relative difference there is blank, not a division by 0.
    expect((json.items.benefit_in_year as unknown as ByPeriod).relative["2018/19"]).toBeNull();
    // Inputs the scenarios leave alone are listed, unchanged.
    expect(json.items.discount_rate?.changed).toBe(false);
    expect((json.items.discount_rate as unknown as Scalar).difference).toBe("0");
  });

  it("takes 'base' for the base case", () => {
    const r = runCli("compare", tom, "base", "low", "--format", "json");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as CompareJson;
    expect(json.left).toBe("base");
    expect((json.items.recurring_total as unknown as Scalar).difference).toBe("-12");
  });

  it("shows only the lines that differ in the table, and says how many are the same", () => {
    const r = runCli("compare", tom, "low", "high");
    expect(r.code).toBe(0);
    const lines = r.out.split("\n");
    const at = lines.findIndex((l) => l.startsWith("recurring_total "));
    expect(lines[at]).toMatch(/low\s+34\.0\s+34\.0/);
    expect(lines[at + 1]).toMatch(/high\s+58\.0/);
    expect(lines[at + 2]).toMatch(/difference\s+24\.0/);
    expect(lines[at + 3]).toMatch(/difference %\s+70\.6%/);
    expect(r.out).not.toMatch(/^discount_rate /m);
    expect(r.out).toMatch(/\d+ lines are the same in both and not shown/);
    expect(r.out).toMatch(/^low: Master check: pass/m);
  });

  it("writes four CSV rows per line: each scenario, the difference and the relative difference", () => {
    const r = runCli("compare", tom, "low", "high", "--format", "csv");
    expect(r.code).toBe(0);
    const rows = r.out.trimEnd().split("\r\n");
    expect(rows[0]).toBe("key,label,unit,series,2018/19,2019/20,2020/21,2021/22,2022/23");
    const total = rows.filter((l) => l.startsWith("recurring_total,"));
    expect(total.map((l) => l.split(",")[3])).toEqual(["low", "high", "difference", "relative"]);
    // In the row's unit, £m, as eval's CSV gives values.
    expect(total[0]?.split(",")[2]).toBe("£m");
    expect(total[2]?.split(",")[4]).toBe("24");
  });

  it("exits 2 with P6007 for an unknown scenario, and needs two", () => {
    const r = runCli("compare", tom, "low", "highest");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^precept: P6007 Unknown scenario 'highest'\. Use one of 'base', 'low'/);
    expect(runCli("compare", tom, "low").code).toBe(2);
    expect(runCli("compare", tom, "low", "high", "--format", "xml").code).toBe(2);
  });

  it("shows a line with an error diagnostic, and its readers, as the error, with no difference", () => {
    const file = tempModel(
      'model "E"\nperiods 2019/20 .. 2020/21\ninput a (£) = £1\ninput g (%) = 2%\n' +
        "bad (£) = a + g\nreader (£) = bad * 2\nfine (£) = a * 3\n" +
        "scenario up { a = £2 }\n",
    );
    const r = runCli("compare", file, "base", "up", "--format", "json");
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/P3001/);
    const json = JSON.parse(r.out) as CompareJson;
    // `reader` has a value per period (it reads a line with an error diagnostic), as in eval.
    const reader = json.items.reader as unknown as ByPeriod & { right: Record<string, unknown> };
    expect(reader.right["2019/20"]).toMatchObject({ error: { code: "P3001" } });
    expect(reader.difference["2019/20"]).toBeNull();
    expect(json.items.reader?.changed).toBe(false);
    expect((json.items.fine as unknown as Scalar).difference).toBe("3");
  });
});

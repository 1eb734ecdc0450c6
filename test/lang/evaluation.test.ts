/**
 * Language constructs whose values matter, evaluated end to end (check, compile, evaluate). The
 * expected figures are worked out by hand in the comments, never copied from the engine.
 */
import { describe, expect, it } from "vitest";
import { createEngine, type EvalSnapshot } from "../../src/engine";
import { checkModel } from "../../src/lang";

/** Exact values by line key (`name[member]`), one string per period, and the diagnostic codes. */
function evaluate(text: string): { values: Record<string, string[]>; codes: string[] } {
  const engine = createEngine();
  engine.update(text);
  const snapshot: EvalSnapshot = engine.setScenario(null);
  const values: Record<string, string[]> = {};
  for (const line of snapshot.lines) {
    const cells = line.scalar === undefined ? line.cells : [line.scalar];
    values[line.key] = cells.map((c) =>
      c.error === undefined ? (c.value ?? "blank") : `#${c.error.code}`,
    );
  }
  return { values, codes: snapshot.diagnostics.map((d) => d.code) };
}

describe("an aggregate over one dimension in a line by another (a maturity-bucket table)", () => {
  const text = `model "Treasury: deposits by time to maturity"
periods 2024/25 .. 2025/26
dimension deposit = d1, d2, d3, d4, d5
dimension bucket = short "Up to 30 days", medium "31 to 90 days", long "Over 90 days"
input principal by deposit (£m) =
  table  2024/25  2025/26
  d1       5.000    5.000
  d2       3.000    0.000
  d3       2.500    2.500
  d4       7.000    7.000
  d5       1.250    4.000
input days by deposit (days) =
  table  value
  d1        10
  d2        30
  d3        45
  d4       200
  d5        90
input lower by bucket (days) =
  table  value
  short      0
  medium    31
  long      91
input upper by bucket (days) =
  table  value
  short     30
  medium    90
  long   99999
in_bucket by bucket (£m) = sumif(principal, days >= lower and days <= upper over deposit)
deposits by bucket = count(days >= lower and days <= upper and principal > £0 over deposit)
mean_days by bucket (days) =
  sumif(principal * days, days >= lower and days <= upper over deposit) / in_bucket
total (£m) = sum(in_bucket over bucket)
check ties: total = sum(principal over deposit) within £1
`;

  it("checks cleanly", () => {
    expect(checkModel(text).diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([]);
  });

  it("sums, counts and averages each bucket's deposits, period by period", () => {
    const { values, codes } = evaluate(text);
    expect(codes).toEqual([]);
    // 2024/25: short = d1 (10 days) + d2 (30) = £5m + £3m = £8m; medium = d3 (45) + d5 (90)
    // = £2.5m + £1.25m = £3.75m; long = d4 (200) = £7m. 2025/26: d2 is £0 and d5 £4m, so
    // short £5m, medium £6.5m, long £7m.
    expect(values["in_bucket[short]"]).toEqual(["8000000", "5000000"]);
    expect(values["in_bucket[medium]"]).toEqual(["3750000", "6500000"]);
    expect(values["in_bucket[long]"]).toEqual(["7000000", "7000000"]);
    // Totals: 8 + 3.75 + 7 = £18.75m; 5 + 6.5 + 7 = £18.5m.
    expect(values["total"]).toEqual(["18750000", "18500000"]);
    // Deposits with money in them: short 2 then 1 (d2 is empty in 2025/26), medium 2, long 1.
    expect(values["deposits[short]"]).toEqual(["2", "1"]);
    expect(values["deposits[medium]"]).toEqual(["2", "2"]);
    expect(values["deposits[long]"]).toEqual(["1", "1"]);
    // Weighted days: short (5 × 10 + 3 × 30) / 8 = 140 / 8 = 17.5, then 50 / 5 = 10;
    // medium (2.5 × 45 + 1.25 × 90) / 3.75 = 225 / 3.75 = 60, then (112.5 + 360) / 6.5
    // = 472.5 / 6.5 = 72.692307...; long 200.
    expect(values["mean_days[short]"]).toEqual(["17.5", "10"]);
    expect(values["mean_days[medium]"]?.[0]).toBe("60");
    expect(values["mean_days[medium]"]?.[1]).toMatch(/^72\.6923076923076923076923076923/);
    expect(values["mean_days[long]"]).toEqual(["200", "200"]);
  });
});

describe("a bucket table after an edit of a bound", () => {
  it("recomputes the buckets the new bound moves a deposit between", () => {
    const text = (shortUpper: string): string => `periods 2024/25 .. 2024/25
dimension deposit = d1, d2
dimension bucket = short, long
input principal by deposit (£m) =
  table value
  d1    1
  d2    2
input days by deposit (days) =
  table value
  d1    10
  d2    40
input lower by bucket (days) =
  table value
  short 0
  long  ${Number(shortUpper) + 1}
input upper by bucket (days) =
  table value
  short ${shortUpper}
  long  999
in_bucket by bucket (£m) = sumif(principal, days >= lower and days <= upper over deposit)
`;
    const engine = createEngine();
    engine.update(text("30"));
    engine.update(text("60"));
    const lines = engine.setScenario(null).lines;
    const value = (key: string): string | null | undefined =>
      lines.find((l) => l.key === key)?.scalar?.value;
    // Short now runs to 60 days: d1 (10 days, £1m) and d2 (40 days, £2m) are both in it.
    expect(value("in_bucket[short]")).toBe("3000000");
    expect(value("in_bucket[long]")).toBe("0");
  });
});

describe("blank cells in a table", () => {
  const text = `periods 2024/25 .. 2026/27
dimension d = a, b
input x by d (£m) =
  table 2024/25 2025/26 2026/27
  a     blank   1       2
  b     3       blank   4
total (£m) = sum(x over d)
doubled by d (£m) = x * 2
`;

  it("are blank, and aggregates skip them", () => {
    const { values, codes } = evaluate(text);
    expect(codes).toEqual([]);
    expect(values["x[a]"]).toEqual(["blank", "1000000", "2000000"]);
    expect(values["x[b]"]).toEqual(["3000000", "blank", "4000000"]);
    // sum skips blanks: 3; 1; 2 + 4 = 6 (£m).
    expect(values["total"]).toEqual(["3000000", "1000000", "6000000"]);
    // Arithmetic on a blank gives blank.
    expect(values["doubled[a]"]).toEqual(["blank", "2000000", "4000000"]);
    expect(values["doubled[b]"]).toEqual(["6000000", "blank", "8000000"]);
  });
});

describe("text inputs", () => {
  const text = `model "Loans"
periods 2024/25 .. 2025/26
dimension loan = pwlb, bank
input method by loan =
  table value
  pwlb "eip"
  bank "maturity"
input chosen = "eip"
input advance by loan (£) =
  table value
  pwlb £1,000
  bank £3,000
picked (£) = sumif(advance, method = chosen over loan)
scenario switch {
  chosen = "maturity"
}
`;

  it("pick members by a text a scenario switches by name", () => {
    const engine = createEngine();
    engine.update(text);
    const base = engine.setScenario(null);
    const switched = engine.setScenario("switch");
    const value = (s: EvalSnapshot): string | null | undefined => {
      const line = s.lines.find((l) => l.key === "picked");
      return (line?.scalar ?? line?.cells[0])?.value;
    };
    // Base: only the PWLB loan is by "eip": £1,000. Switched to "maturity": the bank's £3,000.
    expect(value(base)).toBe("1000");
    expect(value(switched)).toBe("3000");
    expect(base.diagnostics.map((d) => d.code)).toEqual([]);
  });
});

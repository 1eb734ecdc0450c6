import { describe, expect, it } from "vitest";
import { createEngine } from "../../src/engine";

const model = (periods: string, body: string) =>
  `model "L"\nperiods ${periods}\ninput adv (£m) =\n  | 2019/20 : £10m\n  | 2020/21 .. : £0m\n${body}`;

describe("loan and MRP schedules past the last period warn (issue 11.9)", () => {
  it("warns with P4011 at the call, giving the amount left outstanding", () => {
    const call = 'loan_principal(adv, 3%, 30, "eip")';
    const text = model("2019/20 .. 2023/24", `repaid (£m) = ${call}\n`);
    const snap = createEngine().update(text);
    const warnings = snap.diagnostics.filter((d) => d.code === "P4011");
    expect(warnings).toHaveLength(1);
    const w = warnings[0];
    expect(w?.severity).toBe("warning");
    expect(w?.item).toBe("repaid");
    expect(text.slice(w?.from, w?.to)).toBe(call);
    // £10m drawn at the end of 2019/20, repaid £10m / 30 a year from 2020/21: four repayments by
    // 2023/24 leave 10 - 4/3 = £8.667m.
    expect(w?.message).toContain("£8.7m");
    expect(w?.message).toContain("2023/24");
  });

  it("warns for straight-line and annuity MRP, not for reducing balance", () => {
    const text = model(
      "2019/20 .. 2023/24",
      'a (£m) = mrp(adv, 25, "straight_line")\nb (£m) = mrp(adv, 25, "annuity", 3%)\n' +
        'c (£m) = mrp(adv, 0, "reducing_balance")\n',
    );
    const warned = createEngine()
      .update(text)
      .diagnostics.filter((d) => d.code === "P4011")
      .map((d) => d.item);
    expect(warned).toEqual(["a", "b"]);
  });

  it("says nothing when every loan is repaid within the periods, and updates as the text does", () => {
    const engine = createEngine();
    const short = model("2019/20 .. 2023/24", 'r (£m) = loan_interest(adv, 3%, 3, "annuity")\n');
    expect(engine.update(short).diagnostics).toEqual([]);
    const long = model("2019/20 .. 2023/24", 'r (£m) = loan_interest(adv, 3%, 5, "maturity")\n');
    expect(engine.update(long).diagnostics.map((d) => d.code)).toEqual(["P4011"]);
    // Six periods: the five-year loan drawn at the end of 2019/20 is repaid in 2024/25.
    const longer = long.replace("2019/20 .. 2023/24", "2019/20 .. 2024/25");
    expect(engine.update(longer).diagnostics).toEqual([]);
    expect(createEngine().update(longer).diagnostics).toEqual([]);
  });
});

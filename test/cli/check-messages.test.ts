import { describe, expect, it } from "vitest";
import { createEngine } from "../../src/engine";

function failures(text: string): Record<string, string[]> {
  const snap = createEngine().update(text);
  return Object.fromEntries(snap.checks.map((c) => [c.name, c.failures.map((f) => f.message)]));
}

const head = 'model "P"\nperiods 2019/20 .. 2020/21\n';

describe("check failure messages show enough decimals (issue 11.7)", () => {
  it("uses the tolerance's precision: 2.394 against 2.431 within £0.0005m", () => {
    const got = failures(`${head}input a (£m) = £2.394m\ncheck c: a = £2.431m within £0.0005m\n`);
    // £m shows 1 decimal by default, but the tolerance is written to 4.
    expect(got["c"]).toEqual([
      "Check 'c' fails in every period: a is 2.3940 but £2.431m is 2.4310, more than 0.0005 apart.",
    ]);
  });

  it("uses the line's decimals", () => {
    const got = failures(
      `${head}input a (£m) = £2.394m\n  decimals 3\ncheck c: a = £2.431m within £0.005m\ncheck d: a > £2.431m\n`,
    );
    expect(got["c"]).toEqual([
      "Check 'c' fails in every period: a is 2.394 but £2.431m is 2.431, more than 0.005 apart.",
    ]);
    expect(got["d"]).toEqual([
      "Check 'd' fails in every period: a is 2.394, £2.431m is 2.431; expected >.",
    ]);
  });

  it("never shows two different sides as the same number", () => {
    const got = failures(`${head}input a (£m) = £2.41m\ncheck d: a >= £2.44m\n`);
    expect(got["d"]).toEqual([
      "Check 'd' fails in every period: a is 2.41, £2.44m is 2.44; expected >=.",
    ]);
  });

  it("keeps the unit's default when that already tells the sides apart", () => {
    const got = failures(`${head}input a (£m) = £2m\ncheck d: a > £3m\n`);
    expect(got["d"]).toEqual([
      "Check 'd' fails in every period: a is 2.0, £3m is 3.0; expected >.",
    ]);
  });
});

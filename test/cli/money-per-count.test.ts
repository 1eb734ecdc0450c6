import { describe, expect, it } from "vitest";
import { createEngine } from "../../src/engine";

function shown(unit: string, value: string): string | undefined {
  const snap = createEngine().update(
    `model "R"\nperiods 2019/20 .. 2020/21\ninput r (${unit}) = ${value}\n`,
  );
  return snap.lines[0]?.scalar?.display;
}

describe("money-per-count units show in their money scale (issue 11.8)", () => {
  it.each([
    // unit, typed value, shown: the typed number back, to 2 places
    ["£m per FTE", "15", "15.00"],
    ["£000 per property", "1.5", "1.50"],
    ["£bn per year", "2", "2.00"],
    ["£m/FTE", "3", "3.00"],
    ["£ per property", "1426.18", "1,426.18"],
    ["£000 per property", "-2.25", "(2.25)"],
  ])("%s = %s shows %s", (unit, value, display) => {
    expect(shown(unit, value)).toBe(display);
  });

  it("keeps exact values in pounds", () => {
    const snap = createEngine().update(
      'model "R"\nperiods 2019/20 .. 2020/21\ninput r (£m per FTE) = 15\n',
    );
    expect(snap.lines[0]?.scalar?.value).toBe("15000000");
  });
});

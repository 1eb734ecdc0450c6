import { describe, expect, it } from "vitest";
import { createEngine, type EvalSnapshot } from "../../../src/engine";

/** A snapshot without the parts that describe the change from the previous one. */
function comparable(s: EvalSnapshot): unknown {
  const { changed: _changed, delta: _delta, ...rest } = s;
  return rest;
}

/** The snapshot of `after` reached by editing `before`, and a fresh engine's. */
function bothWays(
  before: string,
  after: string,
): { incremental: EvalSnapshot; fresh: EvalSnapshot } {
  const engine = createEngine();
  engine.update(before);
  return { incremental: engine.update(after), fresh: createEngine().update(after) };
}

const cell = (s: EvalSnapshot, key: string, t: number): string | null | undefined =>
  s.lines.find((l) => l.key === key)?.cells[t]?.value;

describe("incremental recompute agrees with a fresh evaluation", () => {
  it("recomputes a line that reads x[-1] when only x's opening value changed (issue 16)", () => {
    const text = (opening: string): string => `model "Opening"
periods 2019/20 .. 2021/22
v1 = 7
  opening ${opening}
v8 = v1[-1] + 0
`;
    const { incremental, fresh } = bothWays(text("100"), text("200"));
    // v8 in the first period reads v1's opening value, now 200; later periods read v1 = 7.
    expect(cell(incremental, "v8", 0)).toBe("200");
    expect(cell(incremental, "v8", 1)).toBe("7");
    expect(comparable(incremental)).toEqual(comparable(fresh));
  });

  it("re-runs a check that reads no line when the periods change (issue 16)", () => {
    const text = (last: string): string => `model "Periods"
periods 2019/20 .. ${last}
input a = 1
check k0: 1 < sum(2 over periods) - 3
`;
    // Two periods: 1 < 4 - 3 fails. Three periods: 1 < 6 - 3 holds.
    const { incremental, fresh } = bothWays(text("2020/21"), text("2021/22"));
    expect(incremental.checks[0]?.passed).toBe(true);
    expect(incremental.masterCheck.passed).toBe(true);
    expect(comparable(incremental)).toEqual(comparable(fresh));
  });

  it("re-runs a check over a dimension that was removed (issue 16)", () => {
    const before = `model "Dimension"
periods 2019/20 .. 2020/21
dimension area = north, south
input a = 1
check k0: count(2 over area) = 2
`;
    const after = before.replace("dimension area = north, south\n", "");
    const { incremental, fresh } = bothWays(before, after);
    // Without the dimension the aggregate cannot run, so the check cannot pass.
    expect(incremental.checks[0]?.passed).toBe(false);
    expect(comparable(incremental)).toEqual(comparable(fresh));
  });

  it("recomputes readers of an input whose dimension was lost to a broken edit (issue 11)", () => {
    const before = `model "M 93"
periods 2020/21 .. 2020/21
dimension d0 = m00, m01 "M01", m02
dimension d1 = m10
input v0 by d1 =
  table 2020/21
  m10 886891.885
v1 (£m) = min(average(8443.841, v0[+1] and not v0[-2] ^ 0) over d0)
v2 = v0[-2]
  opening £3247187.231bn
scenario s4 "S" { v0 = 31742% }
`;
    const after = before
      .replace("input v0 by d1 =", "input v0 by d1input =")
      .replace("v2 = v0[-2]\n  opening £3247187.231bn", "v2 = v0[-2 £3247187.231bn");
    const { incremental, fresh } = bothWays(before, after);
    // The broken edit leaves v1 in error (the checker's P2019 now that v0 has no dimension d1),
    // not the run-time failure to pick a member of d1 (P4008) it held before.
    const v1 = incremental.lines.find((l) => l.key === "v1")?.cells[0];
    expect(v1?.error?.code).toBe("P2019");
    expect(incremental.diagnostics.map((d) => d.code)).toContain("P2019");
    expect(comparable(incremental)).toEqual(comparable(fresh));
  });

  it("recomputes every cell of a line that leaves a cycle", () => {
    const text = (v3: string): string => `model "Cycle"
periods 2020/21 .. 2021/22
v3 = ${v3}
  opening 5
v4 = v3[-1]
`;
    const { incremental, fresh } = bothWays(text("v4[+1] + 1"), text("1"));
    expect(
      bothWays(text("v4[+1] + 1"), text("v4[+1] + 1")).fresh.lines[0]?.cells[0]?.error?.code,
    ).toBe("P4004");
    // v4 in the first period reads v3's opening value, not the cycle error it held; in the
    // second it reads v3 = 1.
    const v4 = incremental.lines.find((l) => l.key === "v4");
    expect(v4?.cells.map((c) => c.value)).toEqual(["5", "1"]);
    expect(comparable(incremental)).toEqual(comparable(fresh));
  });

  it("evaluates a line per period again when a line below it that it reads stops being one value", () => {
    // c's declaration and checked item are unchanged (and not moved); only its scalar flag changes.
    const text = (a: string): string => `model "Scalar"
periods 2019/20 .. 2020/21
c (number) = a + 1
input a (number) =${a}
`;
    const { incremental, fresh } = bothWays(text(" 1"), text("\n  | 2019/20 : 1\n  | 2020/21 : 2"));
    expect(incremental.lines.find((l) => l.key === "c")?.cells.map((c) => c.value)).toEqual([
      "2",
      "3",
    ]);
    expect(comparable(incremental)).toEqual(comparable(fresh));
  });
});

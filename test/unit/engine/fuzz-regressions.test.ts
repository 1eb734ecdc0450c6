import { describe, expect, it } from "vitest";
import { createEngine, type EvalSnapshot } from "../../../src/engine";

/**
 * Cases the whole-pipeline fuzz found (`FUZZ_SEED=20261202 npm run fuzz`), cut down to what
 * shows each defect. Each failed before its fix.
 */

const cellOf = (s: EvalSnapshot, key: string, t: number) =>
  s.lines.find((l) => l.key === key)?.cells[t];

/** A snapshot without the parts that describe the change from the previous one. */
function comparable(s: EvalSnapshot): unknown {
  const { changed: _changed, delta: _delta, ...rest } = s;
  return rest;
}

describe("fuzz findings", () => {
  it("evaluates a function given `over` that takes none without reading the line itself early", () => {
    // Case 2 of the seed's run: `mrp(... over d)` was compiled as a lagged read of its
    // advances but evaluated as an aggregate of the current period, so a line naming itself
    // there was read before it was computed and the engine threw.
    const text = `periods 2024/25 .. 2026/27
dimension d0 = r
v5 = mrp(roundsig(not (v5), 2), 25, "straight_line" over d0)
`;
    const s = createEngine().update(text);
    expect(s.diagnostics.map((d) => d.code)).toContain("P2020");
    // The checker's first error in the line stands for it in every period.
    const first = s.diagnostics.find((d) => d.severity === "error");
    expect(cellOf(s, "v5", 0)?.error?.code).toBe(first?.code);
    expect(cellOf(s, "v5", 2)?.error?.message).toBe(first?.message);
  });

  it("gives a whole-series function's error the same words whichever cell computed it first", () => {
    // Case 9558: first_period_where over a number named the period of the first cell computed,
    // which after an edit is not the first period, so the incremental and fresh texts differed.
    const before =
      "periods 2028/29 2034/35\ndimension d0 m00\ninput v5(%=|..2030/31 12.5|2030/31..-3\nv6 =\n" +
      "  | 2028/29 : -£1,426.18\n" +
      "  | 2029/30 .. : if(first_period_where(v1[2032/33]), (v3) ^ 3, -((v3 = v5 within 246,841)))\n" +
      '  source "Café ≥ 5"\ninput v1(=0.5\nv3 period_index(';
    const after = before
      .replace(
        "input v5(%=|..2030/31 12.5|2030/31..-3",
        "input v5 by(%)|..2030/31 12.5|2030/31..2032/33-3",
      )
      .replace("input v1(=0.5\nv3 period_index(", "v1 0.5\nv3(=period_index(");
    const engine = createEngine();
    engine.update(before);
    const incremental = engine.update(after);
    const fresh = createEngine().update(after);
    expect(cellOf(fresh, "v6", 5)?.error).toBeDefined();
    expect(comparable(incremental)).toEqual(comparable(fresh));
  });

  it("reads a backslash in quoted text as itself unless it escapes a quote or a backslash", () => {
    // Case 16777: `"\` (unterminated) gave the value `\`, and `"\2"` gave `2`, so a text cell
    // could not be traced to any text the user wrote.
    const values = (literal: string): string | null | undefined =>
      cellOf(createEngine().update(`periods 2024/25 .. 2024/25\nt = ${literal}\n`), "t", 0)?.value;
    expect(values(String.raw`"C:\papers"`)).toBe(String.raw`C:\papers`);
    expect(values(String.raw`"a \"b\" c"`)).toBe(`a "b" c`);
    expect(values(String.raw`"a\\b"`)).toBe(String.raw`a\b`);
    expect(values(String.raw`"(\2"`)).toBe(String.raw`(\2`);
    expect(values(String.raw`"\ "`)).toBe(String.raw`\ `);
  });
});

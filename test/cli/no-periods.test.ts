import { describe, expect, it } from "vitest";
import { createEngine } from "../../src/engine";
import { runCli, tempModel } from "./support";

/**
 * Issue 11.1: a model whose `periods` line is missing or invalid has no periods, so no cells. The
 * engine used to read a scalar's (missing) first cell and crash in showValue.
 */
const noPeriods = [
  "input a = 1\n",
  "periods 2017 .. 2018\ninput a = 1\n",
  'model "M"\ninput a (£) = £1\nb (£) = a * 2\nc (£) = b[-1]\n  opening £0\ncheck pos: b > £0\ncheck one: 1 = 1\n',
  'model "M"\nperiods 2019/20 .. bad\ndimension d = x, y\ninput a by d = 1\nb by d = a + 1\ncheck c: sum(b over d) > 0\n',
];

describe("a model without periods (issue 11.1)", () => {
  it.each(noPeriods)("gives a snapshot with the periods diagnostic and no values: %j", (text) => {
    const engine = createEngine();
    const snap = engine.update(text);
    expect(snap.periods).toEqual([]);
    expect(snap.diagnostics.map((d) => d.code)).toContain("P2009");
    for (const line of snap.lines) {
      expect(line.cells).toEqual([]);
      expect(line.scalar).toBeUndefined();
    }
    // Checks cannot run without periods: none is reported as passing.
    for (const c of snap.checks) expect(c.passed).toBe(false);
    // Editing onwards (incremental) and explaining never throw either.
    const next = engine.update(`${text}input z = 2\n`);
    expect(next.lines.some((l) => l.name === "z")).toBe(true);
    expect(engine.explain("a").ok).toBe(false);
  });

  it.each(noPeriods)("the CLI reports it as a model error (exit 1), not internal: %j", (text) => {
    const file = tempModel(text);
    for (const command of ["check", "eval"]) {
      const r = runCli(command, file);
      expect(r.err).not.toContain("internal error");
      expect(r.code).toBe(1);
    }
    expect(runCli("explain", file, "a").code).toBe(2);
  });

  it("becomes an ordinary model once the periods line is fixed", () => {
    const engine = createEngine();
    engine.update("periods 2017 .. 2018\ninput a = 1\n");
    const snap = engine.update("periods 2017/18 .. 2018/19\ninput a = 1\n");
    expect(snap.lines[0]?.scalar?.value).toBe("1");
  });
});

// Issue 16: npv and irr read a whole series and give one value, yet were computed again for every
// cell of the line that calls them (1.4 to 2.6 s over about 190 periods). Each call is now made
// once per line evaluation and member (`wholeValue` in eval/builtins.ts); these count the calls.
import { afterEach, describe, expect, it, vi } from "vitest";
import * as fns from "../../../src/engine/functions";
import { createEngine } from "../../../src/engine";

vi.mock("../../../src/engine/functions", async (importOriginal) => {
  const actual = await importOriginal<typeof fns>();
  return { ...actual, npv: vi.fn(actual.npv), irr: vi.fn(actual.irr) };
});

const periods = 40;
const years = (first: number, n: number) =>
  Array.from(
    { length: n },
    (_, i) => `${String(first + i)}/${String((first + i + 1) % 100).padStart(2, "0")}`,
  );

/** A model of `periods` periods whose lines call npv and irr and also read a per-period value. */
function model(extra = ""): string {
  const ys = years(2019, periods);
  const flows = ys.map((y, i) => `  | ${y} : ${i === 0 ? "-1000" : String(60 + i)}`).join("\n");
  return `model "Appraisal"
periods ${ys[0] ?? ""} .. ${ys[periods - 1] ?? ""}
dimension d = a, b, c
input flows (£m) =
${flows}
input weights by d (number) = table value
  a 1
  b 2
  c 3
value (£m) = npv(3.5%, flows) + flows
rate (%) = irr(flows) + 0% * flows / £1m
by_member by d (£m) = npv(3.5%, flows * weights) + flows
${extra}`;
}

const npv = vi.mocked(fns.npv);
const irr = vi.mocked(fns.irr);

afterEach(() => {
  npv.mockClear();
  irr.mockClear();
});

describe("issue 16: npv and irr are computed once per line, not once per cell", () => {
  it("a first evaluation calls each once per line and member, over 40 periods", () => {
    const engine = createEngine();
    const snapshot = engine.update(model());
    expect(snapshot.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    // `value` and `by_member` (three members) call npv; `rate` calls irr. Per cell it would be
    // 40 + 3 × 40 calls of npv and 40 of irr.
    expect(npv).toHaveBeenCalledTimes(1 + 3);
    expect(irr).toHaveBeenCalledTimes(1);
  });

  it("an edit of one input cell recomputes each once again, not once per period", () => {
    const engine = createEngine();
    const text = model();
    engine.update(text);
    npv.mockClear();
    irr.mockClear();
    engine.update(text.replace("| 2025/26 : 66", "| 2025/26 : 67"));
    expect(npv).toHaveBeenCalledTimes(1 + 3);
    expect(irr).toHaveBeenCalledTimes(1);
  });

  it("inside a balance roll-forward (a periodwise step) npv of final flows is computed once", () => {
    const engine = createEngine();
    const snapshot = engine.update(
      model(`balance (£m) = balance[-1] + npv(3.5%, flows) / 10 + flows
  opening £0
paired (£m) = other[-1] + npv(3.5%, paired_in)
  opening £0
other (£m) = paired + flows
  opening £0
paired_in (£m) = flows * 2
`),
    );
    expect(snapshot.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    // value and by_member as before (4), balance once, paired once: 6, not 4 + 40 + 40.
    expect(npv).toHaveBeenCalledTimes(6);
  });

  it("npv of a roll-forward computed in an earlier step is computed once, with fresh figures", () => {
    const engine = createEngine();
    const text = model(`acc (£m) = acc[-1] + flows
  opening £0
odd (£m) = acc[-1] + npv(3.5%, acc) * 0
  opening £0
`);
    const snapshot = engine.update(text);
    expect(snapshot.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    // odd reads acc, which is final before odd's step: once. The figures equal a fresh engine's.
    expect(npv).toHaveBeenCalledTimes(4 + 1);
    const figures = (t: string, e = createEngine()) =>
      e.update(t).lines.map((l) => [l.name, l.cells.map((c) => c.display)]);
    const edited = text.replace("| 2025/26 : 66", "| 2025/26 : 70");
    expect(figures(edited, engine)).toEqual(figures(edited));
  });
});

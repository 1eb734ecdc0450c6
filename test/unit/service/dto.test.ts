import { describe, expect, it } from "vitest";
import { createEngine } from "../../../src/engine";
import { toEvaluationUpdateDto } from "../../../src/service/dto";

const model = (taxbase2020: string, comment = "") => `${comment}model "Cells"
periods 2019/20 .. 2021/22
input taxbase (properties) =
  | 2019/20 : 250,000
  | 2020/21 : ${taxbase2020}
  | 2021/22 : 260,000
input band_d (£ per property) = £1,500
income (£m) = taxbase * band_d
`;

describe("toEvaluationUpdateDto", () => {
  it("sends only the cells that changed when nothing else about their lines did", () => {
    const engine = createEngine();
    engine.update(model("255,000"));
    const update = toEvaluationUpdateDto(engine.update(model("256,000")), 2, 1, 0);
    expect(update.delta?.base).toBe(1);
    expect(update.delta?.lines).toEqual([]);
    expect(update.delta?.removed).toEqual([]);
    expect(update.delta?.order).toBeUndefined();
    // Only 2020/21 (column 1) moved: taxbase 256,000 and income 256,000 × £1,500 = £384,000,000.
    expect(update.delta?.cells.map((c) => [c.key, c.cols, c.cells.map((x) => x.value)])).toEqual([
      ["taxbase", [1], ["256000"]],
      ["income", [1], ["384000000"]],
    ]);
  });

  it("sends nothing for lines that only moved in the text", () => {
    const engine = createEngine();
    engine.update(model("255,000"));
    const update = toEvaluationUpdateDto(engine.update(model("255,000", "# A note\n")), 2, 1, 0);
    expect(update.delta).toEqual({ base: 1, lines: [], cells: [], removed: [] });
  });

  it("sends a line whole when more than its cells changed, and every line when there is no base", () => {
    const engine = createEngine();
    const first = toEvaluationUpdateDto(engine.update(model("255,000")), 1, null, 0);
    expect(first.lines?.map((l) => l.key)).toEqual(["taxbase", "band_d", "income"]);
    const relabelled = model("255,000").replace(
      "income (£m) = taxbase * band_d",
      'income (£m) = taxbase * band_d\n  label "Council tax income"',
    );
    const update = toEvaluationUpdateDto(engine.update(relabelled), 2, 1, 0);
    expect(update.delta?.lines.map((l) => [l.key, l.label])).toEqual([
      ["income", "Council tax income"],
    ]);
    expect(update.delta?.cells).toEqual([]);
  });
});

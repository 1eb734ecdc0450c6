import { describe, expect, it } from "vitest";
import { createEngine } from "../../src/engine";

const model = `model "Decimals"
periods 2019/20 .. 2020/21
input taxbase (number) = 100,000.5
input band_d (£) = £1,426.18
scenario high { band_d = £1,500 }
requirement (£m) = taxbase * band_d
  decimals 3
`;

describe("decimals N on a line item", () => {
  it("shows explain nodes to the line's decimals", () => {
    const engine = createEngine();
    engine.update(model);
    const result = engine.explain("requirement[2019/20]");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    // 100,000.5 x 1,426.18 = 142,618,713.09: 142.619 to 3 decimals of £m; the value stays exact.
    expect([result.tree.value, result.tree.display]).toEqual(["142618713.09", "142.619"]);
    expect(result.tree.children.map((c) => [c.key, c.display])).toEqual([
      ["taxbase", "100,001"],
      ["band_d", "1,426.18"],
    ]);
  });

  it("shows both sides and the difference of a comparison to the line's decimals", () => {
    const engine = createEngine();
    engine.update(model);
    const row = engine.compare(null, "high").rows.find((r) => r.key === "requirement");
    // High: 100,000.5 x 1,500 = 150,000,750; difference 7,382,036.91 (= 100,000.5 x 73.82).
    expect(row).toMatchObject({
      leftDisplay: ["142.619", "142.619"],
      rightDisplay: ["150.001", "150.001"],
      difference: ["7382036.91", "7382036.91"],
      differenceDisplay: ["7.382", "7.382"],
    });
  });

  it("re-formats the cells when only the decimals change", () => {
    const engine = createEngine();
    engine.update(model);
    const shown = (): string | undefined =>
      engine.snapshot().lines.find((l) => l.key === "requirement")?.scalar?.display;
    expect(shown()).toBe("142.619");
    engine.update(model.replace("decimals 3", "decimals 1"));
    expect(shown()).toBe("142.6");
    engine.update(model.replace("  decimals 3\n", ""));
    expect(shown()).toBe("142.6");
    engine.update(model.replace("decimals 3", "decimals 5"));
    expect(shown()).toBe("142.61871");
  });
});

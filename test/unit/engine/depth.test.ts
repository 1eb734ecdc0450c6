import { describe, expect, it } from "vitest";
import { createEngine } from "../../../src/engine";
import { renderExplain } from "../../../src/cli/render";

describe("deep models", () => {
  it("evaluates and explains a chain of 5,000 line items without recursion", () => {
    const n = 5000;
    const lines = [`model "Chain"`, `periods 2019/20 .. 2020/21`, `input x0 (number) = 1`];
    for (let i = 1; i < n; i++) lines.push(`x${i} (number) = x${i - 1} + 1`);
    const engine = createEngine();
    const snap = engine.update(lines.join("\n") + "\n");
    expect(snap.lines[n - 1]?.scalar?.value).toBe(String(n));
    const explained = engine.explain(`x${n - 1}`);
    expect(explained.ok).toBe(true);
    if (explained.ok) expect(renderExplain(explained.tree).split("\n")).toHaveLength(n + 1);
  });

  it("reports a cycle of 2,000 line items once, naming every member in order", () => {
    const n = 2000;
    const lines = [`model "Ring"`, `periods 2019/20 .. 2020/21`];
    for (let i = 0; i < n; i++) lines.push(`r${i} (number) = r${(i + 1) % n} + 1`);
    const snap = createEngine().update(lines.join("\n") + "\n");
    const cycles = snap.diagnostics.filter((d) => d.code === "P4004");
    expect(cycles).toHaveLength(1);
    const names = Array.from({ length: n }, (_, i) => `'r${i}'`);
    expect(cycles[0]?.message).toContain([...names, "'r0'"].join(" → "));
    expect(cycles[0]?.related).toHaveLength(n);
    expect(snap.lines.every((l) => l.cells.every((c) => c.error?.code === "P4004"))).toBe(true);
  });
});

import { createComputed, createRoot } from "solid-js";
import { describe, expect, test } from "vitest";
import { makeRowCache } from "../../../../src/ui/grid/rows";
import type { LineDto } from "../../../../src/protocol";

const line = (key: string, section: string, displays: string[]): LineDto => ({
  key,
  name: key,
  label: key,
  section,
  kind: "calc",
  unit: "£",
  cells: displays.map((d) => ({ value: d, display: d })),
  from: 0,
  to: 0,
});

describe("makeRowCache", () => {
  test("groups rows by section in order of first appearance, with ARIA row indices", () => {
    createRoot((dispose) => {
      const { sections, ordered } = makeRowCache().update([
        line("a", "S1", ["1"]),
        line("b", "S2", ["2"]),
        line("c", "S1", ["3"]),
      ]);
      expect(sections.map((s) => [s.name, s.ariaRow, s.rows.map((r) => r.key)])).toEqual([
        ["S1", 2, ["a", "c"]],
        ["S2", 5, ["b"]],
      ]);
      // header 1, S1 2, a 3, c 4, S2 5, b 6
      expect(ordered.map((r) => [r.key, r.ariaRow()])).toEqual([
        ["a", 3],
        ["c", 4],
        ["b", 6],
      ]);
      dispose();
    });
  });

  test("a new evaluation keeps row models and notifies only the cells that changed", () => {
    createRoot((dispose) => {
      const cache = makeRowCache();
      const first = cache.update([line("a", "S", ["1", "2"]), line("b", "S", ["3", "4"])]);
      const runs: string[] = [];
      for (const row of first.ordered) {
        for (const col of [0, 1]) {
          // A computation that re-runs synchronously, like the text binding of a cell.
          createComputed(() => {
            runs.push(`${row.key}${col}=${row.cell(col)?.display ?? ""}`);
          });
        }
      }
      expect(runs).toEqual(["a0=1", "a1=2", "b0=3", "b1=4"]);
      runs.length = 0;
      const second = cache.update([line("a", "S", ["1", "2"]), line("b", "S", ["3", "40"])]);
      expect(second.ordered[0]).toBe(first.ordered[0]);
      expect(second.ordered[1]).toBe(first.ordered[1]);
      expect(runs).toEqual(["b1=40"]);
      dispose();
    });
  });

  test("drops rows whose key disappeared and starts fresh if it returns", () => {
    createRoot((dispose) => {
      const cache = makeRowCache();
      const first = cache.update([line("a", "S", ["1"])]);
      cache.update([]);
      const third = cache.update([line("a", "S", ["1"])]);
      expect(third.ordered[0]).not.toBe(first.ordered[0]);
      dispose();
    });
  });
});

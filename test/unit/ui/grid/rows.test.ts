import { createComputed, createRoot } from "solid-js";
import { describe, expect, test } from "vitest";
import { LineTable, type RowModel } from "../../../../src/ui/grid/rows";
import type { LineDto } from "../../../../src/protocol";

const line = (key: string, section: string, displays: string[]): LineDto => ({
  key,
  name: key,
  label: key,
  section,
  kind: "calc",
  unit: "£",
  cells: displays.map((d) => ({ value: d, display: d })),
});

const cell = (d: string) => ({ value: d, display: d });

/** Records every run of a computation reading each cell of `rows`, as a cell's text binding would. */
function watchCells(rows: readonly RowModel[], cols: readonly number[]): string[] {
  const runs: string[] = [];
  for (const row of rows) {
    for (const col of cols) {
      createComputed(() => {
        runs.push(`${row.key}${col}=${row.cell(col)?.display ?? ""}`);
      });
    }
  }
  return runs;
}

describe("LineTable.setLines", () => {
  test("groups rows by section in order of first appearance, with ARIA row indices", () => {
    createRoot((dispose) => {
      const table = new LineTable();
      table.setLines([line("a", "S1", ["1"]), line("b", "S2", ["2"]), line("c", "S1", ["3"])]);
      const { sections, ordered, items, indexOf } = table.layout();
      expect(sections.map((s) => [s.name, s.ariaRow, s.rows.map((r) => r.key)])).toEqual([
        ["S1", 2, ["a", "c"]],
        ["S2", 5, ["b"]],
      ]);
      // header 1, S1 2, a 3, c 4, S2 5, b 6: the ARIA index is the item's position + 2.
      expect(ordered.map((r) => [r.key, (indexOf.get(r) ?? -9) + 2])).toEqual([
        ["a", 3],
        ["c", 4],
        ["b", 6],
      ]);
      expect(items.map((i) => (i.kind === "section" ? `§${i.name}` : i.key))).toEqual([
        "§S1",
        "a",
        "c",
        "§S2",
        "b",
      ]);
      dispose();
    });
  });

  test("a new evaluation keeps row models and notifies only the cells that changed", () => {
    createRoot((dispose) => {
      const table = new LineTable();
      table.setLines([line("a", "S", ["1", "2"]), line("b", "S", ["3", "4"])]);
      const first = table.layout();
      const runs = watchCells(first.ordered, [0, 1]);
      let layouts = 0;
      createComputed(() => {
        table.layout();
        layouts += 1;
      });
      expect(runs).toEqual(["a0=1", "a1=2", "b0=3", "b1=4"]);
      runs.length = 0;
      table.setLines([line("a", "S", ["1", "2"]), line("b", "S", ["3", "40"])]);
      expect(table.layout()).toBe(first);
      expect(runs).toEqual(["b1=40"]);
      expect(layouts).toBe(1); // the shape did not change, so the layout did not notify
      dispose();
    });
  });

  test("drops rows whose key disappeared and starts fresh if it returns", () => {
    createRoot((dispose) => {
      const table = new LineTable();
      table.setLines([line("a", "S", ["1"])]);
      const first = table.row("a");
      table.setLines([]);
      expect(table.row("a")).toBeUndefined();
      expect(table.layout().items).toEqual([]);
      table.setLines([line("a", "S", ["1"])]);
      expect(table.row("a")).not.toBe(first);
      dispose();
    });
  });
});

describe("LineTable.applyDelta", () => {
  test("sets only the cells a delta names, without touching the layout or other rows", () => {
    createRoot((dispose) => {
      const table = new LineTable();
      table.setLines([line("a", "S", ["1", "2", "3"]), line("b", "S", ["4", "5", "6"])]);
      const layout = table.layout();
      const runs = watchCells(layout.ordered, [0, 1, 2]);
      const versions: string[] = [];
      createComputed(() => versions.push(table.row("b")?.current().cells[2]?.display ?? ""));
      let aVersions = 0;
      createComputed(() => {
        table.row("a")?.current();
        aVersions += 1;
      });
      runs.length = 0;
      const ok = table.applyDelta({
        base: 1,
        lines: [],
        cells: [{ key: "b", cols: [0, 2], cells: [cell("40"), cell("60")] }],
        removed: [],
      });
      expect(ok).toBe(true);
      expect(runs).toEqual(["b0=40", "b2=60"]);
      expect(table.layout()).toBe(layout);
      expect(versions).toEqual(["6", "60"]);
      expect(aVersions).toBe(1);
      expect(table.lines().map((l) => l.cells.map((c) => c.display))).toEqual([
        ["1", "2", "3"],
        ["40", "5", "60"],
      ]);
      dispose();
    });
  });

  test("replaces whole lines, drops removed ones and adds new ones last", () => {
    createRoot((dispose) => {
      const table = new LineTable();
      table.setLines([line("a", "S", ["1"]), line("b", "S", ["2"]), line("c", "T", ["3"])]);
      const a = table.row("a");
      table.applyDelta({
        base: 1,
        lines: [{ ...line("a", "S", ["1"]), label: "Renamed" }, line("z", "T", ["9"])],
        cells: [],
        removed: ["b"],
      });
      expect(table.row("a")).toBe(a);
      expect(table.row("a")?.line().label).toBe("Renamed");
      expect(table.row("b")).toBeUndefined();
      expect(table.layout().ordered.map((r) => r.key)).toEqual(["a", "c", "z"]);
      expect(table.layout().sections.map((s) => s.name)).toEqual(["S", "T"]);
      dispose();
    });
  });

  test("follows a new order, and moves a line whose section changed", () => {
    createRoot((dispose) => {
      const table = new LineTable();
      table.setLines([line("a", "S", ["1"]), line("b", "S", ["2"]), line("c", "T", ["3"])]);
      table.applyDelta({
        base: 1,
        order: ["c", "b", "a"],
        lines: [],
        cells: [],
        removed: [],
      });
      expect(
        table.layout().items.map((i) => (i.kind === "section" ? `§${i.name}` : i.key)),
      ).toEqual(["§T", "c", "§S", "b", "a"]);
      table.applyDelta({ base: 2, lines: [line("a", "T", ["1"])], cells: [], removed: [] });
      expect(table.layout().sections.map((s) => [s.name, s.rows.map((r) => r.key)])).toEqual([
        ["T", ["c", "a"]],
        ["S", ["b"]],
      ]);
      dispose();
    });
  });

  test("refuses, changing nothing, a delta naming cells of a line it does not have", () => {
    createRoot((dispose) => {
      const table = new LineTable();
      table.setLines([line("a", "S", ["1"])]);
      const ok = table.applyDelta({
        base: 1,
        lines: [line("a", "S", ["5"])],
        cells: [{ key: "gone", cols: [0], cells: [cell("2")] }],
        removed: [],
      });
      expect(ok).toBe(false);
      expect(table.row("a")?.cell(0)?.display).toBe("1");
      dispose();
    });
  });
});

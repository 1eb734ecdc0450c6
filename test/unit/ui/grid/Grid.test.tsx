// @vitest-environment jsdom
import { render } from "solid-js/web";
import { createSignal } from "solid-js";
import { afterEach, describe, expect, test } from "vitest";
import { Grid, moveActive, type GridSelection } from "../../../../src/ui/grid";
import type { CellDto, LineDto } from "../../../../src/protocol";
import { makeHost, must, press } from "../dom";

const periods = ["2019/20", "2020/21", "2021/22"];

function line(
  key: string,
  section: string,
  displays: string[],
  extra: Partial<LineDto> = {},
): LineDto {
  const cells: CellDto[] = displays.map((d) => ({ value: d, display: d }));
  return {
    key,
    name: key,
    label: key,
    section,
    kind: "calc",
    unit: "£m",
    cells,
    from: 0,
    to: 0,
    ...extra,
  };
}

const lines: LineDto[] = [
  line("a", "First", ["1", "2", "3"], { kind: "input" }),
  line("b", "First", ["4", "5", "6"]),
  line("c", "Second", ["7", "8", "9"]),
];

let dispose: (() => void) | undefined;
afterEach(() => {
  dispose?.();
  document.body.innerHTML = "";
});

function mount(
  props: {
    lines?: LineDto[];
    selection?: () => GridSelection | null;
    marked?: () => readonly GridSelection[];
  } = {},
) {
  const events: string[] = [];
  const host = makeHost();
  const [rows, setRows] = createSignal(props.lines ?? lines);
  dispose = render(
    () => (
      <Grid
        periods={periods}
        lines={rows()}
        selection={props.selection?.() ?? null}
        marked={props.marked?.() ?? []}
        onSelect={(k, p) => events.push(`select ${k} ${p ?? "-"}`)}
        onTrace={(k, p) => events.push(`trace ${k} ${p ?? "-"}`)}
      />
    ),
    host,
  );
  const cell = (key: string, col: number) =>
    must(host.querySelector<HTMLTableCellElement>(`tr[data-key="${key}"] td[data-col="${col}"]`));
  return { host, events, cell, setRows };
}

describe("moveActive", () => {
  const bounds = { rows: 30, cols: 4 };
  test("arrows move one cell and stop at the edges", () => {
    expect(moveActive({ row: 0, col: 0 }, { key: "ArrowUp" }, bounds)).toEqual({ row: 0, col: 0 });
    expect(moveActive({ row: 0, col: 3 }, { key: "ArrowRight" }, bounds)).toEqual({
      row: 0,
      col: 3,
    });
    expect(moveActive({ row: 5, col: 1 }, { key: "ArrowDown" }, bounds)).toEqual({
      row: 6,
      col: 1,
    });
  });
  test("Home/End go to the row's ends, with Ctrl to the grid's corners", () => {
    expect(moveActive({ row: 5, col: 2 }, { key: "Home" }, bounds)).toEqual({ row: 5, col: 0 });
    expect(moveActive({ row: 5, col: 0 }, { key: "End" }, bounds)).toEqual({ row: 5, col: 3 });
    expect(moveActive({ row: 5, col: 2 }, { key: "End", ctrlKey: true }, bounds)).toEqual({
      row: 29,
      col: 3,
    });
    expect(moveActive({ row: 5, col: 2 }, { key: "Home", ctrlKey: true }, bounds)).toEqual({
      row: 0,
      col: 0,
    });
  });
  test("PageDown moves 20 rows, clamped to the last row", () => {
    expect(moveActive({ row: 5, col: 1 }, { key: "PageDown" }, bounds)).toEqual({
      row: 25,
      col: 1,
    });
    expect(moveActive({ row: 15, col: 1 }, { key: "PageDown" }, bounds)).toEqual({
      row: 29,
      col: 1,
    });
  });
  test("other keys do not navigate", () => {
    expect(moveActive({ row: 0, col: 0 }, { key: "a" }, bounds)).toBeNull();
  });
});

describe("Grid", () => {
  test("exposes a grid with column headers and row indices counting section rows", () => {
    const { host } = mount();
    const grid = must(host.querySelector('[role="grid"]'));
    const headers = [...grid.querySelectorAll('[role="columnheader"]')].map((h) => h.textContent);
    expect(headers).toEqual(["Line item", ...periods]);
    // header row 1, section "First" row 2, a 3, b 4, section "Second" row 5, c 6
    const rowIndex = (key: string) =>
      must(host.querySelector(`tr[data-key="${key}"]`)).getAttribute("aria-rowindex");
    expect([rowIndex("a"), rowIndex("b"), rowIndex("c")]).toEqual(["3", "4", "6"]);
    expect(grid.getAttribute("aria-rowcount")).toBe("6");
  });

  test("has exactly one tab stop, on the first cell until something is chosen", () => {
    const { host, cell } = mount();
    const stops = host.querySelectorAll('[tabindex="0"]');
    expect(stops).toHaveLength(1);
    expect(stops[0]).toBe(cell("a", 0));
    // ...but that default tab stop is not a selection.
    expect(host.querySelectorAll('[aria-selected="true"]')).toHaveLength(0);
  });

  test("clicking a cell selects it and moves the tab stop", () => {
    const { host, events, cell } = mount();
    cell("b", 2).click();
    expect(events).toEqual(["select b 2021/22"]);
    expect(cell("b", 2).tabIndex).toBe(0);
    expect([...host.querySelectorAll('[aria-selected="true"]')]).toEqual([cell("b", 2)]);
    expect(cell("a", 0).tabIndex).toBe(-1);
    expect(host.querySelectorAll('[tabindex="0"]')).toHaveLength(1);
    expect(document.activeElement).toBe(cell("b", 2));
  });

  test("clicking the first cell selects it even though it held the default tab stop", () => {
    const { events, cell } = mount();
    cell("a", 0).click();
    expect(events).toEqual(["select a 2019/20"]);
  });

  test("arrow keys cross section boundaries, moving focus and raising onSelect", () => {
    const { events, cell } = mount();
    cell("b", 1).click();
    press("ArrowDown");
    expect(document.activeElement).toBe(cell("c", 1));
    press("ArrowRight");
    press("ArrowRight"); // already at the last period: stays
    expect(document.activeElement).toBe(cell("c", 2));
    press("Home");
    expect(document.activeElement).toBe(cell("c", 0));
    press("ArrowUp");
    press("ArrowUp");
    press("ArrowUp"); // already at the first row: stays, no event
    expect(events).toEqual([
      "select b 2020/21",
      "select c 2020/21",
      "select c 2021/22",
      "select c 2019/20",
      "select b 2019/20",
      "select a 2019/20",
    ]);
  });

  test("Enter traces the active cell and double-click traces the clicked one", () => {
    const { events, cell } = mount();
    cell("c", 2).click();
    press("Enter");
    // A browser sends click, click, dblclick for a double-click.
    cell("a", 1).click();
    cell("a", 1).click();
    cell("a", 1).dispatchEvent(new MouseEvent("dblclick", { bubbles: true }));
    expect(events).toEqual([
      "select c 2021/22",
      "trace c 2021/22",
      "select a 2020/21",
      "trace a 2020/21",
    ]);
  });

  test("the selection prop moves the tab stop without raising onSelect", () => {
    const [sel, setSel] = createSignal<GridSelection | null>(null);
    const { events, cell } = mount({ selection: sel });
    setSel({ key: "c", period: "2020/21" });
    expect(cell("c", 1).tabIndex).toBe(0);
    expect(cell("c", 1).getAttribute("aria-selected")).toBe("true");
    expect(events).toEqual([]);
  });

  test("a new evaluation keeps unchanged cells' DOM nodes and updates changed ones", () => {
    const { cell, setRows } = mount();
    const before = cell("b", 1);
    const changed = cell("c", 2);
    setRows([
      line("a", "First", ["1", "2", "3"], { kind: "input" }),
      line("b", "First", ["4", "5", "6"]),
      line("c", "Second", ["7", "8", "90"]),
    ]);
    expect(cell("b", 1)).toBe(before);
    expect(cell("c", 2)).toBe(changed);
    expect(changed.textContent).toBe("90");
  });

  test("error cells show the code with the message as a tooltip; exceptions are badged", () => {
    const errorLine = line("e", "First", ["1", "2", "3"]);
    const withError: LineDto = {
      ...errorLine,
      cells: [
        { value: null, display: "", error: { code: "P4003", message: "Division by zero." } },
        { value: "2", display: "2", exception: true },
        { value: "3", display: "3" },
      ],
    };
    const { cell } = mount({ lines: [withError] });
    expect(must(cell("e", 0).querySelector(".pc-grid-errcode")).textContent).toBe("P4003");
    expect(cell("e", 0).textContent).toBe("P4003: Division by zero.");
    expect(cell("e", 0).title).toBe("P4003: Division by zero.");
    expect(cell("e", 1).textContent).toContain("exception");
    expect(cell("e", 2).textContent).toBe("3");
  });

  test("a scalar line shows its value once and acts as one cell with a null period", () => {
    const scalar: LineDto = {
      ...line("s", "First", []),
      scalar: { value: "0.03", display: "3.00%" },
    };
    const { events, host, cell } = mount({ lines: [must(lines[0]), scalar] });
    const texts = [...host.querySelectorAll('tr[data-key="s"] td')].map((td) => td.textContent);
    expect(texts).toEqual(["3.00%", "", ""]);
    cell("a", 2).click();
    press("ArrowDown");
    expect(document.activeElement).toBe(cell("s", 0));
    press("ArrowUp"); // the remembered column comes back
    expect(document.activeElement).toBe(cell("a", 2));
    cell("s", 2).click(); // any of its cells selects the one value
    expect(document.activeElement).toBe(cell("s", 0));
    expect(events).toEqual(["select a 2021/22", "select s -", "select a 2021/22", "select s -"]);
  });

  test("outlines the marked cells and follows changes to the marks", () => {
    const [marks, setMarks] = createSignal<readonly GridSelection[]>([
      { key: "a", period: "2020/21" },
      { key: "c", period: "2021/22" },
      { key: "gone", period: "2020/21" },
    ]);
    const { host, cell } = mount({ marked: marks });
    const marked = () => [...host.querySelectorAll(".pc-grid-marked")];
    expect(marked()).toEqual([cell("a", 1), cell("c", 2)]);
    setMarks([{ key: "b", period: "2019/20" }]);
    expect(marked()).toEqual([cell("b", 0)]);
  });
});

// @vitest-environment jsdom
import { render } from "solid-js/web";
import { createSignal } from "solid-js";
import { afterEach, describe, expect, test } from "vitest";
import { Grid, GridRows, LineTable, moveActive, type GridSelection } from "../../../../src/ui/grid";
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

describe("Grid windowing", () => {
  // 40 sections of 25 lines: 1,040 rows in all (headings included), far more than one screen.
  const many: LineDto[] = Array.from({ length: 1000 }, (_, i) =>
    line(`l${i}`, `S${Math.floor(i / 25)}`, [`${i}`, `${i + 1}`, `${i + 2}`]),
  );
  const drawnKeys = (host: HTMLElement) =>
    [...host.querySelectorAll<HTMLElement>("tr[data-key]")].map((r) => r.dataset["key"]);
  const scroller = (host: HTMLElement) => must(host.querySelector<HTMLElement>(".pc-grid-scroll"));
  /** Scrolls as the browser would: jsdom keeps no scroll position, so set one and announce it. */
  const scrollTo = (host: HTMLElement, top: number) => {
    const el = scroller(host);
    Object.defineProperty(el, "scrollTop", { value: top, writable: true, configurable: true });
    el.dispatchEvent(new Event("scroll"));
  };
  const spacerHeights = (host: HTMLElement) =>
    [...host.querySelectorAll<HTMLElement>("tr.pc-grid-spacer")].map((r) =>
      Number.parseFloat(r.style.height),
    );
  // Heights: a heading 32 px, a line 25 px; a section is 32 + 25 × 25 = 657 px; all 26,280 px.
  const sectionPx = GridRows.sectionHeight + 25 * GridRows.height;

  test("draws a screenful of rows with spacers standing for the rest", () => {
    const { host } = mount({ lines: many });
    const keys = drawnKeys(host);
    // The assumed 1,500 px viewport shows about 60 rows, plus 10 either side.
    expect(keys.length).toBeGreaterThan(40);
    expect(keys.length).toBeLessThan(100);
    expect(keys[0]).toBe("l0");
    const grid = must(host.querySelector('[role="grid"]'));
    expect(grid.getAttribute("aria-rowcount")).toBe(String(1 + 40 + 1000));
    // Drawn rows plus the spacer below add up to the whole grid's height.
    const drawnPx = [...host.querySelectorAll("tbody tr:not(.pc-grid-spacer)")].reduce(
      (sum, tr) =>
        sum + (tr.classList.contains("pc-grid-section") ? GridRows.sectionHeight : GridRows.height),
      0,
    );
    const spacers = spacerHeights(host);
    expect(spacers).toHaveLength(1);
    expect(drawnPx + (spacers[0] ?? 0)).toBe(40 * sectionPx);
  });

  test("scrolling draws the rows in view with the right figures and ARIA indices", () => {
    const { host, cell } = mount({ lines: many });
    // Section 20 starts at 20 × 657 = 13,140 px: its heading, then l500, l501, …
    scrollTo(host, 20 * sectionPx + GridRows.sectionHeight);
    const keys = drawnKeys(host);
    expect(keys).toContain("l500");
    expect(keys).toContain("l530");
    expect(keys).not.toContain("l100");
    expect(keys).not.toContain("l900");
    expect(cell("l500", 2).textContent).toBe("502");
    // header 1, then 20 sections of 26 rows (520), the heading of S20 (522): l500 is row 523.
    expect(must(host.querySelector('tr[data-key="l500"]')).getAttribute("aria-rowindex")).toBe(
      "523",
    );
    // The heading of the section at the top is drawn so it can stick; with the first line (the
    // default tab stop), spacers separate them from the window.
    const headings = [...host.querySelectorAll(".pc-grid-section")].map((h) => h.textContent);
    expect(headings).toContain("S20");
    expect(keys[0]).toBe("l0");
    expect(spacerHeights(host)).toHaveLength(3);
  });

  test("the keyboard reaches rows that are not drawn, and the focused row stays drawn", () => {
    const { host, cell, events } = mount({ lines: many });
    cell("l0", 0).click();
    press("End", { ctrlKey: true });
    expect(document.activeElement).toBe(cell("l999", 2));
    press("PageUp");
    expect(document.activeElement).toBe(cell("l979", 2));
    // Scrolled back to the top by other means, the focused row is still drawn and focused.
    scrollTo(host, 0);
    expect(drawnKeys(host)).toContain("l979");
    expect(document.activeElement).toBe(cell("l979", 2));
    expect(events).toEqual(["select l0 2019/20", "select l999 2021/22", "select l979 2021/22"]);
  });

  test("a delta updates a drawn cell, and an undrawn one shows its new figure once drawn", () => {
    const table = new LineTable();
    table.setLines(many);
    const host = makeHost();
    dispose = render(() => <Grid periods={periods} table={table} />, host);
    const cellOf = (key: string, col: number) =>
      host.querySelector(`tr[data-key="${key}"] td[data-col="${col}"]`);
    const before = must(cellOf("l1", 1));
    table.applyDelta({
      base: 1,
      lines: [],
      cells: [
        { key: "l1", cols: [1], cells: [{ value: "77", display: "77" }] },
        { key: "l900", cols: [0], cells: [{ value: "88", display: "88" }] },
      ],
      removed: [],
    });
    expect(cellOf("l1", 1)).toBe(before);
    expect(before.textContent).toBe("77");
    expect(cellOf("l900", 0)).toBeNull();
    scrollTo(host, 36 * sectionPx);
    expect(must(cellOf("l900", 0)).textContent).toBe("88");
  });

  test("printing draws every row, and the window returns afterwards", () => {
    // 300 lines in 12 sections: more than one screen, few enough to print quickly in jsdom.
    const { host } = mount({ lines: many.slice(0, 300) });
    expect(drawnKeys(host).length).toBeLessThan(100);
    window.dispatchEvent(new Event("beforeprint"));
    expect(drawnKeys(host)).toHaveLength(300);
    expect(host.querySelectorAll("tr.pc-grid-spacer")).toHaveLength(0);
    expect(host.querySelectorAll(".pc-grid-section")).toHaveLength(12);
    window.dispatchEvent(new Event("afterprint"));
    expect(drawnKeys(host).length).toBeLessThan(100);
  });
});

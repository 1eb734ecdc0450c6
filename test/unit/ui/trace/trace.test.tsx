// @vitest-environment jsdom
import { render } from "solid-js/web";
import { afterEach, describe, expect, test } from "vitest";
import { ExplainTree, TracePanel, flattenTree } from "../../../../src/ui/trace";
import type { ExplainNodeDto, LineageDto } from "../../../../src/protocol";
import { makeHost, must, press } from "../dom";

const leaf = (key: string, period: string, display: string, source?: string): ExplainNodeDto => ({
  key,
  period,
  value: "1",
  display,
  unit: "£m",
  from: 0,
  to: 0,
  children: [],
  ...(source ? { source } : {}),
});

// total = a + b; a = c (c is an input)
const tree: ExplainNodeDto = {
  ...leaf("total", "2020/21", "£3.000m"),
  formula: "a + b",
  from: 10,
  to: 20,
  children: [
    {
      ...leaf("a", "2020/21", "£1.000m"),
      formula: "c",
      children: [leaf("c", "2020/21", "£1.000m", "Annex 1")],
    },
    leaf("b", "2020/21", "£2.000m", "Annex 2"),
  ],
};
const lineage: LineageDto = {
  revision: 1,
  tree,
  dependents: [{ key: "gap", label: "Funding gap" }],
  checks: [],
};

let dispose: (() => void) | undefined;
afterEach(() => {
  dispose?.();
  document.body.innerHTML = "";
});

describe("flattenTree", () => {
  test("shows children only of expanded nodes, depth first", () => {
    const refs = (open: string[]) =>
      flattenTree(tree, new Set(open)).map((r) => `${r.level}:${r.node.key}`);
    expect(refs([])).toEqual(["1:total"]);
    expect(refs([""])).toEqual(["1:total", "2:a", "2:b"]);
    expect(refs(["", "0"])).toEqual(["1:total", "2:a", "3:c", "2:b"]);
    expect(refs(["0"])).toEqual(["1:total"]); // a is hidden while the root is closed
  });
});

describe("ExplainTree", () => {
  function mount() {
    const events: string[] = [];
    const host = makeHost();
    dispose = render(
      () => <ExplainTree root={tree} onNavigate={(k, p) => events.push(`${k} ${p ?? "-"}`)} />,
      host,
    );
    const items = () => [...host.querySelectorAll<HTMLElement>('[role="treeitem"]')];
    const item = (key: string) =>
      must(items().find((i) => i.querySelector(".pc-tree-ref")?.textContent.startsWith(`${key}[`)));
    return { events, items, item };
  }

  test("opens one level at first, with levels and expanded state exposed", () => {
    const { items, item } = mount();
    expect(items().map((i) => i.getAttribute("aria-level"))).toEqual(["1", "2", "2"]);
    expect(item("total").getAttribute("aria-expanded")).toBe("true");
    expect(item("a").getAttribute("aria-expanded")).toBe("false");
    expect(item("b").hasAttribute("aria-expanded")).toBe(false);
  });

  test("clicking a reference raises onNavigate with its key and period", () => {
    const { events, item } = mount();
    must(item("b").querySelector<HTMLElement>(".pc-tree-ref")).click();
    expect(events).toEqual(["b 2020/21"]);
  });

  test("arrow keys move, open and close; Enter navigates", () => {
    const { events, items, item } = mount();
    item("total").focus();
    press("ArrowDown");
    expect(document.activeElement).toBe(item("a"));
    press("ArrowRight"); // opens a
    expect(items()).toHaveLength(4);
    press("ArrowRight"); // enters its first child
    expect(document.activeElement).toBe(item("c"));
    press("Enter");
    press("ArrowLeft"); // c has no children: to its parent
    expect(document.activeElement).toBe(item("a"));
    press("ArrowLeft"); // closes a
    expect(items()).toHaveLength(3);
    press("End");
    expect(document.activeElement).toBe(item("b"));
    press("Enter");
    expect(events).toEqual(["c 2020/21", "b 2020/21"]);
  });

  test("only one item is in the tab order", () => {
    const { items, item } = mount();
    item("total").focus();
    press("ArrowDown");
    expect(items().filter((i) => i.tabIndex === 0)).toEqual([item("a")]);
  });
});

describe("TracePanel", () => {
  function mount(l: LineageDto | null) {
    const events: string[] = [];
    const host = makeHost();
    dispose = render(
      () => (
        <TracePanel
          lineage={l}
          onNavigate={(k, p) => events.push(`navigate ${k} ${p ?? "-"}`)}
          onReveal={(f, t) => events.push(`reveal ${f} ${t}`)}
        />
      ),
      host,
    );
    return { host, events };
  }
  const button = (host: HTMLElement, text: string) =>
    must(
      [...host.querySelectorAll("button")].find((b) => b.textContent === text),
      text,
    );

  test("shows the formula and raises navigation for used values and dependents", () => {
    const { host, events } = mount(lineage);
    expect(must(host.querySelector(".pc-trace-formula .pc-formula")).textContent).toBe("a + b");
    button(host, "b[2020/21]").click();
    button(host, "gap").click();
    button(host, "Show in text").click();
    expect(events).toEqual(["navigate b 2020/21", "navigate gap 2020/21", "reveal 10 20"]);
  });

  test("lists the checks that read the line under Used by, and shows one in the text", () => {
    const { host, events } = mount({
      ...lineage,
      dependents: [],
      checks: [
        { name: "ties", label: "Ties to Annex 1", from: 40, to: 70 },
        { name: "positive", label: "positive", from: 80, to: 95 },
      ],
    });
    expect(host.textContent).not.toContain("Nothing uses this value");
    const items = [...host.querySelectorAll(".pc-trace-deps li")].map((li) => li.textContent);
    expect(items).toEqual(["check ties Ties to Annex 1", "check positive "]);
    must(host.querySelector<HTMLButtonElement>('[aria-label="Check ties: show in text"]')).click();
    expect(events).toEqual(["reveal 40 70"]);
  });

  test("says nothing uses a value only when no line and no check reads it", () => {
    const { host } = mount({ ...lineage, dependents: [], checks: [] });
    expect(host.textContent).toContain("Nothing uses this value");
  });

  test("lists each used value with its source", () => {
    const { host } = mount(lineage);
    const rows = [...host.querySelectorAll(".pc-trace-uses tr")].map((r) =>
      [...r.querySelectorAll("td")].map((td) => td.textContent),
    );
    expect(rows).toEqual([
      ["a[2020/21]", "£1.000m", "= c"],
      ["b[2020/21]", "£2.000m", "source: Annex 2"],
    ]);
  });

  test("asks for a selection when there is no lineage", () => {
    const { host } = mount(null);
    expect(host.textContent).toContain("Select a figure");
  });
});

// @vitest-environment jsdom
import { render } from "solid-js/web";
import { createSignal } from "solid-js";
import { afterEach, describe, expect, test } from "vitest";
import { ComparisonTable, ScenarioSwitcher, shortLabel } from "../../../../src/ui/scenarios";
import type { ComparisonDto } from "../../../../src/protocol";
import { makeHost, must } from "../dom";

let dispose: (() => void) | undefined;
afterEach(() => {
  dispose?.();
  document.body.innerHTML = "";
});

type Row = ComparisonDto["rows"][number];
const row = (
  key: string,
  left: string[],
  right: string[],
  difference: string[],
  exactDiff: (string | null)[],
  changed = true,
): Row => ({
  key,
  label: key,
  unit: "£m",
  left,
  right,
  difference,
  exact: { left: left.map(() => "0"), right: right.map(() => "0"), difference: exactDiff },
  changed,
});

// Hand-made. costs: the same. benefit: differs in both periods. net: differs in 2020/21 only.
// rounded: displays the same (£2.0m) but the exact values differ by £40 in 2019/20.
// broken: an error on the right in 2020/21 (no exact difference), compared by display.
const comparison: ComparisonDto = {
  revision: 3,
  left: "low",
  right: "high",
  periods: ["2019/20", "2020/21"],
  rows: [
    row("costs", ["(£1.0m)", "–"], ["(£1.0m)", "–"], ["–", "–"], ["0", "0.00"], false),
    row(
      "benefit",
      ["£8.5m", "£20.4m"],
      ["£14.5m", "£34.8m"],
      ["£6.0m", "£14.4m"],
      ["6000000", "14400000"],
    ),
    row("net", ["£2.0m", "£5.0m"], ["£2.0m", "£6.0m"], ["–", "£1.0m"], ["0", "1000000"]),
    row("rounded", ["£2.0m", "£2.0m"], ["£2.0m", "£2.0m"], ["£0.0m", "–"], ["40", "0"]),
    row("broken", ["£1.0m", "£1.0m"], ["£1.0m", "P4003"], ["–", ""], ["0", null]),
  ],
};

describe("ComparisonTable", () => {
  function mount() {
    const host = makeHost();
    const selected: string[] = [];
    dispose = render(
      () => (
        <ComparisonTable
          comparison={comparison}
          scenarios={[
            { name: "low", label: "Low end" },
            { name: "high", label: "High end" },
          ]}
          onSelect={(k) => selected.push(k)}
        />
      ),
      host,
    );
    const row = (key: string) =>
      must(host.querySelector<HTMLElement>(`tr[data-key="${key}"]`), key);
    const differing = (key: string) =>
      [...row(key).querySelectorAll("td")]
        .map((td) => (td.classList.contains("pc-compare-differs") ? "x" : "."))
        .join("");
    return { host, row, differing, selected };
  }

  test("marks changed rows and exactly the figures that differ", () => {
    const { row, differing } = mount();
    expect(row("costs").classList.contains("pc-compare-changed")).toBe(false);
    expect(row("benefit").classList.contains("pc-compare-changed")).toBe(true);
    // per period: left, right, change
    expect(differing("costs")).toBe("......");
    expect(differing("benefit")).toBe(".xx.xx");
    expect(differing("net")).toBe("....xx");
    expect(differing("rounded")).toBe(".xx...");
    expect(differing("broken")).toBe("....xx");
  });

  test("shows differences only where the sides differ", () => {
    const { row } = mount();
    const diffs = [...row("net").querySelectorAll(".pc-compare-diff")].map((td) => td.textContent);
    expect(diffs).toEqual(["", "£1.0m"]);
  });

  test("names the scenarios by label and counts the lines that differ", () => {
    const { host } = mount();
    expect(must(host.querySelector(".pc-compare-bar")).textContent).toContain(
      "Low end against High end · 4 of 5 lines differ",
    );
  });

  test("the filter hides unchanged lines; clicking a label selects it", () => {
    const { host, selected } = mount();
    const box = must(host.querySelector<HTMLInputElement>('input[type="checkbox"]'));
    box.click();
    expect([...host.querySelectorAll("tbody tr")].map((r) => r.getAttribute("data-key"))).toEqual([
      "benefit",
      "net",
      "rounded",
      "broken",
    ]);
    must(host.querySelector<HTMLElement>('tr[data-key="net"] button')).click();
    expect(selected).toEqual(["net"]);
  });
});

describe("ScenarioSwitcher", () => {
  test("checks the current scenario and raises onSwitch with null for the base case", () => {
    const host = makeHost();
    const switched: (string | null)[] = [];
    const [current, setCurrent] = createSignal<string | null>("low");
    dispose = render(
      () => (
        <ScenarioSwitcher
          scenarios={[
            { name: "low", label: "Low" },
            { name: "high", label: "High" },
          ]}
          current={current()}
          onSwitch={(n) => {
            switched.push(n);
            setCurrent(n);
          }}
        />
      ),
      host,
    );
    const radios = [...host.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
    expect(radios.map((r) => r.checked)).toEqual([false, true, false]);
    must(radios[2]).click();
    must(radios[0]).click();
    expect(switched).toEqual(["high", null]);
    expect(radios.map((r) => r.checked)).toEqual([true, false, false]);
  });
});

describe("shortLabel", () => {
  test("keeps short labels and falls back to the name for long ones", () => {
    expect(shortLabel({ name: "low", label: "Low growth" })).toBe("Low growth");
    expect(shortLabel({ name: "low", label: "Low end of the business case (£34m a year)" })).toBe(
      "low",
    );
    expect(shortLabel({ name: null, label: "Base" })).toBe("Base");
  });
});

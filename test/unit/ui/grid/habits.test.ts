import { describe, expect, test } from "vitest";
import {
  displayIn,
  formatInScale,
  isMoneyUnit,
  plainFigure,
  shownUnit,
} from "../../../../src/ui/grid/scale";
import { copiedLine, selectionTsv } from "../../../../src/ui/grid/tsv";
import type { LineDto } from "../../../../src/protocol";
import { findLines, FindLimits, type FindEntry } from "../../../../src/ui/grid/find";
import { inRange, rangeBetween } from "../../../../src/ui/grid/navigation";

describe("money in one scale", () => {
  test("£000 divides pounds by a thousand, whole, half away from zero", () => {
    expect(formatInScale("52400000", "£000")).toBe("52,400");
    expect(formatInScale("52400499.99", "£000")).toBe("52,400");
    expect(formatInScale("52400500", "£000")).toBe("52,401");
    expect(formatInScale("-1500", "£000")).toBe("(2)");
    expect(formatInScale("-1499.99", "£000")).toBe("(1)");
    expect(formatInScale("999999.5", "£000")).toBe("1,000");
  });
  test("£m divides by a million to one place", () => {
    expect(formatInScale("375000000", "£m")).toBe("375.0");
    expect(formatInScale("1234567890", "£m")).toBe("1,234.6");
    expect(formatInScale("49999", "£m")).toBe("0.0");
    expect(formatInScale("50000", "£m")).toBe("0.1");
    expect(formatInScale("-950000", "£m")).toBe("(1.0)");
    expect(formatInScale("0.0299", "£m")).toBe("0.0");
  });
  test("a value that rounds to zero has no brackets", () => {
    expect(formatInScale("-400", "£000")).toBe("0");
    expect(formatInScale("-49999", "£m")).toBe("0.0");
    expect(formatInScale("0", "£m")).toBe("0.0");
  });
  test("text that is not a decimal is not formatted", () => {
    expect(formatInScale("2019/20", "£m")).toBeUndefined();
    expect(formatInScale("true", "£000")).toBeUndefined();
  });
  test("only money lines are rescaled; others and errors keep the worker's text", () => {
    const cell = { value: "52400000", display: "52,400,000.00" };
    expect(displayIn(cell, "£", "£000")).toBe("52,400");
    expect(displayIn(cell, "£", "£m")).toBe("52.4");
    expect(displayIn(cell, "£", "shown")).toBe("52,400,000.00");
    expect(displayIn({ value: "0.0299", display: "2.99%" }, "%", "£m")).toBe("2.99%");
    expect(displayIn({ value: "1500", display: "1,500.00" }, "£ per property", "£m")).toBe(
      "1,500.00",
    );
    const error = { value: null, display: "#P3001", error: { code: "P3001" } };
    expect(displayIn(error, "£000", "£m")).toBe("#P3001");
    // A line already in the scale keeps the worker's formatting (its own decimals).
    expect(displayIn({ value: "52400000", display: "52.40" }, "£m", "£m")).toBe("52.40");
  });
  test("money units and the unit shown", () => {
    expect(["£", "£000", "£k", "£m", "£bn"].every(isMoneyUnit)).toBe(true);
    expect(isMoneyUnit("£ per property")).toBe(false);
    expect(isMoneyUnit("%")).toBe(false);
    expect(shownUnit("£", "£m")).toBe("£m");
    expect(shownUnit("properties", "£m")).toBe("properties");
    expect(shownUnit("£000", "shown")).toBe("£000");
  });
});

describe("figures for a spreadsheet", () => {
  test("no thousands separators, a minus sign for brackets", () => {
    expect(plainFigure("52,400")).toBe("52400");
    expect(plainFigure("(1,234.5)")).toBe("-1234.5");
    expect(plainFigure("0.0")).toBe("0.0");
    expect(plainFigure("(2.50%)")).toBe("-2.50%");
    expect(plainFigure("1234567")).toBe("1234567");
  });
  test("anything that is not a figure is left alone", () => {
    expect(plainFigure("4 May 2018")).toBe("4 May 2018");
    expect(plainFigure("#P3001")).toBe("#P3001");
    expect(plainFigure("Smith (2019)")).toBe("Smith (2019)");
    expect(plainFigure("(12")).toBe("(12");
    expect(plainFigure("1,23")).toBe("1,23");
  });
  test("a header row of periods, labels with their unit, tabs between, a line break after", () => {
    const tsv = selectionTsv(
      ["2019/20", "2020/21"],
      [
        { label: "Council tax income", unit: "£m", figures: ["375.0", "382.5"] },
        { label: "Savings", unit: "£000", figures: ["(1,200)", ""] },
        { label: "Rate", unit: "", figures: ["0.5", "0.25"] },
      ],
    );
    expect(tsv).toBe(
      "Line item\t2019/20\t2020/21\n" +
        "Council tax income (£m)\t375.0\t382.5\n" +
        "Savings (£000)\t-1200\t\n" +
        "Rate\t0.5\t0.25\n",
    );
  });
  test("a field with a tab, a line break or a quote is quoted", () => {
    const tsv = selectionTsv(
      ["2019/20"],
      [{ label: 'The "big"\tone', unit: "", figures: ["a\nb"] }],
    );
    expect(tsv).toBe('Line item\t2019/20\n"The ""big""\tone"\t"a\nb"\n');
  });
});

describe("finding a line", () => {
  const entries: FindEntry[] = [
    { key: "income", name: "income", label: "Council tax income" },
    { key: "council_tax", name: "council_tax", label: "Council tax requirement" },
    {
      key: "base[people]",
      name: "base",
      label: "Base budget",
      member: "people",
      memberLabel: "People",
    },
    { key: "net", name: "net", label: "Net budget (after income)" },
  ];
  const keys = (q: string) => findLines(q, entries).matches.map((e) => e.key);
  test("the name first, then the start of a word of a label, then anywhere", () => {
    expect(keys("income")).toEqual(["income", "net"]);
    expect(keys("COUNCIL")).toEqual(["council_tax", "income"]);
    expect(keys("budget")).toEqual(["base[people]", "net"]);
    expect(keys("peop")).toEqual(["base[people]"]);
    expect(keys("ncom")).toEqual(["income", "net"]);
  });
  test("every word must match; an empty query matches nothing", () => {
    expect(keys("council income")).toEqual(["income"]);
    expect(keys("  ")).toEqual([]);
    expect(keys("zzz")).toEqual([]);
    expect(keys("(after")).toEqual(["net"]);
  });
  test("lists at most the limit, counting all", () => {
    const many = Array.from({ length: 120 }, (_, i) => ({
      key: `item_${i}`,
      name: `item_${i}`,
      label: `Item ${i}`,
    }));
    const found = findLines("item", many);
    expect(found.total).toBe(120);
    expect(found.matches).toHaveLength(FindLimits.shown);
    expect(found.matches[0]?.key).toBe("item_0");
  });
});

describe("a selected range", () => {
  test("spans anchor and focus whichever way it was drawn", () => {
    const r = rangeBetween({ row: 5, col: 1 }, { row: 2, col: 3 });
    expect(r).toEqual({ top: 2, bottom: 5, left: 1, right: 3 });
    expect(inRange(r, 2, 1)).toBe(true);
    expect(inRange(r, 5, 3)).toBe(true);
    expect(inRange(r, 6, 2)).toBe(false);
    expect(inRange(r, 3, 0)).toBe(false);
  });
});

describe("a copied line", () => {
  const base: LineDto = {
    key: "budget[people]",
    name: "budget",
    member: "people",
    memberLabel: "People",
    label: "Base budget",
    section: "Budgets",
    kind: "input",
    unit: "£",
    cells: [
      { value: "-1250000", display: "(1,250,000.00)" },
      { value: "2500", display: "2,500.00" },
      { value: "0", display: "0.00" },
    ],
  };
  test("a member's row is labelled by its member and line; money in the scale chosen", () => {
    expect(copiedLine(base, 0, 1, "£000")).toEqual({
      label: "People · budget",
      unit: "£000",
      figures: ["(1,250)", "3"],
    });
    expect(copiedLine(base, 1, 2, "shown")).toEqual({
      label: "People · budget",
      unit: "£",
      figures: ["2,500.00", "0.00"],
    });
  });
  test("a scalar line's one value stands under the first period copied", () => {
    const scalar: LineDto = {
      ...base,
      key: "rate",
      name: "rate",
      label: "Rate",
      unit: "%",
      cells: [],
      scalar: { value: "0.0299", display: "2.99%" },
    };
    delete (scalar as { member?: string }).member;
    delete (scalar as { memberLabel?: string }).memberLabel;
    expect(copiedLine(scalar, 1, 2, "£m")).toEqual({
      label: "Rate",
      unit: "%",
      figures: ["2.99%", ""],
    });
  });
});

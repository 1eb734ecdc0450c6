import { describe, expect, test } from "vitest";
import { formatTick, toPlotNumber } from "../../../../src/ui/charts";

describe("toPlotNumber", () => {
  test("scales base units to the display unit", () => {
    expect(toPlotNumber("404723325.27", "£m")).toBeCloseTo(404.72332527, 8);
    expect(toPlotNumber("-2199000", "£000")).toBe(-2199);
    expect(toPlotNumber("0.0299", "%")).toBeCloseTo(2.99, 10);
    expect(toPlotNumber("246841", "properties")).toBe(246841);
  });
  test("blanks and errors are gaps", () => {
    expect(toPlotNumber(null, "£m")).toBeNull();
    expect(toPlotNumber("", "£m")).toBeNull();
  });
});

describe("formatTick", () => {
  test("prints money like a council paper", () => {
    expect(formatTick(1500, "£")).toBe("£1,500");
    expect(formatTick(-20, "£m")).toBe("(£20m)");
    expect(formatTick(-2199, "£000")).toBe("(£2,199)");
    expect(formatTick(2.5, "%")).toBe("2.5%");
  });
});

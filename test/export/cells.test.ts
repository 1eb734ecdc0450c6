import { describe, expect, it } from "vitest";
import {
  columnName,
  isDefinedName,
  numberFormat,
  quoteSheet,
  sheetNames,
} from "../../src/export/cells";
import { placesOf } from "../../src/export/formula";
import { cellList } from "../../src/export/build";

describe("spreadsheet addressing and names", () => {
  it("names columns as spreadsheets do", () => {
    expect([1, 26, 27, 52, 53, 702, 703, 16384].map(columnName)).toEqual([
      "A",
      "Z",
      "AA",
      "AZ",
      "BA",
      "ZZ",
      "AAA",
      "XFD",
    ]);
  });

  it("quotes sheet names, doubling quotes", () => {
    expect(quoteSheet("O'Brien")).toBe("'O''Brien'");
  });

  it("makes sheet names safe, short and unique ignoring case", () => {
    expect(
      sheetNames(
        [
          "Council tax",
          "council TAX",
          '=HYPERLINK("x")[a]*?/\\:',
          "",
          "Notes",
          "History",
          "A".repeat(40),
        ],
        ["Notes"],
      ),
    ).toEqual([
      "Council tax",
      "council TAX (2)",
      "HYPERLINK( x ) a",
      "Sheet",
      "Notes (2)",
      "Sheet (2)",
      "A".repeat(31),
    ]);
  });

  it("accepts only defined names a spreadsheet accepts", () => {
    for (const ok of ["taxbase", "band_d", "_x", "net.benefit", "XFE1", "total_2019"])
      expect(isDefinedName(ok), ok).toBe(true);
    for (const bad of [
      "tax2019",
      "A1",
      "xfd16384",
      "R",
      "c",
      "R1C1",
      "r2",
      "TRUE",
      "1st",
      "café",
      "",
      "a b",
    ])
      expect(isDefinedName(bad), bad).toBe(false);
  });

  it("lists a row's cells with runs as ranges", () => {
    expect(cellList(5, [5, 6, 7, 9, 11, 12])).toBe("E5:G5, I5, K5:L5");
  });

  it("rounds to places when the step is a power of ten", () => {
    expect(["0.01", "1", "1000", "100000", "0.5", "250"].map(placesOf)).toEqual([
      2,
      0,
      -3,
      -5,
      undefined,
      undefined,
    ]);
  });
});

describe("number formats show the line's unit, negatives in brackets", () => {
  it.each([
    ["£", 0, 2, "£#,##0.00;(£#,##0.00)"],
    ["£000", 3, 0, "#,##0,;(#,##0,)"],
    ["£m", 6, 1, '£#,##0.0,,"m";(£#,##0.0,,"m")'],
    ["£m", 6, 3, '£#,##0.000,,"m";(£#,##0.000,,"m")'],
    ["£bn", 9, 2, '£#,##0.00,,,"bn";(£#,##0.00,,,"bn")'],
    ["%", -2, 2, "0.00%;(0.00%)"],
    ["properties", 0, 0, "#,##0;(#,##0)"],
    ["", 0, undefined, "#,##0.00##;(#,##0.00##)"],
    ["£000 per property", 3, 2, "#,##0.00,;(#,##0.00,)"],
    ["date", 0, undefined, "d mmm yyyy"],
  ] as const)("%s (10^%d, %s decimals)", (unit, exp, decimals, format) => {
    expect(numberFormat(unit, exp, decimals)).toBe(format);
  });
});

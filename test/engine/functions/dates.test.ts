/**
 * Dates: serials as spreadsheets count them, the calendar's rules, how a date is shown, and the
 * date functions' failures.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addMonths,
  civilOf,
  daysInMonth,
  financialYearOf,
  isoText,
  monthOfName,
  serialOf,
} from "../../../src/lang/dates";
import { addMonthsTo, financialYearOfSerial } from "../../../src/engine/functions";
import { dec, formatDisplay } from "../../../src/engine/num";

describe("date serials", () => {
  it("agree with spreadsheets' (LibreOffice and Excel give 43190 for 31/03/2018)", () => {
    expect(serialOf({ year: 2018, month: 3, day: 31 })).toBe(43190);
    expect(serialOf({ year: 1900, month: 3, day: 1 })).toBe(61);
    expect(serialOf({ year: 2000, month: 1, day: 1 })).toBe(36526);
  });

  it("refuse days the calendar lacks and years out of range", () => {
    expect(serialOf({ year: 2019, month: 2, day: 29 })).toBeUndefined();
    expect(serialOf({ year: 2020, month: 2, day: 29 })).toBe(43890);
    expect(serialOf({ year: 1900, month: 2, day: 29 })).toBeUndefined();
    expect(serialOf({ year: 2018, month: 4, day: 31 })).toBeUndefined();
    expect(serialOf({ year: 2018, month: 13, day: 1 })).toBeUndefined();
    expect(serialOf({ year: 999, month: 1, day: 1 })).toBeUndefined();
    expect(serialOf({ year: 10000, month: 1, day: 1 })).toBeUndefined();
  });

  it("round-trip through the calendar for every day of years 1000 to 9999", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 9999 }), fc.nat(365), (year, offset) => {
        const first = serialOf({ year, month: 1, day: 1 }) as number;
        const civil = civilOf(first + offset);
        expect(serialOf(civil)).toBe(first + offset);
        expect(civil.day).toBeLessThanOrEqual(daysInMonth(civil.year, civil.month));
      }),
      { seed: 20261203, numRuns: 1000 },
    );
  });

  it("read month names and find the financial year", () => {
    expect(["May", "march", "SEPT", "Sep", "december"].map(monthOfName)).toEqual([5, 3, 9, 9, 12]);
    expect(monthOfName("Ma")).toBeUndefined();
    expect(financialYearOf({ year: 2018, month: 3, day: 31 })).toBe(2017);
    expect(financialYearOf({ year: 2018, month: 4, day: 1 })).toBe(2018);
    expect(isoText(addMonths({ year: 2019, month: 1, day: 31 }, 1))).toBe("2019-02-28");
    expect(isoText(addMonths({ year: 2019, month: 1, day: 31 }, -2))).toBe("2018-11-30");
    expect(isoText(addMonths({ year: 2019, month: 11, day: 15 }, 14))).toBe("2021-01-15");
  });
});

describe("showing and using dates", () => {
  it("shows a date as papers print it", () => {
    expect(formatDisplay(dec("43190"), "date")).toBe("31 Mar 2018");
    expect(formatDisplay(dec("43224"), "date")).toBe("4 May 2018");
    expect(formatDisplay(dec("0.5"), "date")).toBe("0.5");
  });

  it("refuses months that are not whole and dates outside the years it knows", () => {
    expect(addMonthsTo(dec("43190"), dec("1.5"))).toMatchObject({ ok: false, code: "P4003" });
    expect(addMonthsTo(dec("43190.5"), dec("1"))).toMatchObject({ ok: false, code: "P4003" });
    expect(addMonthsTo(dec("43190"), dec("120000"))).toMatchObject({ ok: false, code: "P4003" });
    expect(financialYearOfSerial(dec("-1000000"))).toMatchObject({ ok: false, code: "P4003" });
    expect(financialYearOfSerial(dec("43191"))).toEqual({ ok: true, value: 2018 });
  });
});

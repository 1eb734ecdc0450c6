import { addMonths, civilOf, DateLimits, financialYearOf, serialOf } from "../../lang/dates";
import { fromInt, type Decimal } from "../num";
import { outOfRange, succeed, type FnResult } from "./result";

/** A date's serial as a whole number of days, or a P4003 failure for anything else. */
function serialFrom(d: Decimal): FnResult<number> {
  if (!d.isInteger()) return outOfRange("The date", "a date is a whole number of days");
  const n = d.toNumber();
  const civil = civilOf(n);
  if (
    !Number.isSafeInteger(n) ||
    civil.year < DateLimits.firstYear ||
    civil.year > DateLimits.lastYear
  ) {
    return outOfRange(
      "The date",
      `it must be from year ${DateLimits.firstYear} to ${DateLimits.lastYear}`,
    );
  }
  return succeed(n);
}

/**
 * add_months(date, n): the date n whole months later (earlier when n is negative), on the same
 * day of the month or the month's last day: add_months(2019-01-31, 1) is 2019-02-28. P4003 unless
 * n is a whole number and the result is a date from year 1000 to 9999.
 */
export function addMonthsTo(date: Decimal, months: Decimal): FnResult<Decimal> {
  const serial = serialFrom(date);
  if (!serial.ok) return serial;
  if (!months.isInteger() || months.abs().greaterThan(12 * DateLimits.lastYear)) {
    return outOfRange("The number of months", "it must be a whole number");
  }
  const moved = serialOf(addMonths(civilOf(serial.value), months.toNumber()));
  if (moved === undefined) {
    return outOfRange(
      "The date",
      `it must be from year ${DateLimits.firstYear} to ${DateLimits.lastYear}`,
    );
  }
  return succeed(fromInt(moved));
}

/** financial_year(date): the year (2018 for 2018/19) of the financial year the date falls in. */
export function financialYearOfSerial(date: Decimal): FnResult<number> {
  const serial = serialFrom(date);
  if (!serial.ok) return serial;
  return succeed(financialYearOf(civilOf(serial.value)));
}

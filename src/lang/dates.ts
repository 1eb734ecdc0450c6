/**
 * Calendar dates. A date is held as a whole number of days, its **serial**: day 1 is
 * 31 December 1899, so serials agree with spreadsheets' for every date from 1 March 1900 (Excel
 * and LibreOffice count a 29 February 1900 that never was). A date literal is written
 * `2018-05-04` (year, month, day); the difference of two dates is a count of days.
 */
import type { Unit } from "./check/units";

/** The unit of a date. */
export const dateUnit: Unit = { powers: new Map([["date", 1]]) };
/** The unit of a count of days (the difference of two dates). */
export const dayUnit: Unit = { powers: new Map([["day", 1]]) };

/** True for the date unit. */
export function isDateUnit(u: Unit): boolean {
  return u.powers.size === 1 && u.powers.get("date") === 1;
}

/** Milliseconds in a day, and the serial of 1 January 1970 (the epoch of `Date.UTC`). */
const dayMs = 86_400_000;
const unixEpochSerial = 25_569;

/** The earliest and latest years a date may be in. */
export const DateLimits = { firstYear: 1000, lastYear: 9999 } as const;

/** A calendar date. */
export interface CivilDate {
  readonly year: number;
  /** 1 to 12. */
  readonly month: number;
  /** 1 to 31. */
  readonly day: number;
}

/** The serial of a calendar date, or undefined when there is no such day (31 April, 2019-02-29). */
export function serialOf(d: CivilDate): number | undefined {
  const { year, month, day } = d;
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) {
    return undefined;
  }
  if (year < DateLimits.firstYear || year > DateLimits.lastYear) return undefined;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return Date.UTC(year, month - 1, day) / dayMs + unixEpochSerial;
}

/** The calendar date of a serial (a whole number). */
export function civilOf(serial: number): CivilDate {
  const t = new Date((serial - unixEpochSerial) * dayMs);
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

/** The number of days in a month of a year. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number, width: number): string => String(n).padStart(width, "0");

/** A date as a literal is written: `2018-05-04`. */
export function isoText(d: CivilDate): string {
  return `${pad(d.year, 4)}-${pad(d.month, 2)}-${pad(d.day, 2)}`;
}

const monthNames = [
  "Jan",
  "Feb",
  "Mar",
  "Apr",
  "May",
  "Jun",
  "Jul",
  "Aug",
  "Sep",
  "Oct",
  "Nov",
  "Dec",
] as const;

/** A date as council papers print it: `4 May 2018`. */
export function displayText(d: CivilDate): string {
  return `${d.day} ${monthNames[d.month - 1] ?? ""} ${d.year}`;
}

/** The month (1 to 12) a month's name stands for (`May`, `march`, `Sept`, `Sep`), if any. */
export function monthOfName(name: string): number | undefined {
  const lower = name.toLowerCase();
  const i = fullMonths.findIndex((full) => lower === full || lower === full.slice(0, 3));
  if (i >= 0) return i + 1;
  return lower === "sept" ? 9 : undefined;
}

/**
 * A regular-expression alternation (case-insensitive use) of every way `monthOfName` reads a
 * month: `jan(?:uary)?|…|sep(?:tember)?|sept|…`, for the lexer's token of dates written in words.
 */
export function monthPattern(): string {
  return [...fullMonths.map((m) => `${m.slice(0, 3)}(?:${m.slice(3)})?`), "sept"].join("|");
}

const fullMonths = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
] as const;

/** The year a financial year starts in (April to March): 4 May 2018 is in 2018/19, so 2018. */
export function financialYearOf(d: CivilDate): number {
  return d.month >= 4 ? d.year : d.year - 1;
}

/** The serial of the first day (1 April) of the financial year starting in `year`. */
export function yearStartSerial(year: number): number {
  return Date.UTC(year, 3, 1) / dayMs + unixEpochSerial;
}

/** The serial of the last day (31 March) of the financial year starting in `year`. */
export function yearEndSerial(year: number): number {
  return Date.UTC(year + 1, 2, 31) / dayMs + unixEpochSerial;
}

/**
 * The date `months` whole months after `d` (before it when negative), on the same day of the
 * month, or on the month's last day when it has no such day: 31 Jan 2019 plus one month is
 * 28 Feb 2019, as spreadsheets' EDATE gives it.
 */
export function addMonths(d: CivilDate, months: number): CivilDate {
  const index = d.year * 12 + (d.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return { year, month, day: Math.min(d.day, daysInMonth(year, month)) };
}

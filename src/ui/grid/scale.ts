/**
 * Showing the grid's money in one scale on demand (as shown, £000 or £m), and writing figures as
 * plain numbers for a spreadsheet. The UI never loads decimal.js (ARCHITECTURE.md): values arrive
 * as exact decimal strings in base units (pounds), and moving a decimal point and rounding it are
 * done on their digits here, exactly.
 */

/** How the grid shows money lines: each in its own unit, or all in £000 or £m. */
export type MoneyScale = "shown" | "£000" | "£m";

/** The choices of the grid's scale control, in order. */
export const moneyScales: readonly { readonly scale: MoneyScale; readonly label: string }[] = [
  { scale: "shown", label: "As written" },
  { scale: "£000", label: "£000" },
  { scale: "£m", label: "£m" },
];

/** Powers of ten of the money units the scale control rescales (a pound is 10^0). */
const moneyExps: Readonly<Record<string, number>> = {
  "£": 0,
  "£000": 3,
  "£k": 3,
  "£m": 6,
  "£bn": 9,
};

/** Decimal places of each scale, as council papers print them (engine/num: £000 0 dp, £m 1 dp). */
const scalePlaces: Readonly<Record<Exclude<MoneyScale, "shown">, number>> = {
  "£000": 0,
  "£m": 1,
};

/** A money line's unit: an amount of pounds in some power of ten, not a rate such as "£ per FTE". */
export function isMoneyUnit(unit: string): boolean {
  return moneyExps[unit] !== undefined;
}

/** The unit a line is shown in under `scale`: money lines take the scale's, others keep theirs. */
export function shownUnit(unit: string, scale: MoneyScale): string {
  return scale !== "shown" && isMoneyUnit(unit) ? scale : unit;
}

/** A decimal split into its parts: `-1234.5` is negative, digits "12345", 4 before the point. */
interface Digits {
  readonly negative: boolean;
  /** Without leading zeros, at least one digit. */
  readonly digits: string;
  /** How many of `digits` stand before the decimal point (may be ≤ 0 or > digits.length). */
  readonly point: number;
}

const decimalPattern = /^(-?)(\d+)(?:\.(\d+))?$/u;

function split(exact: string): Digits | undefined {
  const m = decimalPattern.exec(exact);
  if (!m) return undefined;
  const whole = m[2] ?? "";
  const frac = m[3] ?? "";
  const all = whole + frac;
  const lead = all.length - all.replace(/^0+/u, "").length;
  const digits = all.slice(lead) || "0";
  return { negative: m[1] === "-", digits, point: whole.length - lead };
}

/**
 * `d` rounded to `places` decimals, half away from zero (as engine/num formats), as an unsigned
 * plain decimal string with exactly `places` decimals.
 */
function rounded(d: Digits, places: number): string {
  // The digits with the point at `point`, padded so that `places` decimals exist.
  const before = d.point > 0 ? d.digits.slice(0, d.point).padEnd(d.point, "0") : "0";
  let after = d.point >= 0 ? d.digits.slice(d.point) : "0".repeat(-d.point) + d.digits;
  after = after.padEnd(places + 1, "0");
  const kept = before + after.slice(0, places);
  const up = after.charCodeAt(places) >= 53; // "5" or more
  let out = up ? increment(kept) : kept;
  out = out.replace(/^0+(?=\d)/u, "");
  // Put the point back: the last `places` digits are the decimals.
  const width = Math.max(out.length, places + 1);
  out = out.padStart(width, "0");
  return places === 0 ? out : `${out.slice(0, out.length - places)}.${out.slice(-places)}`;
}

/** Adds one to a string of digits. */
function increment(digits: string): string {
  const chars = digits.split("");
  for (let i = chars.length - 1; i >= 0; i--) {
    if (chars[i] === "9") chars[i] = "0";
    else {
      chars[i] = String.fromCharCode((chars[i] ?? "0").charCodeAt(0) + 1);
      return chars.join("");
    }
  }
  return `1${chars.join("")}`;
}

/** Inserts a comma every three digits of the whole part of an unsigned decimal string. */
function group(unsigned: string): string {
  const dot = unsigned.indexOf(".");
  const whole = dot < 0 ? unsigned : unsigned.slice(0, dot);
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/gu, ",");
  return dot < 0 ? grouped : grouped + unsigned.slice(dot);
}

/**
 * An exact base-unit value shown in `scale` as the grid shows figures: thousands separated by
 * commas, negatives in brackets, rounded half away from zero to the scale's places; a value that
 * rounds to zero has no brackets. `undefined` for text that is not a decimal.
 * "-52400400" in £000 is "(52,400)"; "375000000" in £m is "375.0".
 */
export function formatInScale(
  exact: string,
  scale: Exclude<MoneyScale, "shown">,
): string | undefined {
  const d = split(exact);
  if (!d) return undefined;
  const scaled: Digits = { ...d, point: d.point - (moneyExps[scale] ?? 0) };
  const shown = group(rounded(scaled, scalePlaces[scale]));
  return d.negative && /[1-9]/u.test(shown) ? `(${shown})` : shown;
}

/** A cell's text: what the worker formatted, or its money rescaled to `scale`. */
export function displayIn(
  cell: { readonly value: string | null; readonly display: string; readonly error?: unknown },
  unit: string,
  scale: MoneyScale,
): string {
  if (scale === "shown" || cell.error !== undefined || cell.value === null || !isMoneyUnit(unit))
    return cell.display;
  if (unit === scale || (unit === "£k" && scale === "£000")) return cell.display;
  return formatInScale(cell.value, scale) ?? cell.display;
}

const figurePattern = /^(\()?(\d{1,3}(?:,\d{3})*|\d+)(\.\d+)?(%?)(\))?$/u;

/**
 * A figure as the grid shows it, written as a plain number a spreadsheet reads as one: no
 * thousands separators, a minus sign for brackets ("(1,234.5)" is "-1234.5"; "2.99%" stays, which
 * a spreadsheet reads as 0.0299). Anything else (a date, text, an error code) is returned as it is.
 */
export function plainFigure(display: string): string {
  const m = figurePattern.exec(display.trim());
  if (!m || (m[1] === undefined) !== (m[5] === undefined)) return display;
  const number = `${(m[2] ?? "").replace(/,/gu, "")}${m[3] ?? ""}${m[4] ?? ""}`;
  return m[1] === undefined ? number : `-${number}`;
}

import { civilOf, displayText } from "../../lang/dates";
import { D, ROUND_HALF_UP, type Decimal } from "./decimal";

/**
 * The exact value as a plain decimal string in base units, for values crossing the worker
 * boundary: never exponent notation, no trailing zeros, no `-0`. `parseDecimal` reads it back to
 * an equal Decimal.
 */
export function toExactString(value: Decimal): string {
  if (value.isZero()) return "0";
  return value.toFixed();
}

/** How a display unit is shown: the power of ten it divides by, its default decimals, a suffix. */
interface DisplayScale {
  /** Base units are divided by this (1e6 for £m); `%` multiplies by 100 instead. */
  readonly divisor: Decimal;
  /** Default decimals; `undefined` means "as needed, up to {@link DisplayDefaults.maxPlainDecimals}". */
  readonly decimals: number | undefined;
  readonly suffix: string;
}

/** Tunables of display formatting. */
export const DisplayDefaults = {
  /** A plain (unitless) number shows up to this many decimals, trailing zeros trimmed. */
  maxPlainDecimals: 4,
  /** Count units (properties, households) are whole numbers by default. */
  countDecimals: 0,
  /** FTE is shown to one decimal place, as staffing tables print it. */
  fteDecimals: 1,
} as const;

const ONE_D = new D(1);
const scales: Readonly<Record<string, DisplayScale>> = {
  "£": { divisor: ONE_D, decimals: 2, suffix: "" },
  "£000": { divisor: new D(1000), decimals: 0, suffix: "" },
  "£m": { divisor: new D(1_000_000), decimals: 1, suffix: "" },
  "£bn": { divisor: new D(1_000_000_000), decimals: 2, suffix: "" },
  // Percentages are stored as fractions (2.99% is 0.0299): shown times 100 with a sign.
  "%": { divisor: new D("0.01"), decimals: 2, suffix: "%" },
  "": { divisor: ONE_D, decimals: undefined, suffix: "" },
  FTE: { divisor: ONE_D, decimals: DisplayDefaults.fteDecimals, suffix: "" },
};
const countScale: DisplayScale = {
  divisor: ONE_D,
  decimals: DisplayDefaults.countDecimals,
  suffix: "",
};
const otherMoneyScale: DisplayScale = { divisor: ONE_D, decimals: 2, suffix: "" };
/** The money scale at the start of a per-count unit: "£m per FTE", "£000/property". */
const moneyPerCount = /^(£(?:000|m|bn)?)\s*(?:per\s|\/)/u;

/** The decimals `formatDisplay` uses for `unit` when not overridden (undefined: as needed). */
export function defaultDecimals(unit: string): number | undefined {
  return scaleOf(unit).decimals;
}

function scaleOf(unit: string): DisplayScale {
  const known = scales[unit];
  if (known !== undefined) return known;
  // A money-per-count unit is shown in its money scale ("£m per FTE": 15 for £15m), to 2 places.
  const money = moneyPerCount.exec(unit)?.[1];
  if (money !== undefined) {
    const divisor = scales[money]?.divisor ?? ONE_D;
    return divisor === ONE_D ? otherMoneyScale : { ...otherMoneyScale, divisor };
  }
  // Any other compound money unit is shown in pounds and pence.
  return unit.startsWith("£") ? otherMoneyScale : countScale;
}

/**
 * Formats a value as council papers print it, in the display `unit`: "£" (pounds, 2 dp), "£000"
 * (0 dp), "£m" (1 dp), "£bn" (2 dp), "%" (value 0.0299 shows "2.99%"), "FTE" (1 dp), "" (plain,
 * up to 4 dp as needed) or any count unit such as "properties" (0 dp). A money-per-count unit is
 * shown in its money scale to 2 dp: "£m per FTE" shows £15m per FTE as 15.00, "£000 per
 * property" £1,500 as 1.50, "£ per property" in pounds and pence. Thousands separators are
 * commas; negatives are in brackets, `(4.0)`; rounding is half away from zero and a value that
 * rounds to zero shows without brackets. The unit's symbol is not printed (the grid shows it in
 * the line's unit column) except for "%". `decimals` (0 to 20) overrides the default.
 */
export function formatDisplay(value: Decimal, unit: string, decimals?: number): string {
  if (unit === "date") return formatDate(value);
  const scale = scaleOf(unit);
  const scaled = scale.divisor === ONE_D ? value : value.div(scale.divisor);
  const places = decimals ?? scale.decimals;
  let digits: string;
  if (places === undefined) {
    digits = scaled
      .abs()
      .toDecimalPlaces(DisplayDefaults.maxPlainDecimals, ROUND_HALF_UP)
      .toFixed();
  } else {
    digits = scaled.abs().toFixed(clampPlaces(places), ROUND_HALF_UP);
  }
  const grouped = groupThousands(digits) + scale.suffix;
  return scaled.isNegative() && /[1-9]/.test(digits) ? `(${grouped})` : grouped;
}

/** A date's serial as papers print it, `4 May 2018`; a value that is not a whole day as a number. */
function formatDate(value: Decimal): string {
  if (!value.isInteger() || value.abs().greaterThan(dateSerialLimit)) return value.toFixed();
  return displayText(civilOf(value.toNumber()));
}

/** Beyond any date of years 1000 to 9999 (serials stay well inside this). */
const dateSerialLimit = 10_000_000;

function clampPlaces(places: number): number {
  if (!Number.isInteger(places) || places < 0) return 0;
  return places > 20 ? 20 : places;
}

/** Inserts a comma every three digits of the integer part of an unsigned decimal string. */
function groupThousands(digits: string): string {
  const dot = digits.indexOf(".");
  const whole = dot < 0 ? digits : digits.slice(0, dot);
  if (whole.length <= 3) return digits;
  const head = whole.length % 3 || 3;
  let out = whole.slice(0, head);
  for (let i = head; i < whole.length; i += 3) out += "," + whole.slice(i, i + 3);
  return dot < 0 ? out : out + digits.slice(dot);
}

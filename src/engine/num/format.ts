import { civilOf, displayText } from "../../lang/dates";
import { D, parseDecimal, ROUND_HALF_UP, type Decimal } from "./decimal";

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
  "£k": { divisor: new D(1000), decimals: 0, suffix: "" },
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

/** The decimals `formatDisplay` uses for `unit` when not overridden (undefined: as needed). */
export function defaultDecimals(unit: string): number | undefined {
  return scaleOf(unit).decimals;
}

function scaleOf(unit: string): DisplayScale {
  const known = scales[unit];
  if (known !== undefined) return known;
  // Any other unit is shown in its own scale ("£m per FTE": 15 for £15m per FTE; "£m * years"
  // in £m years), money to 2 places and counts whole.
  const exp = unitScaleExp(unit);
  const base = unit.startsWith("£") ? otherMoneyScale : countScale;
  return exp === 0 ? base : { ...base, divisor: new D(10).pow(exp) };
}

/** The power of ten of each scaled unit atom: £000 is 10^3 pounds, 1% is 10^-2. */
const atomScaleExps: Readonly<Record<string, number>> = {
  "£000": 3,
  "£k": 3,
  "£m": 6,
  "£bn": 9,
  "%": -2,
};

/** The atoms of a unit's text, multiplied (`top`) and divided (`bottom`): "£m * years per FTE". */
function unitAtoms(unit: string): { top: string[]; bottom: string[] } {
  const [top = "", ...rest] = unit.split(/\s+per\s+|\//u);
  const atoms = (part: string): string[] =>
    part
      .split("*")
      .map((a) => a.trim())
      .filter((a) => a !== "");
  return { top: atoms(top), bottom: rest.flatMap(atoms) };
}

/**
 * How many powers of ten one of `unit` is of its base unit (grammar/units.md): 3 for "£000",
 * 6 for "£m" and "£m per FTE", -2 for "%", -3 for "properties per £000", 0 for "£" and counts.
 */
export function unitScaleExp(unit: string): number {
  const { top, bottom } = unitAtoms(unit);
  let exp = 0;
  for (const a of top) exp += atomScaleExps[a] ?? 0;
  for (const a of bottom) exp -= atomScaleExps[a] ?? 0;
  return exp;
}

/**
 * The base unit of a display unit, as text: "£" for "£000" and "£m", "£ per property" for "£m per
 * property", "number" for "%" (a fraction: 2.99% is 0.0299); a unit without a scale is itself.
 */
export function baseUnitOf(unit: string): string {
  if (unitScaleExp(unit) === 0) return unit;
  const { top, bottom } = unitAtoms(unit);
  const base = (a: string): string | undefined =>
    a.startsWith("£") ? "£" : a === "%" || a === "number" ? undefined : a;
  const num = top.map(base).filter((a) => a !== undefined);
  const den = bottom.map(base).filter((a) => a !== undefined);
  return (num.length === 0 ? "number" : num.join(" * ")) + den.map((a) => ` per ${a}`).join("");
}

/**
 * An exact base-unit value (as {@link toExactString} writes it) in `unit` instead, still exact:
 * "52400000" in "£000" is "52400", "0.0299" in "%" is "2.99". Scaling by a power of ten never
 * rounds. Text that is not a number (a period label, "true") is returned as it is.
 */
export function exactInUnit(exact: string, unit: string): string {
  const exp = unitScaleExp(unit);
  if (exp === 0) return exact;
  const value = parseDecimal(exact);
  return value === undefined ? exact : toExactString(value.div(new D(10).pow(exp)));
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

import type { DecimalString } from "../../protocol";

/** How a display unit maps base-unit values to plotted numbers: £m plots millions, % plots percent. */
export const UnitScale: Readonly<Record<string, number>> = {
  "£m": 1e-6,
  "£000": 1e-3,
  "£k": 1e-3,
  "£bn": 1e-9,
  "%": 100,
};

/**
 * A decimal string in base units as a plotting number in its display unit, or null for a blank
 * or error. Only for drawing: the float never flows back into a figure anyone reads as exact.
 */
export function toPlotNumber(value: DecimalString | null | undefined, unit: string): number | null {
  if (value === null || value === undefined || value === "") return null;
  const n = Number(value);
  return Number.isFinite(n) ? n * (UnitScale[unit] ?? 1) : null;
}

const tickFormat = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 });

/** An axis tick as council papers print it: thousands separators, negatives in brackets. */
export function formatTick(n: number, unit: string): string {
  const body = tickFormat.format(Math.abs(n));
  const withUnit = unit.startsWith("£")
    ? `£${body}${unit.slice(1) === "m" ? "m" : ""}`
    : unit === "%"
      ? `${body}%`
      : body;
  return n < 0 ? `(${withUnit})` : withUnit;
}

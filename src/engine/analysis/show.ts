import { defaultDecimals, formatDisplay, toExactString, type Decimal } from "../num";
import type { EngineLine } from "../model";

/** Tunables of how analyses show the numbers they found. */
export const ShowLimits = {
  /** Decimals shown beyond the unit's (or line's) own for a solved or switching value. */
  extraDecimals: 4,
} as const;

/** A number found by an analysis: exact in base units, and as shown in a line's unit. */
export interface Shown {
  readonly exact: string;
  readonly display: string;
}

/** `value` in `line`'s unit, at the line's decimals (plus `extra`). */
export function show(value: Decimal, line: EngineLine, extra = 0): Shown {
  const places = line.decimals ?? defaultDecimals(line.unit);
  return {
    exact: toExactString(value),
    display: formatDisplay(value, line.unit, places === undefined ? undefined : places + extra),
  };
}

/** A fraction as a percentage to two decimals (0.1 → 10.00%), brackets for negatives. */
export function showChange(value: Decimal): Shown {
  return { exact: toExactString(value), display: formatDisplay(value, "%", 2) };
}

/**
 * `value` in `line`'s unit at the fewest extra decimals (up to {@link ShowLimits.extraDecimals})
 * that tell it from `other`, so a 10% step of a count shown to 0 dp (1 to 1.1) does not show as 1.
 */
export function showApart(value: Decimal, other: Decimal | undefined, line: EngineLine): Shown {
  let shown = show(value, line);
  if (other === undefined || value.eq(other)) return shown;
  for (let extra = 1; extra <= ShowLimits.extraDecimals; extra++) {
    if (shown.display !== show(other, line, extra - 1).display) break;
    shown = show(value, line, extra);
  }
  return shown;
}

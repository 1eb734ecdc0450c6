import { periodLabel } from "../lang";

/** The year the model's first financial year starts in (2019 for `2019/20`), NaN for no periods. */
export function firstYearOf(periods: readonly string[]): number {
  return Number((periods[0] ?? "").slice(0, 4));
}

/**
 * The label of the period `index` places from the model's first, also outside the model (the
 * financial year of a date may be before or after it): `2017/18` for -2 in a model from 2019/20.
 */
export function periodLabelAt(periods: readonly string[], index: number): string {
  const inside = periods[index];
  if (inside !== undefined) return inside;
  const first = firstYearOf(periods);
  return Number.isInteger(first) ? periodLabel(first + index) : "";
}

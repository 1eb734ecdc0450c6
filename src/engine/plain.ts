/**
 * Values as plain, tagged data for tools that write them elsewhere (the spreadsheet export): a
 * number as its exact decimal string in base units, and the other kinds of value told apart, which
 * a snapshot's cell text does not do (a text input "true" and a condition that holds look alike).
 */
import { isDecimal, toExactString } from "./num";
import { periodLabelAt } from "./periods";
import { isBlank, isError, isPeriod, type Value } from "./eval/value";

/** One value as plain data. */
export type PlainValue =
  | { readonly kind: "number"; readonly value: string }
  | { readonly kind: "boolean"; readonly value: boolean }
  | { readonly kind: "text"; readonly value: string }
  | { readonly kind: "period"; readonly label: string }
  | { readonly kind: "blank" }
  | { readonly kind: "error"; readonly code: string; readonly message: string };

/** `v` as plain data; a period value is named by its label among `periods`. */
export function plainValue(v: Value, periods: readonly string[]): PlainValue {
  if (isError(v)) return { kind: "error", code: v.code, message: v.message };
  if (isBlank(v)) return { kind: "blank" };
  if (isDecimal(v)) return { kind: "number", value: toExactString(v) };
  if (typeof v === "boolean") return { kind: "boolean", value: v };
  if (typeof v === "string") return { kind: "text", value: v };
  if (isPeriod(v)) return { kind: "period", label: periodLabelAt(periods, v.index) };
  return { kind: "blank" };
}

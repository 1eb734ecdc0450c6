import type { DiagnosticCode } from "../../lang";
import { isDecimal, type Decimal } from "../num";

/**
 * Where an error value started: the line item (by name, so it survives edits that renumber line
 * items), the period index (-1 for a scalar line), the dimension member index (-1 for none), and
 * the span of the failing expression relative to the start of the line item's declaration (so
 * that text inserted above the line does not make it stale).
 */
export interface ErrorOrigin {
  readonly item: string;
  readonly period: number;
  readonly member: number;
  readonly from: number;
  readonly to: number;
}

/**
 * An evaluation error as a value. It propagates through every calculation that reads it,
 * unchanged, so `origin` always points at the first failure (division by zero, a missing opening
 * value, a cycle...). `code` is a catalog code (P4xxx, or P2012 for a period with no value).
 */
export interface ErrorValue {
  readonly kind: "error";
  readonly code: DiagnosticCode;
  readonly message: string;
  readonly origin: ErrorOrigin;
}

/** A period as a value (what `first_period_where` returns): its index, 0 for the first. */
export interface PeriodValue {
  readonly kind: "period";
  readonly index: number;
}

/** An intentionally blank cell (`blank`): shown empty, skipped by aggregates, and blank through arithmetic. */
export interface BlankValue {
  readonly kind: "blank";
}

/** The one blank value; compare with `isBlank`. */
export const BLANK: BlankValue = Object.freeze({ kind: "blank" });

/**
 * The value of one cell. A number is a bare `Decimal` in base units (the unit is the line's, known
 * statically), so the hot path allocates nothing beyond the Decimal itself. Booleans come from
 * comparisons, text from string literals (function options such as "annuity").
 */
export type Value = Decimal | boolean | string | PeriodValue | BlankValue | ErrorValue;

/** True for the blank value. */
export function isBlank(value: Value): value is BlankValue {
  return value === BLANK;
}

/** True for an error value. */
export function isError(value: unknown): value is ErrorValue {
  return (
    typeof value === "object" && value !== null && (value as { kind?: unknown }).kind === "error"
  );
}

/** True for a period value. */
export function isPeriod(value: Value): value is PeriodValue {
  return typeof value === "object" && (value as { kind?: unknown }).kind === "period";
}

/** True for a number. */
export function isNumber(value: Value): value is Decimal {
  return typeof value === "object" && isDecimal(value);
}

/** Makes an error value. */
export function makeError(code: DiagnosticCode, message: string, origin: ErrorOrigin): ErrorValue {
  return { kind: "error", code, message, origin };
}

/**
 * Whether two values are the same for recompute purposes: numbers by exact numeric equality,
 * errors by code, message and origin. Recompute stops propagating where this holds.
 */
export function valuesEqual(a: Value, b: Value): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object") return false;
  if (isDecimal(a)) return isDecimal(b) && a.eq(b);
  if (isDecimal(b)) return false;
  if (a.kind === "period") return b.kind === "period" && a.index === b.index;
  if (a.kind === "blank" || b.kind !== "error") return false;
  const o = a.origin;
  const p = b.origin;
  return (
    a.code === b.code &&
    a.message === b.message &&
    o.item === p.item &&
    o.period === p.period &&
    o.member === p.member &&
    o.from === p.from &&
    o.to === p.to
  );
}

/** Whether two cell arrays hold equal values in every position. */
export function cellsEqual(a: readonly Value[], b: readonly Value[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (!valuesEqual(a[i] as Value, b[i] as Value)) return false;
  }
  return true;
}

/** A short description of a value's kind, for run-time type error messages. */
export function describeKind(value: Value): string {
  if (typeof value === "boolean") return "a condition";
  if (typeof value === "string") return "text";
  if (isDecimal(value)) return "a number";
  if (value.kind === "blank") return "a blank";
  return value.kind === "period" ? "a period" : "an error";
}

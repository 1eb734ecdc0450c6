import type { DiagnosticCode } from "../../lang/diagnostics/codes";

/**
 * Why a function has no value, as plain data. `code` is a catalog code (P4001 division by zero,
 * P4003 argument out of range, P4005 no solution, P4006 never met) and `args` fills that code's
 * message template, except `{period}`, which the evaluator knows and adds.
 */
export interface FnFailure {
  readonly ok: false;
  readonly code: DiagnosticCode;
  readonly args: Readonly<Record<string, string>>;
}

/** A function's success value. */
export interface FnSuccess<T> {
  readonly ok: true;
  readonly value: T;
}

/** The result of a function that can fail on the user's input. Functions never throw on input. */
export type FnResult<T> = FnSuccess<T> | FnFailure;

/** Wraps a success value. */
export function succeed<T>(value: T): FnSuccess<T> {
  return { ok: true, value };
}

/** A P4003 "out of range" failure: `what` names the argument, `detail` says what is allowed. */
export function outOfRange(what: string, detail: string): FnFailure {
  return { ok: false, code: "P4003", args: { what, detail } };
}

/** A P4005 "found no solution" failure of `fn` (irr). */
export function noSolution(fn: string, detail: string): FnFailure {
  return { ok: false, code: "P4005", args: { function: fn, detail } };
}

/** A P4006 "never met" failure of `fn` (payback). */
export function neverMet(fn: string): FnFailure {
  return { ok: false, code: "P4006", args: { function: fn } };
}

/** A P4001 division by zero (an average of nothing, weights summing to zero). */
export function divisionByZero(): FnFailure {
  return { ok: false, code: "P4001", args: {} };
}

import { ONE, type Decimal } from "../num";
import { outOfRange, type FnFailure } from "./result";

/** Bounds on user-given counts, so a typo cannot ask for a billion-period schedule. */
export const ArgumentLimits = {
  /** The longest loan term or asset life, in periods (years). */
  maxTerm: 1000,
} as const;

/** P4003 unless `rate` is above -100% (a discount or interest rate per period). */
export function checkRate(rate: Decimal, what: string): FnFailure | undefined {
  if (rate.lessThanOrEqualTo(ONE.negated())) {
    return outOfRange(what, "it must be greater than -100%");
  }
  return undefined;
}

/**
 * A term or life as a number of whole periods from 1 to {@link ArgumentLimits.maxTerm}, or a P4003
 * failure naming `what`.
 */
export function checkTerm(term: Decimal, what: string): number | FnFailure {
  if (!term.isInteger() || term.lessThan(1) || term.greaterThan(ArgumentLimits.maxTerm)) {
    return outOfRange(
      what,
      `it must be a whole number of years from 1 to ${ArgumentLimits.maxTerm}`,
    );
  }
  return term.toNumber();
}

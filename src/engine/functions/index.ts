export { sum, min, max, average, weightedAverage, sumIf, countIf, cumsum } from "./aggregate";
export {
  roundToUnit,
  roundSignificant,
  absolute,
  roundDirected,
  remainder,
  roundToTotal,
} from "./rounding";
export type { Direction } from "./rounding";
export { discountFactors, npv, irr, payback, IrrLimits } from "./appraisal";
export {
  pmt,
  loanSchedule,
  loanSeries,
  type LoanMethod,
  type LoanSchedule,
  type SingleLoanSchedule,
} from "./loans";
export {
  mrpStraightLine,
  mrpAnnuity,
  mrpReducingBalance,
  MrpDefaults,
  type MrpMethod,
} from "./mrp";
export { ArgumentLimits } from "./arguments";
export { type FnResult, type FnFailure, type FnSuccess } from "./result";
export { addMonthsTo, financialYearOfSerial } from "./dates";

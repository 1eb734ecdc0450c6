export {
  type Decimal,
  NumPolicy,
  ZERO,
  ONE,
  HUNDRED,
  parseDecimal,
  isInRange,
  rangeFault,
  type RangeFault,
  dec,
  fromInt,
  isDecimal,
  toNumber,
} from "./decimal";
export {
  toExactString,
  formatDisplay,
  defaultDecimals,
  DisplayDefaults,
  unitScaleExp,
  baseUnitOf,
  exactInUnit,
} from "./format";
export { roundToStep, roundToStepToward, roundToSignificant, roundToPlaces } from "./rounding";
export { microUnitsOf, fromMicroUnits, SmallPolicy } from "./small";

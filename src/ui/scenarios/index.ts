/** Scenario switching and the side-by-side comparison of two scenarios. */
export {
  ScenarioSwitcher,
  shortLabel,
  SwitcherLimits,
  type ScenarioSwitcherProps,
  type ScenarioOption,
} from "./ScenarioSwitcher";
export { ComparisonTable, differsAt, type ComparisonTableProps } from "./ComparisonTable";

export {
  GoalSeekDialog,
  type AnalysisCaller,
  type FigureRef,
  type GoalSeekDialogProps,
} from "./GoalSeekDialog";
export {
  SensitivityPanel,
  createSensitivity,
  type SensitivityPanelProps,
  type SensitivityState,
} from "./SensitivityPanel";
export { TornadoChart, TornadoLayout, type TornadoChartProps } from "./TornadoChart";
export { FigureMenu, type FigureMenuItem, type FigureMenuProps } from "./FigureMenu";
export { AnalysisTiming, createAnalysisRun, type AnalysisRun } from "./run";
export { RunProgress } from "./RunProgress";
export {
  appendDeclaration,
  createDecisionAnalysis,
  type DecisionAnalysis,
  type DecisionHost,
} from "./decision";

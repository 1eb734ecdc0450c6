/**
 * The Precept engine: turns a checked model into exact values, recomputes only what an edit
 * affects, evaluates checks, compares scenarios, solves for inputs and explains every number. It
 * runs unchanged in Node and in the worker: no DOM, no clock, no randomness. Results are plain
 * data (decimals as strings) that map one to one onto `src/protocol`'s DTOs.
 */
export {
  createEngine,
  type Engine,
  type CheckReader,
  type Comparison,
  type ComparisonRow,
  type ExplainResult,
} from "./session";
export type {
  EvalSnapshot,
  LineSnapshot,
  CellSnapshot,
  CheckSnapshot,
  DiagnosticSnapshot,
  ErrorInfo,
  ChangedCells,
  MovedLine,
  SnapshotDelta,
} from "./snapshot";
export type { CheckFailure, CheckOutcome } from "./checks";
export { type ExplainNode, ExplainLimits } from "./explain";
export { GoalSeekLimits, type GoalSeekRequest, type GoalSeekResult } from "./goal-seek";
export { compileModel, type CompiledModel } from "./compile";
export { CompileCache } from "./compile-cache";
export { baseUnitOf, defaultDecimals, exactInUnit, unitScaleExp } from "./num";
export { plainValue, type PlainValue } from "./plain";
export type { EngineLine, EngineModel } from "./model";
export { evaluateFull, recompute, type Evaluation, type RecomputeStats } from "./recompute";
export {
  analysisCodes,
  allAnalysisCodes,
  analysisError,
  type AnalysisCode,
  type AnalysisError,
} from "./analysis/codes";
export type { GoalSeekPoint } from "./goal-seek";
export type { Shown } from "./analysis/show";
export {
  sensitivity,
  startSensitivity,
  upstreamInputs,
  SensitivityLimits,
  type SensitivityRun,
  type SensitivityRequest,
  type SensitivityResult,
  type SensitivityRow,
  type SwitchingValue,
} from "./analysis/sensitivity";
export { solutionScenarioText, type ScenarioText } from "./analysis/scenario-text";

/**
 * Messages of the workbench's decision analyses (goal seek, sensitivity and switching values).
 * The results are the engine's own plain-data shapes, named with `import type`: every number is
 * `{ exact, display }`, exact in base units as a decimal string.
 */
import type {
  AnalysisError,
  GoalSeekRequest,
  GoalSeekResult,
  ScenarioText,
  SensitivityRequest,
  SensitivityResult,
  SensitivityRow,
  SwitchingValue,
} from "../engine";

/** A tornado: rows in decreasing swing, each with its switching value. */
export type SensitivityResultDto = SensitivityResult;
/** One input's row of a tornado. */
export type SensitivityRowDto = SensitivityRow;
/** Where an input takes the output across the threshold (Green Book switching value). */
export type SwitchingValueDto = SwitchingValue;
/** A solution of a goal seek, or its P4005 / P2xxx / P6xxx error. */
export type GoalSeekResultDto = GoalSeekResult;

/** An input line a figure reads, directly or not: a candidate input to vary. */
export interface AnalysisInputDto {
  /** The line item's name. */
  readonly name: string;
  readonly label: string;
  readonly unit: string;
  /** Its dimension's members (empty for a line without a dimension). */
  readonly members: readonly string[];
  /** Whether it has a value per period (it can then be changed in one period alone). */
  readonly perPeriod: boolean;
}

/** A figure to analyse, with the inputs it reads, at the revision the worker holds. */
export interface AnalysisTargetDto {
  readonly revision: number;
  /** The active scenario the analyses run on (null: the base case). */
  readonly scenario: string | null;
  /** The grid line's key (`name` or `name[member]`). */
  readonly key: string;
  readonly label: string;
  readonly unit: string;
  /** The period of the cell, or null for a line with one value. */
  readonly period: string | null;
  /** The model's periods, for choosing where an input changes. */
  readonly periods: readonly string[];
  readonly kind: "input" | "calc";
  /** The input lines the figure reads, in model order. */
  readonly inputs: readonly AnalysisInputDto[];
}

/** A goal seek to run on the active scenario: the engine's request. */
export type GoalSeekRequestDto = GoalSeekRequest;

/** The outcome of a goal seek, and the scenario declaration that applies the solution. */
export interface GoalSeekReplyDto {
  readonly revision: number;
  readonly scenario: string | null;
  readonly result: GoalSeekResult;
  /** Model text declaring a scenario that sets the input to the solution (when one can). */
  readonly addScenario?: ScenarioText;
}

/** A sensitivity analysis to run on the active scenario: the engine's request. */
export type SensitivityRequestDto = SensitivityRequest;

/**
 * Where a sensitivity run is: `done` of `total` inputs varied; `result` once all are. A run that
 * cannot start gives `error` (its P2xxx or P6xxx code). `job` names the run to continue or cancel.
 */
export type SensitivityProgressDto =
  | {
      readonly ok: true;
      readonly job: number;
      readonly revision: number;
      readonly scenario: string | null;
      readonly total: number;
      readonly done: number;
      readonly result?: SensitivityResult;
    }
  | {
      readonly ok: false;
      readonly revision: number;
      readonly error: AnalysisError;
    };

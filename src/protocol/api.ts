import type {
  ComparisonDto,
  DiagnosticDto,
  DraftResultDto,
  EvaluationDto,
  EvaluationUpdateDto,
  FormulasDto,
  InternalFailureDto,
  LineageDto,
  ModelSummaryDto,
  SaveResultDto,
  SecurityCheckDto,
  StorageStatusDto,
  VersionDto,
} from "./index";
import type {
  AnalysisTargetDto,
  GoalSeekReplyDto,
  GoalSeekRequestDto,
  SensitivityProgressDto,
  SensitivityRequestDto,
} from "./analysis";
import type { WorkbookPlan } from "../export/plan";
import type { CsvImportPreview } from "../export/csv-import";

/** A reply, or the failure of a request that hit a bug in Precept (the worker stays alive). */
export type Reply<T> =
  { readonly ok: true; readonly value: T } | ({ readonly ok: false } & InternalFailureDto);

/** An open model: its record and its text. */
export interface OpenModelDto {
  readonly model: ModelSummaryDto;
  readonly text: string;
  /**
   * Text typed on top of revision `baseRev` that no save committed (a tab closed or crashed),
   * kept apart from the versions and offered when the model is opened (P18).
   */
  readonly draft?: { readonly text: string; readonly savedAt: number; readonly baseRev: number };
}

/** A model template offered in the model list (the reference models in `examples/`). */
export interface TemplateDto {
  readonly id: string;
  readonly name: string;
  readonly description: string;
}

/** The state the workbench starts from. */
export interface StartupDto {
  readonly models: readonly ModelSummaryDto[];
  readonly open: OpenModelDto;
  readonly templates: readonly TemplateDto[];
  /** The built-in function names, for completion in the editor. */
  readonly functions: readonly string[];
  readonly storage: StorageStatusDto;
  /** Set when storage could not be opened (the workbench then runs without saving). */
  readonly storageProblem?: string;
}

/** The outcome of importing a file: a new model, or why nothing changed. */
export type ImportResultDto =
  | {
      readonly ok: true;
      readonly open: OpenModelDto;
      readonly diagnostics: readonly DiagnosticDto[];
    }
  | { readonly ok: false; readonly code: string; readonly message: string };

/** The exports of one evaluation: a workbook plan and the grid as CSV text. */
export interface ExportDto {
  readonly revision: number;
  readonly plan: WorkbookPlan;
  readonly csv: string;
}

/**
 * What the engine worker offers the UI. Every method resolves (never rejects) with a `Reply`;
 * methods about values take and return the `revision` of the text they were computed for.
 */
export interface WorkbenchApi {
  start(): Promise<Reply<StartupDto>>;
  listModels(): Promise<Reply<readonly ModelSummaryDto[]>>;
  openModel(id: string): Promise<Reply<OpenModelDto>>;
  createModel(name: string, templateId?: string): Promise<Reply<OpenModelDto>>;
  renameModel(id: string, name: string): Promise<Reply<ModelSummaryDto>>;
  duplicateModel(id: string): Promise<Reply<OpenModelDto>>;
  deleteModel(id: string): Promise<Reply<ModelSummaryDto>>;
  undoDelete(id: string): Promise<Reply<ModelSummaryDto>>;
  /**
   * Evaluates `text` as revision `revision` of the open model (incrementally). The reply holds
   * only the lines that changed since the last evaluation this worker sent (`delta.base`).
   */
  evaluate(revision: number, text: string): Promise<Reply<EvaluationUpdateDto>>;
  setScenario(revision: number, scenario: string | null): Promise<Reply<EvaluationUpdateDto>>;
  /** The current evaluation with every line, labelled `revision` (when a delta cannot apply). */
  fullEvaluation(revision: number): Promise<Reply<EvaluationDto>>;
  lineage(revision: number, key: string, period: string | null): Promise<Reply<LineageDto | null>>;
  /** The calculated lines' formulas as written, in the evaluation last sent (the grid's formula view). */
  formulas(revision: number): Promise<Reply<FormulasDto>>;
  compare(
    revision: number,
    left: string | null,
    right: string | null,
  ): Promise<Reply<ComparisonDto>>;
  /**
   * The figure `key` (in `period`) of the active scenario and the inputs it reads, for the
   * analysis dialogs; null when the worker's model has no such line.
   */
  analysisTarget(
    revision: number,
    key: string,
    period: string | null,
  ): Promise<Reply<AnalysisTargetDto | null>>;
  /** Goal seek on the active scenario, on the engine's incremental path; changes no text. */
  goalSeek(revision: number, request: GoalSeekRequestDto): Promise<Reply<GoalSeekReplyDto>>;
  /**
   * Starts a one-at-a-time sensitivity of the active scenario (a new run replaces an unfinished
   * one) and varies inputs for up to `budgetMs`; `continueSensitivity` goes on from there.
   */
  startSensitivity(
    revision: number,
    request: SensitivityRequestDto,
    budgetMs: number,
  ): Promise<Reply<SensitivityProgressDto>>;
  /** Varies more inputs of run `job` for up to `budgetMs`; null when the run is gone (cancelled). */
  continueSensitivity(job: number, budgetMs: number): Promise<Reply<SensitivityProgressDto | null>>;
  /** Drops run `job`, so nothing more of it is computed. */
  cancelSensitivity(job: number): Promise<Reply<null>>;
  /**
   * The spreadsheet export of the evaluation shown (the active scenario), as a plan the page
   * writes to `.xlsx` (`src/export/xlsx.ts`, loaded lazily), with the grid as CSV (P14).
   */
  exportModel(revision: number): Promise<Reply<ExportDto>>;
  /**
   * What importing the figures of `csv` into the inputs of `text` would change, with the new
   * text; nothing is changed (the page puts the text in the editor when the user applies it).
   */
  previewCsvImport(text: string, csv: string): Promise<Reply<CsvImportPreview>>;
  save(
    id: string,
    text: string,
    baseRev: number,
    options: {
      readonly kind: "autosave" | "explicit";
      readonly label?: string;
      /** Lets near-empty text replace a substantial model (P9: only after the user confirmed). */
      readonly confirmEmpty?: boolean;
    },
  ): Promise<Reply<SaveResultDto>>;
  /**
   * Keeps `text`, typed on top of revision `baseRev`, as the crash draft of model `id` once the
   * drafts written before it have committed; says whether it is stored (P18). The store calls it
   * before another model replaces one whose text no save committed.
   */
  keepDraft(id: string, text: string, baseRev: number): Promise<Reply<DraftResultDto>>;
  listVersions(id: string): Promise<Reply<readonly VersionDto[]>>;
  restoreVersion(id: string, versionId: number): Promise<Reply<OpenModelDto>>;
  importFile(fileName: string, bytes: ArrayBuffer): Promise<Reply<ImportResultDto>>;
  storageStatus(): Promise<Reply<StorageStatusDto>>;
  /** Tries to compile code from a string inside the worker, which the CSP must refuse (P11). */
  securitySelfCheck(): Promise<Reply<SecurityCheckDto>>;
  /** Throws inside the worker on purpose (tests of the failure path). */
  selfTestFailure(): Promise<Reply<null>>;
}

/** Every method of `WorkbenchApi`; the type below fails to compile if one is missing. */
export const workbenchMethods = [
  "start",
  "listModels",
  "openModel",
  "createModel",
  "renameModel",
  "duplicateModel",
  "deleteModel",
  "undoDelete",
  "evaluate",
  "setScenario",
  "fullEvaluation",
  "lineage",
  "formulas",
  "compare",
  "analysisTarget",
  "goalSeek",
  "startSensitivity",
  "continueSensitivity",
  "cancelSensitivity",
  "exportModel",
  "previewCsvImport",
  "save",
  "keepDraft",
  "listVersions",
  "restoreVersion",
  "importFile",
  "storageStatus",
  "securitySelfCheck",
  "selfTestFailure",
] as const satisfies readonly (keyof WorkbenchApi)[];

type MissingMethods = Exclude<keyof WorkbenchApi, (typeof workbenchMethods)[number]>;
/** Compile-time proof that `workbenchMethods` lists every method. */
export const allMethodsListed: MissingMethods extends never ? true : never = true;

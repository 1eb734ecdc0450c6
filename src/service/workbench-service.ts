/**
 * The worker side of the workbench: one engine session for the open model, and the workspace in
 * IndexedDB. Implements the protocol's `WorkbenchApi`; every method resolves with a `Reply`, and a
 * bug in any layer becomes an `internal` failure reply instead of killing the worker.
 */
import { createEngine, type Engine } from "../engine";
import { buildWorkbookPlan } from "../export/build";
import { gridCsv } from "../export/csv";
import { previewCsvImport } from "../export/csv-import";
import { builtinFunctions } from "../lang";
import {
  readStorageStatus,
  validateImport,
  type BackupProbe,
  type PersistFailure,
  type SaveKind,
  type Workspace,
} from "../persist";
import type {
  DiagnosticDto,
  DraftResultDto,
  ImportResultDto,
  ModelSummaryDto,
  OpenModelDto,
  Reply,
  SecurityCheckDto,
  StorageStatusDto,
  WorkbenchApi,
} from "../protocol";
import { makeAnalysisMethods } from "./analysis";
import { toComparisonDto, toEvaluationDto, toEvaluationUpdateDto, toFormulasDto } from "./dto";
import { defaultTemplateId, type Template } from "./templates";

/** What the service needs from its host: the workspace, templates, a clock and storage status. */
export interface ServiceOptions {
  readonly workspace: Workspace;
  readonly templates: readonly Template[];
  /** A monotonic clock in milliseconds, for the "took N ms" figure only. */
  readonly elapsed: () => number;
  readonly storageStatus?: () => Promise<StorageStatusDto>;
  /** Set when IndexedDB could not be opened and the workspace lives in memory only. */
  readonly storageProblem?: string;
}

const ok = <T>(value: T): Reply<T> => ({ ok: true, value });

/** A draft to keep: `text` typed on top of revision `baseRev` of model `id`. */
interface DraftRequest {
  readonly id: string;
  readonly text: string;
  readonly baseRev: number;
}

/** A failure of the workspace shown to the user (not a bug): surfaced as a Reply error message. */
class UserFacingFailure extends Error {
  override readonly name = "UserFacingFailure";
}

const unwrap = <T>(result: { ok: true; value: T } | PersistFailure): T => {
  if (result.ok) return result.value;
  throw new UserFacingFailure(`${result.message} (${result.code})`);
};

/** Runs a request; any exception becomes a failure reply, so the worker stays alive. */
async function guard<T>(work: () => Promise<T> | T): Promise<Reply<T>> {
  try {
    return ok(await work());
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, kind: error instanceof UserFacingFailure ? "failed" : "internal", message };
  }
}

/** The service, plus what its worker needs beyond the protocol. */
export interface WorkbenchService extends WorkbenchApi {
  /**
   * Resolves once every crash draft requested so far has been written (or failed): the worker's
   * last writes when another tab upgrades the database (P4).
   */
  settleDrafts(): Promise<void>;
}

/** Makes the workbench service over a workspace. */
export function makeWorkbenchService(options: ServiceOptions): WorkbenchService {
  const { workspace, templates, elapsed } = options;
  let engine: Engine = createEngine();
  let openId: string | null = null;
  /** The revision of the last evaluation sent for this engine: the base of the next delta. */
  let sentBase: number | null = null;

  /** The open model's text of record and its revision, as last opened or saved. */
  let stored = { text: "", rev: 0 };

  const open = async (id: string): Promise<OpenModelDto> => {
    const model = unwrap(await workspace.openModel(id));
    engine = createEngine();
    sentBase = null;
    openId = id;
    const { text, ...summary } = model;
    stored = { text, rev: model.rev };
    // A draft left by a tab that closed before saving (P18); failing to read it must not block.
    const found = await workspace.readDraft(id);
    const draft = found.ok ? found.value : null;
    if (draft === null) return { model: summary, text };
    return {
      model: summary,
      text,
      draft: { text: draft.text, savedAt: draft.savedAt, baseRev: draft.baseRev },
    };
  };

  /**
   * Crash drafts (P18): every text the editor sends that differs from the saved text is kept as
   * the model's draft, one write at a time, the newest text winning. Relaxed and best effort: a
   * draft is a safety net, and saves report their own failures.
   */
  const drafts = {
    pending: null as DraftRequest | null,
    writing: false,
    settled: Promise.resolve(),
  };
  const keepDraft = (request: DraftRequest) => {
    drafts.pending = request;
    if (!drafts.writing) drafts.settled = writeDrafts().catch(() => undefined);
  };
  const writeDrafts = async () => {
    drafts.writing = true;
    try {
      for (let next = drafts.pending; next !== null; next = drafts.pending) {
        drafts.pending = null;
        await workspace.writeDraft(next.id, next.text, next.baseRev);
      }
    } finally {
      drafts.writing = false;
    }
  };

  /** After a committed save: the draft of that text is obsolete, and autosaves are pruned. */
  const afterSave = async (id: string, text: string, rev: number, kind: SaveKind) => {
    if (id === openId) stored = { text, rev };
    await workspace.discardDraft(id, text);
    if (kind === "autosave") await workspace.pruneAutosaves(id);
  };

  const createFrom = async (name: string, text: string): Promise<OpenModelDto> => {
    const created = unwrap(await workspace.createModel(name, text));
    return open(created.id);
  };

  const templateText = (id: string | undefined): string => {
    if (id === undefined) return "";
    const template = templates.find((t) => t.id === id);
    if (!template) throw new UserFacingFailure(`There is no template called '${id}'.`);
    return template.text;
  };

  const timed = <T>(work: () => T): [T, number] => {
    const start = elapsed();
    const result = work();
    return [result, elapsed() - start];
  };

  const analysis = makeAnalysisMethods({
    engine: () => engine,
    revision: () => sentBase ?? -1,
    elapsed,
  });

  return {
    start: () =>
      guard(async () => {
        let models = unwrap(await workspace.listModels());
        if (models.length === 0) {
          const first = templates.find((t) => t.id === defaultTemplateId) ?? templates[0];
          if (first) unwrap(await workspace.createModel(first.name, first.text));
          else unwrap(await workspace.createModel("Untitled model", ""));
          models = unwrap(await workspace.listModels());
        }
        const latest = [...models].sort((a, b) => b.updatedAt - a.updatedAt)[0];
        if (!latest) throw new Error("The workspace is empty after creating a model.");
        const storage = options.storageStatus
          ? await options.storageStatus()
          : await readStorageStatus();
        return {
          models,
          open: await open(latest.id),
          templates: templates.map(({ id, name, description }) => ({ id, name, description })),
          functions: [...builtinFunctions.keys()].sort(),
          storage,
          ...(options.storageProblem ? { storageProblem: options.storageProblem } : {}),
        };
      }),
    listModels: () => guard(async () => unwrap(await workspace.listModels())),
    openModel: (id) => guard(() => open(id)),
    createModel: (name, templateId) => guard(() => createFrom(name, templateText(templateId))),
    renameModel: (id, name) => guard(async () => unwrap(await workspace.renameModel(id, name))),
    duplicateModel: (id) =>
      guard(async () => {
        const copy = unwrap(await workspace.duplicateModel(id));
        return open(copy.id);
      }),
    deleteModel: (id) =>
      guard(async (): Promise<ModelSummaryDto> => {
        const trashed = unwrap(await workspace.deleteModel(id));
        if (openId === id) openId = null;
        return {
          id: trashed.id,
          name: trashed.name,
          updatedAt: trashed.updatedAt,
          rev: trashed.rev,
        };
      }),
    undoDelete: (id) => guard(async () => unwrap(await workspace.restoreModel(id))),
    evaluate: (revision, text) =>
      guard(() => {
        if (openId !== null && text !== stored.text)
          keepDraft({ id: openId, text, baseRev: stored.rev });
        const [snapshot, ms] = timed(() => engine.update(text));
        const update = toEvaluationUpdateDto(snapshot, revision, sentBase, ms);
        sentBase = revision;
        return update;
      }),
    setScenario: (revision, scenario) =>
      guard(() => {
        const [snapshot, ms] = timed(() => engine.setScenario(scenario));
        const update = toEvaluationUpdateDto(snapshot, revision, sentBase, ms);
        sentBase = revision;
        return update;
      }),
    fullEvaluation: (revision) =>
      guard(() => {
        const [snapshot, ms] = timed(() => engine.snapshot());
        sentBase = revision;
        return toEvaluationDto(snapshot, revision, ms);
      }),
    lineage: (revision, key, period) =>
      guard(() => {
        const result = engine.explain(key, period ?? undefined, engine.scenario);
        if (!result.ok) return null;
        return {
          revision,
          tree: result.tree,
          dependents: engine.dependents(key),
          checks: engine.checkReaders(key),
        };
      }),
    formulas: (revision) =>
      guard(() => toFormulasDto(engine.evaluation().compiled.model.lines, revision)),
    compare: (revision, left, right) =>
      guard(() => toComparisonDto(engine.compare(left, right), revision)),
    analysisTarget: (_revision, key, period) => guard(() => analysis.analysisTarget(key, period)),
    goalSeek: (_revision, request) => guard(() => analysis.goalSeek(request)),
    startSensitivity: (_revision, request, budgetMs) =>
      guard(() => analysis.startSensitivity(request, budgetMs)),
    continueSensitivity: (job, budgetMs) =>
      guard(() => analysis.continueSensitivity(job, budgetMs)),
    cancelSensitivity: (job) => guard(() => analysis.cancelSensitivity(job)),
    exportModel: (revision) =>
      guard(() => {
        const snap = engine.snapshot();
        const plan = buildWorkbookPlan(engine.checked(), engine.evaluation(), engine.scenario);
        return { revision, plan, csv: gridCsv(snap.periods, snap.lines) };
      }),
    previewCsvImport: (text, csv) => guard(() => previewCsvImport(text, csv)),
    save: (id, text, baseRev, saveOptions) =>
      guard(async () => {
        const result = await workspace.saveModel(id, text, baseRev, {
          kind: saveOptions.kind,
          ...(saveOptions.label ? { label: saveOptions.label } : {}),
          ...(saveOptions.confirmEmpty === true ? { confirmEmpty: true } : {}),
        });
        if (result.ok) await afterSave(id, text, result.rev, saveOptions.kind);
        return result;
      }),
    keepDraft: (id, text, baseRev) =>
      guard(async (): Promise<DraftResultDto> => {
        // After the drafts already requested, so an older text cannot land on top of this one.
        await drafts.settled;
        const result = await workspace.writeDraft(id, text, baseRev);
        return result.ok ? { kept: true } : { kept: false, message: result.message };
      }),
    listVersions: (id) => guard(async () => unwrap(await workspace.listVersions(id))),
    restoreVersion: (id, versionId) =>
      guard(async () => {
        const current = unwrap(await workspace.openModel(id));
        const result = await workspace.restoreVersion(id, versionId, current.rev);
        if (!result.ok) throw new UserFacingFailure(`${result.message} (${result.code})`);
        return open(id);
      }),
    importFile: (fileName, bytes) =>
      guard(async (): Promise<ImportResultDto> => {
        const checked = validateImport(fileName, new Uint8Array(bytes));
        if (!checked.ok) return { ok: false, code: checked.code, message: checked.message };
        const probe = testEvaluate(checked.text);
        if (probe.problem !== null)
          return {
            ok: false,
            code: "P5002",
            message: `This is not a Precept model: ${probe.problem}.`,
          };
        const created = await workspace.importModel(fileName, checked.text);
        if (!created.ok) return { ok: false, code: created.code, message: created.message };
        const diagnostics: readonly DiagnosticDto[] = probe.diagnostics;
        return { ok: true, open: await open(created.value.id), diagnostics };
      }),
    storageStatus: () =>
      guard(() => (options.storageStatus ? options.storageStatus() : readStorageStatus())),
    settleDrafts: () => drafts.settled,
    securitySelfCheck: () => guard(tryCodeFromText),
    selfTestFailure: () =>
      guard((): null => {
        throw new Error("Self-test failure requested by the UI.");
      }),
  };
}

/**
 * Tries to compile JavaScript from a string in this worker. The worker's CSP (the header its
 * script was served with) must refuse it; nothing in a model is ever run as code (P11).
 */
function tryCodeFromText(): SecurityCheckDto {
  try {
    // This is the point of the check: the CSP must make this constructor throw.
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    const compiled = new Function("return 1") as () => unknown;
    compiled();
    return { blocked: false, error: "" };
  } catch (error) {
    return { blocked: true, error: error instanceof Error ? error.name : "Error" };
  }
}

/**
 * Evaluates `text` in an engine of its own, as an import does before it writes anything: a text
 * with no line item and an error diagnostic is not a model (`problem` says why). Evaluation is
 * bounded by the engine's limits; an exception is a bug, and the request's guard reports it.
 */
function testEvaluate(text: string): {
  readonly problem: string | null;
  readonly diagnostics: readonly DiagnosticDto[];
} {
  const evaluated = createEngine().update(text);
  const errors = evaluated.diagnostics.filter((d) => d.severity === "error");
  const notAModel = evaluated.lines.length === 0 && errors.length > 0;
  const problem = notAModel ? (errors[0]?.message ?? "nothing in it parses") : null;
  return { problem, diagnostics: evaluated.diagnostics };
}

/**
 * The probe `Workspace.importBackup` needs (`BackupProbe`): every text of a backup is
 * test-evaluated as a model file import is, before anything is written.
 */
export const probeModelText: BackupProbe = (text) => testEvaluate(text).problem;

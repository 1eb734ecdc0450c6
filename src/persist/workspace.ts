/**
 * The workspace: the models in this browser, their trash and their version history, on top of a
 * `StorageAdapter`. Every operation runs in one transaction. Saves are compare-and-set on the
 * model's `rev` inside one readwrite transaction (P3). A transient storage error reopens the
 * connection and retries once; a failure is returned, never thrown, and never reported as ok
 * (P2, P5, P6). Time and ids are injected.
 */
import { InvariantError } from "../base";
import type { ModelSummaryDto, VersionDto } from "../protocol";
import type { StorageAdapter, StorageTx, StoreName, TxOptions } from "./adapter";
import { PersistCodes } from "./codes";
import { classifyError, fail, failureFromError, type PersistFailure } from "./errors";
import {
  backupFormat,
  parseBackup,
  type Backup,
  type BackupModel,
  type BackupProbe,
} from "./backup";
import {
  autosavesToPrune,
  countLines,
  discardDraftIn,
  isDegradingSave,
  readDraftIn,
  writeDraftIn,
  type DraftOffer,
  type DraftWrite,
} from "./drafts";
import { validateImport } from "./import";
import { headSchemaVersion } from "./migrations";
import { Limits } from "./limits";
import { cleanName, nameKey, uniqueName } from "./names";
import { silentNotifier, type ChangeNotifier, type WorkspaceMessage } from "./notify";
import {
  decodeAll,
  decodeModel,
  decodeVersion,
  decodeVersionText,
  utf8Size,
  type SaveKind,
  type StoredModel,
  type StoredVersion,
} from "./records";

/** A result: the value, or a failure with its reason, code and message. */
export type Result<T> = { readonly ok: true; readonly value: T } | PersistFailure;

/** The result of a save or restore; assignable to `SaveResultDto`. */
export type SaveResult =
  | { readonly ok: true; readonly rev: number; readonly savedAt: number }
  | (PersistFailure & { readonly current?: { readonly rev: number; readonly text: string } });

/** What a save is. `confirmEmpty` allows near-empty text to replace a substantial model (P9). */
export interface SaveOptions {
  readonly kind: SaveKind;
  readonly label?: string;
  readonly confirmEmpty?: boolean;
}

/** An opened model: its summary and its text at `rev`. */
export interface OpenedModel extends ModelSummaryDto {
  readonly text: string;
}

/** A model in the trash. */
export interface TrashedModel extends ModelSummaryDto {
  readonly deletedAt: number;
}

/** A version as listed, with whether it was an autosave. */
export interface VersionInfo extends VersionDto {
  readonly kind: SaveKind;
}

/** What the workspace needs from its host. */
export interface WorkspaceOptions {
  /** The clock, in milliseconds since the epoch. */
  readonly now: () => number;
  /** Makes a new model id; defaults to `crypto.randomUUID()`. */
  readonly newId?: () => string;
  /** Tells other tabs about commits; defaults to none. */
  readonly notifier?: ChangeNotifier;
}

const allStores: readonly StoreName[] = ["models", "versions", "versionTexts", "drafts"];
const strict: TxOptions = { durability: "strict" };

const ok = <T>(value: T): Result<T> => ({ ok: true, value });
const notFound = (what: string): PersistFailure =>
  fail(
    "invalid",
    PersistCodes.notFound,
    `${what} no longer exists; it may have been deleted in another tab.`,
  );
const summaryOf = (m: StoredModel): ModelSummaryDto => ({
  id: m.id,
  name: m.name,
  updatedAt: m.updatedAt,
  rev: m.rev,
});
export { isDegradingSave };

/** The workspace API the worker calls. */
export class Workspace {
  private readonly now: () => number;
  private readonly newId: () => string;
  private readonly notifier: ChangeNotifier;

  constructor(
    private readonly adapter: StorageAdapter,
    options: WorkspaceOptions,
  ) {
    this.now = options.now;
    this.newId = options.newId ?? (() => crypto.randomUUID());
    this.notifier = options.notifier ?? silentNotifier;
  }

  /**
   * Runs `body` in one transaction. A transient error (lost connection, closing connection,
   * abort) reopens and retries once; `retry` tells the body it is the second attempt. Any other
   * error, or a second failure, becomes a failure result. Bugs (`InvariantError`) are rethrown.
   */
  private async transact<T>(
    stores: readonly StoreName[],
    mode: "readonly" | "readwrite",
    body: (tx: StorageTx, retry: boolean) => Promise<T>,
    options?: TxOptions,
  ): Promise<T | PersistFailure> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.adapter.run(stores, mode, (tx) => body(tx, attempt > 0), options);
      } catch (error) {
        if (error instanceof InvariantError) throw error;
        if (attempt > 0 || classifyError(error) !== "transient") return failureFromError(error);
        try {
          await this.adapter.reopen();
        } catch (reopenError) {
          return failureFromError(reopenError);
        }
      }
    }
  }

  private announce(message: WorkspaceMessage): void {
    try {
      this.notifier.post(message);
    } catch {
      // A closed channel must not turn a committed save into a failure.
    }
  }

  private async readModels(tx: StorageTx): Promise<StoredModel[]> {
    return decodeAll(await tx.getAll("models"), decodeModel);
  }

  private async readLive(tx: StorageTx, id: string): Promise<StoredModel | null> {
    const model = decodeModel(await tx.get("models", id));
    return model !== null && model.deletedAt === null ? model : null;
  }

  /** Writes version `rev` of `model` (metadata and text); returns its id. */
  private async appendVersion(
    tx: StorageTx,
    model: StoredModel,
    kind: SaveKind,
    label: string | undefined,
  ): Promise<number> {
    const meta = {
      modelId: model.id,
      rev: model.rev,
      savedAt: model.updatedAt,
      kind,
      size: utf8Size(model.text),
    };
    const key = await tx.put("versions", label === undefined ? meta : { ...meta, label });
    if (typeof key !== "number") throw new InvariantError("version keys are generated numbers");
    await tx.put("versionTexts", { id: key, text: model.text });
    return key;
  }

  /** The live models, by name. */
  async listModels(): Promise<Result<ModelSummaryDto[]>> {
    const result = await this.transact(["models"], "readonly", (tx) => this.readModels(tx));
    if (!Array.isArray(result)) return result;
    return ok(
      result
        .filter((m) => m.deletedAt === null)
        .sort((a, b) => nameKey(a.name).localeCompare(nameKey(b.name)) || a.id.localeCompare(b.id))
        .map(summaryOf),
    );
  }

  /** The models in the trash, most recently deleted first. */
  async listTrash(): Promise<Result<TrashedModel[]>> {
    const result = await this.transact(["models"], "readonly", (tx) => this.readModels(tx));
    if (!Array.isArray(result)) return result;
    const trashed: TrashedModel[] = [];
    for (const m of result)
      if (m.deletedAt !== null) trashed.push({ ...summaryOf(m), deletedAt: m.deletedAt });
    return ok(trashed.sort((a, b) => b.deletedAt - a.deletedAt));
  }

  /**
   * Creates a model with `text` at rev 1 (and its first version). A name already used gets a
   * suffix: "Council tax (2)".
   */
  async createModel(name: string, text: string): Promise<Result<ModelSummaryDto>> {
    return this.insertModel(this.newId(), name, text);
  }

  private async insertModel(
    id: string,
    name: string,
    text: string,
  ): Promise<Result<ModelSummaryDto>> {
    const clean = cleanName(name);
    if (clean === "") return fail("invalid", PersistCodes.badName, "Give the model a name.");
    const result = await this.transact(
      allStores,
      "readwrite",
      async (tx) => {
        const existing = decodeModel(await tx.get("models", id));
        // Only a retry of this very call can find its id taken: the first attempt committed.
        if (existing !== null) return summaryOf(existing);
        const live = (await this.readModels(tx)).filter((m) => m.deletedAt === null);
        const now = this.now();
        const model: StoredModel = {
          id,
          name: uniqueName(
            clean,
            live.map((m) => m.name),
          ),
          text,
          rev: 1,
          createdAt: now,
          updatedAt: now,
          deletedAt: null,
        };
        await tx.put("models", model);
        await this.appendVersion(tx, model, "explicit", undefined);
        return summaryOf(model);
      },
      strict,
    );
    if ("ok" in result) return result;
    this.announce({ kind: "workspace-changed" });
    return ok(result);
  }

  /**
   * Imports a model file: validates it (size, UTF-8, binary, bidi; NFC) and creates a new model.
   * Never overwrites: a clashing name gets a suffix. The language parses the text afterwards.
   */
  async importModel(
    fileName: string,
    input: Uint8Array | ArrayBuffer | string,
  ): Promise<Result<ModelSummaryDto>> {
    const checked = validateImport(fileName, input);
    if (!checked.ok) return fail("invalid", checked.code, checked.message);
    return this.createModel(checked.name, checked.text);
  }

  /** The model's current text and revision. */
  async openModel(id: string): Promise<Result<OpenedModel>> {
    const result = await this.transact(["models"], "readonly", (tx) => this.readLive(tx, id));
    if (result === null) return notFound("This model");
    if ("ok" in result) return result;
    return ok({ ...summaryOf(result), text: result.text });
  }

  /** Renames a model. The name must be non-empty and not used by another live model. */
  async renameModel(id: string, name: string): Promise<Result<ModelSummaryDto>> {
    const clean = cleanName(name);
    if (clean === "") return fail("invalid", PersistCodes.badName, "Give the model a name.");
    const result = await this.transact(["models"], "readwrite", async (tx) => {
      const models = await this.readModels(tx);
      const model = models.find((m) => m.id === id && m.deletedAt === null);
      if (model === undefined) return notFound("This model");
      const clash = models.find(
        (m) => m.id !== id && m.deletedAt === null && nameKey(m.name) === nameKey(clean),
      );
      if (clash !== undefined) {
        return fail(
          "invalid",
          PersistCodes.badName,
          `Another model is already called '${clash.name}'. Choose another name.`,
        );
      }
      const renamed: StoredModel = { ...model, name: clean, updatedAt: this.now() };
      await tx.put("models", renamed);
      return ok(summaryOf(renamed));
    });
    if (result.ok) this.announce({ kind: "workspace-changed" });
    return result;
  }

  /** Copies a model's current text into a new model named `name` (default: the same, suffixed). */
  async duplicateModel(id: string, name?: string): Promise<Result<ModelSummaryDto>> {
    const source = await this.openModel(id);
    if (!source.ok) return source;
    return this.insertModel(this.newId(), name ?? source.value.name, source.value.text);
  }

  /** Moves a model to the trash; `restoreModel` undoes it until `purgeTrash` removes it. */
  async deleteModel(id: string): Promise<Result<TrashedModel>> {
    const result = await this.transact(["models"], "readwrite", async (tx) => {
      const model = decodeModel(await tx.get("models", id));
      if (model === null) return notFound("This model");
      const trashed: StoredModel =
        model.deletedAt === null ? { ...model, deletedAt: this.now() } : model;
      await tx.put("models", trashed);
      return ok({ ...summaryOf(trashed), deletedAt: trashed.deletedAt ?? 0 });
    });
    if (result.ok) this.announce({ kind: "workspace-changed" });
    return result;
  }

  /** Takes a model out of the trash (undo delete). A name taken meanwhile gets a suffix. */
  async restoreModel(id: string): Promise<Result<ModelSummaryDto>> {
    const result = await this.transact(["models"], "readwrite", async (tx) => {
      const models = await this.readModels(tx);
      const model = models.find((m) => m.id === id);
      if (model === undefined) return notFound("This model");
      if (model.deletedAt === null) return ok(summaryOf(model));
      const live = models.filter((m) => m.deletedAt === null).map((m) => m.name);
      const restored: StoredModel = {
        ...model,
        name: uniqueName(model.name, live),
        deletedAt: null,
      };
      await tx.put("models", restored);
      return ok(summaryOf(restored));
    });
    if (result.ok) this.announce({ kind: "workspace-changed" });
    return result;
  }

  /**
   * Removes for good the trashed models deleted at least `olderThanMs` ago (default
   * `Limits.trashRetentionMs`; 0 empties the trash), with their versions. Returns how many.
   */
  async purgeTrash(olderThanMs: number = Limits.trashRetentionMs): Promise<Result<number>> {
    const cutoff = this.now() - olderThanMs;
    const result = await this.transact(
      allStores,
      "readwrite",
      async (tx) => {
        let purged = 0;
        for (const model of await this.readModels(tx)) {
          if (model.deletedAt === null || model.deletedAt > cutoff) continue;
          for (const v of decodeAll(
            await tx.getAllByIndex("versions", "byModel", model.id),
            decodeVersion,
          )) {
            await tx.delete("versionTexts", v.id);
            await tx.delete("versions", v.id);
          }
          await tx.delete("models", model.id);
          await tx.delete("drafts", model.id);
          purged += 1;
        }
        return ok(purged);
      },
      strict,
    );
    if (result.ok && result.value > 0) this.announce({ kind: "workspace-changed" });
    return result;
  }

  /**
   * Saves `text` as revision `baseRev + 1` if the stored model is still at `baseRev`, appending a
   * version. Otherwise nothing is written and the result is a conflict carrying the stored
   * revision and text. Explicit saves commit with durability "strict". Unchanged text without a
   * label writes nothing. Near-empty text over a substantial model needs `confirmEmpty` (P9).
   */
  async saveModel(
    id: string,
    text: string,
    baseRev: number,
    options: SaveOptions,
  ): Promise<SaveResult> {
    const result = await this.transact(
      allStores,
      "readwrite",
      async (tx, retry) => {
        const model = await this.readLive(tx, id);
        if (model === null) return notFound("This model");
        return this.compareAndSet(tx, model, text, baseRev, options, retry);
      },
      options.kind === "explicit" ? strict : { durability: "relaxed" },
    );
    if (result.ok) this.announce({ kind: "model-saved", modelId: id, rev: result.rev });
    return result;
  }

  private async compareAndSet(
    tx: StorageTx,
    model: StoredModel,
    text: string,
    baseRev: number,
    options: SaveOptions,
    retry: boolean,
  ): Promise<SaveResult> {
    if (model.rev !== baseRev) {
      // On a retry, the first attempt may have committed before its connection dropped.
      if (retry && model.rev === baseRev + 1 && model.text === text) {
        return { ok: true, rev: model.rev, savedAt: model.updatedAt };
      }
      return {
        ...fail(
          "conflict",
          PersistCodes.conflict,
          "This model was saved in another tab since you opened it. Reload it, or keep your text and save again.",
        ),
        current: { rev: model.rev, text: model.text },
      };
    }
    const label = options.label?.trim() === "" ? undefined : options.label?.trim();
    if (text === model.text && label === undefined)
      return { ok: true, rev: model.rev, savedAt: model.updatedAt };
    if (options.confirmEmpty !== true && isDegradingSave(model.text, text)) {
      return fail(
        "invalid",
        PersistCodes.emptyReplace,
        `Saving would replace ${countLines(model.text).toString()} lines with an empty or almost empty model. Confirm to save it anyway; earlier versions stay in the history.`,
      );
    }
    const saved: StoredModel = { ...model, text, rev: model.rev + 1, updatedAt: this.now() };
    await tx.put("models", saved);
    await this.appendVersion(tx, saved, options.kind, label);
    return { ok: true, rev: saved.rev, savedAt: saved.updatedAt };
  }

  /** The model's versions, newest first (metadata only). */
  async listVersions(modelId: string): Promise<Result<VersionInfo[]>> {
    const result = await this.transact(["versions"], "readonly", (tx) =>
      tx.getAllByIndex("versions", "byModel", modelId),
    );
    if (!Array.isArray(result)) return result;
    return ok(
      decodeAll(result, decodeVersion)
        .sort((a, b) => b.rev - a.rev || b.id - a.id)
        .map(versionInfo),
    );
  }

  /** The text of one version. */
  async readVersion(modelId: string, versionId: number): Promise<Result<string>> {
    return this.transact(["versions", "versionTexts"], "readonly", async (tx) => {
      const version = decodeVersion(await tx.get("versions", versionId));
      const text = decodeVersionText(await tx.get("versionTexts", versionId));
      if (version?.modelId !== modelId || text === null) return notFound("This version");
      return ok(text.text);
    });
  }

  /**
   * Makes version `versionId`'s text the model's text as a new version (never deleting later
   * ones), compare-and-set on `baseRev` like `saveModel`. Undo it by restoring the version before.
   */
  async restoreVersion(
    modelId: string,
    versionId: number,
    baseRev: number,
    options: { readonly confirmEmpty?: boolean } = {},
  ): Promise<SaveResult> {
    const result = await this.transact(
      allStores,
      "readwrite",
      async (tx, retry) => {
        const model = await this.readLive(tx, modelId);
        const version = decodeVersion(await tx.get("versions", versionId));
        const text = decodeVersionText(await tx.get("versionTexts", versionId));
        if (model === null) return notFound("This model");
        if (version?.modelId !== modelId || text === null) return notFound("This version");
        const save = { kind: "explicit", ...options } as const;
        return this.compareAndSet(tx, model, text.text, baseRev, save, retry);
      },
      strict,
    );
    if (result.ok) this.announce({ kind: "model-saved", modelId, rev: result.rev });
    return result;
  }

  /** Names a version (an empty label removes the name). Named versions survive pruning. */
  async labelVersion(
    modelId: string,
    versionId: number,
    label: string,
  ): Promise<Result<VersionInfo>> {
    return this.transact(["versions"], "readwrite", async (tx) => {
      const version = decodeVersion(await tx.get("versions", versionId));
      if (version?.modelId !== modelId) return notFound("This version");
      const trimmed = cleanName(label);
      const { id, rev, savedAt, kind, size } = version;
      const unlabelled: StoredVersion = { id, modelId, rev, savedAt, kind, size };
      const labelled: StoredVersion =
        trimmed === "" ? unlabelled : { ...unlabelled, label: trimmed };
      await tx.put("versions", labelled);
      return ok(versionInfo(labelled));
    });
  }

  /**
   * Deletes old versions of a model, keeping every named version, the newest `keep` versions and
   * the version of the current revision. Returns how many were deleted.
   */
  async pruneVersions(
    modelId: string,
    keep: number = Limits.keepVersions,
  ): Promise<Result<number>> {
    return this.transact(allStores, "readwrite", async (tx) => {
      const model = decodeModel(await tx.get("models", modelId));
      if (model === null) return notFound("This model");
      const versions = decodeAll(
        await tx.getAllByIndex("versions", "byModel", modelId),
        decodeVersion,
      ).sort((a, b) => b.rev - a.rev || b.id - a.id);
      let deleted = 0;
      for (const [index, v] of versions.entries()) {
        if (index < keep || v.label !== undefined || v.rev === model.rev) continue;
        await tx.delete("versionTexts", v.id);
        await tx.delete("versions", v.id);
        deleted += 1;
      }
      return ok(deleted);
    });
  }

  /**
   * Applies the history rule (`autosavesToPrune`, P18) to a model: deletes the unnamed autosave
   * versions beyond the newest `Limits.keepAutosaves`. Returns how many were deleted.
   */
  async pruneAutosaves(modelId: string): Promise<Result<number>> {
    return this.transact(allStores, "readwrite", async (tx) => {
      const model = decodeModel(await tx.get("models", modelId));
      if (model === null) return notFound("This model");
      const versions = decodeAll(
        await tx.getAllByIndex("versions", "byModel", modelId),
        decodeVersion,
      );
      const doomed = autosavesToPrune(versions, model.rev);
      for (const id of doomed) {
        await tx.delete("versionTexts", id);
        await tx.delete("versions", id);
      }
      return ok(doomed.length);
    });
  }

  /**
   * Keeps `text`, typed on top of revision `baseRev`, as the crash draft of a model, apart from
   * its versions (P18). Relaxed durability: a draft is a safety net, not a save. An empty or
   * near-empty text never replaces a substantial model or draft (P9, code P5006).
   */
  async writeDraft(modelId: string, text: string, baseRev: number): Promise<Result<DraftWrite>> {
    const result = await this.transact(
      allStores,
      "readwrite",
      (tx) => writeDraftIn(tx, modelId, text, baseRev, this.now()),
      { durability: "relaxed" },
    );
    return typeof result === "string" ? ok(result) : result;
  }

  /** The unsaved draft to offer when the model is opened, or null when there is nothing to offer. */
  async readDraft(modelId: string): Promise<Result<DraftOffer | null>> {
    const result = await this.transact(allStores, "readonly", async (tx) => ({
      draft: await readDraftIn(tx, modelId),
    }));
    return "draft" in result ? ok(result.draft) : result;
  }

  /** Deletes a model's draft (declined, or made obsolete by a save of the same `ifText`). */
  async discardDraft(modelId: string, ifText?: string): Promise<Result<boolean>> {
    const result = await this.transact(allStores, "readwrite", async (tx) => ({
      done: await discardDraftIn(tx, modelId, ifText),
    }));
    return "done" in result ? ok(result.done) : result;
  }

  /** Every live model with its versions, as the JSON text of a workspace backup. */
  async exportBackup(): Promise<Result<string>> {
    const result = await this.transact(allStores, "readonly", async (tx) => {
      const models: BackupModel[] = [];
      for (const model of await this.readModels(tx)) {
        if (model.deletedAt !== null) continue;
        const metas = decodeAll(
          await tx.getAllByIndex("versions", "byModel", model.id),
          decodeVersion,
        );
        const versions = [];
        for (const v of metas.sort((a, b) => a.rev - b.rev)) {
          const text = decodeVersionText(await tx.get("versionTexts", v.id));
          if (text === null) continue;
          const base = { rev: v.rev, savedAt: v.savedAt, kind: v.kind, text: text.text };
          versions.push(v.label === undefined ? base : { ...base, label: v.label });
        }
        models.push({ name: model.name, createdAt: model.createdAt, versions });
      }
      return models;
    });
    if (!Array.isArray(result)) return result;
    const backup: Backup = {
      format: backupFormat,
      schemaVersion: headSchemaVersion,
      exportedAt: this.now(),
      models: result,
    };
    return ok(JSON.stringify(backup));
  }

  /**
   * Imports a workspace backup as new models (new ids; clashing names get a suffix), all in one
   * transaction: a file that fails validation, or a failed write, changes nothing. Every distinct
   * text is first given to `probe` (the service test-evaluates it); one it refuses refuses the
   * file. Versions are renumbered 1..n in order; the last is the model's text.
   */
  async importBackup(text: string, probe: BackupProbe): Promise<Result<ModelSummaryDto[]>> {
    const parsed = parseBackup(text, this.now());
    if (!parsed.ok) return fail("invalid", parsed.code, parsed.message);
    const probed = new Set<string>();
    for (const [m, source] of parsed.backup.models.entries()) {
      for (const [i, v] of source.versions.entries()) {
        if (probed.has(v.text)) continue;
        probed.add(v.text);
        const problem = probe(v.text);
        if (problem !== null) {
          const where = `model ${String(m + 1)} (“${source.name}”), version ${String(i + 1)}`;
          return fail(
            "invalid",
            PersistCodes.badBackup,
            `This is not a usable Precept backup: ${where} cannot be read as a model (${problem}). Nothing was imported.`,
          );
        }
      }
    }
    const ids = parsed.backup.models.map(() => this.newId());
    const result = await this.transact(
      allStores,
      "readwrite",
      async (tx) => {
        const models = await this.readModels(tx);
        // A retry after a committed first attempt finds its ids taken.
        if (models.some((m) => ids.includes(m.id)))
          return models.filter((m) => ids.includes(m.id)).map(summaryOf);
        const names = models.filter((m) => m.deletedAt === null).map((m) => m.name);
        const created: ModelSummaryDto[] = [];
        for (const [index, source] of parsed.backup.models.entries()) {
          const id = ids[index] ?? this.newId();
          const name = uniqueName(source.name, names);
          names.push(name);
          let model: StoredModel | null = null;
          for (const [i, v] of source.versions.entries()) {
            model = {
              id,
              name,
              text: v.text,
              rev: i + 1,
              createdAt: source.createdAt,
              updatedAt: v.savedAt,
              deletedAt: null,
            };
            await this.appendVersion(tx, model, v.kind, v.label);
          }
          if (model === null)
            throw new InvariantError("parseBackup guarantees at least one version");
          await tx.put("models", model);
          created.push(summaryOf(model));
        }
        return created;
      },
      strict,
    );
    if (!Array.isArray(result)) return result;
    this.announce({ kind: "workspace-changed" });
    return ok(result);
  }
}

function versionInfo(v: StoredVersion): VersionInfo {
  const base = {
    id: v.id,
    modelId: v.modelId,
    rev: v.rev,
    savedAt: v.savedAt,
    size: v.size,
    kind: v.kind,
  };
  return v.label === undefined ? base : { ...base, label: v.label };
}

import { batch } from "solid-js";
import { createStore, reconcile } from "solid-js/store";
import { LineTable } from "../grid/rows";
import type {
  ComparisonDto,
  EvaluationDto,
  EvaluationUpdateDto,
  LineageDto,
  ModelSummaryDto,
  OpenModelDto,
  Reply,
  StorageEventDto,
  StorageStatusDto,
  TemplateDto,
  VersionDto,
  WorkbenchApi,
} from "../../protocol";

/** Anything that can send a request to the worker (the app's comlink client, or a fake in tests). */
export interface WorkbenchCaller {
  call<T>(request: (api: WorkbenchApi) => Promise<Reply<T>>): Promise<T | null>;
  /** Subscribes to what the worker's storage connection reports (P4), where the caller can. */
  onStorageEvent?(listener: (event: StorageEventDto) => void): void;
}

/** What the store asks of the page: a yes/no question, and reloading the tab. */
export interface StoreHost {
  /** Asks the user; true means go ahead. */
  confirm(message: string): boolean | Promise<boolean>;
  reload(): void;
}

/** The browser's own dialogs; outside a page, nothing is confirmed and nothing reloads. */
const pageHost: StoreHost = {
  confirm: (message) => (typeof confirm === "function" ? confirm(message) : false),
  reload: () => {
    if (typeof location !== "undefined") location.reload();
  },
};

/** What the save indicator shows. "saved" appears only after the worker confirmed the write. */
export type SaveState =
  | { readonly kind: "saved"; readonly at: number }
  | { readonly kind: "unsaved" }
  | { readonly kind: "saving" }
  | { readonly kind: "failed"; readonly message: string }
  | {
      readonly kind: "conflict";
      readonly message: string;
      readonly theirs: { rev: number; text: string };
    };

/** A message shown in the notification area, optionally with an action (such as "Undo"). */
export interface Notice {
  readonly id: number;
  readonly tone: "info" | "error";
  readonly text: string;
  readonly action?: { readonly label: string; readonly run: () => void };
}

/**
 * An evaluation as shown: everything the worker sent but the lines, which live in
 * `WorkbenchState.lines` (row models with a signal per cell, updated by deltas).
 */
export type ShownEvaluation = Omit<EvaluationDto, "lines">;

/** The workbench's state, read by every view. */
export interface WorkbenchState {
  started: boolean;
  models: readonly ModelSummaryDto[];
  templates: readonly TemplateDto[];
  functions: readonly string[];
  model: ModelSummaryDto | null;
  text: string;
  /** The revision of `text`; `evaluation.revision` may lag behind it. */
  revision: number;
  evaluation: ShownEvaluation | null;
  /**
   * The lines of `evaluation`, kept outside the store's proxies: a delta sets only the cells it
   * names, so a keystroke costs what it changed, not the model's size.
   */
  readonly lines: LineTable;
  /** The text `evaluation` was computed from (its diagnostics' spans point into it). */
  evaluatedText: string;
  recalculating: boolean;
  scenario: string | null;
  selection: { readonly key: string; readonly period: string | null } | null;
  lineage: LineageDto | null;
  comparison: ComparisonDto | null;
  versions: readonly VersionDto[];
  save: SaveState;
  storage: StorageStatusDto | null;
  notices: readonly Notice[];
}

/** Tunables of the store, in milliseconds. */
export const Timing = {
  /** A request still unanswered after this long shows "Recalculating…". */
  recalculatingAfter: 100,
  /** Delay between the last keystroke and the autosave. */
  autosaveDebounce: 800,
  /**
   * An upgrade waiting for other tabs (`blocked`) is shown only if the workspace has not opened
   * this long after: a tab that closes on request unblocks it at once.
   */
  blockedNoticeAfter: 1_000,
} as const;

/** A performance mark (docs/performance.md reads them), where the platform has them. */
function mark(name: string, detail?: number): void {
  performance.mark(name, { detail });
}

/** Creates the workbench store: its state and the actions that change it. */
export function createWorkbenchStore(client: WorkbenchCaller, host: StoreHost = pageHost) {
  const [state, setState] = createStore<WorkbenchState>({
    started: false,
    models: [],
    templates: [],
    functions: [],
    model: null,
    text: "",
    revision: 0,
    evaluation: null,
    lines: new LineTable(),
    evaluatedText: "",
    recalculating: false,
    scenario: null,
    selection: null,
    lineage: null,
    comparison: null,
    versions: [],
    save: { kind: "saved", at: 0 },
    storage: null,
    notices: [],
  });
  let autosaveTimer: ReturnType<typeof setTimeout> | undefined;
  let noticeId = 0;
  let pendingRequests = 0;
  let recalculatingTimer: ReturnType<typeof setTimeout> | undefined;
  /** Replaces the save state whole: a store setter would merge the old variant's fields in. */
  const setSave = (save: SaveState) => setState("save", reconcile(save));
  /** Texts sent for evaluation by revision, until their reply arrives. */
  const sentTexts = new Map<number, string>();
  /** The save in flight, if any: leaving a model waits for it. */
  let saving: Promise<void> | null = null;
  /** Set once another tab upgraded the database: this tab can no longer save (P4). */
  let storageClosed = false;

  /** Shows a notice; it goes after a while unless `sticky` (then only its buttons remove it). */
  const notify = (
    tone: Notice["tone"],
    text: string,
    action?: Notice["action"],
    sticky = false,
  ) => {
    const notice: Notice = action
      ? { id: ++noticeId, tone, text, action }
      : { id: ++noticeId, tone, text };
    setState("notices", (list) => [...list.slice(-4), notice]);
    const id = notice.id;
    if (sticky) return;
    setTimeout(
      () => setState("notices", (list) => list.filter((n) => n.id !== id)),
      tone === "error" ? 12_000 : 8_000,
    );
  };

  /** Shows "Recalculating…" only when the worker takes longer than `Timing.recalculatingAfter`. */
  const track = async <T>(work: Promise<T>): Promise<T> => {
    pendingRequests += 1;
    if (pendingRequests === 1) {
      recalculatingTimer = setTimeout(
        () => setState("recalculating", true),
        Timing.recalculatingAfter,
      );
    }
    try {
      return await work;
    } finally {
      pendingRequests -= 1;
      if (pendingRequests === 0) {
        clearTimeout(recalculatingTimer);
        setState("recalculating", false);
      }
    }
  };

  /** Shows an evaluation whose lines are already in `state.lines`. */
  const showRest = (evaluation: ShownEvaluation) => {
    const text = sentTexts.get(evaluation.revision);
    for (const revision of sentTexts.keys())
      if (revision <= evaluation.revision) sentTexts.delete(revision);
    setState("evaluation", evaluation);
    if (text !== undefined) setState("evaluatedText", text);
  };

  /** Shows a whole evaluation unless a newer one is already shown (stale replies are dropped). */
  const showWhole = (evaluation: EvaluationDto) => {
    if (evaluation.revision < (state.evaluation?.revision ?? -1)) return;
    const { lines, ...rest } = evaluation;
    batch(() => {
      state.lines.setLines(lines);
      showRest(rest);
    });
    void refreshLineage();
  };

  /**
   * Shows an update from the worker: whole, or as a delta on the evaluation shown. A delta whose
   * base is not what this tab shows (a reply was lost) is replaced by a full evaluation.
   */
  const show = async (update: EvaluationUpdateDto | null) => {
    if (!update) return;
    if (update.revision < (state.evaluation?.revision ?? -1)) return;
    // Marks for the keystroke benchmark: the reply's arrival, and the state set from it.
    mark(`precept:reply:${String(update.revision)}`, update.elapsedMs);
    if (update.delta === undefined) {
      showWhole(update);
      mark(`precept:shown:${String(update.revision)}`);
      return;
    }
    const shown = state.evaluation;
    if (shown && shown.revision === update.delta.base) {
      const { delta, ...rest } = update;
      const applied = batch(() => {
        const ok = state.lines.applyDelta(delta);
        if (ok) showRest(rest);
        return ok;
      });
      if (applied) {
        mark(`precept:shown:${String(update.revision)}`);
        void refreshLineage();
        return;
      }
    }
    const whole = await client.call((api) => api.fullEvaluation(update.revision));
    if (whole) showWhole(whole);
  };

  /**
   * Evaluates the latest text. Nothing waits when the worker is idle; while it is busy, later
   * keystrokes collapse into one request with the newest text, sent when the reply arrives.
   */
  // An object, not two lets: the flags change across the `await` below.
  const evaluation = { running: false, queued: false };
  const queuedSince = () => evaluation.queued;
  const evaluateNow = async () => {
    if (evaluation.running) {
      evaluation.queued = true;
      return;
    }
    evaluation.running = true;
    try {
      do {
        evaluation.queued = false;
        const revision = state.revision;
        const text = state.text;
        sentTexts.set(revision, text);
        await show(await track(client.call((api) => api.evaluate(revision, text))));
      } while (queuedSince());
    } finally {
      evaluation.running = false;
    }
  };

  const refreshLineage = async () => {
    const selection = state.selection;
    if (!selection) return;
    const revision = state.revision;
    const lineage = await client.call((api) =>
      api.lineage(revision, selection.key, selection.period),
    );
    if (lineage === null && state.selection === selection) setState("lineage", null);
    if (lineage && lineage.revision >= (state.lineage?.revision ?? -1))
      setState("lineage", lineage);
  };

  const openText = (open: OpenModelDto) => {
    batch(() => {
      setState({
        model: open.model,
        text: open.text,
        revision: state.revision + 1,
        selection: null,
        lineage: null,
        comparison: null,
        scenario: null,
      });
      setSave({ kind: "saved", at: open.model.updatedAt });
    });
    void evaluateNow();
    void refreshVersions();
    if (open.draft) offerDraft(open.model.id, open.draft);
  };

  /** Offers the unsaved text a closed or crashed tab left behind (P18's crash drafts). */
  const offerDraft = (modelId: string, draft: NonNullable<OpenModelDto["draft"]>) => {
    const when = new Date(draft.savedAt).toLocaleString();
    notify(
      "info",
      `This model has unsaved changes from ${when}, kept as a draft.`,
      { label: "Restore them", run: () => void recoverDraft(modelId, draft.text) },
      true,
    );
  };

  /** Saves a recovered draft as a new version and shows it; the version before stays in history. */
  const recoverDraft = async (modelId: string, text: string) => {
    const model = state.model;
    if (model?.id !== modelId) return;
    const result = await client.call((api) =>
      api.save(model.id, text, model.rev, { kind: "explicit" }),
    );
    if (!result) return;
    if (!result.ok) {
      notify("error", `The unsaved changes could not be restored: ${result.message}`);
      return;
    }
    openText({ model: { ...model, rev: result.rev, updatedAt: result.savedAt }, text });
    notify("info", "Restored the unsaved changes as a new version.");
    await refreshModels();
  };

  const refreshModels = async () => {
    const models = await client.call((api) => api.listModels());
    if (models) setState("models", models);
  };

  const refreshVersions = async () => {
    const model = state.model;
    if (!model) return;
    const versions = await client.call((api) => api.listVersions(model.id));
    if (versions) setState("versions", versions);
  };

  const saveNow = (kind: "autosave" | "explicit", label?: string, confirmEmpty = false) => {
    const run = saveText(kind, label, confirmEmpty);
    const tracked = run.finally(() => {
      if (saving === tracked) saving = null;
    });
    saving = tracked;
    return tracked;
  };

  const saveText = async (kind: "autosave" | "explicit", label?: string, confirmEmpty = false) => {
    clearTimeout(autosaveTimer);
    const model = state.model;
    if (!model) return;
    const text = state.text;
    setSave({ kind: "saving" });
    const options = {
      kind,
      ...(label === undefined ? {} : { label }),
      ...(confirmEmpty ? { confirmEmpty } : {}),
    };
    const result = await client.call((api) => api.save(model.id, text, model.rev, options));
    if (!result) {
      setSave({ kind: "failed", message: "The save did not complete." });
      return;
    }
    if (result.ok) {
      setState("model", { ...model, rev: result.rev, updatedAt: result.savedAt });
      // Later keystrokes may have arrived while saving; they still need saving.
      setState(
        "save",
        state.text === text ? { kind: "saved", at: result.savedAt } : { kind: "unsaved" },
      );
      if (state.text !== text) scheduleAutosave();
      void refreshVersions();
      void refreshModels();
    } else if (result.reason === "conflict" && result.current) {
      setSave({ kind: "conflict", message: result.message, theirs: result.current });
    } else {
      setSave({ kind: "failed", message: result.message });
      // P9: emptying a substantial model is refused until the user confirms it (P5006).
      const confirm =
        result.code === "P5006"
          ? { label: "Save anyway", run: () => void saveNow("explicit", label, true) }
          : undefined;
      notify("error", result.message, confirm);
    }
  };

  const scheduleAutosave = () => {
    clearTimeout(autosaveTimer);
    if (storageClosed) return;
    autosaveTimer = setTimeout(() => void saveNow("autosave"), Timing.autosaveDebounce);
  };

  /** True when the editor holds text that no save has committed (closing the tab asks first). */
  const hasUnsavedText = () => state.model !== null && state.save.kind !== "saved";

  /**
   * Before another model replaces the open one (issue 16: nothing typed is lost). Unsaved text is
   * saved; text that cannot be saved (a conflict, a full disk) is kept as the model's crash draft,
   * offered when it is opened again, and the user is told where it is; when even the draft cannot
   * be stored the user is asked whether to leave it. Returns false when the user stays.
   */
  const leave = async (): Promise<boolean> => {
    if (saving) await saving;
    const model = state.model;
    const saved = () => state.save.kind === "saved";
    if (!model || saved()) return true;
    if (!storageClosed && (state.save.kind === "unsaved" || state.save.kind === "failed"))
      await saveNow("autosave");
    if (saved()) return true;
    const text = state.text;
    const kept = storageClosed
      ? null
      : await client.call((api) => api.keepDraft(model.id, text, model.rev));
    if (kept?.kept) {
      notify(
        "info",
        `Your changes to “${model.name}” are not saved, so they are kept as a draft: open it to restore them.`,
        { label: `Open “${model.name}”`, run: () => void actions.open(model.id) },
        true,
      );
      return true;
    }
    const why = kept === null ? "" : ` (${kept.message})`;
    return host.confirm(
      `Your changes to “${model.name}” could not be saved or kept as a draft${why}. Leave them and lose them? Cancel to stay and copy or download them.`,
    );
  };

  /** What the worker's storage connection reported (P4). */
  let blockedTimer: ReturnType<typeof setTimeout> | undefined;
  const onStorageEvent = (event: StorageEventDto) => {
    switch (event.kind) {
      case "blocked":
        clearTimeout(blockedTimer);
        blockedTimer = setTimeout(() => {
          if (state.started) return;
          notify(
            "error",
            "Precept was updated, and another Precept tab still has the older version open. Close the other Precept tabs: this tab goes on as soon as they close.",
            undefined,
            true,
          );
        }, Timing.blockedNoticeAfter);
        return;
      case "versionchange": {
        storageClosed = true;
        clearTimeout(autosaveTimer);
        const message =
          "Precept was updated in another tab, so this tab can no longer save. Reload it to go on; changes typed before now are kept as a draft and offered after the reload.";
        setSave({ kind: "failed", message: "Precept was updated in another tab. Reload to save." });
        notify("error", message, { label: "Reload", run: () => host.reload() }, true);
        return;
      }
    }
  };
  client.onStorageEvent?.(onStorageEvent);

  const actions = {
    async start() {
      const startup = await client.call((api) => api.start());
      if (!startup) return;
      clearTimeout(blockedTimer);
      batch(() => {
        setState({
          started: true,
          models: startup.models,
          templates: startup.templates,
          functions: startup.functions,
          storage: startup.storage,
        });
      });
      if (startup.storageProblem) notify("error", startup.storageProblem);
      openText(startup.open);
    },
    /** Replaces the text (a keystroke in the editor): evaluates soon, autosaves later. */
    setText(text: string) {
      if (text === state.text) return;
      batch(() => {
        setState({ text, revision: state.revision + 1 });
        if (state.save.kind !== "conflict") setSave({ kind: "unsaved" });
      });
      void evaluateNow();
      if (state.save.kind !== "conflict") scheduleAutosave();
    },
    hasUnsavedText,
    saveNow: (label?: string) => saveNow("explicit", label),
    /** Keeps this tab's text after a conflict: saves it on top of the other tab's version. */
    async keepMine() {
      if (state.save.kind !== "conflict" || !state.model) return;
      setState("model", { ...state.model, rev: state.save.theirs.rev });
      await saveNow("explicit");
    },
    /** Takes the other tab's text after a conflict. */
    takeTheirs() {
      if (state.save.kind !== "conflict" || !state.model) return;
      const theirs = state.save.theirs;
      openText({ model: { ...state.model, rev: theirs.rev }, text: theirs.text });
    },
    async open(id: string) {
      if (!(await leave())) return;
      const open = await client.call((api) => api.openModel(id));
      if (open) openText(open);
    },
    async create(name: string, templateId?: string) {
      if (!(await leave())) return;
      const open = await client.call((api) => api.createModel(name, templateId));
      if (open) {
        openText(open);
        await refreshModels();
      }
    },
    async rename(id: string, name: string) {
      const model = await client.call((api) => api.renameModel(id, name));
      if (!model) return;
      if (state.model?.id === id) setState("model", model);
      await refreshModels();
    },
    /**
     * Names a model after its text's title (issue 15; the app decides when). Only the name of the
     * open model changes here, never its revision: a save may have moved it on meanwhile.
     */
    async adoptTitle(id: string, name: string) {
      const model = await client.call((api) => api.renameModel(id, name));
      if (!model) return;
      const open = state.model;
      if (open?.id === id) setState("model", { ...open, name: model.name });
      await refreshModels();
    },
    async duplicate(id: string) {
      if (!(await leave())) return;
      const open = await client.call((api) => api.duplicateModel(id));
      if (open) {
        openText(open);
        await refreshModels();
      }
    },
    async remove(id: string) {
      const name = state.models.find((m) => m.id === id)?.name ?? "Model";
      const done = await client.call((api) => api.deleteModel(id));
      if (done === null) return;
      await refreshModels();
      notify("info", `Deleted “${name}”.`, {
        label: "Undo",
        run: () => void actions.undoDelete(id),
      });
      if (state.model?.id === id) {
        // Deleted with its text: nothing is left to save or keep (Undo brings the model back).
        setSave({ kind: "saved", at: 0 });
        const next = state.models[0];
        if (next) await actions.open(next.id);
        else await actions.create("Untitled model");
      }
    },
    async undoDelete(id: string) {
      const model = await client.call((api) => api.undoDelete(id));
      if (model) {
        await refreshModels();
        notify("info", `Restored “${model.name}”.`);
      }
    },
    select(key: string, period: string | null) {
      setState("selection", { key, period });
      void refreshLineage();
    },
    async setScenario(name: string | null) {
      const revision = state.revision + 1;
      setState({ scenario: name, revision });
      await show(await track(client.call((api) => api.setScenario(revision, name))));
    },
    async compare(left: string | null, right: string | null) {
      const comparison = await client.call((api) => api.compare(state.revision, left, right));
      setState("comparison", comparison);
    },
    async restoreVersion(versionId: number) {
      const model = state.model;
      if (!model) return;
      // The version shown before the restore: restoring it again undoes the restore.
      const before = state.versions.find((v) => v.rev === model.rev);
      const open = await client.call((api) => api.restoreVersion(model.id, versionId));
      if (open) {
        openText(open);
        notify(
          "info",
          "Restored an earlier version as a new version. Later versions are kept.",
          before ? { label: "Undo", run: () => void actions.restoreVersion(before.id) } : undefined,
        );
        await refreshModels();
      }
    },
    async importFile(file: File) {
      if (!(await leave())) return;
      const bytes = await file.arrayBuffer();
      const result = await client.call((api) => api.importFile(file.name, bytes));
      if (!result) return;
      if (!result.ok) {
        notify("error", `Could not import “${file.name}”: ${result.message} (${result.code})`);
        return;
      }
      openText(result.open);
      await refreshModels();
      notify("info", `Imported “${file.name}” as “${result.open.model.name}”.`);
    },
    notify,
    dismiss(id: number) {
      setState("notices", (list) => list.filter((n) => n.id !== id));
    },
    /**
     * Another tab (or this tab's own worker) committed a save. This tab's own saves are ignored:
     * while saving, or when the revision is not newer than the one this tab knows.
     */
    async externalSave(modelId: string, rev: number) {
      await refreshModels();
      const model = state.model;
      if (!model || model.id !== modelId || rev <= model.rev || state.save.kind === "saving")
        return;
      notify("info", `“${model.name}” was saved in another tab.`, {
        label: "Load it",
        run: () => void actions.open(modelId),
      });
    },
    async refreshStorage() {
      const storage = await client.call((api) => api.storageStatus());
      if (storage) setState("storage", storage);
    },
    refreshVersions,
  };
  return [state, actions] as const;
}

/** The workbench store's actions. */
export type WorkbenchActions = ReturnType<typeof createWorkbenchStore>[1];

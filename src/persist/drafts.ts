/**
 * Crash drafts (P18), kept apart from the saved versions: the text the editor holds that no save
 * has committed yet, written by the worker as the user types, so a killed tab loses nothing. A
 * draft is offered when its model is opened again; restoring it saves it as a version, and a save
 * of the same text makes it obsolete. Each model's draft is a two-generation ring, and an empty or
 * near-empty text never replaces a substantial draft or model (P9). These are transaction bodies;
 * `Workspace` runs them.
 */
import type { StorageTx } from "./adapter";
import { PersistCodes } from "./codes";
import { fail, type PersistFailure } from "./errors";
import { Limits } from "./limits";
import {
  decodeAll,
  decodeDraft,
  decodeModel,
  decodeVersion,
  decodeVersionText,
  type DraftGeneration,
  type StoredDraft,
  type StoredModel,
} from "./records";

/** What `writeDraft` did. */
export type DraftWrite = "written" | "unchanged";

/** A draft offered on reopen: its newest generation, and the one before it if any. */
export interface DraftOffer extends DraftGeneration {
  readonly previous: DraftGeneration | null;
}

/** The number of non-blank lines of `text`. */
export const countLines = (text: string): number =>
  text.split("\n").filter((l) => l.trim() !== "").length;

/** True when replacing `oldText` by `newText` would empty a substantial model (P9). */
export function isDegradingSave(oldText: string, newText: string): boolean {
  return (
    countLines(oldText) >= Limits.substantialLines && countLines(newText) <= Limits.nearEmptyLines
  );
}

async function readLiveModel(tx: StorageTx, id: string): Promise<StoredModel | null> {
  const model = decodeModel(await tx.get("models", id));
  return model !== null && model.deletedAt === null ? model : null;
}

const missing = (): PersistFailure =>
  fail("invalid", PersistCodes.notFound, "This model no longer exists; it may have been deleted.");

/**
 * Keeps `text` as the draft of `modelId`, typed on top of `baseRev`. Text equal to the saved text
 * or to the current draft writes nothing. P9: text that would empty a substantial model or a
 * substantial draft is refused (the good copies stay); otherwise the old draft becomes `previous`.
 */
export async function writeDraftIn(
  tx: StorageTx,
  modelId: string,
  text: string,
  baseRev: number,
  now: number,
): Promise<DraftWrite | PersistFailure> {
  const model = await readLiveModel(tx, modelId);
  if (model === null) return missing();
  const existing = decodeDraft(await tx.get("drafts", modelId));
  if (text === model.text || text === existing?.current.text) return "unchanged";
  for (const good of [model.text, existing?.current.text ?? ""]) {
    if (isDegradingSave(good, text)) {
      return fail(
        "invalid",
        PersistCodes.emptyReplace,
        `An empty or almost empty draft would replace ${countLines(good).toString()} lines, so it was not kept; the earlier copy is intact.`,
      );
    }
  }
  const draft: StoredDraft = {
    id: modelId,
    current: { baseRev, text, savedAt: now },
    previous: existing?.current ?? null,
  };
  await tx.put("drafts", draft);
  return "written";
}

/**
 * The draft to offer for `modelId`, or null: there is none, its text is the saved text, or the
 * save right after its base revision committed exactly that text (the draft was saved).
 */
export async function readDraftIn(tx: StorageTx, modelId: string): Promise<DraftOffer | null> {
  const model = await readLiveModel(tx, modelId);
  const draft = decodeDraft(await tx.get("drafts", modelId));
  if (model === null || draft === null || draft.current.text === model.text) return null;
  const versions = decodeAll(await tx.getAllByIndex("versions", "byModel", modelId), decodeVersion);
  const next = versions.find((v) => v.rev === draft.current.baseRev + 1);
  if (next !== undefined) {
    const saved = decodeVersionText(await tx.get("versionTexts", next.id));
    if (saved?.text === draft.current.text) return null;
  }
  return { ...draft.current, previous: draft.previous };
}

/** Deletes the draft of `modelId`; with `ifText`, only when its newest text is that text. */
export async function discardDraftIn(
  tx: StorageTx,
  modelId: string,
  ifText?: string,
): Promise<boolean> {
  const draft = decodeDraft(await tx.get("drafts", modelId));
  if (draft === null || (ifText !== undefined && draft.current.text !== ifText)) return false;
  await tx.delete("drafts", modelId);
  return true;
}

/**
 * The documented history rule (P18): named versions, explicit saves (which include a model's first
 * version, restores and imports) and the current revision are kept for good; of the unnamed
 * autosave versions only the newest `keep` are kept. Returns the ids to delete.
 */
export function autosavesToPrune(
  versions: readonly { id: number; rev: number; kind: string; label?: string }[],
  currentRev: number,
  keep: number = Limits.keepAutosaves,
): number[] {
  const autosaves = versions
    .filter((v) => v.kind === "autosave" && v.label === undefined && v.rev !== currentRev)
    .sort((a, b) => b.rev - a.rev || b.id - a.id);
  return autosaves.slice(keep).map((v) => v.id);
}

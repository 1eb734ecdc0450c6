/**
 * The records stored at the head schema, and decoders that turn whatever a store returned into a
 * record or `null`. Stored data is `unknown` until decoded: a decoder never throws.
 */

/** A model as stored in the `models` store. `text` is the document of record at revision `rev`. */
export interface StoredModel {
  readonly id: string;
  readonly name: string;
  readonly text: string;
  /** The revision of `text`; the first save is 1. Every save increments it by one. */
  readonly rev: number;
  readonly createdAt: number;
  readonly updatedAt: number;
  /** When the model was moved to the trash, or null while it is live. */
  readonly deletedAt: number | null;
}

/** Whether a save was typed by the user ("explicit") or made by the autosave timer. */
export type SaveKind = "autosave" | "explicit";

/** A version's metadata in the `versions` store; its text is in `versionTexts` under the same id. */
export interface StoredVersion {
  readonly id: number;
  readonly modelId: string;
  readonly rev: number;
  readonly savedAt: number;
  readonly kind: SaveKind;
  readonly size: number;
  readonly label?: string;
}

/** A version's text, in the `versionTexts` store, keyed by the version id. */
export interface StoredVersionText {
  readonly id: number;
  readonly text: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const isCount = (value: unknown): value is number =>
  typeof value === "number" && Number.isSafeInteger(value) && value >= 0;

/** Reads a model record, or null if `value` is not one. */
export function decodeModel(value: unknown): StoredModel | null {
  if (!isRecord(value)) return null;
  const { id, name, text, rev, createdAt, updatedAt, deletedAt } = value;
  if (typeof id !== "string" || typeof name !== "string" || typeof text !== "string") return null;
  if (!isCount(rev) || !isCount(createdAt) || !isCount(updatedAt)) return null;
  if (deletedAt !== null && !isCount(deletedAt)) return null;
  return { id, name, text, rev, createdAt, updatedAt, deletedAt };
}

/** Reads a version record, or null if `value` is not one. */
export function decodeVersion(value: unknown): StoredVersion | null {
  if (!isRecord(value)) return null;
  const { id, modelId, rev, savedAt, kind, size, label } = value;
  if (!isCount(id) || typeof modelId !== "string" || !isCount(rev) || !isCount(savedAt)) {
    return null;
  }
  if ((kind !== "autosave" && kind !== "explicit") || !isCount(size)) return null;
  if (label !== undefined && typeof label !== "string") return null;
  const base: StoredVersion = { id, modelId, rev, savedAt, kind, size };
  return label === undefined ? base : { ...base, label };
}

/** Reads a version text record, or null if `value` is not one. */
export function decodeVersionText(value: unknown): StoredVersionText | null {
  if (!isRecord(value)) return null;
  const { id, text } = value;
  return isCount(id) && typeof text === "string" ? { id, text } : null;
}

/** Decodes every element of `values`, dropping those that are not valid records. */
export function decodeAll<T>(values: readonly unknown[], decode: (v: unknown) => T | null): T[] {
  const out: T[] = [];
  for (const value of values) {
    const decoded = decode(value);
    if (decoded !== null) out.push(decoded);
  }
  return out;
}

/** The size in UTF-8 bytes of `text`. */
export function utf8Size(text: string): number {
  return new TextEncoder().encode(text).byteLength;
}

/** One generation of a crash draft: text typed on top of revision `baseRev` and not yet saved. */
export interface DraftGeneration {
  readonly baseRev: number;
  readonly text: string;
  readonly savedAt: number;
}

/**
 * A model's crash draft in the `drafts` store, keyed by the model id: a two-generation ring
 * (P9). A new draft moves `current` to `previous`, so no single write replaces the only copy.
 */
export interface StoredDraft {
  readonly id: string;
  readonly current: DraftGeneration;
  readonly previous: DraftGeneration | null;
}

function decodeGeneration(value: unknown): DraftGeneration | null {
  if (!isRecord(value)) return null;
  const { baseRev, text, savedAt } = value;
  if (!isCount(baseRev) || typeof text !== "string" || !isCount(savedAt)) return null;
  return { baseRev, text, savedAt };
}

/** Reads a draft record, or null if `value` is not one. */
export function decodeDraft(value: unknown): StoredDraft | null {
  if (!isRecord(value) || typeof value["id"] !== "string") return null;
  const current = decodeGeneration(value["current"]);
  if (current === null) return null;
  const previous = value["previous"] === null ? null : decodeGeneration(value["previous"]);
  return { id: value["id"], current, previous };
}

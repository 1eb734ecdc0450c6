/**
 * The JSON workspace backup: every live model with its versions, in one file. `parseBackup`
 * validates an untrusted file before anything is written (P10): byte size, nesting depth
 * (checked before JSON.parse, which accepts 100k-deep input that structuredClone then rejects),
 * no `__proto__`/`constructor`/`prototype` keys, the shape, consistent revisions, no date after
 * the importing clock (beyond `Limits.maxClockSkewMs`), and the same text rules as a model import.
 * `Workspace.importBackup` then has every text test-evaluated (`BackupProbe`) before it writes.
 */
import { PersistCodes } from "./codes";
import { validateImport } from "./import";
import { Limits } from "./limits";
import { headSchemaVersion } from "./migrations";
import { cleanName } from "./names";
import type { SaveKind } from "./records";

/** The `format` field of a backup file. */
export const backupFormat = "precept-workspace-backup";

/** One version in a backup. */
export interface BackupVersion {
  readonly rev: number;
  readonly savedAt: number;
  readonly kind: SaveKind;
  readonly label?: string;
  readonly text: string;
}

/** One model in a backup; its last version is its current text. */
export interface BackupModel {
  readonly name: string;
  readonly createdAt: number;
  readonly versions: readonly BackupVersion[];
}

/** A whole backup file. */
export interface Backup {
  readonly format: typeof backupFormat;
  readonly schemaVersion: number;
  readonly exportedAt: number;
  readonly models: readonly BackupModel[];
}

/** The outcome of `parseBackup`. */
export type BackupResult =
  | { readonly ok: true; readonly backup: Backup }
  | { readonly ok: false; readonly code: typeof PersistCodes.badBackup; readonly message: string };

const forbiddenKeys = new Set(["__proto__", "constructor", "prototype"]);

const reject = (detail: string): BackupResult => ({
  ok: false,
  code: PersistCodes.badBackup,
  message: `This is not a usable Precept backup: ${detail}. Nothing was imported.`,
});

/** The deepest nesting of `[`/`{` outside strings, stopping early once past `limit`. */
export function jsonDepth(text: string, limit: number): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i += 1; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      depth += 1;
      if (depth > deepest && (deepest = depth) > limit) return deepest;
    } else if (c === 0x5d || c === 0x7d) depth -= 1;
  }
  return deepest;
}

/** The first forbidden key anywhere in `value`, found iteratively (depth is already capped). */
function findForbiddenKey(value: unknown): string | null {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (typeof item !== "object" || item === null) continue;
    for (const key of Object.keys(item)) {
      if (forbiddenKeys.has(key)) return key;
      stack.push((item as Record<string, unknown>)[key]);
    }
  }
  return null;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const isCount = (value: unknown): value is number =>
  typeof value === "number" && Number.isSafeInteger(value) && value >= 0;

/**
 * Says whether a model text from a backup can be imported: null when it can, else why not (a
 * sentence). The service's probe evaluates it (`probeModelText`); persistence itself never does.
 */
export type BackupProbe = (text: string) => string | null;

/** Why `time` cannot be a date of the backup (after `now` beyond the allowed skew), or null. */
function futureDate(time: number, now: number, what: string): string | null {
  if (time <= now + Limits.maxClockSkewMs) return null;
  const when = new Date(Math.min(time, 8.64e15)).toISOString().slice(0, 10);
  return `${what} is dated ${when}, after today, so its history cannot be ordered`;
}

function readVersion(value: unknown, where: string, now: number): BackupVersion | string {
  if (!isRecord(value)) return `${where} is not an object`;
  const { rev, savedAt, kind, label, text } = value;
  if (!isCount(rev) || rev < 1 || !isCount(savedAt)) return `${where} has no valid rev or savedAt`;
  const future = futureDate(savedAt, now, where);
  if (future !== null) return future;
  if (kind !== "autosave" && kind !== "explicit") return `${where} has an unknown kind`;
  if (typeof text !== "string") return `${where} has no text`;
  const checked = validateImport(where, text);
  if (!checked.ok) return checked.message;
  if (label !== undefined && typeof label !== "string")
    return `${where} has a label that is not text`;
  const clean = label === undefined ? "" : cleanName(label);
  const base: BackupVersion = { rev, savedAt, kind, text: checked.text };
  return clean === "" ? base : { ...base, label: clean };
}

function readModel(value: unknown, index: number, now: number): BackupModel | string {
  const where = `model ${(index + 1).toString()}`;
  if (!isRecord(value)) return `${where} is not an object`;
  const { name, createdAt, versions } = value;
  if (typeof name !== "string" || cleanName(name) === "") return `${where} has no name`;
  if (!isCount(createdAt)) return `${where} has no valid createdAt`;
  const future = futureDate(createdAt, now, where);
  if (future !== null) return future;
  if (!Array.isArray(versions) || versions.length === 0) return `${where} has no versions`;
  const read: BackupVersion[] = [];
  for (const [i, v] of versions.entries()) {
    const version = readVersion(v, `${where}, version ${(i + 1).toString()}`, now);
    if (typeof version === "string") return version;
    const previous = read[read.length - 1];
    if (previous !== undefined && version.rev <= previous.rev)
      return `${where} has versions out of order`;
    read.push(version);
  }
  return { name: cleanName(name), createdAt, versions: read };
}

/** Validates a backup file's text against the importing clock's `now`; never throws. */
export function parseBackup(text: string, now: number): BackupResult {
  if (new TextEncoder().encode(text).byteLength > Limits.maxBackupBytes)
    return reject("the file is too large");
  if (jsonDepth(text, Limits.maxBackupDepth) > Limits.maxBackupDepth)
    return reject("it is nested too deeply");
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return reject("it is not valid JSON");
  }
  const forbidden = findForbiddenKey(parsed);
  if (forbidden !== null) return reject(`it contains the key '${forbidden}'`);
  if (!isRecord(parsed) || parsed["format"] !== backupFormat)
    return reject("it is not a workspace backup");
  const { schemaVersion, exportedAt, models } = parsed;
  if (!isCount(schemaVersion) || schemaVersion > headSchemaVersion) {
    return reject("it was written by a newer version of Precept");
  }
  if (!isCount(exportedAt) || !Array.isArray(models)) return reject("it has no model list");
  const future = futureDate(exportedAt, now, "the backup");
  if (future !== null) return reject(future);
  const read: BackupModel[] = [];
  for (const [i, m] of models.entries()) {
    const model = readModel(m, i, now);
    if (typeof model === "string") return reject(model);
    read.push(model);
  }
  return { ok: true, backup: { format: backupFormat, schemaVersion, exportedAt, models: read } };
}

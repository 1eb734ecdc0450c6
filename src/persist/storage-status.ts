/**
 * Whether the browser may evict the workspace (P7). `persisted()` and `estimate()` work in the
 * worker; `persist()` exists only on the window's `navigator.storage`, so the app asks for it
 * and the worker reports the outcome.
 */
import type { StorageStatusDto } from "../protocol";

/** The part of `StorageManager` used here; every method is optional because browsers differ. */
export interface StorageManagerLike {
  persist?: () => Promise<boolean>;
  persisted?: () => Promise<boolean>;
  estimate?: () => Promise<{ usage?: number; quota?: number }>;
}

/** The storage manager of this global, or undefined where there is none. */
export function defaultStorageManager(): StorageManagerLike | undefined {
  return typeof navigator === "undefined" ? undefined : navigator.storage;
}

/** Asks the browser to keep this origin's storage; false when refused or unavailable. */
export async function requestPersistence(
  manager: StorageManagerLike | undefined = defaultStorageManager(),
): Promise<boolean> {
  try {
    return (await manager?.persist?.()) ?? false;
  } catch {
    return false;
  }
}

/** Whether storage is persistent, and the usage and quota in bytes (null where unknown). */
export async function readStorageStatus(
  manager: StorageManagerLike | undefined = defaultStorageManager(),
): Promise<StorageStatusDto> {
  let persisted = false;
  let usage: number | null = null;
  let quota: number | null = null;
  try {
    persisted = (await manager?.persisted?.()) ?? false;
  } catch {
    // Treated as not persisted: the safe thing to tell the user.
  }
  try {
    const estimate = await manager?.estimate?.();
    usage = estimate?.usage ?? null;
    quota = estimate?.quota ?? null;
  } catch {
    // Unknown usage is shown as such, not as zero.
  }
  return { persisted, usage, quota };
}

import { PersistCodes, type PersistCode } from "./codes";

/** What a storage error means for the caller. */
export type ErrorClass = "quota" | "transient" | "closed" | "failure";

/**
 * Thrown by an adapter whose connection was closed because another tab upgraded the database
 * (`versionchange`); reconnecting will not help, the tab must reload.
 */
export class StorageClosedError extends Error {
  override readonly name = "StorageClosedError";
}

const nameOf = (error: unknown): string | undefined =>
  typeof error === "object" && error !== null && "name" in error && typeof error.name === "string"
    ? error.name
    : undefined;

/** The wrapped error of an AbortError: Dexie uses `.inner`, standard JS uses `.cause`. */
function innerOf(error: unknown): unknown {
  if (typeof error !== "object" || error === null) return undefined;
  if ("inner" in error && error.inner !== undefined) return error.inner;
  if ("cause" in error) return error.cause;
  return undefined;
}

/**
 * Classifies a storage error. QuotaExceededError, also as the `inner`/`cause` of an AbortError, is
 * "quota". InvalidStateError ("connection is closing"), UnknownError ("Connection to Indexed
 * Database server lost"), TransactionInactiveError and a plain AbortError are "transient": reopen
 * and retry once. Everything else is a "failure".
 */
export function classifyError(error: unknown): ErrorClass {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current !== undefined; depth++) {
    if (nameOf(current) === "QuotaExceededError") return "quota";
    current = innerOf(current);
  }
  const name = nameOf(error) ?? "";
  if (name === "StorageClosedError") return "closed";
  return transientNames.has(name) ? "transient" : "failure";
}

const transientNames = new Set([
  "InvalidStateError",
  "UnknownError",
  "TransactionInactiveError",
  "AbortError",
]);

/** A failed persistence operation, in the shape of `SaveResultDto`'s failure plus a code. */
export interface PersistFailure {
  readonly ok: false;
  readonly reason: "conflict" | "quota" | "storage" | "invalid";
  readonly code: PersistCode;
  readonly message: string;
}

/** Makes a failure. */
export function fail(
  reason: PersistFailure["reason"],
  code: PersistCode,
  message: string,
): PersistFailure {
  return { ok: false, reason, code, message };
}

const describe = (error: unknown): string =>
  typeof error === "object" && error !== null && "message" in error
    ? String(error.message)
    : String(error);

/** Turns an error that survived the retry into a user-facing failure. */
export function failureFromError(error: unknown): PersistFailure {
  switch (classifyError(error)) {
    case "quota":
      return fail(
        "quota",
        PersistCodes.storageFull,
        "Browser storage is full, so this change was not saved; the previous version is intact. " +
          "Export your models, delete old ones or free disk space, then try again.",
      );
    case "closed":
      return fail(
        "storage",
        PersistCodes.upgradedElsewhere,
        "Precept was updated in another tab, so this tab can no longer save. Reload this tab.",
      );
    case "transient":
    case "failure":
      return fail(
        "storage",
        PersistCodes.storageFailure,
        `Browser storage failed, so this change was not saved (${describe(error)}). ` +
          "Try again; if it keeps failing, export your model and reload the page.",
      );
  }
}

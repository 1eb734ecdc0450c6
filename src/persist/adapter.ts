/**
 * The storage seam. The workspace talks to storage only through `StorageAdapter`, so tests can put
 * a fault-injecting fake (fake-adapter.ts) where the IndexedDB adapter (idb-adapter.ts) runs in
 * the browser. Values cross the seam as `unknown`; the workspace decodes them (records.ts).
 */

/** The object stores of the head schema. */
export type StoreName = "models" | "versions" | "versionTexts" | "drafts";

/** Every store, in a fixed order. */
export const allStores: readonly StoreName[] = ["models", "versions", "versionTexts", "drafts"];

/** The only index: `versions` by `modelId`. */
export type IndexName = "byModel";

/** A key in a store: model ids are strings, version ids numbers. */
export type StoreKey = string | number;

/**
 * Operations inside one transaction. Every call is one "operation" for fault injection. The body
 * of a transaction must await only these calls (IndexedDB commits a transaction as soon as it has
 * no pending request), never timers or other promises.
 */
export interface StorageTx {
  get(store: StoreName, key: StoreKey): Promise<unknown>;
  getAll(store: StoreName): Promise<unknown[]>;
  getAllByIndex(store: StoreName, index: IndexName, key: StoreKey): Promise<unknown[]>;
  /** Writes `value`; for a store with a generated key, omit the key field and read the result. */
  put(store: StoreName, value: unknown): Promise<StoreKey>;
  delete(store: StoreName, key: StoreKey): Promise<void>;
}

/** Options of one transaction. `strict` asks the browser to flush to disk before "complete". */
export interface TxOptions {
  readonly durability?: "strict" | "relaxed";
}

/** Something the connection reports that the UI should tell the user about. */
export type StorageEvent =
  | { readonly kind: "blocked" }
  | { readonly kind: "versionchange" }
  | { readonly kind: "terminated" }
  | { readonly kind: "reopened" };

/**
 * A transactional store. `run` commits the body's writes atomically when the body resolves and
 * the commit succeeds, and discards them all when either fails; the returned promise settles
 * only after the commit completed or failed. Errors are DOMException-like (`name`, `message`,
 * maybe `inner`/`cause`).
 */
export interface StorageAdapter {
  run<T>(
    stores: readonly StoreName[],
    mode: "readonly" | "readwrite",
    body: (tx: StorageTx) => Promise<T>,
    options?: TxOptions,
  ): Promise<T>;
  /** Closes the connection (if any) and opens a new one. Used to recover from a lost connection. */
  reopen(): Promise<void>;
  /** Closes the connection for good. */
  close(): void;
}

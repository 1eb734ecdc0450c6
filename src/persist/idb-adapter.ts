/**
 * The IndexedDB `StorageAdapter`, through `idb`. The database name is `databaseName`, its version
 * is the schema version (migrations.ts). The connection closes itself when another tab upgrades
 * the database (`versionchange`) and reports it; an open that waits for other tabs reports
 * `blocked`; a connection the browser drops (`close` event, idb's "terminated") is reopened on
 * the next transaction.
 */
import { wrap, type IDBPDatabase, type IDBPTransaction } from "idb";
import type { StorageAdapter, StorageEvent, StorageTx, StoreName, TxOptions } from "./adapter";
import { allStores } from "./adapter";
import { StorageClosedError } from "./errors";
import { Limits } from "./limits";
import {
  headSchemaVersion,
  migrateDump,
  migrationsFrom,
  schema1Stores,
  type Dump,
  type StoreShape,
} from "./migrations";

/** The IndexedDB database name of the workspace. */
export const databaseName = "precept";

/** How to open the database. */
export interface IdbAdapterOptions {
  /** Defaults to `indexedDB` (the worker's global); tests pass a fresh fake-indexeddb factory. */
  readonly factory?: IDBFactory;
  readonly name?: string;
  /** The clock, for the timestamps migrations write. */
  readonly now: () => number;
  /** Called for `blocked`, `versionchange`, `terminated` and `reopened`, for the UI to show. */
  readonly onEvent?: (event: StorageEvent) => void;
  /**
   * On `versionchange` (another tab upgrades the database), the last writes to finish before the
   * connection closes, such as the newest crash draft (P4: old tabs save, then close). The wait is
   * bounded by `Limits.closeGraceMs`, so the other tab is never blocked for long.
   */
  readonly beforeClose?: () => Promise<void>;
}

type Db = IDBPDatabase;
type UpgradeTx = IDBPTransaction<unknown, string[], "versionchange">;

function createStore(db: Db, name: string, shape: StoreShape): void {
  const store = db.createObjectStore(name, {
    keyPath: shape.keyPath,
    autoIncrement: shape.autoIncrement,
  });
  for (const index of shape.indexes) store.createIndex(index.name, index.keyPath);
}

/**
 * Migrates inside the `upgradeneeded` transaction, so the old records are replaced only if the
 * whole upgrade commits (P8). Reads every old store, migrates the dump, creates the new stores,
 * then rewrites every store.
 */
async function upgrade(db: Db, tx: UpgradeTx, oldVersion: number, now: number): Promise<void> {
  if (oldVersion === 0)
    for (const [name, shape] of Object.entries(schema1Stores)) createStore(db, name, shape);
  const stores: Record<string, unknown[]> = {};
  for (const name of Array.from(db.objectStoreNames))
    stores[name] = await tx.objectStore(name).getAll();
  const migrated = migrateDump({ schemaVersion: oldVersion === 0 ? 1 : oldVersion, stores }, now);
  for (const migration of migrationsFrom(oldVersion === 0 ? 1 : oldVersion)) {
    for (const [name, shape] of Object.entries(migration.createStores))
      createStore(db, name, shape);
  }
  for (const [name, records] of Object.entries(migrated.stores)) {
    const store = tx.objectStore(name);
    await store.clear();
    for (const record of records) await store.put(record);
  }
}

/** Opens the database, upgrading it to the head schema. */
async function openDatabase(
  options: IdbAdapterOptions,
  onLost: () => void,
  onVersionChange: () => void,
): Promise<Db> {
  const factory = options.factory ?? indexedDB;
  const request = factory.open(options.name ?? databaseName, headSchemaVersion);
  let upgradeFailure: unknown = null;
  request.addEventListener("upgradeneeded", (event) => {
    const tx = request.transaction;
    if (tx === null) return;
    const wrappedTx = wrap(tx) as unknown as UpgradeTx;
    // The open request reports an aborted upgrade; this only keeps `done` from going unhandled.
    wrappedTx.done.catch(() => undefined);
    const migrate = async (): Promise<void> => {
      await upgrade(wrap(request.result), wrappedTx, event.oldVersion, options.now());
    };
    migrate().catch((error: unknown) => {
      upgradeFailure = error;
      try {
        tx.abort();
      } catch {
        // Already aborted: the open request fails with the transaction's error.
      }
    });
  });
  request.addEventListener("blocked", () => options.onEvent?.({ kind: "blocked" }));
  let db: Db;
  try {
    db = (await wrap(request)) as Db;
  } catch (error) {
    throw upgradeFailure ?? error;
  }
  db.addEventListener("close", onLost);
  db.addEventListener("versionchange", () => {
    const last = options.beforeClose?.() ?? Promise.resolve();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const grace = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, Limits.closeGraceMs);
    });
    void Promise.race([last.catch(() => undefined), grace]).then(() => {
      clearTimeout(timer);
      db.close();
      onVersionChange();
    });
  });
  return db;
}

/** An adapter over IndexedDB; the connection opens lazily on the first transaction. */
export class IdbStorageAdapter implements StorageAdapter {
  private db: Promise<Db> | null = null;
  private closedForUpgrade = false;

  constructor(private readonly options: IdbAdapterOptions) {}

  private connect(): Promise<Db> {
    if (this.closedForUpgrade) {
      return Promise.reject(
        new StorageClosedError("A newer Precept upgraded the database in another tab."),
      );
    }
    if (this.db === null) {
      const opening = openDatabase(
        this.options,
        () => {
          // idb calls this "terminated": the browser closed the connection abnormally.
          if (this.db === opening) this.db = null;
          this.options.onEvent?.({ kind: "terminated" });
        },
        () => {
          this.closedForUpgrade = true;
          this.db = null;
          this.options.onEvent?.({ kind: "versionchange" });
        },
      );
      this.db = opening;
      opening.catch(() => {
        if (this.db === opening) this.db = null;
      });
    }
    return this.db;
  }

  async run<T>(
    stores: readonly StoreName[],
    mode: "readonly" | "readwrite",
    body: (tx: StorageTx) => Promise<T>,
    options?: TxOptions,
  ): Promise<T> {
    const db = await this.connect();
    // Typed as readwrite so `put` and `delete` exist; on a readonly transaction they throw.
    const tx = db.transaction(
      [...stores],
      mode,
      options?.durability === undefined ? {} : { durability: options.durability },
    ) as IDBPTransaction<unknown, string[], "readwrite">;
    const done = tx.done;
    const adapterTx: StorageTx = {
      get: (store, key) => tx.objectStore(store).get(key) as Promise<unknown>,
      getAll: (store) => tx.objectStore(store).getAll() as Promise<unknown[]>,
      getAllByIndex: (store, index, key) =>
        tx.objectStore(store).index(index).getAll(key) as Promise<unknown[]>,
      put: async (store, value) => {
        const key = await tx.objectStore(store).put(value);
        if (typeof key !== "string" && typeof key !== "number")
          throw new DOMException("Unexpected key type.", "DataError");
        return key;
      },
      delete: (store, key) => tx.objectStore(store).delete(key),
    };
    try {
      const result = await body(adapterTx);
      // Resolve only after "complete": "Saved" must mean committed (P2).
      await done;
      return result;
    } catch (error) {
      try {
        tx.abort();
      } catch {
        // The transaction already finished or aborted.
      }
      await done.catch(() => undefined);
      throw error;
    }
  }

  async reopen(): Promise<void> {
    const current = this.db;
    this.db = null;
    if (current !== null) (await current.catch(() => null))?.close();
    await this.connect();
    this.options.onEvent?.({ kind: "reopened" });
  }

  close(): void {
    const current = this.db;
    this.db = null;
    void current?.then(
      (db) => {
        db.close();
      },
      () => undefined,
    );
  }
}

/** Reads every store of an open head-schema database into a dump (for tests and diagnostics). */
export async function dumpDatabase(adapter: StorageAdapter): Promise<Dump> {
  const stores: Record<string, unknown[]> = {};
  await adapter.run(allStores, "readonly", async (tx) => {
    for (const name of allStores) stores[name] = await tx.getAll(name);
  });
  return { schemaVersion: headSchemaVersion, stores };
}

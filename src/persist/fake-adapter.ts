/**
 * An in-memory `StorageAdapter` with fault injection, after SQLite's I/O-error and crash tests.
 * `FakeDisk` is what survives a "crash"; `FakeStorageAdapter` is one connection to it. Every
 * open, read, write and commit is one numbered operation; a `FaultPlan` makes operation N throw,
 * or "crashes" the connection after operation N (later operations throw `SimulatedCrash` and the
 * uncommitted writes are lost). Transactions run one at a time and commit atomically, like
 * IndexedDB's. Also usable as a memory-only workspace where IndexedDB is unavailable.
 */
import type { StorageAdapter, StorageTx, StoreKey, StoreName, TxOptions } from "./adapter";
import { allStores } from "./adapter";
import { headSchemaVersion, migrateDump, type Dump } from "./migrations";

/** The committed state: schema version, records by store and key, and the version key counter. */
export class FakeDisk {
  schemaVersion = 0;
  stores = new Map<string, Map<StoreKey, unknown>>();
  nextVersionId = 1;
  /** Transactions of every connection to this disk run one at a time, like overlapping IndexedDB ones. */
  queue: Promise<unknown> = Promise.resolve();

  /** A disk holding `dump` (for example a fixture of an old schema). */
  static fromDump(dump: Dump): FakeDisk {
    const disk = new FakeDisk();
    disk.load(dump);
    return disk;
  }

  /** Replaces everything with `dump`. */
  load(dump: Dump): void {
    this.schemaVersion = dump.schemaVersion;
    this.stores = new Map();
    let maxId = 0;
    for (const [name, records] of Object.entries(dump.stores)) {
      const store = new Map<StoreKey, unknown>();
      for (const record of records) {
        const key = keyOf(record);
        store.set(key, structuredClone(record));
        if (name === "versions" && typeof key === "number") maxId = Math.max(maxId, key);
      }
      this.stores.set(name, store);
    }
    this.nextVersionId = maxId + 1;
  }

  /** A deep copy of every store. */
  dump(): Dump {
    const stores: Record<string, unknown[]> = {};
    for (const [name, store] of this.stores)
      stores[name] = [...store.values()].map((v) => structuredClone(v));
    return { schemaVersion: this.schemaVersion, stores };
  }
}

function keyOf(record: unknown): StoreKey {
  if (typeof record === "object" && record !== null && "id" in record) {
    const id = record.id;
    if (typeof id === "string" || typeof id === "number") return id;
  }
  throw new DOMException("The record has no valid key at keyPath 'id'", "DataError");
}

/** The errors a fault can raise, named after the DOMException a browser throws. */
export type FaultKind = "quota" | "quota-in-abort" | "invalid-state" | "unknown" | "abort" | "data";

/** Which operations fail. Operation numbers count from 1 over the adapter's lifetime. */
export interface FaultPlan {
  /** The first operation that throws. */
  readonly failAt?: number;
  /** How many consecutive operations throw from `failAt` (default 1). */
  readonly times?: number;
  readonly kind?: FaultKind;
  /** Operation after which the connection "crashes": it completes, then everything throws. */
  readonly crashAfter?: number;
}

/** Thrown by every operation after a simulated crash. */
export class SimulatedCrash extends Error {
  override readonly name = "SimulatedCrash";
}

/** Makes the error a browser would throw for `kind`. */
export function makeFault(kind: FaultKind): Error {
  switch (kind) {
    case "quota":
      return new DOMException("The quota has been exceeded.", "QuotaExceededError");
    case "quota-in-abort": {
      const abort = new DOMException("The transaction was aborted.", "AbortError");
      Object.defineProperty(abort, "inner", { value: makeFault("quota") });
      return abort;
    }
    case "invalid-state":
      return new DOMException("The database connection is closing.", "InvalidStateError");
    case "unknown":
      return new DOMException("Connection to Indexed Database server lost.", "UnknownError");
    case "abort":
      return new DOMException("The transaction was aborted.", "AbortError");
    case "data":
      return new DOMException(
        "Data provided to an operation does not meet requirements.",
        "DataError",
      );
  }
}

const deleted = Symbol("deleted");
type Overlay = Map<string, Map<StoreKey, unknown>>;

/** One fake connection to a `FakeDisk`. */
export class FakeStorageAdapter implements StorageAdapter {
  /** Operations performed so far (including failed ones). */
  ops = 0;
  /** How many times `reopen()` ran. */
  reopens = 0;
  /** The durability requested by each committed readwrite transaction, in order. */
  readonly durabilities: (TxOptions["durability"] | undefined)[] = [];
  private crashed = false;
  private open = false;
  /** Commits of readwrite transactions still to fail, and how (see `failNextCommit`). */
  private commitFault: { times: number; kind: FaultKind } = { times: 0, kind: "unknown" };

  constructor(
    readonly disk: FakeDisk,
    public plan: FaultPlan = {},
    private readonly now: () => number = () => 0,
  ) {}

  /** Makes the `n`th operation from now (1 = the next) fail, `times` times in a row. */
  failNext(n: number, kind: FaultKind, times = 1): void {
    this.plan = { failAt: this.ops + n, kind, times };
  }

  /**
   * Makes the next `times` commits of readwrite transactions fail with `kind`, whatever operations
   * come before them: the body ran, the commit is rejected, nothing is written (P2, P6).
   */
  failNextCommit(kind: FaultKind, times = 1): void {
    this.commitFault = { times, kind };
  }

  /** Makes the connection crash after the `n`th operation from now. */
  crashAfterNext(n: number): void {
    this.plan = { crashAfter: this.ops + n };
  }

  private step(): void {
    if (this.crashed) throw new SimulatedCrash("The tab crashed.");
    this.ops += 1;
    const { failAt, times = 1, kind = "unknown" } = this.plan;
    if (failAt !== undefined && this.ops >= failAt && this.ops < failAt + times) {
      throw makeFault(kind);
    }
  }

  private after(): void {
    if (this.plan.crashAfter === this.ops) this.crashed = true;
    if (this.crashed) throw new SimulatedCrash("The tab crashed.");
  }

  private async ensureOpen(): Promise<void> {
    if (this.open) return;
    await Promise.resolve();
    this.step();
    if (this.disk.schemaVersion > headSchemaVersion) {
      throw new DOMException("The database is newer than this version of Precept.", "VersionError");
    }
    if (this.disk.schemaVersion < headSchemaVersion)
      this.disk.load(migrateDump(this.disk.dump(), this.now()));
    for (const name of allStores)
      if (!this.disk.stores.has(name)) this.disk.stores.set(name, new Map());
    this.open = true;
    this.after();
  }

  run<T>(
    stores: readonly StoreName[],
    mode: "readonly" | "readwrite",
    body: (tx: StorageTx) => Promise<T>,
    options?: TxOptions,
  ): Promise<T> {
    const result = this.disk.queue.then(() => this.runNow(stores, mode, body, options));
    this.disk.queue = result.catch(() => undefined);
    return result;
  }

  private async runNow<T>(
    stores: readonly StoreName[],
    mode: "readonly" | "readwrite",
    body: (tx: StorageTx) => Promise<T>,
    options?: TxOptions,
  ): Promise<T> {
    await this.ensureOpen();
    const overlay: Overlay = new Map();
    let nextVersionId = this.disk.nextVersionId;
    const scoped = (store: StoreName): Map<StoreKey, unknown> => {
      if (!stores.includes(store)) {
        throw new DOMException(`Store '${store}' is not in this transaction.`, "NotFoundError");
      }
      const committed = this.disk.stores.get(store);
      if (committed === undefined) throw new DOMException(`No store '${store}'.`, "NotFoundError");
      return committed;
    };
    const view = (store: StoreName): Map<StoreKey, unknown> => {
      const merged = new Map(scoped(store));
      for (const [key, value] of overlay.get(store) ?? []) {
        if (value === deleted) merged.delete(key);
        else merged.set(key, value);
      }
      return merged;
    };
    const write = (store: StoreName, key: StoreKey, value: unknown): void => {
      if (mode === "readonly")
        throw new DOMException("The transaction is read-only.", "ReadOnlyError");
      scoped(store);
      let layer = overlay.get(store);
      if (layer === undefined) overlay.set(store, (layer = new Map<StoreKey, unknown>()));
      layer.set(key, value);
    };
    const op = async <R>(fn: () => R): Promise<R> => {
      await Promise.resolve();
      this.step();
      const value = fn();
      this.after();
      return value;
    };
    const tx: StorageTx = {
      get: (store, key) => op(() => structuredClone(view(store).get(key))),
      getAll: (store) => op(() => sortByKey(view(store)).map((v) => structuredClone(v))),
      getAllByIndex: (store, _index, key) =>
        op(() =>
          sortByKey(view(store))
            .filter(
              (v) => typeof v === "object" && v !== null && "modelId" in v && v.modelId === key,
            )
            .map((v) => structuredClone(v)),
        ),
      put: (store, value) =>
        op(() => {
          let record = structuredClone(value);
          if (
            store === "versions" &&
            !(typeof record === "object" && record !== null && "id" in record)
          ) {
            record = { ...(record as object), id: nextVersionId };
          }
          const key = keyOf(record);
          if (store === "versions" && typeof key === "number")
            nextVersionId = Math.max(nextVersionId, key + 1);
          write(store, key, record);
          return key;
        }),
      delete: (store, key) => op(() => write(store, key, deleted)),
    };
    const result = await body(tx);
    if (mode === "readwrite") {
      // The commit is an operation of its own, so a fault can hit it (P2: "Saved" only after commit).
      if (this.commitFault.times > 0) {
        this.commitFault.times -= 1;
        await op(() => {
          throw makeFault(this.commitFault.kind);
        });
      }
      await op(() => {
        for (const [store, layer] of overlay) {
          const committed = this.disk.stores.get(store);
          if (committed === undefined) continue;
          for (const [key, value] of layer) {
            if (value === deleted) committed.delete(key);
            else committed.set(key, value);
          }
        }
        this.disk.nextVersionId = nextVersionId;
        this.durabilities.push(options?.durability);
      });
    }
    return result;
  }

  async reopen(): Promise<void> {
    this.reopens += 1;
    this.open = false;
    await this.ensureOpen();
  }

  close(): void {
    this.open = false;
  }
}

function sortByKey(store: Map<StoreKey, unknown>): unknown[] {
  return [...store.entries()].sort(([a], [b]) => compareKeys(a, b)).map(([, value]) => value);
}

/** IndexedDB key order: numbers before strings, then by value. */
function compareKeys(a: StoreKey, b: StoreKey): number {
  if (typeof a !== typeof b) return typeof a === "number" ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

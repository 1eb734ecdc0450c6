// P8 (reliability.md): schema migrations never drop data. One fixture per past schema version is
// opened and migrated to head (as a dump, on the fake adapter, and in IndexedDB); what the user
// owns must hash the same before and after. Then the IndexedDB upgrade is killed at its Nth
// operation, for every N: the old database must be intact, and the next open must migrate it.
import "fake-indexeddb/auto";
import { IDBFactory } from "fake-indexeddb";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  FakeDisk,
  FakeStorageAdapter,
  IdbStorageAdapter,
  Workspace,
  dumpDatabase,
  headSchemaVersion,
  migrateDump,
  migrations,
  type Dump,
} from "../../../src/persist";
import { schema1Stores, type StoreShape } from "../../../src/persist/migrations";

const now = () => Date.UTC(2025, 5, 1);
const readFixture = (version: number) =>
  JSON.parse(
    readFileSync(`test/fixtures/persist/schema-${version.toString()}.json`, "utf8"),
  ) as Dump;
const pastVersions = Array.from({ length: headSchemaVersion - 1 }, (_, i) => i + 1);
const fixtures: [number, Dump][] = pastVersions.map((v) => [v, readFixture(v)]);

type Rec = Record<string, unknown>;
const records = (dump: Dump, store: string) => (dump.stores[store] ?? []) as Rec[];
const str = (value: unknown) => JSON.stringify(value ?? null);

/**
 * What the user owns, as the schema `version` defines it, read from `dump` (a dump of that schema,
 * or of head). Schema 1: every model's id, name (the id when empty) and source. Schema 2 and
 * later: every model with its text, revision and trash state, and every version with its text.
 */
function meaning(version: number, dump: Dump): string[] {
  const lines: string[] = [];
  const fromSchema1 = dump.schemaVersion === 1;
  for (const m of records(dump, "models")) {
    if (version === 1) {
      const name = fromSchema1 && m["name"] === "" ? m["id"] : m["name"];
      lines.push(
        `model ${str(m["id"])} ${str(name)} ${str(fromSchema1 ? m["source"] : m["text"])}`,
      );
    } else {
      const { id, name, text, rev, createdAt, updatedAt, deletedAt } = m;
      lines.push(`model ${str([id, name, text, rev, createdAt, updatedAt, deletedAt])}`);
    }
  }
  if (version >= 2) {
    const texts = new Map(records(dump, "versionTexts").map((t) => [t["id"], t["text"]]));
    for (const v of records(dump, "versions")) {
      const { id, modelId, rev, savedAt, kind, size, label } = v;
      lines.push(`version ${str([id, modelId, rev, savedAt, kind, size, label, texts.get(id)])}`);
    }
  }
  return lines.sort();
}

const hash = (lines: readonly string[]) =>
  createHash("sha256").update(lines.join("\n")).digest("hex");

/** The stores of schema `version`, from the released migrations. */
function storesOf(version: number): [string, StoreShape][] {
  const shapes: [string, StoreShape][] = Object.entries(schema1Stores);
  for (const m of migrations) if (m.to <= version) shapes.push(...Object.entries(m.createStores));
  return shapes;
}

/** Creates an IndexedDB database at the fixture's schema holding its records. */
async function makeDatabase(factory: IDBFactory, dump: Dump): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const request = factory.open("precept", dump.schemaVersion);
    request.onupgradeneeded = () => {
      for (const [name, shape] of storesOf(dump.schemaVersion)) {
        const store = request.result.createObjectStore(name, {
          keyPath: shape.keyPath,
          autoIncrement: shape.autoIncrement,
        });
        for (const index of shape.indexes) store.createIndex(index.name, index.keyPath);
        for (const record of records(dump, name)) store.put(record);
      }
    };
    request.onsuccess = () => {
      request.result.close();
      resolve();
    };
    request.onerror = () => reject(request.error ?? new Error("open failed"));
  });
}

/** Every record of the database as it is, at whatever version it is. */
async function rawDump(factory: IDBFactory): Promise<Dump> {
  return new Promise((resolve, reject) => {
    const request = factory.open("precept");
    request.onsuccess = () => {
      const db = request.result;
      const names = Array.from(db.objectStoreNames);
      const stores: Record<string, unknown[]> = {};
      if (names.length === 0) {
        db.close();
        resolve({ schemaVersion: db.version, stores });
        return;
      }
      const tx = db.transaction(names, "readonly");
      for (const name of names) {
        const get = tx.objectStore(name).getAll();
        get.onsuccess = () => {
          stores[name] = get.result as unknown[];
        };
      }
      tx.oncomplete = () => {
        db.close();
        resolve({ schemaVersion: db.version, stores });
      };
      tx.onerror = () => reject(tx.error ?? new Error("read failed"));
    };
    request.onerror = () => reject(request.error ?? new Error("open failed"));
  });
}

/**
 * A factory whose upgrade transactions count their operations (store creation, getAll, clear, put)
 * and fail from operation `killAt` on: that operation and every later one throws. With `kill`, the
 * transaction is also aborted, as when the tab dies mid-upgrade; without it, the error is an I/O
 * error the upgrade code itself must turn into an abort.
 */
function killingFactory(inner: IDBFactory, killAt: number, kill = true) {
  const counter = { ops: 0 };
  const open = (name: string, version?: number): IDBOpenDBRequest => {
    const request = inner.open(name, version);
    // Registered before the adapter's own listener, so it runs first.
    request.addEventListener("upgradeneeded", () => {
      const tx = request.transaction;
      if (tx === null) return;
      const db = request.result;
      const step = () => {
        counter.ops += 1;
        if (counter.ops >= killAt) {
          try {
            if (kill) tx.abort();
          } catch {
            // Already aborted.
          }
          throw new DOMException("The tab was killed during the upgrade.", "AbortError");
        }
      };
      const patched = new WeakSet<IDBObjectStore>();
      const patchStore = (store: IDBObjectStore): IDBObjectStore => {
        if (patched.has(store)) return store;
        patched.add(store);
        for (const method of ["getAll", "clear", "put"] as const) {
          const original = store[method].bind(store) as (...args: unknown[]) => IDBRequest;
          Object.defineProperty(store, method, {
            configurable: true,
            writable: true,
            value: (...args: unknown[]) => {
              step();
              return original(...args);
            },
          });
        }
        return store;
      };
      const objectStore = tx.objectStore.bind(tx);
      Object.defineProperty(tx, "objectStore", {
        configurable: true,
        writable: true,
        value: (store: string) => patchStore(objectStore(store)),
      });
      const createObjectStore = db.createObjectStore.bind(db);
      Object.defineProperty(db, "createObjectStore", {
        configurable: true,
        writable: true,
        value: (store: string, options?: IDBObjectStoreParameters) => {
          step();
          return patchStore(createObjectStore(store, options));
        },
      });
    });
    return request;
  };
  const factory: IDBFactory = {
    open,
    deleteDatabase: (name: string) => inner.deleteDatabase(name),
    databases: () => inner.databases(),
    cmp: (a: unknown, b: unknown) => inner.cmp(a, b),
  };
  return { factory, counter };
}

describe("P8: schema migrations never drop data", () => {
  it("there is a fixture for every schema before head", () => {
    expect(fixtures.map(([v, dump]) => [v, dump.schemaVersion])).toEqual(
      pastVersions.map((v) => [v, v]),
    );
    for (const [, dump] of fixtures)
      expect(meaning(dump.schemaVersion, dump).length).toBeGreaterThan(3);
  });

  it.each(fixtures)("migrateDump takes schema %i to head with equal content", (v, dump) => {
    const head = migrateDump(dump, now());
    expect(head.schemaVersion).toBe(headSchemaVersion);
    expect(hash(meaning(v, head))).toBe(hash(meaning(v, dump)));
  });

  it.each(fixtures)(
    "IndexedDB at schema %i upgrades to head with equal content",
    async (v, dump) => {
      const factory = new IDBFactory();
      await makeDatabase(factory, dump);
      const adapter = new IdbStorageAdapter({ factory, now });
      const head = await dumpDatabase(adapter);
      adapter.close();
      expect((await rawDump(factory)).schemaVersion).toBe(headSchemaVersion);
      expect(hash(meaning(v, head))).toBe(hash(meaning(v, dump)));
      expect(head.stores["drafts"]).toEqual([]);
    },
  );

  it.each(fixtures)(
    "the fake adapter at schema %i migrates to head with equal content",
    async (v, dump) => {
      const disk = FakeDisk.fromDump(dump);
      const workspace = new Workspace(new FakeStorageAdapter(disk, {}, now), { now });
      expect((await workspace.listModels()).ok).toBe(true);
      expect(disk.schemaVersion).toBe(headSchemaVersion);
      expect(hash(meaning(v, disk.dump()))).toBe(hash(meaning(v, dump)));
    },
  );

  const cases = fixtures.flatMap(([v, dump]) => [
    [v, "killing", dump, true] as const,
    [v, "an I/O error in", dump, false] as const,
  ]);
  it.each(cases)(
    "schema %i: %s the upgrade at every operation N leaves the old database, and the next open migrates",
    async (v, _how, dump, kill) => {
      // How many operations the upgrade performs when nothing kills it.
      const clean = new IDBFactory();
      await makeDatabase(clean, dump);
      const counting = killingFactory(clean, Number.POSITIVE_INFINITY);
      await dumpDatabase(new IdbStorageAdapter({ factory: counting.factory, now }));
      const total = counting.counter.ops;
      expect(total).toBeGreaterThan(5);
      const before = await rawDump(
        await (async () => {
          const f = new IDBFactory();
          await makeDatabase(f, dump);
          return f;
        })(),
      );

      for (let n = 1; n <= total; n++) {
        const inner = new IDBFactory();
        await makeDatabase(inner, dump);
        const killed = killingFactory(inner, n, kill);
        const victim = new Workspace(new IdbStorageAdapter({ factory: killed.factory, now }), {
          now,
        });
        const result = await victim.listModels();
        expect({ n, ok: result.ok }).toEqual({ n, ok: false });
        // The old database is exactly as it was: same version, same records.
        expect({ n, after: await rawDump(inner) }).toEqual({ n, after: before });
        // Reopening (a new tab, nothing killed) migrates with equal content.
        const head = await dumpDatabase(new IdbStorageAdapter({ factory: inner, now }));
        expect({ n, hash: hash(meaning(v, head)) }).toEqual({ n, hash: hash(meaning(v, dump)) });
      }
    },
  );

  it("a schema-2 workspace keeps its history, labels and trash through the upgrade to head", async () => {
    const dump = readFixture(2);
    const workspace = new Workspace(new FakeStorageAdapter(FakeDisk.fromDump(dump), {}, now), {
      now,
    });
    const listed = await workspace.listVersions("a7c0-0001");
    if (!listed.ok) throw new Error(listed.message);
    expect(listed.value.map((x) => [x.rev, x.kind, x.label ?? null])).toEqual([
      [3, "explicit", "Cabinet, 4 March"],
      [2, "autosave", null],
      [1, "explicit", "Before upgrade"],
    ]);
    const trash = await workspace.listTrash();
    expect(trash.ok && trash.value.map((m) => m.name)).toEqual(["Old sketch"]);
  });
});

import "fake-indexeddb/auto";
import { IDBFactory } from "fake-indexeddb";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  FakeDisk,
  FakeStorageAdapter,
  IdbStorageAdapter,
  PersistCodes,
  Workspace,
  dumpDatabase,
  headSchemaVersion,
  migrateDump,
  type Dump,
  type StorageEvent,
} from "../../../src/persist";
import { value } from "./support";

const now = () => Date.UTC(2025, 5, 1);
const schema1 = JSON.parse(readFileSync("test/fixtures/persist/schema-1.json", "utf8")) as Dump;
// The schema-1 specific checks; p8-migrations.test.ts runs every past schema's fixture.
const fixtures: [number, Dump][] = [[1, schema1]];

interface V1 {
  id: string;
  name: string;
  source: string;
}
const v1Models = (dump: Dump): V1[] => dump.stores["models"] as V1[];

/** A hash of what the user owns: each model's id, name and text, in id order. */
function contentHash(models: readonly { id: string; name: string; text: string }[]): string {
  const hash = createHash("sha256");
  for (const m of [...models].sort((a, b) => a.id.localeCompare(b.id)))
    hash.update(`${m.id}\0${m.name}\0${m.text}\0`);
  return hash.digest("hex");
}
// What a schema-1 record means: its name (or its id when the name is empty) and its source text.
const expectedHash = (dump: Dump) =>
  contentHash(
    v1Models(dump).map((m) => ({ id: m.id, name: m.name === "" ? m.id : m.name, text: m.source })),
  );

async function headContent(workspace: Workspace) {
  const out = [];
  for (const summary of value(await workspace.listModels())) {
    const model = value(await workspace.openModel(summary.id));
    const versions = value(await workspace.listVersions(summary.id));
    out.push({ id: model.id, name: model.name, text: model.text, rev: model.rev, versions });
  }
  return out;
}

/** Creates a schema-1 database holding `dump`, the way the first prototype did. */
async function makeSchema1Database(factory: IDBFactory, dump: Dump): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const request = factory.open("precept", 1);
    request.onupgradeneeded = () => {
      const store = request.result.createObjectStore("models", { keyPath: "id" });
      for (const record of v1Models(dump)) store.put(record);
    };
    request.onsuccess = () => {
      request.result.close();
      resolve();
    };
    request.onerror = () => reject(request.error ?? new Error("open failed"));
  });
}

describe("migrations", () => {
  // That a fixture exists for every schema before head is checked in p8-migrations.test.ts.

  it.each(fixtures)(
    "migrateDump takes the schema-%i fixture to head with equal content",
    (_v, dump) => {
      const head = migrateDump(dump, now());
      expect(head.schemaVersion).toBe(headSchemaVersion);
      const models = head.stores["models"] as {
        id: string;
        name: string;
        text: string;
        rev: number;
      }[];
      expect(contentHash(models)).toBe(expectedHash(dump));
      expect(models.every((m) => m.rev === 1)).toBe(true);
      // Each model has exactly one version, rev 1, whose text is the model's text.
      const texts = new Map(
        (head.stores["versionTexts"] as { id: number; text: string }[]).map((t) => [t.id, t.text]),
      );
      const versions = head.stores["versions"] as { id: number; modelId: string; rev: number }[];
      expect(versions).toHaveLength(models.length);
      for (const m of models) {
        const own = versions.filter((v) => v.modelId === m.id);
        expect(own.map((v) => v.rev)).toEqual([1]);
        expect(texts.get(own[0]?.id ?? -1)).toBe(m.text);
      }
    },
  );

  it.each(fixtures)(
    "IndexedDB at schema %i upgrades to head with equal content",
    async (_v, dump) => {
      const factory = new IDBFactory();
      await makeSchema1Database(factory, dump);
      const workspace = new Workspace(new IdbStorageAdapter({ factory, now }), { now });
      const content = await headContent(workspace);
      expect(contentHash(content)).toBe(expectedHash(dump));
      expect(
        content.every(
          (m) =>
            m.rev === 1 && m.versions.length === 1 && m.versions[0]?.label === "Before upgrade",
        ),
      ).toBe(true);
      // After the upgrade the workspace works: a save goes to rev 2.
      const first = content[0];
      if (first === undefined) throw new Error("no models");
      expect(await workspace.saveModel(first.id, "x = 1\n", 1, { kind: "explicit" })).toMatchObject(
        { ok: true, rev: 2 },
      );
    },
  );

  it.each(fixtures)(
    "the fake adapter at schema %i upgrades to head with equal content",
    async (_v, dump) => {
      const workspace = new Workspace(new FakeStorageAdapter(FakeDisk.fromDump(dump), {}, now), {
        now,
      });
      expect(contentHash(await headContent(workspace))).toBe(expectedHash(dump));
    },
  );

  it("a migration that fails part-way leaves the schema-1 database intact (IndexedDB)", async () => {
    const factory = new IDBFactory();
    await makeSchema1Database(factory, schema1);
    let calls = 0;
    const failingClock = () => {
      calls += 1;
      if (calls === 1) throw new Error("power cut during upgrade");
      return now();
    };
    const adapter = new IdbStorageAdapter({ factory, now: failingClock });
    const workspace = new Workspace(adapter, { now });
    expect(await workspace.listModels()).toMatchObject({ ok: false, reason: "storage" });
    // Still schema 1, with every record as it was.
    const still = await new Promise<{ version: number; records: unknown[] }>((resolve) => {
      const request = factory.open("precept");
      request.onsuccess = () => {
        const db = request.result;
        const get = db.transaction("models").objectStore("models").getAll();
        get.onsuccess = () => {
          db.close();
          resolve({ version: db.version, records: get.result });
        };
      };
    });
    expect(still.version).toBe(1);
    expect(still.records).toEqual(v1Models(schema1));
    // The next open (clock fine now) migrates.
    expect(contentHash(await headContent(workspace))).toBe(expectedHash(schema1));
  });

  it("a crash during the migration on the fake leaves schema 1, then the next open migrates", async () => {
    const disk = FakeDisk.fromDump(schema1);
    const crashed = new Workspace(
      new FakeStorageAdapter(disk, { failAt: 1, kind: "unknown", times: 2 }, now),
      { now },
    );
    expect(await crashed.listModels()).toMatchObject({
      ok: false,
      code: PersistCodes.storageFailure,
    });
    expect(disk.dump()).toEqual(schema1Dump());
    const reopened = new Workspace(new FakeStorageAdapter(disk, {}, now), { now });
    expect(contentHash(await headContent(reopened))).toBe(expectedHash(schema1));
  });

  it("a schema-1 record the migration cannot read is kept as a recovered model, not dropped", () => {
    const head = migrateDump(
      {
        schemaVersion: 1,
        stores: {
          models: [
            { id: 7, source: "a = 1" },
            { id: "ok", name: "Fine", source: "b = 2\n" },
          ],
        },
      },
      now(),
    );
    const models = head.stores["models"] as { id: string; name: string; text: string }[];
    expect(models.map((m) => [m.id, m.name])).toEqual([
      ["recovered-1", "Recovered record 1"],
      ["ok", "Fine"],
    ]);
    expect(JSON.parse(models[0]?.text ?? "")).toEqual({ id: 7, source: "a = 1" });
  });

  it("a database newer than head is refused, not overwritten", async () => {
    const disk = FakeDisk.fromDump({
      schemaVersion: headSchemaVersion + 1,
      stores: { models: [] },
    });
    const workspace = new Workspace(new FakeStorageAdapter(disk, {}, now), { now });
    expect(await workspace.listModels()).toMatchObject({ ok: false, reason: "storage" });
    expect(disk.schemaVersion).toBe(headSchemaVersion + 1);
  });

  it("dumpDatabase reads every head store", async () => {
    const adapter = new IdbStorageAdapter({ factory: new IDBFactory(), now });
    await new Workspace(adapter, { now, newId: () => "id1" }).createModel("A", "a\n");
    const dump = await dumpDatabase(adapter);
    expect(Object.keys(dump.stores)).toEqual(["models", "versions", "versionTexts", "drafts"]);
    expect(dump.stores["versionTexts"]).toEqual([{ id: 1, text: "a\n" }]);
  });
});

function schema1Dump(): Dump {
  return { schemaVersion: 1, stores: { models: v1Models(schema1) } };
}

describe("IndexedDB connection events", () => {
  it("versionchange from a newer tab closes this connection and reports it; saves then fail visibly", async () => {
    const factory = new IDBFactory();
    const events: StorageEvent["kind"][] = [];
    const adapter = new IdbStorageAdapter({ factory, now, onEvent: (e) => events.push(e.kind) });
    const workspace = new Workspace(adapter, { now, newId: () => "m1" });
    value(await workspace.createModel("A", "a\n"));
    // Another tab opens schema head + 1: this tab must close, or the other would be blocked.
    const newer = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = factory.open("precept", headSchemaVersion + 1);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error("open failed"));
      request.onblocked = () => reject(new Error("blocked: the old tab did not close"));
    });
    expect(events).toContain("versionchange");
    expect(newer.version).toBe(headSchemaVersion + 1);
    const save = await workspace.saveModel("m1", "b\n", 1, { kind: "explicit" });
    expect(save).toMatchObject({
      ok: false,
      reason: "storage",
      code: PersistCodes.upgradedElsewhere,
    });
    newer.close();
  });

  it("an open blocked by a stubborn old tab reports 'blocked' and continues once it closes", async () => {
    const factory = new IDBFactory();
    const stubborn = await new Promise<IDBDatabase>((resolve) => {
      const request = factory.open("precept", 1);
      request.onupgradeneeded = () => request.result.createObjectStore("models", { keyPath: "id" });
      request.onsuccess = () => resolve(request.result);
    });
    // The stubborn tab ignores versionchange (no handler closes it).
    const events: StorageEvent["kind"][] = [];
    let closeStubborn = (): void => undefined;
    const blocked = new Promise<void>((resolve) => {
      closeStubborn = resolve;
    });
    const adapter = new IdbStorageAdapter({
      factory,
      now,
      onEvent: (e) => {
        events.push(e.kind);
        if (e.kind === "blocked") closeStubborn();
      },
    });
    const listing = new Workspace(adapter, { now }).listModels();
    await blocked;
    expect(events).toEqual(["blocked"]);
    stubborn.close();
    expect(value(await listing)).toEqual([]);
  });
});

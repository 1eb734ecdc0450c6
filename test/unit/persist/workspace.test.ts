import "fake-indexeddb/auto";
import { IDBFactory } from "fake-indexeddb";
import { describe, expect, it } from "vitest";
import {
  FakeDisk,
  FakeStorageAdapter,
  IdbStorageAdapter,
  PersistCodes,
  Workspace,
  type StorageAdapter,
} from "../../../src/persist";
import type { SaveResultDto } from "../../../src/protocol";
import { makeIds, modelText, value } from "./support";

// The same behaviour is required of the IndexedDB adapter (on fake-indexeddb) and the fake.
const adapters: [string, (now: () => number) => StorageAdapter][] = [
  ["IndexedDB", (now) => new IdbStorageAdapter({ factory: new IDBFactory(), now })],
  ["fake", (now) => new FakeStorageAdapter(new FakeDisk(), {}, now)],
];

describe.each(adapters)("Workspace over the %s adapter", (_name, makeAdapter) => {
  const setup = () => {
    // A stopped clock: every timestamp is 2025-04-01T00:00:00Z.
    const now = () => Date.UTC(2025, 3, 1);
    const workspace = new Workspace(makeAdapter(now), { now, newId: makeIds() });
    return { workspace };
  };

  it("createModel then openModel returns the text at rev 1", async () => {
    const { workspace } = setup();
    const created = value(await workspace.createModel("Council tax", "band_d = 1\n"));
    expect(created).toEqual({
      id: "m1",
      name: "Council tax",
      rev: 1,
      updatedAt: Date.UTC(2025, 3, 1),
    });
    expect(value(await workspace.openModel("m1"))).toMatchObject({ text: "band_d = 1\n", rev: 1 });
  });

  it("createModel gives a clashing name a numbered suffix", async () => {
    const { workspace } = setup();
    await workspace.createModel("Council tax", "a\n");
    await workspace.createModel("council TAX", "b\n");
    await workspace.createModel("Council tax", "c\n");
    const names = value(await workspace.listModels()).map((m) => m.name);
    expect(names).toEqual(["Council tax", "council TAX (2)", "Council tax (3)"]);
  });

  it("saveModel is compare-and-set on rev and reports the current text on conflict", async () => {
    const { workspace } = setup();
    await workspace.createModel("A", "one\n");
    // The result is the protocol's SaveResultDto (checked by the compiler here).
    const saved: SaveResultDto = await workspace.saveModel("m1", "two\n", 1, { kind: "explicit" });
    expect(saved).toMatchObject({ ok: true, rev: 2 });
    const stale = await workspace.saveModel("m1", "other\n", 1, { kind: "autosave" });
    expect(stale).toMatchObject({
      ok: false,
      reason: "conflict",
      code: PersistCodes.conflict,
      current: { rev: 2, text: "two\n" },
    });
    expect(value(await workspace.openModel("m1"))).toMatchObject({ text: "two\n", rev: 2 });
  });

  it("every save appends a version; restoring creates a new version and keeps later ones", async () => {
    const { workspace } = setup();
    await workspace.createModel("A", "v1\n");
    await workspace.saveModel("m1", "v2\n", 1, { kind: "autosave" });
    await workspace.saveModel("m1", "v3\n", 2, { kind: "explicit", label: "Budget draft" });
    let versions = value(await workspace.listVersions("m1"));
    expect(versions.map((v) => [v.rev, v.kind, v.label ?? null, v.size])).toEqual([
      [3, "explicit", "Budget draft", 3],
      [2, "autosave", null, 3],
      [1, "explicit", null, 3],
    ]);
    const first = versions[2];
    if (first === undefined) throw new Error("no version 1");
    expect(value(await workspace.readVersion("m1", first.id))).toBe("v1\n");
    expect(await workspace.restoreVersion("m1", first.id, 3)).toMatchObject({ ok: true, rev: 4 });
    expect(value(await workspace.openModel("m1")).text).toBe("v1\n");
    versions = value(await workspace.listVersions("m1"));
    expect(versions.map((v) => v.rev)).toEqual([4, 3, 2, 1]);
    // Undo the restore: restore rev 3, the version before it.
    const third = versions.find((v) => v.rev === 3);
    if (third === undefined) throw new Error("no version 3");
    expect(await workspace.restoreVersion("m1", third.id, 4)).toMatchObject({ ok: true, rev: 5 });
    expect(value(await workspace.openModel("m1")).text).toBe("v3\n");
  });

  it("unchanged text without a label writes no version", async () => {
    const { workspace } = setup();
    await workspace.createModel("A", "same\n");
    expect(await workspace.saveModel("m1", "same\n", 1, { kind: "autosave" })).toMatchObject({
      ok: true,
      rev: 1,
    });
    expect(value(await workspace.listVersions("m1"))).toHaveLength(1);
  });

  it("an empty text never replaces a substantial model without confirmEmpty (P9)", async () => {
    const { workspace } = setup();
    await workspace.createModel("A", modelText(5));
    const refused = await workspace.saveModel("m1", "  \n\n", 1, { kind: "autosave" });
    expect(refused).toMatchObject({
      ok: false,
      reason: "invalid",
      code: PersistCodes.emptyReplace,
    });
    expect(await workspace.saveModel("m1", "one line\n", 1, { kind: "explicit" })).toMatchObject({
      ok: false,
    });
    expect(value(await workspace.openModel("m1")).text).toBe(modelText(5));
    // Two lines are not near-empty; a confirmed empty save goes through.
    expect(await workspace.saveModel("m1", "a\nb\n", 1, { kind: "explicit" })).toMatchObject({
      ok: true,
      rev: 2,
    });
    expect(
      await workspace.saveModel("m1", "", 2, { kind: "explicit", confirmEmpty: true }),
    ).toMatchObject({ ok: true, rev: 3 });
  });

  it("a four-line model may be emptied without confirmation (not substantial)", async () => {
    const { workspace } = setup();
    await workspace.createModel("A", modelText(4));
    expect(await workspace.saveModel("m1", "", 1, { kind: "autosave" })).toMatchObject({
      ok: true,
      rev: 2,
    });
  });

  it("deleteModel moves to the trash and restoreModel undoes it; purgeTrash removes for good", async () => {
    const { workspace } = setup();
    await workspace.createModel("A", "a\n");
    await workspace.createModel("B", "b\n");
    value(await workspace.deleteModel("m1"));
    expect(value(await workspace.listModels()).map((m) => m.id)).toEqual(["m2"]);
    expect(value(await workspace.listTrash()).map((m) => m.id)).toEqual(["m1"]);
    expect(await workspace.openModel("m1")).toMatchObject({
      ok: false,
      code: PersistCodes.notFound,
    });
    expect(await workspace.saveModel("m1", "x\n", 1, { kind: "autosave" })).toMatchObject({
      ok: false,
      code: PersistCodes.notFound,
    });
    value(await workspace.restoreModel("m1"));
    expect(value(await workspace.openModel("m1")).text).toBe("a\n");
    value(await workspace.deleteModel("m1"));
    // Retention: not yet 30 days old, so a default purge keeps it; purging with 0 removes it.
    expect(value(await workspace.purgeTrash())).toBe(0);
    expect(value(await workspace.purgeTrash(0))).toBe(1);
    expect(value(await workspace.listTrash())).toEqual([]);
    expect(await workspace.restoreModel("m1")).toMatchObject({
      ok: false,
      code: PersistCodes.notFound,
    });
    expect(value(await workspace.listVersions("m1"))).toEqual([]);
  });

  it("restoring from the trash renames when the name was taken meanwhile", async () => {
    const { workspace } = setup();
    await workspace.createModel("Plan", "a\n");
    await workspace.deleteModel("m1");
    await workspace.createModel("Plan", "b\n");
    expect(value(await workspace.restoreModel("m1")).name).toBe("Plan (2)");
  });

  it("renameModel refuses an empty name or one another model has", async () => {
    const { workspace } = setup();
    await workspace.createModel("A", "a\n");
    await workspace.createModel("B", "b\n");
    expect(await workspace.renameModel("m1", "  ")).toMatchObject({
      ok: false,
      code: PersistCodes.badName,
    });
    expect(await workspace.renameModel("m1", "b")).toMatchObject({
      ok: false,
      code: PersistCodes.badName,
    });
    expect(value(await workspace.renameModel("m1", " Capital\u202E plan "))).toMatchObject({
      name: "Capital plan",
      rev: 1,
    });
  });

  it("duplicateModel copies the current text into a new model", async () => {
    const { workspace } = setup();
    await workspace.createModel("MTFP", "a\n");
    await workspace.saveModel("m1", "b\n", 1, { kind: "explicit" });
    const copy = value(await workspace.duplicateModel("m1"));
    expect(copy).toMatchObject({ id: "m2", name: "MTFP (2)", rev: 1 });
    expect(value(await workspace.openModel("m2")).text).toBe("b\n");
  });

  it("labelVersion names a version and pruneVersions keeps named versions and the current one", async () => {
    const { workspace } = setup();
    await workspace.createModel("A", "r1\n");
    for (let rev = 1; rev < 6; rev++) {
      await workspace.saveModel("m1", `r${(rev + 1).toString()}\n`, rev, { kind: "autosave" });
    }
    const versions = value(await workspace.listVersions("m1"));
    const second = versions.find((v) => v.rev === 2);
    if (second === undefined) throw new Error("no rev 2");
    expect(value(await workspace.labelVersion("m1", second.id, "Cabinet paper"))).toMatchObject({
      label: "Cabinet paper",
    });
    // Keep the newest 1 (rev 6, also current) and the labelled rev 2: 6 - 2 = 4 deleted.
    expect(value(await workspace.pruneVersions("m1", 1))).toBe(4);
    expect(value(await workspace.listVersions("m1")).map((v) => [v.rev, v.label ?? null])).toEqual([
      [6, null],
      [2, "Cabinet paper"],
    ]);
    expect(value(await workspace.readVersion("m1", second.id))).toBe("r2\n");
    expect(value(await workspace.labelVersion("m1", second.id, ""))).not.toHaveProperty("label");
  });

  it("importModel validates the file and never overwrites a model of the same name", async () => {
    const { workspace } = setup();
    await workspace.createModel("Council tax", "old\n");
    const imported = value(
      await workspace.importModel("Council tax.precept", new TextEncoder().encode("new\r\n")),
    );
    expect(imported.name).toBe("Council tax (2)");
    expect(value(await workspace.openModel(imported.id)).text).toBe("new\n");
    expect(value(await workspace.openModel("m1")).text).toBe("old\n");
    const bad = await workspace.importModel("x.precept", new Uint8Array([0x61, 0x00, 0x62]));
    expect(bad).toMatchObject({ ok: false, code: PersistCodes.notText });
    expect(value(await workspace.listModels())).toHaveLength(2);
  });
});

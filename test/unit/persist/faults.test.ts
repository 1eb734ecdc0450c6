// The failure matrix (reliability.md P1, P2, P5, P6): inject every fault at every operation N of a
// scenario, then check the same invariants on a fresh connection to the same disk.
import { describe, expect, it } from "vitest";
import {
  FakeDisk,
  FakeStorageAdapter,
  PersistCodes,
  Workspace,
  classifyError,
  makeFault,
  type FaultKind,
} from "../../../src/persist";
import { makeClock, makeIds, value } from "./support";

interface Attempt {
  readonly text: string;
  readonly ok: boolean;
  readonly rev?: number;
  readonly code?: string;
}

/** Makes m1 ("t1") and m2 with no faults. */
async function setUp(): Promise<{
  disk: FakeDisk;
  adapter: FakeStorageAdapter;
  workspace: Workspace;
}> {
  const disk = new FakeDisk();
  const now = makeClock();
  const adapter = new FakeStorageAdapter(disk, {}, now);
  const workspace = new Workspace(adapter, { now, newId: makeIds() });
  value(await workspace.createModel("Budget", "t1\n"));
  value(await workspace.createModel("Other", "o1\n"));
  return { disk, adapter, workspace };
}

/**
 * A session of edits on m1, the way the editor drives it: each save uses the revision of the last
 * save reported ok. Returns every save attempt (restores count as saves of the restored text) and
 * the results of the other operations.
 */
async function runScenario(workspace: Workspace): Promise<{ saves: Attempt[]; others: boolean[] }> {
  const saves: Attempt[] = [];
  const others: boolean[] = [];
  let rev = 1;
  const save = async (text: string, kind: "explicit" | "autosave", label?: string) => {
    const result = await workspace.saveModel(
      "m1",
      text,
      rev,
      label === undefined ? { kind } : { kind, label },
    );
    saves.push(
      result.ok ? { text, ok: true, rev: result.rev } : { text, ok: false, code: result.code },
    );
    if (result.ok) rev = result.rev;
  };
  await save("t2\n", "explicit");
  await save("t3\n", "autosave");
  // A crash draft (P18) is written like any other operation and must obey the same invariants.
  others.push((await workspace.writeDraft("m1", "typed, not saved\n", rev)).ok);
  others.push((await workspace.readDraft("m1")).ok);
  others.push((await workspace.renameModel("m1", "Budget 2025")).ok);
  await save("t4\n", "explicit", "Cabinet");
  const versions = await workspace.listVersions("m1");
  others.push(versions.ok);
  const first = versions.ok ? versions.value.find((v) => v.rev === 1) : undefined;
  if (first !== undefined) {
    const restored = await workspace.restoreVersion("m1", first.id, rev);
    saves.push(
      restored.ok
        ? { text: "t1\n", ok: true, rev: restored.rev }
        : { text: "t1\n", ok: false, code: restored.code },
    );
    if (restored.ok) rev = restored.rev;
  }
  others.push((await workspace.deleteModel("m2")).ok);
  others.push((await workspace.restoreModel("m2")).ok);
  others.push((await workspace.createModel("New", "n1\n")).ok);
  await save("t5\n", "autosave");
  return { saves, others };
}

/** Invariants every disk must satisfy after any fault; returns m1's text and rev as loaded. */
async function checkDisk(disk: FakeDisk): Promise<{ text: string; rev: number }> {
  const workspace = new Workspace(new FakeStorageAdapter(disk), { now: () => 0 });
  const models = value(await workspace.listModels());
  for (const summary of models) {
    const model = value(await workspace.openModel(summary.id));
    const versions = value(await workspace.listVersions(summary.id));
    // No mixed generations: the versions are revs 1..rev, once each, and the newest is the text.
    expect(versions.map((v) => v.rev)).toEqual(
      Array.from({ length: model.rev }, (_, i) => model.rev - i),
    );
    const newest = versions[0];
    if (newest === undefined) throw new Error("a model without versions");
    expect(value(await workspace.readVersion(summary.id, newest.id))).toBe(model.text);
    for (const v of versions) {
      const text = value(await workspace.readVersion(summary.id, v.id));
      expect(v.size).toBe(new TextEncoder().encode(text).byteLength);
    }
  }
  const m1 = value(await workspace.openModel("m1"));
  return { text: m1.text, rev: m1.rev };
}

/** Every save reported ok is on disk: version `rev` holds its text (P2: never "Saved" falsely). */
async function checkOkSavesPersisted(disk: FakeDisk, saves: readonly Attempt[]): Promise<void> {
  const workspace = new Workspace(new FakeStorageAdapter(disk), { now: () => 0 });
  const versions = value(await workspace.listVersions("m1"));
  for (const save of saves.filter((s) => s.ok)) {
    const version = versions.find((v) => v.rev === save.rev);
    if (version === undefined) throw new Error(`rev ${String(save.rev)} reported ok but missing`);
    expect(value(await workspace.readVersion("m1", version.id))).toBe(save.text);
  }
}

// How many operations the scenario performs without faults: the N of the matrix runs 1..K.
async function countScenarioOps(): Promise<number> {
  const { adapter, workspace } = await setUp();
  const before = adapter.ops;
  const { saves, others } = await runScenario(workspace);
  expect(saves.every((s) => s.ok) && others.every(Boolean)).toBe(true);
  return adapter.ops - before;
}

const K = await countScenarioOps();
const opNumbers = Array.from({ length: K }, (_, i) => i + 1);

describe("the failure matrix", () => {
  it("the scenario has enough operations to be worth injecting into", () => {
    expect(K).toBeGreaterThan(40);
  });

  const transientKinds: FaultKind[] = ["invalid-state", "unknown", "abort"];
  for (const kind of transientKinds) {
    it(`a single ${kind} at any operation N is retried once after a reopen, and every operation succeeds`, async () => {
      for (const n of opNumbers) {
        const { disk, adapter, workspace } = await setUp();
        adapter.failNext(n, kind);
        const { saves, others } = await runScenario(workspace);
        expect({ n, saves: saves.every((s) => s.ok), others: others.every(Boolean) }).toEqual({
          n,
          saves: true,
          others: true,
        });
        expect(adapter.reopens).toBe(1);
        const loaded = await checkDisk(disk);
        expect(loaded.text).toBe("t5\n");
        await checkOkSavesPersisted(disk, saves);
      }
    });

    it(`a ${kind} that persists through the retry fails visibly (P5005) and never reports ok`, async () => {
      for (const n of opNumbers) {
        const { disk, adapter, workspace } = await setUp();
        // Fault at N and at every operation of the retry: the operation at N must fail.
        adapter.failNext(n, kind, K);
        const { saves } = await runScenario(workspace);
        expect(adapter.reopens).toBeGreaterThanOrEqual(1);
        const failed = saves.filter((s) => !s.ok);
        expect(failed.length).toBeGreaterThan(0);
        for (const f of failed) expect(f.code).toBe(PersistCodes.storageFailure);
        const loaded = await checkDisk(disk);
        const lastOk = saves.filter((s) => s.ok).at(-1);
        expect(loaded.text).toBe(lastOk?.text ?? "t1\n");
        await checkOkSavesPersisted(disk, saves);
      }
    });
  }

  for (const kind of ["quota", "quota-in-abort"] as const) {
    it(`${kind} at any operation N fails that operation only (P5003), leaving the previous version`, async () => {
      for (const n of opNumbers) {
        const { disk, adapter, workspace } = await setUp();
        adapter.failNext(n, kind);
        const { saves, others } = await runScenario(workspace);
        expect(adapter.reopens).toBe(0);
        const failures = saves.filter((s) => !s.ok).length + others.filter((o) => !o).length;
        expect({ n, failures }).toEqual({ n, failures: 1 });
        for (const f of saves.filter((s) => !s.ok)) expect(f.code).toBe(PersistCodes.storageFull);
        const loaded = await checkDisk(disk);
        expect(loaded.text).toBe(saves.filter((s) => s.ok).at(-1)?.text);
        await checkOkSavesPersisted(disk, saves);
      }
    });
  }

  it("a crash after any operation N leaves the last committed version, never a mix (P1)", async () => {
    const outcomes = new Set<string>();
    for (const n of opNumbers) {
      const { disk, adapter, workspace } = await setUp();
      adapter.crashAfterNext(n);
      const { saves } = await runScenario(workspace);
      const loaded = await checkDisk(disk);
      await checkOkSavesPersisted(disk, saves);
      const lastOk = saves.filter((s) => s.ok).at(-1);
      const lastOkRev = lastOk?.rev ?? 1;
      // The save in flight at the crash may have committed (its commit was op N) but was not
      // reported ok; nothing later can have committed.
      const inFlight = saves.find((s) => !s.ok);
      if (loaded.rev === lastOkRev) expect(loaded.text).toBe(lastOk?.text ?? "t1\n");
      else {
        expect(loaded.rev).toBe(lastOkRev + 1);
        expect(loaded.text).toBe(inFlight?.text);
      }
      outcomes.add(loaded.rev === lastOkRev ? "last ok" : "in flight committed");
    }
    // Both outcomes occur across N, as in the SIGKILL experiment (gens [1] and [2]).
    expect([...outcomes].sort()).toEqual(["in flight committed", "last ok"]);
  });
});

describe("save commit and durability (P2)", () => {
  it("a save whose commit fails is reported failed and the previous text stays", async () => {
    const { adapter, workspace } = await setUp();
    // A save is: get model, put model, put version, put version text, commit. Fail the commit.
    adapter.failNext(5, "quota");
    const result = await workspace.saveModel("m1", "lost\n", 1, { kind: "explicit" });
    expect(result).toMatchObject({ ok: false, reason: "quota", code: PersistCodes.storageFull });
    expect(value(await workspace.openModel("m1"))).toMatchObject({ text: "t1\n", rev: 1 });
  });

  it("explicit saves ask for strict durability, autosaves for relaxed", async () => {
    const { adapter, workspace } = await setUp();
    const before = adapter.durabilities.length;
    await workspace.saveModel("m1", "a\n", 1, { kind: "explicit" });
    await workspace.saveModel("m1", "b\n", 2, { kind: "autosave" });
    expect(adapter.durabilities.slice(before)).toEqual(["strict", "relaxed"]);
  });

  it("a save retried after its first commit landed is reported ok once, not as a conflict", async () => {
    const { adapter, workspace } = await setUp();
    // The first attempt commits, then the connection drops before the caller sees the result
    // (Safari's "Connection to Indexed Database server lost"). The retry finds rev 2 holding its
    // own text and must report ok, with one version written.
    let first = true;
    const original = adapter.run.bind(adapter);
    adapter.run = async (stores, mode, body, options) => {
      const result = await original(stores, mode, body, options);
      if (first && mode === "readwrite") {
        first = false;
        throw makeFault("unknown");
      }
      return result;
    };
    const result = await workspace.saveModel("m1", "landed\n", 1, { kind: "explicit" });
    expect(result).toMatchObject({ ok: true, rev: 2 });
    expect(value(await workspace.listVersions("m1")).map((v) => v.rev)).toEqual([2, 1]);
  });
});

describe("classifyError", () => {
  const named = (name: string) => new DOMException("x", name);
  it.each([
    ["QuotaExceededError", named("QuotaExceededError"), "quota"],
    ["AbortError with .inner quota", makeFault("quota-in-abort"), "quota"],
    [
      "AbortError with .cause quota",
      new Error("aborted", { cause: named("QuotaExceededError") }),
      "quota",
    ],
    ["InvalidStateError", named("InvalidStateError"), "transient"],
    ["UnknownError", named("UnknownError"), "transient"],
    ["plain AbortError", named("AbortError"), "transient"],
    ["DataError", named("DataError"), "failure"],
    ["a string", "boom", "failure"],
  ])("%s is %s", (_label, error, expected) => {
    expect(classifyError(error)).toBe(expected);
  });
});

// P6 (reliability.md): when the browser drops the database connection (InvalidStateError,
// UnknownError, AbortError mid-operation, idb's "terminated"), an idempotent operation is retried
// once after a reopen; a second failure is a visible error, and a failed write is never "saved".
// The failure matrix in faults.test.ts injects these at every operation N of a whole session.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  FakeDisk,
  FakeStorageAdapter,
  PersistCodes,
  Workspace,
  makeFault,
  type FaultKind,
} from "../../../src/persist";
import { makeTab, settle, starterText } from "./stack";
import { makeClock, makeIds, modelText, value } from "./support";

const dropped: FaultKind[] = ["invalid-state", "unknown", "abort"];

async function setUp() {
  const disk = new FakeDisk();
  const now = makeClock();
  const adapter = new FakeStorageAdapter(disk, {}, now);
  const workspace = new Workspace(adapter, { now, newId: makeIds() });
  value(await workspace.createModel("Budget", modelText(6)));
  return { disk, adapter, workspace };
}

describe("P6: a dropped connection is reopened and retried once, then fails visibly", () => {
  for (const kind of dropped) {
    it(`${kind} on a save's commit: one reopen, one retry, saved once`, async () => {
      const { adapter, workspace } = await setUp();
      adapter.failNextCommit(kind);
      const result = await workspace.saveModel("m1", "a = 1\nb = 2\n", 1, { kind: "explicit" });
      expect(result).toMatchObject({ ok: true, rev: 2 });
      expect(adapter.reopens).toBe(1);
      expect(value(await workspace.listVersions("m1")).map((v) => v.rev)).toEqual([2, 1]);
    });

    it(`${kind} on the commit and on the retry's commit: a visible P5005, nothing saved, no third try`, async () => {
      const { adapter, workspace } = await setUp();
      adapter.failNextCommit(kind, 2);
      const opsBefore = adapter.ops;
      const result = await workspace.saveModel("m1", "a = 1\nb = 2\n", 1, { kind: "explicit" });
      expect(result).toMatchObject({ ok: false, code: PersistCodes.storageFailure });
      expect(adapter.reopens).toBe(1);
      // Two attempts of five operations (get, 3 puts, commit) plus the reopen: no third attempt.
      expect(adapter.ops - opsBefore).toBe(11);
      expect(value(await workspace.openModel("m1"))).toMatchObject({ rev: 1, text: modelText(6) });
    });
  }

  it("a reopen that itself fails ends the attempt with a visible failure", async () => {
    const { adapter, workspace } = await setUp();
    adapter.failNextCommit("unknown");
    adapter.reopen = () => Promise.reject(makeFault("unknown"));
    const result = await workspace.saveModel("m1", "a = 1\nb = 2\n", 1, { kind: "explicit" });
    expect(result).toMatchObject({ ok: false, code: PersistCodes.storageFailure });
  });

  /**
   * Every writing operation is idempotent under the retry: the first attempt commits and then the
   * connection drops before the reply (Safari's "Connection to Indexed Database server lost"); the
   * retry must report success and the effect must have happened exactly once.
   */
  const operations: [
    string,
    (w: Workspace) => Promise<{ ok: boolean }>,
    (w: Workspace) => Promise<unknown>,
  ][] = [
    [
      "saveModel",
      (w) => w.saveModel("m1", "a = 1\nb = 2\n", 1, { kind: "autosave" }),
      async (w) => value(await w.listVersions("m1")).length,
    ],
    [
      "createModel",
      (w) => w.createModel("New", "n\n"),
      async (w) => value(await w.listModels()).map((m) => m.name),
    ],
    [
      "renameModel",
      (w) => w.renameModel("m1", "Renamed"),
      async (w) => value(await w.listModels()).map((m) => m.name),
    ],
    ["deleteModel", (w) => w.deleteModel("m1"), async (w) => value(await w.listTrash()).length],
    [
      "restoreVersion",
      async (w) => w.restoreVersion("m1", 1, 1),
      async (w) => value(await w.listVersions("m1")).length,
    ],
    [
      "labelVersion",
      (w) => w.labelVersion("m1", 1, "Cabinet"),
      async (w) => value(await w.listVersions("m1")).map((v) => v.label),
    ],
    [
      "writeDraft",
      (w) => w.writeDraft("m1", modelText(7), 1),
      async (w) => value(await w.readDraft("m1"))?.previous ?? null,
    ],
    [
      "importModel",
      (w) => w.importModel("Tax.precept", "t = 1\n"),
      async (w) => value(await w.listModels()).length,
    ],
  ];
  const expected: Record<string, unknown> = {
    saveModel: 2,
    createModel: ["Budget", "New"],
    renameModel: ["Renamed"],
    deleteModel: 1,
    // Restoring rev 1 over rev 1 with the same text writes nothing: still one version.
    restoreVersion: 1,
    labelVersion: ["Cabinet"],
    writeDraft: null,
    importModel: 2,
  };
  it.each(operations)(
    "%s whose commit landed before the connection dropped is done once",
    async (name, run, observe) => {
      const { adapter, workspace } = await setUp();
      let dropNext = true;
      const original = adapter.run.bind(adapter);
      adapter.run = async (stores, mode, body, options) => {
        const result = await original(stores, mode, body, options);
        if (dropNext && mode === "readwrite") {
          dropNext = false;
          throw makeFault("unknown");
        }
        return result;
      };
      expect(await run(workspace)).toMatchObject({ ok: true });
      expect(adapter.reopens).toBe(1);
      expect(await observe(workspace)).toEqual(expected[name]);
    },
  );
});

describe("P6: what the user sees", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("a save lost twice to a dropped connection shows 'failed' with P5005, never 'saved'", async () => {
    const tab = makeTab(new FakeDisk());
    await tab.actions.start();
    await settle();
    tab.actions.setText(`${starterText}# edit\n`);
    await settle();
    tab.adapter.failNextCommit("unknown", 2);
    await tab.actions.saveNow();
    expect(tab.state.save).toMatchObject({ kind: "failed" });
    expect(tab.state.notices.at(-1)).toMatchObject({ tone: "error" });
    expect(tab.state.notices.at(-1)?.text).toContain("Browser storage failed");
    expect(tab.adapter.reopens).toBe(1);
    // Retrying by hand after the connection is back saves it.
    await tab.actions.saveNow();
    expect(tab.state.save.kind).toBe("saved");
    tab.dispose();
  });

  it("a save lost once is retried without the user noticing", async () => {
    const tab = makeTab(new FakeDisk());
    await tab.actions.start();
    await settle();
    tab.actions.setText(`${starterText}# edit\n`);
    await settle();
    tab.adapter.failNextCommit("invalid-state");
    await tab.actions.saveNow();
    expect(tab.state.save.kind).toBe("saved");
    expect(tab.state.notices.filter((n) => n.tone === "error")).toEqual([]);
    tab.dispose();
  });
});

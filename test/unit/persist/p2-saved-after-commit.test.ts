// P2 (reliability.md): "Saved" appears only after the transaction completes; explicit saves use
// durability "strict". The fake adapter rejects the commit, and the store (what the save
// indicator shows) must say the save failed, never "saved".
import "fake-indexeddb/auto";
import { IDBFactory } from "fake-indexeddb";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { FakeDisk, IdbStorageAdapter, Workspace } from "../../../src/persist";
import { makeTab, settle, starterText } from "./stack";
import { makeIds, value } from "./support";

describe("P2: 'Saved' appears only after the transaction completes", () => {
  beforeEach(() => {
    vi.useFakeTimers(); // no autosave fires unless the test says so
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /** A tab with the starter model open and `edit` typed, its draft written. */
  async function editedTab(edit: string) {
    const tab = makeTab(new FakeDisk());
    await tab.actions.start();
    await settle();
    tab.actions.setText(edit);
    await settle();
    expect(tab.state.save.kind).toBe("unsaved");
    return tab;
  }

  for (const kind of ["quota", "quota-in-abort", "data"] as const) {
    it(`a save whose commit is rejected (${kind}) shows an error, not "Saved", and keeps the old text`, async () => {
      const edited = `${starterText}# edited\n`;
      const tab = await editedTab(edited);
      const id = tab.state.model?.id ?? "";
      tab.adapter.failNextCommit(kind);
      const saving = tab.actions.saveNow();
      expect(tab.state.save.kind).toBe("saving");
      await saving;
      expect(tab.state.save.kind).toBe("failed");
      expect(tab.state.notices.some((n) => n.tone === "error")).toBe(true);
      // Nothing was committed: the stored model is still revision 1 with the starter text.
      expect(value(await tab.workspace.openModel(id))).toMatchObject({ rev: 1, text: starterText });
      expect(tab.state.model?.rev).toBe(1);
      tab.dispose();
    });
  }

  it("the indicator says saved only once the commit completed, and then the text is on disk", async () => {
    const edited = `${starterText}# edited\n`;
    const tab = await editedTab(edited);
    const id = tab.state.model?.id ?? "";
    await tab.actions.saveNow();
    expect(tab.state.save.kind).toBe("saved");
    expect(value(await tab.workspace.openModel(id))).toMatchObject({ rev: 2, text: edited });
    tab.dispose();
  });

  it("an autosave whose commit is rejected is shown as failed too", async () => {
    const tab = await editedTab(`${starterText}# typed\n`);
    tab.adapter.failNextCommit("quota");
    await vi.runOnlyPendingTimersAsync(); // the autosave debounce
    await settle();
    expect(tab.state.save).toMatchObject({ kind: "failed" });
    expect(
      tab.state.notices.some((n) => n.tone === "error" && n.text.includes("storage is full")),
    ).toBe(true);
    tab.dispose();
  });

  it("explicit saves commit with durability 'strict'; autosaves and drafts with 'relaxed'", async () => {
    const tab = await editedTab(`${starterText}# one\n`);
    const before = tab.adapter.durabilities.length;
    await tab.actions.saveNow("Cabinet");
    const explicit = tab.adapter.durabilities.slice(before);
    tab.actions.setText(`${starterText}# two\n`);
    await settle();
    const afterDraft = tab.adapter.durabilities.length;
    await vi.runOnlyPendingTimersAsync();
    await settle();
    const autosave = tab.adapter.durabilities.slice(afterDraft);
    tab.dispose();
    // The explicit save's own transaction comes first; the draft clean-up after it is relaxed.
    expect(explicit[0]).toBe("strict");
    expect(tab.adapter.durabilities.slice(before + explicit.length, afterDraft)).toEqual([
      "relaxed",
    ]);
    expect(autosave[0]).toBe("relaxed");
  });
});

describe("P2: explicit saves use durability 'strict' in IndexedDB", () => {
  it("the IndexedDB adapter passes { durability: 'strict' } to the transaction of an explicit save", async () => {
    const inner = new IDBFactory();
    const seen: { stores: string[]; mode: string; durability: string | undefined }[] = [];
    const factory: IDBFactory = {
      open: (name: string, version?: number) => {
        const request = inner.open(name, version);
        request.addEventListener("success", () => {
          const db = request.result;
          const transaction = db.transaction.bind(db);
          Object.defineProperty(db, "transaction", {
            configurable: true,
            writable: true,
            value: (
              stores: string | string[],
              mode?: IDBTransactionMode,
              options?: IDBTransactionOptions,
            ) => {
              seen.push({
                stores: [stores].flat(),
                mode: mode ?? "readonly",
                durability: options?.durability,
              });
              return transaction(stores, mode, options);
            },
          });
        });
        return request;
      },
      deleteDatabase: (name: string) => inner.deleteDatabase(name),
      databases: () => inner.databases(),
      cmp: (a: unknown, b: unknown) => inner.cmp(a, b),
    };
    const workspace = new Workspace(new IdbStorageAdapter({ factory, now: () => 1 }), {
      now: () => 1,
      newId: makeIds(),
    });
    value(await workspace.createModel("A", "a\n"));
    seen.length = 0;
    expect(await workspace.saveModel("m1", "b\n", 1, { kind: "explicit" })).toMatchObject({
      ok: true,
    });
    expect(await workspace.saveModel("m1", "c\n", 2, { kind: "autosave" })).toMatchObject({
      ok: true,
    });
    expect(seen.map((t) => [t.mode, t.durability])).toEqual([
      ["readwrite", "strict"],
      ["readwrite", "relaxed"],
    ]);
  });
});

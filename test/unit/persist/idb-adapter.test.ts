// P6 on the real adapter: a connection the browser drops is reopened, and a save is retried once.
import "fake-indexeddb/auto";
import { IDBFactory, forceCloseDatabase } from "fake-indexeddb";
import { describe, expect, it } from "vitest";
import { IdbStorageAdapter, Workspace, type StorageEvent } from "../../../src/persist";
import { makeIds, value } from "./support";

/** A factory that remembers every open request, so a test can reach the connections. */
function spyFactory() {
  const inner = new IDBFactory();
  const requests: IDBOpenDBRequest[] = [];
  const factory: IDBFactory = {
    open: (name: string, version?: number) => {
      const request = inner.open(name, version);
      requests.push(request);
      return request;
    },
    deleteDatabase: (name: string) => inner.deleteDatabase(name),
    databases: () => inner.databases(),
    cmp: (a: unknown, b: unknown) => inner.cmp(a, b),
  };
  return { factory, requests };
}

describe("IdbStorageAdapter connection loss", () => {
  it("after the browser closes the connection ('terminated'), the next save reconnects and succeeds", async () => {
    const { factory, requests } = spyFactory();
    const events: StorageEvent["kind"][] = [];
    const adapter = new IdbStorageAdapter({
      factory,
      now: () => 0,
      onEvent: (e) => events.push(e.kind),
    });
    const workspace = new Workspace(adapter, { now: () => 5, newId: makeIds() });
    value(await workspace.createModel("A", "a\n"));
    const first = requests[0]?.result;
    if (first === undefined) throw new Error("no connection");
    // fake-indexeddb declares the parameter as the class, not an instance; the runtime takes a db.
    forceCloseDatabase(first as unknown as Parameters<typeof forceCloseDatabase>[0]);
    expect(events).toEqual(["terminated"]);
    expect(await workspace.saveModel("m1", "b\n", 1, { kind: "explicit" })).toMatchObject({
      ok: true,
      rev: 2,
    });
    expect(requests).toHaveLength(2);
    expect(value(await workspace.openModel("m1")).text).toBe("b\n");
  });

  it("a connection closed without an event (InvalidStateError) is reopened and the save retried once", async () => {
    const { factory, requests } = spyFactory();
    const events: StorageEvent["kind"][] = [];
    const adapter = new IdbStorageAdapter({
      factory,
      now: () => 0,
      onEvent: (e) => events.push(e.kind),
    });
    const workspace = new Workspace(adapter, { now: () => 5, newId: makeIds() });
    value(await workspace.createModel("A", "a\n"));
    // Closing our own handle makes db.transaction() throw InvalidStateError, as a closing one does.
    requests[0]?.result.close();
    expect(await workspace.saveModel("m1", "b\n", 1, { kind: "explicit" })).toMatchObject({
      ok: true,
      rev: 2,
    });
    expect(events).toEqual(["reopened"]);
    expect(value(await workspace.listVersions("m1")).map((v) => v.rev)).toEqual([2, 1]);
  });

  it("a transaction body that throws aborts it: nothing it wrote is kept", async () => {
    const adapter = new IdbStorageAdapter({ factory: new IDBFactory(), now: () => 0 });
    const workspace = new Workspace(adapter, { now: () => 5, newId: makeIds() });
    value(await workspace.createModel("A", "a\n"));
    await expect(
      adapter.run(["models"], "readwrite", async (tx) => {
        await tx.put("models", {
          id: "m1",
          name: "A",
          text: "half",
          rev: 2,
          createdAt: 5,
          updatedAt: 5,
          deletedAt: null,
        });
        throw new Error("failed after the first write");
      }),
    ).rejects.toThrow("failed after the first write");
    expect(value(await workspace.openModel("m1"))).toMatchObject({ text: "a\n", rev: 1 });
  });
});

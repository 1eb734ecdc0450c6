import { describe, expect, it } from "vitest";
import {
  FakeDisk,
  FakeStorageAdapter,
  PersistCodes,
  Workspace,
  makeChannelNotifier,
  type WorkspaceMessage,
} from "../../../src/persist";
import { decodeMessage } from "../../../src/persist/notify";
import { makeIds, value } from "./support";

/** Waits until `messages` has `count` entries (BroadcastChannel delivers asynchronously). */
async function waitFor(messages: readonly unknown[], count: number): Promise<void> {
  for (let i = 0; i < 200 && messages.length < count; i++)
    await new Promise((r) => setTimeout(r, 5));
}

describe("cross-tab notifications over BroadcastChannel", () => {
  it("another tab hears model-saved after a commit, and nothing for a failed save", async () => {
    const name = `precept-test-${Math.random().toString(36).slice(2)}`;
    const senderTab = makeChannelNotifier(new BroadcastChannel(name));
    const otherTab = makeChannelNotifier(new BroadcastChannel(name));
    const heard: WorkspaceMessage[] = [];
    const unsubscribe = otherTab.subscribe((m) => heard.push(m));
    try {
      const disk = new FakeDisk();
      const adapter = new FakeStorageAdapter(disk);
      const workspace = new Workspace(adapter, {
        now: () => 1,
        newId: makeIds(),
        notifier: senderTab,
      });
      value(await workspace.createModel("A", "a\n"));
      expect(await workspace.saveModel("m1", "b\n", 1, { kind: "explicit" })).toMatchObject({
        ok: true,
      });
      adapter.failNext(1, "quota");
      expect(await workspace.saveModel("m1", "c\n", 2, { kind: "explicit" })).toMatchObject({
        code: PersistCodes.storageFull,
      });
      expect(await workspace.saveModel("m1", "c\n", 1, { kind: "explicit" })).toMatchObject({
        reason: "conflict",
      });
      await waitFor(heard, 2);
      await new Promise((r) => setTimeout(r, 20));
      expect(heard).toEqual([
        { kind: "workspace-changed" },
        { kind: "model-saved", modelId: "m1", rev: 2 },
      ]);
    } finally {
      unsubscribe();
      senderTab.close();
      otherTab.close();
    }
  });

  it("decodeMessage ignores anything that is not a workspace message", () => {
    expect(decodeMessage({ kind: "model-saved", modelId: "m1", rev: 3 })).toEqual({
      kind: "model-saved",
      modelId: "m1",
      rev: 3,
    });
    expect(decodeMessage({ kind: "model-saved", modelId: 1, rev: 3 })).toBeNull();
    expect(decodeMessage({ kind: "evil", __proto__: {} })).toBeNull();
    expect(decodeMessage("model-saved")).toBeNull();
    expect(decodeMessage(null)).toBeNull();
  });

  it("a notifier that throws does not turn a committed save into a failure", async () => {
    const throwing = {
      post: () => {
        throw new Error("channel closed");
      },
      subscribe: () => () => undefined,
      close: () => undefined,
    };
    const workspace = new Workspace(new FakeStorageAdapter(new FakeDisk()), {
      now: () => 1,
      newId: makeIds(),
      notifier: throwing,
    });
    value(await workspace.createModel("A", "a\n"));
    expect(await workspace.saveModel("m1", "b\n", 1, { kind: "autosave" })).toMatchObject({
      ok: true,
      rev: 2,
    });
  });
});

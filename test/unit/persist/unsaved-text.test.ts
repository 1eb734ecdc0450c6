// Issue 16: nothing a user typed is ever lost. Importing a file or opening another model used to
// replace the open model's unsaved text without a word after a conflicting or failed save; the
// worker's storage events (P4) never reached the screen. Through the store, the service and the
// workspace over the fault-injecting fake.
import { createRoot } from "solid-js";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { FakeDisk } from "../../../src/persist";
import type { StorageEventDto } from "../../../src/protocol";
import { createWorkbenchStore, Timing, type StoreHost } from "../../../src/ui/stores";
import { makeWorker, settle, starterText } from "./stack";

/** A tab whose questions the test answers with `answer`, and whose storage events it sends. */
function makeTab(disk: FakeDisk, answer: boolean) {
  const worker = makeWorker(disk);
  const asked: string[] = [];
  // Leaving frees the disk (the next model can be created); staying leaves it full.
  const reloads: number[] = [];
  const host: StoreHost = {
    confirm: (message) => {
      asked.push(message);
      if (answer) worker.adapter.failNextCommit("quota", 0);
      return answer;
    },
    reload: () => reloads.push(1),
  };
  let send: (event: StorageEventDto) => void = () => undefined;
  const caller = {
    ...worker.caller,
    onStorageEvent: (listener: (event: StorageEventDto) => void) => {
      send = listener;
    },
  };
  return createRoot((dispose) => {
    const [state, actions] = createWorkbenchStore(caller, host);
    return {
      ...worker,
      state,
      actions,
      dispose,
      asked,
      reloads,
      send: (e: StorageEventDto) => send(e),
    };
  });
}

const mine = `${starterText}# mine, never saved\n`;
const modelFile = (text: string) =>
  new File([new TextEncoder().encode(text)], "imported.precept", { type: "text/plain" });

describe("Issue 16: another model never replaces unsaved text without keeping it", () => {
  it("unsaved text is saved before a file is imported", async () => {
    const tab = makeTab(new FakeDisk(), false);
    await tab.actions.start();
    await settle();
    const id = tab.state.model?.id ?? "";
    tab.actions.setText(mine);
    expect(tab.actions.hasUnsavedText()).toBe(true);
    await tab.actions.importFile(modelFile(`${starterText}# imported\n`));
    await settle();
    expect(tab.state.model?.id).not.toBe(id);
    const reopened = await tab.workspace.openModel(id);
    expect(reopened.ok && reopened.value.text).toBe(mine);
    expect(tab.asked).toEqual([]);
    tab.dispose();
  });

  for (const how of ["conflict", "failed"] as const) {
    it(`after a ${how} save, importing a file keeps the text as a draft and says where it is`, async () => {
      const disk = new FakeDisk();
      const tab = makeTab(disk, false);
      await tab.actions.start();
      await settle();
      const id = tab.state.model?.id ?? "";
      if (how === "conflict") {
        const other = makeWorker(disk, "o");
        await other.workspace.saveModel(id, `${starterText}# theirs\n`, 1, { kind: "explicit" });
      }
      tab.actions.setText(mine);
      await settle();
      // The save fails, and so does the retry when leaving: the draft is what keeps the text.
      if (how === "failed") tab.adapter.failNextCommit("quota", 2);
      await tab.actions.saveNow();
      expect(tab.state.save.kind).toBe(how);
      await tab.actions.importFile(modelFile(`${starterText}# imported\n`));
      await settle();
      expect(tab.state.text).toContain("# imported");
      expect(tab.asked).toEqual([]);
      const told = tab.state.notices.find((n) => n.text.includes("kept as a draft"));
      expect(told?.action?.label).toMatch(/^Open/);
      // The notice's button goes back, and the draft is offered there.
      told?.action?.run();
      await settle();
      expect(tab.state.model?.id).toBe(id);
      const offer = tab.state.notices.find((n) => n.action?.label === "Restore them");
      offer?.action?.run();
      await settle();
      expect(tab.state.text).toBe(mine);
      tab.dispose();
    });
  }

  for (const answer of [false, true]) {
    it(`when neither a save nor a draft can be stored, the user is asked (${answer ? "leave" : "stay"})`, async () => {
      const tab = makeTab(new FakeDisk(), answer);
      await tab.actions.start();
      await settle();
      const id = tab.state.model?.id ?? "";
      // A full disk: the save, the retry and the draft all fail.
      tab.adapter.failNextCommit("quota", 1_000);
      tab.actions.setText(mine);
      await tab.actions.saveNow();
      expect(tab.state.save.kind).toBe("failed");
      await tab.actions.create("Something else");
      await settle();
      expect(tab.asked).toHaveLength(1);
      expect(tab.asked[0]).toContain("could not be saved or kept");
      if (answer) {
        expect(tab.state.model?.id).not.toBe(id);
      } else {
        expect(tab.state.model?.id).toBe(id);
        expect(tab.state.text).toBe(mine);
        expect(tab.actions.hasUnsavedText()).toBe(true);
      }
      tab.dispose();
    });
  }
});

describe("P4: what the worker's storage connection reports reaches the screen", () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("versionchange: the tab says it can no longer save, offers Reload, and stops autosaving", async () => {
    const tab = makeTab(new FakeDisk(), false);
    await tab.actions.start();
    await settle();
    tab.actions.setText(mine);
    tab.send({ kind: "versionchange" });
    expect(tab.state.save.kind).toBe("failed");
    const notice = tab.state.notices.find((n) => n.text.includes("updated in another tab"));
    expect(notice?.tone).toBe("error");
    notice?.action?.run();
    expect(tab.reloads).toHaveLength(1);
    // No autosave is attempted on a closed connection; the text stays unsaved and says so.
    await vi.advanceTimersByTimeAsync(Timing.autosaveDebounce * 2);
    expect(tab.state.save.kind).toBe("failed");
    expect(tab.actions.hasUnsavedText()).toBe(true);
    tab.dispose();
  });

  it("blocked: a notice asks to close the other tabs if the workspace has not opened by then", async () => {
    const tab = makeTab(new FakeDisk(), false);
    tab.send({ kind: "blocked" });
    await vi.advanceTimersByTimeAsync(Timing.blockedNoticeAfter + 1);
    expect(tab.state.notices.some((n) => n.text.includes("Close the other Precept tabs"))).toBe(
      true,
    );
    tab.dispose();
  });

  it("blocked only briefly (the old tab closed on request): no notice", async () => {
    const tab = makeTab(new FakeDisk(), false);
    tab.send({ kind: "blocked" });
    await tab.actions.start();
    await vi.advanceTimersByTimeAsync(Timing.blockedNoticeAfter + 1);
    expect(tab.state.notices.some((n) => n.text.includes("Close the other"))).toBe(false);
    tab.dispose();
  });
});

// P18 (reliability.md): history you can trust. Every explicit save is an append-only version;
// restoring creates a new version and can be undone; pruning follows a documented rule that keeps
// named versions, and runs after autosaves; crash drafts are kept apart from the saved versions,
// and a tab that dies with unsaved text leaves a draft that is offered when the model is reopened.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { FakeDisk, Limits, autosavesToPrune } from "../../../src/persist";
import { makeTab, makeWorker, settle, starterText } from "./stack";
import { makeFakeWorkspace, value } from "./support";

const text = (n: number) => `x = ${n.toString()}\ny = 2\n`;

describe("P18: history you can trust", () => {
  it("restore, then undo the restore: each is a new version and nothing is deleted", async () => {
    const { workspace } = makeFakeWorkspace();
    value(await workspace.createModel("Budget", text(1)));
    for (let rev = 1; rev < 3; rev++)
      await workspace.saveModel("m1", text(rev + 1), rev, { kind: "explicit" });
    const byRev = new Map(value(await workspace.listVersions("m1")).map((v) => [v.rev, v.id]));
    // Restore rev 1 on top of rev 3, then undo by restoring rev 3, the version shown before.
    expect(await workspace.restoreVersion("m1", byRev.get(1) ?? 0, 3)).toMatchObject({ rev: 4 });
    expect(value(await workspace.openModel("m1")).text).toBe(text(1));
    expect(await workspace.restoreVersion("m1", byRev.get(3) ?? 0, 4)).toMatchObject({ rev: 5 });
    expect(value(await workspace.openModel("m1")).text).toBe(text(3));
    const versions = value(await workspace.listVersions("m1"));
    const texts = [];
    for (const v of [...versions].reverse())
      texts.push(value(await workspace.readVersion("m1", v.id)));
    expect(texts).toEqual([text(1), text(2), text(3), text(1), text(3)]);
  });

  it("the prune rule keeps named versions, explicit saves and the current one, and the newest autosaves", () => {
    // Rev 1 explicit (the first version), revs 2..41 autosaves with rev 5 named, rev 42 explicit.
    const versions = [
      { id: 1, rev: 1, kind: "explicit" },
      ...Array.from({ length: 40 }, (_, i) => ({
        id: i + 2,
        rev: i + 2,
        kind: "autosave",
        ...(i + 2 === 5 ? { label: "Cabinet" } : {}),
      })),
      { id: 42, rev: 42, kind: "explicit" },
    ];
    // Unnamed autosaves: revs 2..41 except 5 = 39; the newest 30 stay (revs 12..41); 9 go.
    expect(autosavesToPrune(versions, 42, 30)).toEqual([11, 10, 9, 8, 7, 6, 4, 3, 2]);
    // The current revision is kept even when it is an old autosave.
    expect(autosavesToPrune(versions, 3, 30)).not.toContain(3);
    expect(Limits.keepAutosaves).toBe(30);
  });

  it("pruneAutosaves applies the rule and keeps a named autosave", async () => {
    const { workspace } = makeFakeWorkspace();
    value(await workspace.createModel("Budget", text(0)));
    for (let rev = 1; rev <= 35; rev++)
      await workspace.saveModel("m1", text(rev), rev, { kind: "autosave" });
    const named = value(await workspace.listVersions("m1")).find((v) => v.rev === 3);
    value(await workspace.labelVersion("m1", named?.id ?? 0, "Before the cut"));
    // Revs 2..35 are unnamed autosaves but for rev 3, rev 36 is current: 33 candidates, 3 go.
    expect(value(await workspace.pruneAutosaves("m1"))).toBe(3);
    const revs = value(await workspace.listVersions("m1")).map((v) => v.rev);
    expect(revs.slice(-3)).toEqual([6, 3, 1]);
    expect(revs).toHaveLength(33);
  });

  it("the worker prunes after every autosave, so history stays bounded", async () => {
    const { service, workspace } = makeWorker(new FakeDisk());
    const startup = await service.start();
    if (!startup.ok) throw new Error(startup.message);
    const id = startup.value.open.model.id;
    let rev = startup.value.open.model.rev;
    for (let i = 1; i <= 35; i++) {
      const saved = await service.save(id, `${starterText}# ${i.toString()}\n`, rev, {
        kind: "autosave",
      });
      if (!saved.ok || !saved.value.ok) throw new Error("save failed");
      rev = saved.value.rev;
    }
    // Rev 1 (created) + the newest 30 earlier autosaves (revs 6..35) + the current rev 36.
    const revs = value(await workspace.listVersions(id)).map((v) => v.rev);
    expect(revs).toHaveLength(32);
    expect(revs.slice(-2)).toEqual([6, 1]);
  });

  it("drafts are kept apart from versions: typing writes a draft, never a version", async () => {
    const { service, workspace } = makeWorker(new FakeDisk());
    const startup = await service.start();
    if (!startup.ok) throw new Error(startup.message);
    const id = startup.value.open.model.id;
    await service.evaluate(1, startup.value.open.text);
    await service.evaluate(2, `${starterText}# typing\n`);
    await settle();
    expect(value(await workspace.listVersions(id))).toHaveLength(1);
    expect(value(await workspace.openModel(id))).toMatchObject({ rev: 1, text: starterText });
    expect(value(await workspace.readDraft(id))).toMatchObject({
      text: `${starterText}# typing\n`,
      baseRev: 1,
    });
    // Saving that text makes the draft obsolete: it is deleted and not offered again.
    await service.save(id, `${starterText}# typing\n`, 1, { kind: "autosave" });
    expect(value(await workspace.readDraft(id))).toBeNull();
    const reopened = await service.openModel(id);
    expect(reopened.ok && reopened.value.draft).toBeUndefined();
  });

  it("a draft already saved by a later save is not offered, but one overtaken by another tab is", async () => {
    const { workspace } = makeFakeWorkspace();
    value(await workspace.createModel("Budget", text(1)));
    value(await workspace.writeDraft("m1", text(2), 1));
    // Saved as rev 2 (the draft was not cleaned up), then rev 3: the draft was saved.
    await workspace.saveModel("m1", text(2), 1, { kind: "autosave" });
    await workspace.saveModel("m1", text(3), 2, { kind: "autosave" });
    expect(value(await workspace.readDraft("m1"))).toBeNull();
    // A draft typed on rev 3 that another tab overtook with different text is still unsaved work.
    value(await workspace.writeDraft("m1", text(4), 3));
    await workspace.saveModel("m1", text(5), 3, { kind: "explicit" });
    expect(value(await workspace.readDraft("m1"))).toMatchObject({ text: text(4), baseRev: 3 });
  });
});

describe("P18: a crash at every operation N while typing and autosaving", () => {
  it("leaves the typed text saved, or offered as a draft, or (before the draft committed) the old text; never a saved text offered again", async () => {
    const typed = `${starterText}# typed\n`;
    const run = async (crashAt: number | null) => {
      const disk = new FakeDisk();
      const seed = makeWorker(disk, "s");
      const created = value(await seed.workspace.createModel("Budget", starterText));
      const worker = makeWorker(disk, "w");
      await worker.service.openModel(created.id);
      const before = worker.adapter.ops;
      if (crashAt !== null) worker.adapter.crashAfterNext(crashAt);
      await worker.service.evaluate(1, typed);
      await settle();
      await worker.service.save(created.id, typed, 1, { kind: "autosave" });
      await settle();
      const ops = worker.adapter.ops - before;
      const reopened = await makeWorker(disk, "r").service.openModel(created.id);
      if (!reopened.ok) throw new Error(reopened.message);
      return { ops, text: reopened.value.text, draft: reopened.value.draft?.text };
    };
    const { ops: total } = await run(null);
    expect(total).toBeGreaterThan(10);
    const outcomes = new Set<string>();
    for (let n = 1; n <= total; n++) {
      const { text, draft } = await run(n);
      if (text === typed) {
        expect({ n, draft }).toEqual({ n, draft: undefined });
        outcomes.add("saved");
      } else {
        expect({ n, text }).toEqual({ n, text: starterText });
        outcomes.add(draft === typed ? "offered" : "lost before the draft committed");
        if (draft !== undefined) expect(draft).toBe(typed);
      }
    }
    expect([...outcomes].sort()).toEqual(["lost before the draft committed", "offered", "saved"]);
  });
});

describe("P18: what the user sees", () => {
  beforeEach(() => {
    vi.useFakeTimers(); // the autosave never fires: the tab dies first
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("a tab that dies before saving leaves a draft that is offered on reopen, and restoring it saves it", async () => {
    const disk = new FakeDisk();
    const first = makeTab(disk);
    await first.actions.start();
    await settle();
    const typed = `${first.state.text}# typed just before the crash\n`;
    first.actions.setText(typed);
    await settle();
    expect(first.state.save.kind).toBe("unsaved");
    // Killed: its pending autosave never runs, nothing is cleaned up.
    vi.clearAllTimers();
    first.adapter.close();
    first.dispose();

    const second = makeTab(disk, "n");
    await second.actions.start();
    await settle();
    expect(second.state.text).toBe(starterText);
    const offer = second.state.notices.find((n) => n.action?.label === "Restore them");
    expect(offer?.text).toContain("unsaved changes");
    // The offer stays until the user acts on it.
    await vi.advanceTimersByTimeAsync(60_000);
    expect(second.state.notices).toContainEqual(offer);
    offer?.action?.run();
    await settle();
    expect(second.state.text).toBe(typed);
    expect(second.state.save.kind).toBe("saved");
    expect(second.state.model?.rev).toBe(2);
    const id = second.state.model?.id ?? "";
    expect(value(await second.workspace.openModel(id)).text).toBe(typed);
    second.dispose();

    // Once restored, the draft is not offered again.
    const third = makeTab(disk, "o");
    await third.actions.start();
    await settle();
    expect(third.state.notices.filter((n) => n.action?.label === "Restore them")).toEqual([]);
    expect(third.state.text).toBe(typed);
    third.dispose();
  });

  // Issue 16: leaving a model after a failed or conflicting save used to drop its unsaved text.
  for (const how of ["failed", "conflict"] as const) {
    it(`text left behind after a ${how} save is offered when the model is opened again`, async () => {
      const disk = new FakeDisk();
      const tab = makeTab(disk);
      await tab.actions.start();
      await settle();
      const id = tab.state.model?.id ?? "";
      const mine = `${starterText}# mine, never saved\n`;
      if (how === "conflict") {
        // Another tab saves first.
        const other = makeWorker(disk, "o");
        await other.workspace.saveModel(id, `${starterText}# theirs\n`, 1, { kind: "explicit" });
      }
      tab.actions.setText(mine);
      await settle();
      // Two: the save, and its retry when leaving the model (the draft then keeps the text).
      if (how === "failed") tab.adapter.failNextCommit("quota", 2);
      await tab.actions.saveNow();
      expect(tab.state.save.kind).toBe(how);
      await tab.actions.create("Something else");
      await settle();
      expect(tab.state.text).not.toBe(mine);
      await tab.actions.open(id);
      await settle();
      const offer = tab.state.notices.find((n) => n.action?.label === "Restore them");
      expect(offer).toBeDefined();
      offer?.action?.run();
      await settle();
      expect(tab.state.text).toBe(mine);
      tab.dispose();
    });
  }

  it("restoring a version offers Undo, which brings back the text shown before", async () => {
    const tab = makeTab(new FakeDisk());
    await tab.actions.start();
    await settle();
    const edited = `${starterText}# edited\n`;
    tab.actions.setText(edited);
    await settle();
    await tab.actions.saveNow();
    await settle();
    const first = tab.state.versions.find((v) => v.rev === 1);
    await tab.actions.restoreVersion(first?.id ?? 0);
    await settle();
    expect(tab.state.text).toBe(starterText);
    const undo = tab.state.notices.find((n) => n.action?.label === "Undo");
    undo?.action?.run();
    await settle();
    expect(tab.state.text).toBe(edited);
    expect(tab.state.model?.rev).toBe(4);
    expect(tab.state.versions.map((v) => v.rev)).toEqual([4, 3, 2, 1]);
    tab.dispose();
  });
});

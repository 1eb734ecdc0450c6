// P9 (reliability.md): an empty or degraded state never overwrites a good backup or snapshot.
// The saved model (the snapshot) and the crash draft (the automatic backup of unsaved text) both
// refuse to let an empty or near-empty text replace a substantial one without a confirm, and the
// draft is a two-generation ring, so no single write replaces the only good copy.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { FakeDisk, Limits, PersistCodes } from "../../../src/persist";
import { makeTab, makeWorker, settle } from "./stack";
import { makeFakeWorkspace, modelText, value } from "./support";

// Worked out from the rule: a model of 5 or more non-blank lines is substantial; 0 or 1 is
// near-empty. These are the boundaries the constants below must keep.
const five = modelText(5);
const cases: [string, string, string, boolean, boolean][] = [
  ["5 lines → 1 line", five, "x = 1\n", false, false],
  ["5 lines → empty", five, "", false, false],
  ["5 lines → blank lines only", five, "  \n\n\t\n", false, false],
  ["5 lines → 2 lines", five, "x = 1\ny = 2\n", false, true],
  ["4 lines → empty", modelText(4), "", false, true],
  ["5 lines → empty, confirmed", five, "", true, true],
];

describe("P9: an empty or degraded state never overwrites a good backup or snapshot", () => {
  it("uses the documented thresholds", () => {
    expect([Limits.substantialLines, Limits.nearEmptyLines]).toEqual([5, 1]);
  });

  it.each(cases)("saving the model: %s", async (_name, from, to, confirmEmpty, allowed) => {
    const { workspace } = makeFakeWorkspace();
    value(await workspace.createModel("Budget", from));
    const result = await workspace.saveModel("m1", to, 1, { kind: "autosave", confirmEmpty });
    const after = value(await workspace.openModel("m1"));
    const versions = value(await workspace.listVersions("m1"));
    if (allowed) {
      expect(result).toMatchObject({ ok: true, rev: 2 });
      expect(after.text).toBe(to);
    } else {
      expect(result).toMatchObject({ ok: false, code: PersistCodes.emptyReplace });
      expect(after).toMatchObject({ text: from, rev: 1 });
      expect(versions).toHaveLength(1);
    }
  });

  it("restoring an empty version over a substantial model needs the confirm too", async () => {
    const { workspace } = makeFakeWorkspace();
    value(await workspace.createModel("Budget", ""));
    expect(await workspace.saveModel("m1", modelText(8), 1, { kind: "explicit" })).toMatchObject({
      ok: true,
    });
    const empty = value(await workspace.listVersions("m1")).find((v) => v.rev === 1);
    expect(await workspace.restoreVersion("m1", empty?.id ?? 0, 2)).toMatchObject({
      ok: false,
      code: PersistCodes.emptyReplace,
    });
    expect(
      await workspace.restoreVersion("m1", empty?.id ?? 0, 2, { confirmEmpty: true }),
    ).toMatchObject({ ok: true, rev: 3 });
  });

  it.each(cases.filter(([, , , confirm]) => !confirm))(
    "the crash draft: %s over the saved model",
    async (_name, from, to, _confirm, allowed) => {
      const { workspace } = makeFakeWorkspace();
      value(await workspace.createModel("Budget", from));
      const result = await workspace.writeDraft("m1", to, 1);
      if (allowed) expect(result).toMatchObject({ ok: true, value: "written" });
      else {
        expect(result).toMatchObject({ ok: false, code: PersistCodes.emptyReplace });
        expect(value(await workspace.readDraft("m1"))).toBeNull();
      }
    },
  );

  it("the crash draft is a two-generation ring, and an empty draft never replaces a good one", async () => {
    const { workspace } = makeFakeWorkspace();
    value(await workspace.createModel("Budget", "a = 1\n"));
    const [a, b, c] = [modelText(6, "a"), modelText(7, "b"), modelText(8, "c")];
    expect(value(await workspace.writeDraft("m1", a, 1))).toBe("written");
    expect(value(await workspace.writeDraft("m1", b, 1))).toBe("written");
    expect(value(await workspace.readDraft("m1"))).toMatchObject({
      text: b,
      previous: { text: a },
    });
    // The model itself is near-empty, but the draft is substantial: an empty draft is refused.
    expect(await workspace.writeDraft("m1", "", 1)).toMatchObject({
      ok: false,
      code: PersistCodes.emptyReplace,
    });
    expect(await workspace.writeDraft("m1", "x\n", 1)).toMatchObject({ ok: false });
    expect(value(await workspace.readDraft("m1"))).toMatchObject({
      text: b,
      previous: { text: a },
    });
    // A good draft pushes out the oldest generation only.
    expect(value(await workspace.writeDraft("m1", c, 1))).toBe("written");
    expect(value(await workspace.readDraft("m1"))).toMatchObject({
      text: c,
      previous: { text: b },
    });
  });

  it("an editor that goes empty in the worker leaves the last good draft to be offered", async () => {
    const disk = new FakeDisk();
    const first = makeWorker(disk);
    const startup = await first.service.start();
    if (!startup.ok) throw new Error(startup.message);
    const id = startup.value.open.model.id;
    const good = `${startup.value.open.text}# kept\n`;
    await first.service.evaluate(1, good);
    await settle();
    await first.service.evaluate(2, "");
    await settle();
    // The tab dies; a new one opens the model.
    const second = makeWorker(disk, "n");
    const reopened = await second.service.openModel(id);
    expect(reopened.ok && reopened.value.draft?.text).toBe(good);
  });
});

describe("P9: what the user sees", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("saving an emptied editor over a substantial model fails visibly and keeps the model", async () => {
    const tab = makeTab(new FakeDisk());
    await tab.actions.start();
    await settle();
    const original = tab.state.text;
    tab.actions.setText("");
    await settle();
    await tab.actions.saveNow();
    expect(tab.state.save).toMatchObject({ kind: "failed" });
    expect(tab.state.notices.at(-1)?.text).toContain("Confirm to save it anyway");
    expect(value(await tab.workspace.openModel(tab.state.model?.id ?? ""))).toMatchObject({
      text: original,
      rev: 1,
    });
    // The notice offers the confirm; only then does the empty text replace the model.
    const confirm = tab.state.notices.at(-1)?.action;
    expect(confirm?.label).toBe("Save anyway");
    confirm?.run();
    await settle();
    expect(tab.state.save.kind).toBe("saved");
    expect(value(await tab.workspace.openModel(tab.state.model?.id ?? ""))).toMatchObject({
      text: "",
      rev: 2,
    });
    // The model's earlier text stays in the history.
    expect(value(await tab.workspace.listVersions(tab.state.model?.id ?? ""))).toHaveLength(2);
    tab.dispose();
  });

  it("other failures offer no confirm", async () => {
    const tab = makeTab(new FakeDisk());
    await tab.actions.start();
    await settle();
    tab.actions.setText(`${tab.state.text}# more\n`);
    await settle();
    tab.adapter.failNextCommit("quota");
    await tab.actions.saveNow();
    expect(tab.state.save.kind).toBe("failed");
    expect(tab.state.notices.at(-1)?.action).toBeUndefined();
    tab.dispose();
  });
});

// Random sequences of workspace operations against a simple in-memory model of what the user
// should see: one model "m1" being edited, plus "m2" (named "B") whose name m1 may not take.
import "fake-indexeddb/auto";
import { IDBFactory } from "fake-indexeddb";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  FakeDisk,
  FakeStorageAdapter,
  IdbStorageAdapter,
  PersistCodes,
  Workspace,
  type StorageAdapter,
} from "../../src/persist";

type Command =
  | { kind: "save"; text: string; explicit: boolean; label: string | null; confirm: boolean }
  | { kind: "stale"; text: string }
  | { kind: "restore"; pick: number }
  | { kind: "label"; pick: number; label: string }
  | { kind: "rename"; name: string }
  | { kind: "delete" }
  | { kind: "undo" }
  | { kind: "prune"; keep: number };

const substantial = "a = 1\nb = 2\nc = 3\nd = 4\ne = 5\n";
const texts = ["", "x = 1\n", "x = 1\ny = 2\n", substantial, `${substantial}f = 6\n`, "  \n"];
const command: fc.Arbitrary<Command> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant("save" as const),
      text: fc.constantFrom(...texts),
      explicit: fc.boolean(),
      label: fc.option(fc.constantFrom("Budget", "Q2", " "), { nil: null }),
      confirm: fc.boolean(),
    }),
  },
  fc.record({ kind: fc.constant("stale" as const), text: fc.constantFrom(...texts) }),
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("restore" as const), pick: fc.nat(20) }) },
  fc.record({
    kind: fc.constant("label" as const),
    pick: fc.nat(20),
    label: fc.constantFrom("Final", "", "Cabinet"),
  }),
  fc.record({
    kind: fc.constant("rename" as const),
    name: fc.constantFrom("A", "B", "b", "Plan", " "),
  }),
  fc.record({ kind: fc.constant("delete" as const) }),
  fc.record({ kind: fc.constant("undo" as const) }),
  fc.record({ kind: fc.constant("prune" as const), keep: fc.nat(4) }),
);

interface ExpectedVersion {
  rev: number;
  text: string;
  label: string | null;
}
interface Expected {
  name: string;
  text: string;
  rev: number;
  live: boolean;
  versions: ExpectedVersion[];
}

const nonBlank = (t: string) => t.split("\n").filter((l) => l.trim() !== "").length;
// P9, stated independently of the implementation: 5+ lines may not become 0 or 1 line unconfirmed.
const degrades = (from: string, to: string) => nonBlank(from) >= 5 && nonBlank(to) <= 1;

/** Applies a save of `text` at the current rev to the expected state; returns the expected code. */
function expectSave(
  state: Expected,
  text: string,
  label: string | null,
  confirm: boolean,
): string | null {
  if (!state.live) return PersistCodes.notFound;
  const trimmed = label?.trim() === "" ? null : (label?.trim() ?? null);
  if (text === state.text && trimmed === null) return null;
  if (!confirm && degrades(state.text, text)) return PersistCodes.emptyReplace;
  state.rev += 1;
  state.text = text;
  state.versions.push({ rev: state.rev, text, label: trimmed });
  return null;
}

async function runCommands(adapter: StorageAdapter, commands: readonly Command[]): Promise<void> {
  let tick = 0;
  const ids = ["m1", "m2"];
  const workspace = new Workspace(adapter, {
    now: () => (tick += 1),
    newId: () => ids.shift() ?? "extra",
  });
  await workspace.createModel("A", "start\n");
  await workspace.createModel("B", "other\n");
  const state: Expected = {
    name: "A",
    text: "start\n",
    rev: 1,
    live: true,
    versions: [{ rev: 1, text: "start\n", label: null }],
  };
  // The revision the "editor" holds: always the last one it saw.
  const byRev = async (rev: number) => {
    const listed = await workspace.listVersions("m1");
    if (!listed.ok) throw new Error(listed.message);
    const found = listed.value.find((v) => v.rev === rev);
    if (found === undefined) throw new Error(`no version ${rev.toString()}`);
    return found.id;
  };
  for (const c of commands) {
    switch (c.kind) {
      case "save": {
        const options = {
          kind: c.explicit ? "explicit" : "autosave",
          confirmEmpty: c.confirm,
          ...(c.label === null ? {} : { label: c.label }),
        } as const;
        const result = await workspace.saveModel("m1", c.text, state.rev, options);
        const code = expectSave(state, c.text, c.label, c.confirm);
        expect(result.ok ? null : result.code).toBe(code);
        if (result.ok) expect(result.rev).toBe(state.rev);
        break;
      }
      case "stale": {
        if (state.rev === 1) break;
        const result = await workspace.saveModel("m1", c.text, state.rev - 1, { kind: "autosave" });
        if (state.live)
          expect(result).toMatchObject({
            ok: false,
            code: PersistCodes.conflict,
            current: { rev: state.rev, text: state.text },
          });
        else expect(result).toMatchObject({ ok: false, code: PersistCodes.notFound });
        break;
      }
      case "restore": {
        const target = state.versions[c.pick % state.versions.length];
        if (target === undefined) break;
        const result = await workspace.restoreVersion("m1", await byRev(target.rev), state.rev);
        const code = expectSave(state, target.text, null, false);
        expect(result.ok ? null : result.code).toBe(code);
        break;
      }
      case "label": {
        const target = state.versions[c.pick % state.versions.length];
        if (target === undefined) break;
        const result = await workspace.labelVersion("m1", await byRev(target.rev), c.label);
        expect(result.ok).toBe(true);
        target.label = c.label === "" ? null : c.label;
        break;
      }
      case "rename": {
        const result = await workspace.renameModel("m1", c.name);
        const clean = c.name.trim();
        if (!state.live) expect(result).toMatchObject({ code: PersistCodes.notFound });
        else if (clean === "" || clean.toLowerCase() === "b")
          expect(result).toMatchObject({ code: PersistCodes.badName });
        else {
          expect(result.ok).toBe(true);
          state.name = clean;
        }
        break;
      }
      case "delete":
        expect((await workspace.deleteModel("m1")).ok).toBe(true);
        state.live = false;
        break;
      case "undo":
        expect((await workspace.restoreModel("m1")).ok).toBe(true);
        state.live = true;
        break;
      case "prune": {
        const result = await workspace.pruneVersions("m1", c.keep);
        const sorted = [...state.versions].sort((a, b) => b.rev - a.rev);
        const kept = sorted.filter((v, i) => i < c.keep || v.label !== null || v.rev === state.rev);
        expect(result).toEqual({ ok: true, value: sorted.length - kept.length });
        state.versions = kept.sort((a, b) => a.rev - b.rev);
        break;
      }
    }
  }
  // The whole observable state matches the model.
  const opened = await workspace.openModel("m1");
  if (state.live)
    expect(opened).toMatchObject({
      ok: true,
      value: { name: state.name, text: state.text, rev: state.rev },
    });
  else expect(opened).toMatchObject({ ok: false, code: PersistCodes.notFound });
  const listed = await workspace.listVersions("m1");
  if (!listed.ok) throw new Error(listed.message);
  expect(listed.value.map((v) => [v.rev, v.label ?? null])).toEqual(
    [...state.versions].reverse().map((v) => [v.rev, v.label]),
  );
  for (const v of listed.value) {
    const text = await workspace.readVersion("m1", v.id);
    expect(text).toEqual({ ok: true, value: state.versions.find((e) => e.rev === v.rev)?.text });
  }
  // m2 is never touched.
  expect(await workspace.openModel("m2")).toMatchObject({
    ok: true,
    value: { name: "B", text: "other\n", rev: 1 },
  });
}

describe("workspace operations match a simple model of the expected state", () => {
  it("over the fake adapter", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { maxLength: 40 }), (commands) =>
        runCommands(new FakeStorageAdapter(new FakeDisk()), commands),
      ),
      { seed: 20260401, numRuns: 200 },
    );
  });

  it("over IndexedDB", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { maxLength: 30 }), (commands) =>
        runCommands(new IdbStorageAdapter({ factory: new IDBFactory(), now: () => 0 }), commands),
      ),
      { seed: 20260402, numRuns: 40 },
    );
  });
});

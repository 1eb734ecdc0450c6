// P3: two tabs × 50 saves. Each tab keeps its own text and revision, like an editor, and saves by
// compare-and-set; on conflict it takes the other tab's text and re-applies its own edit.
import "fake-indexeddb/auto";
import { IDBFactory } from "fake-indexeddb";
import { describe, expect, it } from "vitest";
import {
  FakeDisk,
  FakeStorageAdapter,
  IdbStorageAdapter,
  Workspace,
  type StorageAdapter,
} from "../../../src/persist";
import { value } from "./support";

const savesPerWriter = 50;

/** A small seeded generator (mulberry32) for the yields that interleave the two writers. */
function makeRandom(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function randomYield(random: () => number): Promise<void> {
  const turns = Math.floor(random() * 4);
  for (let i = 0; i < turns; i++) await new Promise((r) => setTimeout(r, 0));
}

/**
 * Appends lines `${tag}0` … `${tag}49`, one save each. With `naive`, a conflict is "resolved" by
 * saving the tab's own stale text over the newer revision: last writer wins.
 */
async function writer(
  workspace: Workspace,
  tag: string,
  random: () => number,
  naive: boolean,
): Promise<number> {
  let { text, rev } = value(await workspace.openModel("m1"));
  let conflicts = 0;
  for (let i = 0; i < savesPerWriter; i++) {
    const line = `${tag}${i.toString()}\n`;
    for (;;) {
      await randomYield(random);
      // The naive writer confirms, or P9 would refuse its stale one-line text over a longer model.
      const result = await workspace.saveModel("m1", text + line, rev, {
        kind: "autosave",
        confirmEmpty: naive,
      });
      if (result.ok) {
        text += line;
        rev = result.rev;
        break;
      }
      if (result.reason !== "conflict" || result.current === undefined)
        throw new Error(result.message);
      conflicts += 1;
      if (!naive) text = result.current.text;
      rev = result.current.rev;
    }
  }
  return conflicts;
}

async function race(makeAdapter: () => StorageAdapter, naive: boolean, seed: number) {
  const a = new Workspace(makeAdapter(), { now: () => 1, newId: () => "m1" });
  const b = new Workspace(makeAdapter(), { now: () => 2 });
  value(await a.createModel("Shared", ""));
  const random = makeRandom(seed);
  const [conflictsA, conflictsB] = await Promise.all([
    writer(a, "A", random, naive),
    writer(b, "B", random, naive),
  ]);
  const final = value(await a.openModel("m1"));
  const lines = final.text.split("\n").filter((l) => l !== "");
  return {
    lines,
    rev: final.rev,
    conflicts: conflictsA + conflictsB,
    versions: value(await a.listVersions("m1")).length,
  };
}

const backends: [string, () => () => StorageAdapter][] = [
  [
    "IndexedDB (two connections)",
    () => {
      const factory = new IDBFactory();
      return () => new IdbStorageAdapter({ factory, now: () => 0 });
    },
  ],
  [
    "the fake (two connections to one disk)",
    () => {
      const disk = new FakeDisk();
      return () => new FakeStorageAdapter(disk);
    },
  ],
];

describe.each(backends)("two writers over %s", (_name, makeBackend) => {
  it("compare-and-set keeps all 100 of 2 × 50 interleaved saves", async () => {
    const { lines, rev, conflicts, versions } = await race(makeBackend(), false, 20260401);
    const expected = [
      ...Array.from({ length: 50 }, (_, i) => `A${i.toString()}`),
      ...Array.from({ length: 50 }, (_, i) => `B${i.toString()}`),
    ];
    expect([...lines].sort()).toEqual([...expected].sort());
    // Rev 1 is the creation; each of the 100 saves adds exactly one revision and one version.
    expect(rev).toBe(101);
    expect(versions).toBe(101);
    // The writers really did collide, so compare-and-set was exercised.
    expect(conflicts).toBeGreaterThan(0);
  });

  it("the same race with last-writer-wins loses updates, so the count above can fail", async () => {
    const { lines } = await race(makeBackend(), true, 20260401);
    expect(lines.length).toBeLessThan(100);
  });
});

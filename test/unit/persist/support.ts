import { FakeDisk, FakeStorageAdapter, Workspace } from "../../../src/persist";

/** A clock that advances by one second on every read, starting at 2025-04-01T00:00:00Z. */
export function makeClock(start = Date.UTC(2025, 3, 1)): () => number {
  let t = start - 1000;
  return () => (t += 1000);
}

/** Ids "m1", "m2", … */
export function makeIds(prefix = "m"): () => string {
  let n = 0;
  return () => `${prefix}${(n += 1).toString()}`;
}

/** A workspace over a fresh fake disk. */
export function makeFakeWorkspace(disk = new FakeDisk()): {
  disk: FakeDisk;
  adapter: FakeStorageAdapter;
  workspace: Workspace;
} {
  const now = makeClock();
  const adapter = new FakeStorageAdapter(disk, {}, now);
  return { disk, adapter, workspace: new Workspace(adapter, { now, newId: makeIds() }) };
}

/** A model text of `lines` non-blank lines. */
export function modelText(lines: number, tag = "x"): string {
  return (
    Array.from({ length: lines }, (_, i) => `${tag}_${i.toString()} = ${i.toString()}`).join("\n") +
    "\n"
  );
}

/** Unwraps an ok result or fails the test with the failure's message. */
export function value<T>(result: { ok: true; value: T } | { ok: false; message: string }): T {
  if (!result.ok) throw new Error(`expected ok, got: ${result.message}`);
  return result.value;
}

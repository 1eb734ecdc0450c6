// What a loaded session's heap holds, by object kind: writes a V8 heap snapshot after one load and
// sums the objects' own sizes by constructor name. Usage:
//   node --expose-gc --import tsx bench/tools/heap-classes.ts chain:5000 [top]
import { readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { writeHeapSnapshot } from "node:v8";
import type * as EngineApi from "../../src/engine";
import { engineBundle, ensureEngineBundle } from "../lib/engine-bundle";
import { workloadFromId } from "../lib/registry";

interface HeapSnapshot {
  readonly snapshot: { readonly meta: { readonly node_fields: readonly string[] } };
  readonly nodes: readonly number[];
  readonly strings: readonly string[];
}

await ensureEngineBundle();
const { createEngine } = (await import(pathToFileURL(engineBundle).href)) as typeof EngineApi;
const workload = workloadFromId(process.argv[2] ?? "chain:5000");
const top = Number(process.argv[3] ?? 25);
const engine = createEngine();
engine.update(workload.preceptText(new Map()));
const file = writeHeapSnapshot(join(tmpdir(), `precept-${process.pid}.heapsnapshot`));
const heap = JSON.parse(readFileSync(file, "utf8")) as HeapSnapshot;
rmSync(file);
const fields = heap.snapshot.meta.node_fields;
const width = fields.length;
const nameAt = fields.indexOf("name");
const sizeAt = fields.indexOf("self_size");
const typeAt = fields.indexOf("type");
const bytes = new Map<string, { size: number; count: number }>();
let total = 0;
for (let i = 0; i < heap.nodes.length; i += width) {
  const type = heap.nodes[i + typeAt] ?? 0;
  const name = heap.strings[heap.nodes[i + nameAt] ?? 0] ?? "?";
  const key = type === 2 || type === 3 ? `(type ${type}) ${name.slice(0, 30)}` : name.slice(0, 60);
  const size = heap.nodes[i + sizeAt] ?? 0;
  total += size;
  const entry = bytes.get(key) ?? { size: 0, count: 0 };
  entry.size += size;
  entry.count++;
  bytes.set(key, entry);
}
console.log(`${workload.name}: ${(total / 2 ** 20).toFixed(1)} MiB in the heap snapshot`);
for (const [key, { size, count }] of [...bytes]
  .sort((a, b) => b[1].size - a[1].size)
  .slice(0, top)) {
  console.log(
    `${(size / 2 ** 20).toFixed(2).padStart(9)} MiB ${String(count).padStart(9)}  ${key}`,
  );
}
engine.snapshot();

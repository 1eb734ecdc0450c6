// Summarises a V8 CPU profile (from `node --cpu-prof`): self time by function and by source file.
// Usage: node --import tsx bench/tools/profile-summary.ts <file.cpuprofile> [top]
import { readFileSync } from "node:fs";

interface ProfileNode {
  readonly id: number;
  readonly callFrame: {
    readonly functionName: string;
    readonly url: string;
    readonly lineNumber: number;
  };
}
interface Profile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

const file = process.argv[2];
if (file === undefined) throw new Error("usage: profile-summary.ts <file.cpuprofile> [top]");
const top = Number(process.argv[3] ?? 25);
const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const selfByFunction = new Map<string, number>();
const selfByFile = new Map<string, number>();
let total = 0;
profile.samples.forEach((id, i) => {
  const dt = (profile.timeDeltas[i] ?? 0) / 1000;
  const frame = byId.get(id)?.callFrame;
  if (frame === undefined) return;
  total += dt;
  const where = frame.url.replace(/^.*\/work\/main\//, "").replace(/^file:\/\//, "") || "(native)";
  const fn = `${frame.functionName || "(anonymous)"} ${where}:${frame.lineNumber + 1}`;
  selfByFunction.set(fn, (selfByFunction.get(fn) ?? 0) + dt);
  const group = where.includes("node_modules/")
    ? `node_modules/${where.split("node_modules/")[1]?.split("/")[0] ?? "?"}`
    : where;
  selfByFile.set(group, (selfByFile.get(group) ?? 0) + dt);
});
const show = (title: string, map: Map<string, number>): void => {
  console.log(`\n${title} (of ${total.toFixed(0)} ms sampled)`);
  for (const [name, ms] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(
      `${ms.toFixed(0).padStart(8)} ms ${((100 * ms) / total).toFixed(1).padStart(5)}%  ${name}`,
    );
  }
};
show("self time by file or package", selfByFile);
show("self time by function", selfByFunction);

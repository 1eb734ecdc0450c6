// HyperFormula is GPL-3.0 (or commercial): Precept may use it to benchmark against, never ship it.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { dependencyClosure, packageName, walkImports } from "./import-graph";

const root = resolve(import.meta.dirname, "../../..");
const forbidden = "hyperformula";

/** The app's entry modules: the script index.html loads. Workers are reached through it. */
function appEntries(): string[] {
  const html = readFileSync(join(root, "index.html"), "utf8");
  const scripts = [...html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1] ?? "");
  return scripts.map((src) => join(root, src));
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

describe("walkImports", () => {
  it("finds a package imported two modules away from the entry, through a worker URL", () => {
    const dir = mkdtempSync(join(tmpdir(), "precept-graph-"));
    try {
      writeFileSync(join(dir, "main.ts"), 'const w = new URL("./w.ts", import.meta.url);\n');
      writeFileSync(join(dir, "w.ts"), 'export { x } from "./deep";\n');
      writeFileSync(join(dir, "deep.ts"), 'import { HyperFormula } from "hyperformula";\n');
      const graph = walkImports(dir, [join(dir, "main.ts")]);
      expect(graph.packages.get("hyperformula")).toBe(join(dir, "deep.ts"));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the app bundle never contains HyperFormula", () => {
  const graph = walkImports(root, appEntries());

  it("walks the app's whole import graph, the engine worker included", () => {
    // Known facts of the layering (ARCHITECTURE.md): the UI imports solid-js, the worker reaches
    // the engine (decimal.js) and the language (chevrotain). If the walk missed the worker or the
    // entry, these would be absent and the checks below would prove nothing.
    expect(graph.packages.has("solid-js")).toBe(true);
    expect(graph.packages.has("decimal.js")).toBe(true);
    expect(graph.packages.has("chevrotain")).toBe(true);
    expect([...graph.modules].some((m) => m.endsWith(join("workers", "engine.worker.ts")))).toBe(
      true,
    );
  });

  it("no module the app reaches imports hyperformula", () => {
    expect(graph.packages.get(forbidden)).toBeUndefined();
    const offenders = [...graph.modules].filter((m) =>
      /["']hyperformula/i.test(readFileSync(m, "utf8")),
    );
    expect(offenders).toEqual([]);
  });

  it("no package the app imports depends on hyperformula", () => {
    const closure = dependencyClosure(root, graph.packages.keys());
    expect(closure.has(forbidden)).toBe(false);
  });

  it("hyperformula is a development dependency only", () => {
    const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
      dependencies?: Record<string, string>;
    };
    expect(Object.keys(manifest.dependencies ?? {}).map(packageName)).not.toContain(forbidden);
  });

  it("a built dist/, when there is one, holds no trace of hyperformula", () => {
    const dist = join(root, "dist");
    const files = existsSync(dist) ? filesUnder(dist) : [];
    const offenders = files.filter((f) =>
      readFileSync(f, "latin1").toLowerCase().includes(forbidden),
    );
    expect(offenders).toEqual([]);
  });
});

import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

/** Every source module reachable from some entry files, and the packages they import. */
export interface ImportGraph {
  readonly modules: ReadonlySet<string>;
  /** Bare package names imported by a reachable module, with one importing module each. */
  readonly packages: ReadonlyMap<string, string>;
}

// Static `import ... from "x"`, `export ... from "x"`, `import "x"`, dynamic `import("x")` and
// workers' `new URL("x", import.meta.url)`. Type-only imports are kept: erring towards more edges
// can only make the check stricter.
const specifierPattern = /(?:\bfrom\s*|\bimport\s*\(?\s*|new\s+URL\(\s*)["']([^"'\n]+)["']/g;
const extensions = ["", ".ts", ".tsx", ".js", ".mjs", "/index.ts", "/index.tsx", "/index.js"];

function resolveFile(base: string): string | undefined {
  for (const ext of extensions) {
    const candidate = base + ext;
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

/** The package a bare specifier names: `solid-js/web` → `solid-js`, `@codemirror/view` → itself. */
export function packageName(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : (parts[0] ?? specifier);
}

/**
 * Follows imports from `entries` (absolute paths) through the project's own files. `root` resolves
 * root-relative specifiers such as "/src/app/main.tsx", as Vite does for index.html.
 */
export function walkImports(root: string, entries: readonly string[]): ImportGraph {
  const modules = new Set<string>();
  const packages = new Map<string, string>();
  const queue = [...entries];
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (modules.has(file)) continue;
    modules.add(file);
    const text = readFileSync(file, "utf8");
    for (const match of text.matchAll(specifierPattern)) {
      const specifier = (match[1] ?? "").replace(/\?.*$/, "");
      if (specifier.startsWith(".") || specifier.startsWith("/")) {
        const base = specifier.startsWith("/")
          ? join(root, specifier)
          : resolve(dirname(file), specifier);
        const target = resolveFile(base);
        if (target !== undefined && !target.includes("node_modules")) queue.push(target);
      } else if (!specifier.startsWith("node:") && !packages.has(packageName(specifier))) {
        packages.set(packageName(specifier), file);
      }
    }
  }
  return { modules, packages };
}

/** The runtime dependency closure of some packages, read from their installed package.json files. */
export function dependencyClosure(root: string, names: Iterable<string>): Set<string> {
  const seen = new Set<string>();
  const queue = [...names];
  for (let name = queue.pop(); name !== undefined; name = queue.pop()) {
    if (seen.has(name)) continue;
    seen.add(name);
    const manifest = join(root, "node_modules", name, "package.json");
    if (!existsSync(manifest)) continue;
    const json = JSON.parse(readFileSync(manifest, "utf8")) as {
      dependencies?: Record<string, string>;
      peerDependencies?: Record<string, string>;
    };
    queue.push(
      ...Object.keys(json.dependencies ?? {}),
      ...Object.keys(json.peerDependencies ?? {}),
    );
  }
  return seen;
}

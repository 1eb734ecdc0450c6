// Precept's engine as the app ships it: src/engine bundled by Vite (the production toolchain), not
// transpiled file by file by tsx, whose `keepNames` wraps every function expression in a naming
// call that the parser's many small closures pay for on every parse. HyperFormula is likewise
// loaded from its published build.
import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const outDir = join(root, "node_modules", ".cache", "precept-bench");
/** The engine bundle (src/engine/index.ts), under node_modules/.cache, which git ignores. */
export const engineBundle = join(outDir, "engine.mjs");
/** The language bundle (src/lang/index.ts), for timing the phases of an update one by one. */
export const langBundle = join(outDir, "lang.mjs");

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile())
      newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** Builds the engine bundle unless it is newer than every file under src/. */
export async function ensureEngineBundle(): Promise<void> {
  const built = [engineBundle, langBundle].map((f) => (existsSync(f) ? statSync(f).mtimeMs : 0));
  if (Math.min(...built) > newestSource(join(root, "src"))) return;
  const { build } = await import("vite");
  await build({
    configFile: false,
    root,
    publicDir: false,
    logLevel: "warn",
    build: {
      outDir,
      emptyOutDir: true,
      minify: false,
      sourcemap: false,
      target: "es2022",
      lib: {
        entry: {
          engine: join(root, "src", "engine", "index.ts"),
          lang: join(root, "src", "lang", "index.ts"),
        },
        formats: ["es"],
        fileName: (_format, name) => `${name}.mjs`,
      },
      rolldownOptions: { external: ["decimal.js", "chevrotain"] },
    },
  });
}

/**
 * The hostile-file corpus through the CLI (issue 11; reliability.md P10, P16, P17): `precept check`
 * on each file of test/fixtures/hostile ends in exit 1 or 2 (as the corpus says), prints a stable
 * diagnostic code, and does so within the bound: never exit 0, never 70, never a stack trace,
 * never a hang or an exhausted heap.
 */
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allDiagnosticCodes } from "../../src/lang";
import { bytesOf, hostileFiles, isCommitted, type HostileFile } from "../fixtures/hostile/corpus";

/** The bound on one CLI run (start-up included, on a loaded 2-core machine) and its heap. */
const HostileLimits = {
  cliMs: 120_000,
  heapMb: 1_024,
  /** CLI processes at a time (2 cores shared with other work). */
  parallel: 2,
  /** Output kept for the assertions; the rest is counted, not stored. */
  keptOutputChars: 200_000,
} as const;

const corpusDir = join(import.meta.dirname, "../fixtures/hostile");
const codePattern = /\bP\d{4}\b/g;
const catalog: ReadonlySet<string> = new Set(allDiagnosticCodes);
let generatedDir = "";

interface CliRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly output: string;
  readonly ms: number;
  readonly timedOut: boolean;
}

let running = 0;
const waiting: (() => void)[] = [];

async function runCheck(file: string): Promise<CliRun> {
  if (running >= HostileLimits.parallel) await new Promise<void>((r) => waiting.push(r));
  running++;
  try {
    return await spawnCheck(file);
  } finally {
    running--;
    waiting.shift()?.();
  }
}

function spawnCheck(file: string): Promise<CliRun> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, ["bin/precept.js", "check", file], {
      cwd: join(import.meta.dirname, "../.."),
      env: { ...process.env, NODE_OPTIONS: `--max-old-space-size=${HostileLimits.heapMb}` },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const keep = (chunk: Buffer): void => {
      if (output.length < HostileLimits.keptOutputChars) output += chunk.toString("utf8");
    };
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, HostileLimits.cliMs);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, output, ms: performance.now() - started, timedOut });
    });
  });
}

function pathOf(file: HostileFile): string {
  return isCommitted(file) ? join(corpusDir, file.name) : join(generatedDir, file.name);
}

beforeAll(() => {
  generatedDir = mkdtempSync(join(tmpdir(), "precept-hostile-"));
  mkdirSync(generatedDir, { recursive: true });
  for (const f of hostileFiles)
    if (!isCommitted(f)) writeFileSync(join(generatedDir, f.name), bytesOf(f));
});

afterAll(() => {
  if (generatedDir !== "") rmSync(generatedDir, { recursive: true, force: true });
});

describe("the hostile-file corpus", () => {
  it("has its small files committed exactly as the generator makes them", () => {
    const stale = hostileFiles
      .filter(isCommitted)
      .filter((f) => !Buffer.from(bytesOf(f)).equals(readFileSync(join(corpusDir, f.name))))
      .map((f) => f.name);
    expect(stale, "rewrite them with `npm run fuzz -- --write-corpus`").toEqual([]);
  });

  describe.concurrent("precept check", () => {
    for (const file of hostileFiles) {
      it(
        `${file.name}: ${file.why}`,
        async () => {
          const run = await runCheck(pathOf(file));
          const summary = `exit ${run.code} ${run.signal ?? ""} in ${Math.round(run.ms)} ms:\n${run.output.slice(0, 2_000)}`;
          expect(run.timedOut, `no result within ${HostileLimits.cliMs} ms; ${summary}`).toBe(
            false,
          );
          expect(run.output, summary).not.toMatch(
            /internal error|^\s+at .+:\d+:\d+\)?$|FATAL ERROR/m,
          );
          expect(file.expect.exit as readonly (number | null)[], summary).toContain(run.code);
          const printed = (run.output.match(codePattern) ?? []).filter((c) => catalog.has(c));
          expect(printed.length, `no diagnostic code printed; ${summary}`).toBeGreaterThan(0);
          if (file.expect.codes.length > 0)
            expect(
              printed.some((c) => file.expect.codes.includes(c)),
              `expected one of ${file.expect.codes.join(", ")}; ${summary}`,
            ).toBe(true);
        },
        HostileLimits.cliMs * hostileFiles.length,
      );
    }
  });
});

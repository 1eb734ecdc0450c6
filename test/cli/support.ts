import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";

/** The repository root. */
export const root = join(import.meta.dirname, "..", "..");

/** Runs the command in-process and captures what it writes. */
export function runCli(...argv: string[]): { code: number; out: string; err: string } {
  let out = "";
  let err = "";
  const code = main(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  if (typeof code !== "number") throw new Error("this command is asynchronous: use runCliAsync");
  return { code, out, err };
}

/** Runs a command that may be asynchronous (`export`) in-process and captures what it writes. */
export async function runCliAsync(
  ...argv: string[]
): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

/** Writes `text` to a fresh temporary `model.precept` and returns its path. */
export function tempModel(text: string, name = "model.precept"): string {
  const dir = mkdtempSync(join(tmpdir(), "precept-cli-"));
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

/**
 * A golden-file runner after Lezer's `test/cases`. A file holds cases:
 *
 *     ### name
 *     input lines
 *     ==>
 *     expected output lines
 *
 * `UPDATE_GOLDEN=1` rewrites the expected parts from the current output.
 */
import { readFileSync, writeFileSync } from "node:fs";

/** One case of a golden file. */
export interface GoldenCase {
  readonly name: string;
  readonly input: string;
  readonly expected: string;
}

/** Reads the cases of a golden file. */
export function readGolden(path: string): GoldenCase[] {
  const text = readFileSync(path, "utf8");
  const cases: GoldenCase[] = [];
  const parts = text.split(/^### /m).slice(1);
  for (const part of parts) {
    const newline = part.indexOf("\n");
    const name = part.slice(0, newline).trim();
    const body = part.slice(newline + 1);
    const marker = body.search(/^==>$/m);
    const input = marker < 0 ? body : body.slice(0, marker);
    const expected = marker < 0 ? "" : body.slice(marker + 4);
    cases.push({ name, input: input.replace(/\n$/, ""), expected: expected.trim() });
  }
  return cases;
}

/** Writes cases back with fresh expectations. */
export function writeGolden(path: string, cases: readonly GoldenCase[]): void {
  const text = cases.map((c) => `### ${c.name}\n${c.input}\n==>\n${c.expected}\n`).join("\n");
  writeFileSync(path, text);
}

/** True when expectations should be refreshed rather than compared. */
export const updateGolden = process.env["UPDATE_GOLDEN"] === "1";

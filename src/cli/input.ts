import { readFileSync, statSync } from "node:fs";
import { formatMessage, Limits } from "../lang";

/** Tunables of reading a model file. */
export const CliLimits = {
  /** The largest model file the command reads, in bytes (2 MiB, as the workbench's import). */
  maxFileBytes: 2 * 1024 * 1024,
} as const;

/** A model file's text, or why it cannot be taken as a model at all (exit 2). */
export type ModelFile =
  { readonly ok: true; readonly text: string } | { readonly ok: false; readonly message: string };

/**
 * Reads a model file: at most {@link CliLimits.maxFileBytes} bytes of UTF-8 text (a leading byte
 * order mark is dropped) and at most `Limits.maxFileChars` characters. A missing or unreadable file, a directory, a larger file or one that is
 * not valid UTF-8 gives a one-line message instead. Never throws.
 */
export function readModelFile(file: string): ModelFile {
  let bytes: Uint8Array;
  try {
    const size = statSync(file).size;
    if (size > CliLimits.maxFileBytes) {
      return {
        ok: false,
        message: `'${file}': P5001 ${formatMessage("P5001", { size: String(size), limit: `${CliLimits.maxFileBytes} (2 MiB)` })}`,
      };
    }
    bytes = readFileSync(file);
  } catch (error) {
    const reason = error instanceof Error && "code" in error ? String(error.code) : "unreadable";
    return { ok: false, message: `cannot read '${file}' (${reason}).` };
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return {
      ok: false,
      message: `'${file}': P5002 ${formatMessage("P5002", { detail: "it is not UTF-8 text. Save it as UTF-8 plain text and try again." })}`,
    };
  }
  if (text.startsWith("\uFEFF")) text = text.slice(1);
  // Under 2 MiB of UTF-8 can still be over the language's limit in characters: that file cannot
  // be taken as a model either, so it is exit 2 like a larger one, not a model with an error.
  if (text.length > Limits.maxFileChars) {
    const args = { size: String(text.length), limit: String(Limits.maxFileChars) };
    return { ok: false, message: `'${file}': P1006 ${formatMessage("P1006", args)}` };
  }
  return { ok: true, text };
}

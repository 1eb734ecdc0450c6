import { Limits } from "./limits";

// Bidirectional controls (Trojan Source, CVE-2021-42574): embeddings, overrides, isolates and the
// invisible direction marks.
const bidiPattern = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
// C0 and C1 controls; names never need them.
// eslint-disable-next-line no-control-regex
const controlPattern = /[\u0000-\u001F\u007F-\u009F]/gu;

/** The first bidirectional control character in `text`, as an offset, or -1. */
export function findBidiControl(text: string): number {
  const match = bidiPattern.exec(text);
  return match === null ? -1 : match.index;
}

/**
 * Makes a model name safe to show: NFC, no control or bidi characters, single spaces, trimmed,
 * at most `Limits.maxNameLength` long. Returns "" when nothing is left.
 */
export function cleanName(name: string): string {
  const cleaned = name
    .normalize("NFC")
    .replace(new RegExp(bidiPattern.source, "gu"), "")
    .replace(controlPattern, " ")
    .replace(/\s+/gu, " ")
    .trim();
  if (cleaned.length <= Limits.maxNameLength) return cleaned;
  // Cut on a code point boundary: never leave half of a surrogate pair.
  const cut = cleaned.slice(0, Limits.maxNameLength);
  return (/[\uD800-\uDBFF]$/u.test(cut) ? cut.slice(0, -1) : cut).trim();
}

/** The key two names clash on: NFC and case-folded. */
export function nameKey(name: string): string {
  return name.normalize("NFC").toLocaleLowerCase("en-GB");
}

/**
 * `name`, or the first of "name (2)", "name (3)", … that no name in `taken` clashes with
 * (compared by `nameKey`). A name that already ends in " (n)" counts on from n.
 */
export function uniqueName(name: string, taken: Iterable<string>): string {
  const keys = new Set<string>();
  for (const t of taken) keys.add(nameKey(t));
  if (!keys.has(nameKey(name))) return name;
  const match = /^(.*) \((\d+)\)$/u.exec(name);
  const stem = match?.[1] ?? name;
  let n = match?.[2] === undefined ? 2 : Number(match[2]) + 1;
  while (keys.has(nameKey(`${stem} (${n})`))) n += 1;
  return `${stem} (${n})`;
}

/**
 * Shrinks a failing fuzz script to a small repro: drops whole updates, then lines, then runs of
 * characters, keeping only changes after which the script still fails the same way (same oracle
 * and the same shape of message, see {@link signatureOf}). Greedy and bounded, not minimal.
 */
import { failureOf, type FuzzFailure, type Script, type ScriptEntry } from "./pipeline-oracle";

/** Bounds of the shrinker: each attempt re-runs the script. */
export const ShrinkLimits = {
  /** Script runs spent on one failure. */
  maxAttempts: 4_000,
} as const;

/** A failure's kind and the shape of its message, numbers and quoted text left out. */
export function signatureOf(f: FuzzFailure): string {
  const first = f.detail.split("\n").slice(0, 2).join(" ");
  const shape = first
    .replace(/"(?:[^"\\]|\\.)*"/g, "S")
    .replace(/\(.*?\)/g, "()")
    .replace(/[0-9]+/g, "#")
    .replace(/\bv#|\bm##|\bs#|\bc#/g, "N");
  return `${f.oracle}: ${shape}`;
}

function withText(script: Script, i: number, text: string): Script {
  return script.map((e, k): ScriptEntry => (k === i ? { ...e, text } : e));
}

/** Removes chunks of `parts` (halving the chunk size) while `keeps` holds. */
function shrinkParts(
  parts: readonly string[],
  join: string,
  keeps: (text: string) => boolean,
): string {
  let current = [...parts];
  for (
    let size = Math.max(1, Math.floor(current.length / 2));
    size >= 1;
    size = Math.floor(size / 2)
  ) {
    for (let at = 0; at < current.length;) {
      const candidate = [...current.slice(0, at), ...current.slice(at + size)];
      if (keeps(candidate.join(join))) current = candidate;
      else at += size;
    }
  }
  return current.join(join);
}

/** A smaller script that fails as `failure` does (the script itself when nothing smaller does). */
export function shrinkScript(
  failure: FuzzFailure,
  onAttempt: () => void = () => undefined,
): { script: Script; failure: FuzzFailure } {
  const wanted = signatureOf(failure);
  let attempts = 0;
  let best = failure;
  let script: Script = failure.script.slice(0, failure.step + 1);
  const keeps = (candidate: Script): boolean => {
    if (attempts++ >= ShrinkLimits.maxAttempts || candidate.length === 0) return false;
    onAttempt();
    const f = failureOf(candidate);
    if (f === null || signatureOf(f) !== wanted) return false;
    best = f;
    return true;
  };
  // Whole updates, first to last but one (the last text is where it fails).
  for (let i = 0; i < script.length - 1;) {
    const candidate = [...script.slice(0, i), ...script.slice(i + 1)];
    if (keeps(candidate)) script = candidate;
    else i++;
  }
  // Lines, then characters, of each text.
  for (const split of ["\n", ""]) {
    for (let i = 0; i < script.length; i++) {
      const entry = script[i];
      if (entry === undefined) continue;
      const parts = split === "\n" ? entry.text.split("\n") : Array.from(entry.text);
      const text = shrinkParts(parts, split, (t) => keeps(withText(script, i, t)));
      script = withText(script, i, text);
    }
  }
  const final = failureOf(script);
  return { script, failure: final !== null && signatureOf(final) === wanted ? final : best };
}

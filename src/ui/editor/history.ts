import { ChangeSet, Text, type ChangeDesc } from "@codemirror/state";

/** Tunables of span mapping. */
export const SpanHistory = {
  /** How many recent versions of the text diagnostics can still be mapped from. */
  versions: 64,
} as const;

interface Version {
  readonly doc: Text;
  /** Maps positions in `doc` to positions in the current text. */
  changes: ChangeDesc;
}

/**
 * Recent versions of the editor's text, each with the changes that lead from it to the current
 * text. The worker checks text that may be a few keystrokes old; its spans are mapped forward
 * through these changes so squiggles stay on the words they are about. `Text` is immutable and
 * shares structure, so keeping versions is cheap.
 */
export function makeSpanHistory(initial: Text) {
  let versions: Version[] = [{ doc: initial, changes: ChangeSet.empty(initial.length).desc }];
  return {
    /** Records an edit: every kept version now maps through `changes` too. */
    record(changes: ChangeSet, doc: Text) {
      for (const v of versions) v.changes = v.changes.composeDesc(changes.desc);
      versions.push({ doc, changes: ChangeSet.empty(doc.length).desc });
      if (versions.length > SpanHistory.versions) versions = versions.slice(-SpanHistory.versions);
    },
    /**
     * A function mapping offsets in `text` to offsets in the current text, or null when `text` is
     * not a recent version (then the caller falls back to clamping).
     */
    mapperFor(text: string): ((pos: number, assoc: -1 | 1) => number) | null {
      let candidate: Text | null = null;
      for (let i = versions.length - 1; i >= 0; i--) {
        const v = versions[i];
        if (!v || v.doc.length !== text.length) continue;
        candidate ??= Text.of(text.split(/\r\n?|\n/));
        if (v.doc.eq(candidate)) {
          const changes = v.changes;
          return (pos, assoc) => changes.mapPos(Math.min(pos, v.doc.length), assoc);
        }
      }
      return null;
    },
  };
}

/** What the find box matches a line by: its name, label and member. */
export interface FindEntry {
  readonly key: string;
  readonly name: string;
  readonly label: string;
  readonly member?: string;
  readonly memberLabel?: string;
}

/** Tunables of the find box. */
export const FindLimits = {
  /** The most matches listed; the rest are counted. */
  shown: 50,
} as const;

/**
 * How well `entry` matches the lower-cased `query`: 0 the name exactly, 1 the name's start, 2 the
 * start of a word of the label or member, 3 anywhere in name, label or member; undefined when it
 * does not match. Words of a query are matched one by one ("council income" finds "Council tax
 * income"); the worst word decides.
 */
function rank(entry: FindEntry, words: readonly Word[]): number | undefined {
  const name = entry.name.toLowerCase();
  const label = entry.label.toLowerCase();
  const member = `${entry.member ?? ""} ${entry.memberLabel ?? ""}`.toLowerCase();
  const text = `${label} ${member}`;
  let worst = 0;
  for (const { word, start } of words) {
    let r: number;
    if (name === word && words.length === 1) r = 0;
    else if (name.startsWith(word)) r = 1;
    else if (start.test(text)) r = 2;
    else if (name.includes(word) || text.includes(word)) r = 3;
    else return undefined;
    worst = Math.max(worst, r);
  }
  return worst;
}

/** A word of the query, and a pattern for it at the start of a word. */
interface Word {
  readonly word: string;
  readonly start: RegExp;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&");

/**
 * The lines matching `query` by name or label (case-insensitive), best first and in model order
 * among equals, at most {@link FindLimits.shown}; `total` counts them all. An empty query
 * matches nothing.
 */
export function findLines(
  query: string,
  entries: readonly FindEntry[],
): { readonly matches: readonly FindEntry[]; readonly total: number } {
  const words: Word[] = query
    .toLowerCase()
    .split(/\s+/u)
    .filter((w) => w !== "")
    .map((word) => ({ word, start: new RegExp(`(^|[^\\p{L}\\p{N}])${escape(word)}`, "u") }));
  if (words.length === 0) return { matches: [], total: 0 };
  const found: { entry: FindEntry; rank: number; at: number }[] = [];
  entries.forEach((entry, at) => {
    const r = rank(entry, words);
    if (r !== undefined) found.push({ entry, rank: r, at });
  });
  found.sort((a, b) => a.rank - b.rank || a.at - b.at);
  return { matches: found.slice(0, FindLimits.shown).map((f) => f.entry), total: found.length };
}

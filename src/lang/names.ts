/**
 * Helpers for names: the scripts a name mixes, a look-alike skeleton for spotting names that read
 * the same but differ in code points, and an edit distance for did-you-mean suggestions.
 */

const scriptTests: readonly (readonly [string, RegExp])[] = [
  ["Latin", /\p{Script=Latin}/u],
  ["Cyrillic", /\p{Script=Cyrillic}/u],
  ["Greek", /\p{Script=Greek}/u],
  ["Armenian", /\p{Script=Armenian}/u],
  ["Cherokee", /\p{Script=Cherokee}/u],
];

/** The confusable scripts the letters of `name` come from, if it uses more than one of them. */
export function mixedScripts(name: string): string[] {
  const found: string[] = [];
  for (const [script, test] of scriptTests) {
    if (test.test(name)) found.push(script);
  }
  return found.length > 1 ? found : [];
}

/** Unicode's default-ignorable code points: drawn as nothing, or as a change to the letter before. */
const invisiblePattern = /\p{Default_Ignorable_Code_Point}/u;

/** True when `c` (one code point) is drawn as nothing: a variation selector, a zero-width joiner. */
export function isInvisible(c: string): boolean {
  return invisiblePattern.test(c);
}

/** True when every character of `text` is invisible (and there is at least one). */
export function onlyInvisible(text: string): boolean {
  return /^\p{Default_Ignorable_Code_Point}+$/u.test(text);
}

/** The first invisible character of `text`, its offset (UTF-16) and its code point in hex. */
export function firstInvisible(
  text: string,
): { readonly char: string; readonly offset: number; readonly hex: string } | undefined {
  let offset = 0;
  for (const char of text) {
    if (isInvisible(char)) {
      const hex = (char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0");
      return { char, offset, hex };
    }
    offset += char.length;
  }
  return undefined;
}

/** What an invisible character is, in words, for P1025. */
export function invisibleName(c: string): string {
  const code = c.codePointAt(0) ?? 0;
  if (code >= 0xfe00 && code <= 0xfe0f) return `variation selector ${String(code - 0xfe00 + 1)}`;
  if (code >= 0xe0100 && code <= 0xe01ef)
    return `variation selector ${String(code - 0xe0100 + 17)}`;
  if (code >= 0xe0000 && code <= 0xe007f) return "a tag character";
  if (code >= 0x180b && code <= 0x180f && code !== 0x180e)
    return "a Mongolian free variation selector";
  const known: Readonly<Record<number, string>> = {
    0x00ad: "a soft hyphen",
    0x034f: "a combining grapheme joiner",
    0x180e: "a Mongolian vowel separator",
    0x200b: "a zero-width space",
    0x200c: "a zero-width non-joiner",
    0x200d: "a zero-width joiner",
    0x2060: "a word joiner",
    0xfeff: "a zero-width no-break space",
    0x115f: "a Hangul filler",
    0x1160: "a Hangul filler",
    0x3164: "a Hangul filler",
    0xffa0: "a Hangul filler",
  };
  return known[code] ?? "an invisible formatting character";
}

/**
 * Characters that look like others, after NFKC and lower case: letters from other scripts that
 * look like Latin letters, and the Latin shapes that are hard to tell apart. `I` (lower case `i`),
 * `l` and `1` are one shape, as are `O` and `0`, so `lncome`, `Income` and `1ncome` all read as
 * `income`.
 */
const lookAlikes: Readonly<Record<string, string>> = {
  а: "a",
  в: "b",
  е: "e",
  ё: "e",
  к: "k",
  м: "m",
  н: "h",
  о: "o",
  р: "p",
  с: "c",
  т: "t",
  у: "y",
  х: "x",
  і: "l",
  ї: "l",
  ј: "j",
  ѕ: "s",
  һ: "h",
  ԁ: "d",
  ԛ: "q",
  ԝ: "w",
  ү: "y",
  ӏ: "l",
  α: "a",
  β: "b",
  ε: "e",
  ι: "l",
  κ: "k",
  ν: "v",
  ο: "o",
  ρ: "p",
  τ: "t",
  υ: "u",
  χ: "x",
  ω: "w",
  i: "l",
  ı: "l",
  ǀ: "l",
  "0": "o",
  "1": "l",
};

/** Pairs of letters that read as one letter at a glance. */
const lookAlikePairs = /rn|vv/g;
const pairLetter: Readonly<Record<string, string>> = { rn: "m", vv: "w" };

/**
 * A skeleton of `name` (after UTS #39's): lower case, invisible characters dropped, look-alike
 * letters mapped to one shape. Equal skeletons of different names mean the names read the same.
 */
export function skeleton(name: string): string {
  let out = "";
  for (const c of name.normalize("NFKC").toLowerCase()) {
    if (isInvisible(c)) continue;
    out += lookAlikes[c] ?? c;
  }
  return out.replace(lookAlikePairs, (pair) => pairLetter[pair] ?? pair);
}

/** Levenshtein distance, capped: returns `cap + 1` as soon as the distance must exceed `cap`. */
export function editDistance(a: string, b: string, cap = 3): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > cap) return cap + 1;
    previous = current;
  }
  return previous[b.length] ?? cap + 1;
}

/** The closest of `candidates` to `name`, if one is close enough to be a likely typo. */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
  const cap = Math.max(1, Math.min(3, Math.floor(name.length / 3)));
  let best: string | undefined;
  let bestDistance = cap + 1;
  for (const candidate of candidates) {
    const distance =
      candidate.toLowerCase() === name.toLowerCase() ? 0 : editDistance(name, candidate, cap);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** " Did you mean 'x'?" or "" when there is no close name. */
export function didYouMean(name: string, candidates: Iterable<string>): string {
  const best = closestName(name, candidates);
  return best === undefined ? "" : ` Did you mean '${best}'?`;
}

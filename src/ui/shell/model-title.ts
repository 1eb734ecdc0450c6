/** The name the workbench gives a model nobody has named: "Untitled model", then "(2)", "(3)"… */
export const untitledName = "Untitled model";

const untitled = /^Untitled model( \(\d+\))?$/u;

/** Whether `name` is one the workbench gave (`untitledName`, perhaps with a " (n)" suffix). */
export function isUntitled(name: string): boolean {
  return untitled.test(name);
}

const key = (name: string) => name.normalize("NFC").toLocaleLowerCase("en-GB");

/**
 * `name`, or the first of "name (2)", "name (3)", … that none of `taken` equals (ignoring case),
 * as the workspace itself makes names unique.
 */
export function uniqueAmong(name: string, taken: readonly string[]): string {
  const keys = new Set(taken.map(key));
  if (!keys.has(key(name))) return name;
  let n = 2;
  while (keys.has(key(`${name} (${n})`))) n += 1;
  return `${name} (${n})`;
}

/**
 * The name a model should take from its text's `model "…"` title, or null to keep its name.
 * A model follows its title while nobody chose its name: while it is still untitled, or while
 * its name is the title it followed last (`followed`, also with a " (n)" suffix the workspace
 * added). A name the user gave by renaming is never replaced. `taken`: the other models' names.
 */
export function nameFromTitle(
  name: string,
  title: string,
  followed: string | null,
  taken: readonly string[],
): string | null {
  const wanted = title.replace(/\s+/gu, " ").trim();
  if (wanted === "" || name === wanted) return null;
  const following =
    isUntitled(name) ||
    (followed !== null &&
      followed !== "" &&
      (name === followed ||
        (name.startsWith(`${followed} (`) && /^ \(\d+\)$/u.test(name.slice(followed.length)))));
  if (!following) return null;
  const next = uniqueAmong(wanted, taken);
  return next === name ? null : next;
}

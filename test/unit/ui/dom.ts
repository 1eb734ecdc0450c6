/** Small DOM helpers for the jsdom component tests. */

/** Returns `x`, failing the test when it is missing. */
export function must<T>(x: T | null | undefined, what = "element"): T {
  if (x === null || x === undefined) throw new Error(`${what} not found`);
  return x;
}

/** A fresh element attached to the document (Solid delegates events to the document). */
export function makeHost(): HTMLElement {
  return document.body.appendChild(document.createElement("div"));
}

/** Dispatches a keydown on the focused element (or `target`), as a user pressing `key` would. */
export function press(key: string, init: KeyboardEventInit = {}, target?: Element): boolean {
  const el = target ?? must(document.activeElement, "focused element");
  return el.dispatchEvent(
    new KeyboardEvent("keydown", { key, bubbles: true, cancelable: true, ...init }),
  );
}

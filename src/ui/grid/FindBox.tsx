import { For, Show, createEffect, createMemo, createSignal, onMount } from "solid-js";
import { findLines, type FindEntry } from "./find";

/** Props of the find box. */
export interface FindBoxProps {
  /** The lines to search, in display order. */
  readonly entries: () => readonly FindEntry[];
  /** Raised as the highlighted match changes: bring it into view. */
  readonly onPreview: (key: string) => void;
  /** Raised on Enter or a click: select this line. */
  readonly onChoose: (key: string) => void;
  /** Raised on Escape. */
  readonly onClose: () => void;
}

let boxes = 0;

/**
 * Finds a line by name or label: a combobox (WAI-ARIA pattern) whose list narrows as one types.
 * Arrow keys move through the matches, each brought into view; Enter chooses one; Escape closes.
 */
export function FindBox(props: FindBoxProps) {
  const id = `pc-find-${String(++boxes)}`;
  const [query, setQuery] = createSignal("");
  const [at, setAt] = createSignal(0);
  const found = createMemo(() => findLines(query(), props.entries()));
  const current = () => found().matches[Math.min(at(), found().matches.length - 1)];
  let input: HTMLInputElement | undefined;
  onMount(() => input?.focus());
  createEffect(() => {
    const match = current();
    if (match) props.onPreview(match.key);
  });
  // The highlighted option stays in view in the list.
  createEffect(() => {
    const match = current();
    if (match) document.getElementById(`${id}-${match.key}`)?.scrollIntoView({ block: "nearest" });
  });
  const onKeyDown = (e: KeyboardEvent) => {
    const n = found().matches.length;
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      if (n > 0) setAt((i) => (Math.min(i, n - 1) + (e.key === "ArrowDown" ? 1 : n - 1)) % n);
    } else if (e.key === "Enter") {
      e.preventDefault();
      const match = current();
      if (match) props.onChoose(match.key);
    } else if (e.key === "Escape") {
      e.preventDefault();
      e.stopPropagation();
      props.onClose();
    }
  };
  const status = () => {
    const { matches, total } = found();
    if (query().trim() === "") return "Type a line's name or label";
    if (total === 0) return "No line matches";
    return total > matches.length
      ? `${String(matches.length)} of ${String(total)} lines shown`
      : `${String(total)} ${total === 1 ? "line" : "lines"}`;
  };
  return (
    <div class="pc-grid-find" role="search" aria-label="Find a line">
      <input
        ref={(el) => (input = el)}
        type="search"
        class="pc-grid-find-input"
        role="combobox"
        aria-label="Find a line by name or label"
        aria-expanded={found().matches.length > 0}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={current() ? `${id}-${current()?.key ?? ""}` : undefined}
        placeholder="Find a line by name or label"
        autocomplete="off"
        spellcheck={false}
        value={query()}
        onInput={(e) => {
          setQuery(e.currentTarget.value);
          setAt(0);
        }}
        onKeyDown={onKeyDown}
      />
      <p class="pc-grid-find-status" role="status">
        {status()}
      </p>
      <Show when={found().matches.length > 0}>
        <ul class="pc-grid-find-list" role="listbox" id={`${id}-list`} aria-label="Matching lines">
          <For each={found().matches}>
            {(entry) => (
              <li
                role="option"
                id={`${id}-${entry.key}`}
                aria-selected={current()?.key === entry.key}
                classList={{ "pc-grid-find-current": current()?.key === entry.key }}
                // Keep the focus in the input: a click chooses without blurring it first.
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => props.onChoose(entry.key)}
              >
                <span class="pc-grid-find-label">
                  {entry.memberLabel ?? entry.member ?? entry.label}
                </span>
                <span class="pc-grid-find-name">
                  {entry.member === undefined ? entry.name : `${entry.name} · ${entry.label}`}
                </span>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </div>
  );
}

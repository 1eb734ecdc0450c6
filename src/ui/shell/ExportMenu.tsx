import { createSignal, For, Show } from "solid-js";

/** What the Export menu offers. */
export type ExportFormat = "xlsx" | "csv";

const items: readonly { readonly format: ExportFormat | "import"; readonly label: string }[] = [
  { format: "xlsx", label: "Spreadsheet with formulas (.xlsx)" },
  { format: "csv", label: "Grid as CSV (.csv)" },
  { format: "import", label: "Import figures from CSV…" },
];

/**
 * The header's Export menu: a button that opens a menu of formats (WAI-ARIA menu button). Arrow
 * keys move between the items, Escape closes the menu and returns focus to the button.
 */
export function ExportMenu(props: {
  readonly busy: boolean;
  readonly onExport: (format: ExportFormat) => void;
  /** Asks for a CSV of figures to import (the page previews it before anything changes). */
  readonly onImport: () => void;
}) {
  const [open, setOpen] = createSignal(false);
  let button: HTMLButtonElement | undefined;
  const menuItems: HTMLButtonElement[] = [];
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button?.focus();
  };
  const show = (index: number) => {
    setOpen(true);
    queueMicrotask(() => menuItems[index]?.focus());
  };
  const move = (e: KeyboardEvent, i: number) => {
    const n = items.length;
    const to =
      e.key === "ArrowDown" ? (i + 1) % n : e.key === "ArrowUp" ? (i - 1 + n) % n : undefined;
    if (to !== undefined) {
      e.preventDefault();
      menuItems[to]?.focus();
    } else if (e.key === "Escape") {
      e.preventDefault();
      close(true);
    } else if (e.key === "Tab") close(false);
  };
  return (
    <div
      class="pc-export"
      onFocusOut={(e) => {
        const next = e.relatedTarget;
        if (!(next instanceof Node) || !e.currentTarget.contains(next)) setOpen(false);
      }}
    >
      <button
        ref={(el) => (button = el)}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open()}
        aria-controls="pc-export-menu"
        disabled={props.busy}
        onClick={() => (open() ? close(false) : show(0))}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown" || e.key === "ArrowUp") {
            e.preventDefault();
            show(e.key === "ArrowDown" ? 0 : items.length - 1);
          }
        }}
      >
        {props.busy ? "Exporting…" : "Export"}
      </button>
      <Show when={open()}>
        <div id="pc-export-menu" class="pc-export-menu" role="menu" aria-label="Export">
          <For each={items}>
            {(item, i) => (
              <button
                ref={(el) => (menuItems[i()] = el)}
                type="button"
                role="menuitem"
                tabIndex={-1}
                onKeyDown={(e) => move(e, i())}
                onClick={() => {
                  close(true);
                  if (item.format === "import") props.onImport();
                  else props.onExport(item.format);
                }}
              >
                {item.label}
              </button>
            )}
          </For>
        </div>
      </Show>
    </div>
  );
}

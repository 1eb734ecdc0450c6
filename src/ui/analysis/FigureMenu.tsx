import { For, onCleanup, onMount } from "solid-js";

/** One action of the figure menu. */
export interface FigureMenuItem {
  readonly label: string;
  /** The shortcut shown beside it, such as "Alt+G". */
  readonly shortcut?: string;
  readonly run: () => void;
}

/** Props of the figure menu. */
export interface FigureMenuProps {
  /** Where to open, in viewport pixels. */
  readonly at: { readonly x: number; readonly y: number };
  readonly label: string;
  readonly items: readonly FigureMenuItem[];
  /** Raised when the menu closes (an item ran, Escape, a click elsewhere). */
  readonly onClose: () => void;
}

/**
 * The context menu of a grid figure (right click, the menu key or Shift+F10 on a cell): a WAI-ARIA
 * menu that takes focus, moves with the arrow keys, runs an item with Enter and closes with
 * Escape or Tab.
 */
export function FigureMenu(props: FigureMenuProps) {
  let menu: HTMLDivElement | undefined;
  const items = () => [...(menu?.querySelectorAll<HTMLElement>("[role=menuitem]") ?? [])];
  const move = (by: number) => {
    const all = items();
    const i = all.indexOf(document.activeElement as HTMLElement);
    all[(i + by + all.length) % all.length]?.focus();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === "ArrowDown") move(1);
    else if (e.key === "ArrowUp") move(-1);
    else if (e.key === "Home") items()[0]?.focus();
    else if (e.key === "End") items().at(-1)?.focus();
    else if (e.key === "Escape" || e.key === "Tab") props.onClose();
    else return;
    e.preventDefault();
  };
  const onPointerDown = (e: PointerEvent) => {
    if (!menu?.contains(e.target as Node)) props.onClose();
  };
  onMount(() => {
    items()[0]?.focus();
    window.addEventListener("pointerdown", onPointerDown, true);
  });
  onCleanup(() => window.removeEventListener("pointerdown", onPointerDown, true));
  return (
    <div
      ref={(el) => (menu = el)}
      class="pc-menu"
      role="menu"
      aria-label={props.label}
      style={{
        left: `${String(Math.max(0, Math.min(props.at.x, window.innerWidth - 240)))}px`,
        top: `${String(Math.max(0, Math.min(props.at.y, window.innerHeight - 120)))}px`,
      }}
      onKeyDown={onKeyDown}
    >
      <For each={props.items}>
        {(item) => (
          <button
            type="button"
            role="menuitem"
            tabindex={-1}
            class="pc-menu-item"
            aria-keyshortcuts={item.shortcut}
            onClick={() => {
              props.onClose();
              item.run();
            }}
          >
            <span>{item.label}</span>
            <span class="pc-menu-shortcut">{item.shortcut ?? ""}</span>
          </button>
        )}
      </For>
    </div>
  );
}

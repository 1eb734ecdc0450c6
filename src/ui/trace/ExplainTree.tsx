import { For, Show, createEffect, createMemo, createSignal, on, onCleanup } from "solid-js";
import type { ExplainNodeDto } from "../../protocol";
import { flattenTree, formatRef, type TreeRow } from "./flatten";

/** Props of the expandable derivation tree. */
export interface ExplainTreeProps {
  readonly root: ExplainNodeDto;
  /** Raised when a node's name is clicked or Enter is pressed on it. */
  readonly onNavigate?: (key: string, period: string | null) => void;
  /** Levels open at first: 1 shows the root's inputs, 0 only the root. */
  readonly initialDepth?: number;
  readonly label?: string;
}

function pathsToDepth(root: ExplainNodeDto, depth: number): Set<string> {
  const open = new Set<string>();
  const walk = (node: ExplainNodeDto, path: string, level: number) => {
    if (level >= depth || node.children.length === 0) return;
    open.add(path);
    node.children.forEach((c, i) => {
      walk(c, path === "" ? String(i) : `${path}.${i}`, level + 1);
    });
  };
  walk(root, "", 0);
  return open;
}

/**
 * The derivation of one value as an expandable tree, the same tree as `precept explain`: each node
 * shows its reference, value, formula and source. Keyboard: Up/Down move, Right opens or enters,
 * Left closes or goes to the parent, Home/End, Enter navigates. One node is in the tab order.
 */
export function ExplainTree(props: ExplainTreeProps) {
  const [expanded, setExpanded] = createSignal<ReadonlySet<string>>(
    pathsToDepth(props.root, props.initialDepth ?? 1),
  );
  const [focused, setFocused] = createSignal("");
  // A new root for another cell starts fresh; a recomputed root for the same cell keeps what the
  // user opened.
  createEffect(
    on(
      () => formatRef(props.root),
      () => {
        setExpanded(pathsToDepth(props.root, props.initialDepth ?? 1));
        setFocused("");
      },
      { defer: true },
    ),
  );
  // Reuse row objects across expand/collapse so <For> keeps the DOM (and focus) of unchanged rows.
  let cache = new Map<string, TreeRow>();
  const rows = createMemo(() => {
    const next = new Map<string, TreeRow>();
    const list = flattenTree(props.root, expanded()).map((row) => {
      const old = cache.get(row.path);
      const keep = old && old.node === row.node && old.posInSet === row.posInSet ? old : row;
      next.set(row.path, keep);
      return keep;
    });
    cache = next;
    return list;
  });
  const tabStop = () => (rows().some((r) => r.path === focused()) ? focused() : "");
  const items = new Map<string, HTMLElement>();

  const toggle = (path: string, open?: boolean) => {
    setExpanded((prev) => {
      const next = new Set(prev);
      if (open ?? !next.has(path)) next.add(path);
      else next.delete(path);
      return next;
    });
  };
  const focusPath = (path: string) => {
    setFocused(path);
    items.get(path)?.focus();
  };
  const navigate = (node: ExplainNodeDto) => props.onNavigate?.(node.key, node.period ?? null);

  const onKeyDown = (e: KeyboardEvent, row: TreeRow) => {
    const list = rows();
    const i = list.findIndex((r) => r.path === row.path);
    const hasKids = row.node.children.length > 0;
    const isOpen = expanded().has(row.path);
    const go = (r: TreeRow | undefined) => {
      if (r) focusPath(r.path);
    };
    switch (e.key) {
      case "ArrowDown":
        go(list[i + 1]);
        break;
      case "ArrowUp":
        go(list[i - 1]);
        break;
      case "Home":
        go(list[0]);
        break;
      case "End":
        go(list[list.length - 1]);
        break;
      case "ArrowRight":
        if (hasKids && !isOpen) toggle(row.path, true);
        else if (hasKids) go(list[i + 1]);
        break;
      case "ArrowLeft":
        if (hasKids && isOpen) toggle(row.path, false);
        else if (row.parent !== null) focusPath(row.parent);
        break;
      case "Enter":
        navigate(row.node);
        break;
      default:
        return;
    }
    e.preventDefault();
  };

  return (
    <div role="tree" class="pc-tree" aria-label={props.label ?? "Derivation"}>
      <For each={rows()}>
        {(row) => {
          const hasKids = row.node.children.length > 0;
          return (
            <div
              ref={(el) => {
                items.set(row.path, el);
                onCleanup(() => items.delete(row.path));
              }}
              role="treeitem"
              class="pc-tree-item"
              classList={{ "pc-tree-error": row.node.error !== undefined }}
              aria-level={row.level}
              aria-posinset={row.posInSet}
              aria-setsize={row.setSize}
              aria-expanded={hasKids ? expanded().has(row.path) : undefined}
              tabIndex={tabStop() === row.path ? 0 : -1}
              data-path={row.path}
              style={{
                "padding-left": `${(row.level - 1) * 16 + 4}px`,
                "--pc-indent": `${(row.level - 1) * 16}px`,
              }}
              onKeyDown={(e) => {
                onKeyDown(e, row);
              }}
              onClick={() => {
                setFocused(row.path);
              }}
            >
              <span
                class="pc-tree-toggle"
                aria-hidden="true"
                onClick={(e) => {
                  e.stopPropagation();
                  if (hasKids) toggle(row.path);
                  focusPath(row.path);
                }}
              >
                {hasKids ? (expanded().has(row.path) ? "▾" : "▸") : ""}
              </span>
              <span
                class="pc-link pc-tree-ref"
                onClick={() => {
                  navigate(row.node);
                }}
              >
                {formatRef(row.node)}
              </span>
              <span class="pc-tree-value pc-fig">
                <Show when={row.node.error} fallback={row.node.display}>
                  {(err) => <span title={err().message}>{err().code}</span>}
                </Show>
              </span>
              <Show when={row.node.formula}>
                {(f) => <span class="pc-tree-formula">= {f()}</span>}
              </Show>
              <Show when={row.node.source}>{(s) => <span class="pc-tree-source">{s()}</span>}</Show>
            </div>
          );
        }}
      </For>
    </div>
  );
}

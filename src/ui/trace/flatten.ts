import type { ExplainNodeDto } from "../../protocol";

/** One visible row of a derivation tree, in display order. */
export interface TreeRow {
  /** Child indices from the root joined by "." ("" for the root): stable while the tree is. */
  readonly path: string;
  readonly node: ExplainNodeDto;
  /** 1 for the root. */
  readonly level: number;
  /** 1-based position among its siblings, and the number of siblings. */
  readonly posInSet: number;
  readonly setSize: number;
  readonly parent: string | null;
}

/**
 * The rows shown for `root` when the nodes whose paths are in `expanded` are open. Iterative, so a
 * deep derivation (a long chain of `x[-1]`) cannot overflow the stack.
 */
export function flattenTree(root: ExplainNodeDto, expanded: ReadonlySet<string>): TreeRow[] {
  const rows: TreeRow[] = [];
  const stack: TreeRow[] = [
    { path: "", node: root, level: 1, posInSet: 1, setSize: 1, parent: null },
  ];
  while (stack.length > 0) {
    const row = stack.pop();
    if (!row) break;
    rows.push(row);
    if (!expanded.has(row.path)) continue;
    const kids = row.node.children;
    for (let i = kids.length - 1; i >= 0; i--) {
      const node = kids[i];
      if (!node) continue;
      stack.push({
        path: row.path === "" ? String(i) : `${row.path}.${i}`,
        node,
        level: row.level + 1,
        posInSet: i + 1,
        setSize: kids.length,
        parent: row.path,
      });
    }
  }
  return rows;
}

/** A node's reference as an auditor writes it: `band_d[2019/20]`, or just the key. */
export function formatRef(node: { readonly key: string; readonly period?: string }): string {
  return node.period === undefined ? node.key : `${node.key}[${node.period}]`;
}

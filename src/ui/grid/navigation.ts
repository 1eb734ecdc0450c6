/** A cell position in the grid's body: `row` indexes the visible line items, `col` the periods. */
export interface GridPosition {
  readonly row: number;
  readonly col: number;
}

/** The size of the navigable area: line items by periods. */
export interface GridBounds {
  readonly rows: number;
  readonly cols: number;
}

/** The modifier state of a key press, as far as navigation cares. */
export interface NavigationKey {
  readonly key: string;
  readonly ctrlKey?: boolean;
  readonly metaKey?: boolean;
}

/** Tunables of keyboard navigation. */
export const GridKeys = {
  /** Rows moved by PageUp and PageDown. */
  pageRows: 20,
} as const;

const clamp = (n: number, lo: number, hi: number): number => Math.max(lo, Math.min(hi, n));

/**
 * The position a navigation key moves to, following the ARIA grid pattern: arrows move one cell,
 * Home/End go to the first/last period of the row, Ctrl+Home/End to the first/last cell of the
 * grid, PageUp/PageDown move by `GridKeys.pageRows`. Returns `null` for keys that do not navigate.
 * Moves stop at the edges (no wrapping).
 */
export function moveActive(
  pos: GridPosition,
  key: NavigationKey,
  bounds: GridBounds,
): GridPosition | null {
  if (bounds.rows === 0 || bounds.cols === 0) return null;
  const lastRow = bounds.rows - 1;
  const lastCol = bounds.cols - 1;
  const ctrl = key.ctrlKey === true || key.metaKey === true;
  const at = (row: number, col: number): GridPosition => ({
    row: clamp(row, 0, lastRow),
    col: clamp(col, 0, lastCol),
  });
  switch (key.key) {
    case "ArrowUp":
      return at(pos.row - 1, pos.col);
    case "ArrowDown":
      return at(pos.row + 1, pos.col);
    case "ArrowLeft":
      return at(pos.row, pos.col - 1);
    case "ArrowRight":
      return at(pos.row, pos.col + 1);
    case "Home":
      return ctrl ? at(0, 0) : at(pos.row, 0);
    case "End":
      return ctrl ? at(lastRow, lastCol) : at(pos.row, lastCol);
    case "PageUp":
      return at(pos.row - GridKeys.pageRows, pos.col);
    case "PageDown":
      return at(pos.row + GridKeys.pageRows, pos.col);
    default:
      return null;
  }
}

/** A rectangle of cells, inclusive: rows index the line items, cols the periods. */
export interface CellRange {
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
}

/** The cells between a selection's anchor (where it started) and its focus (where it is now). */
export function rangeBetween(anchor: GridPosition, focus: GridPosition): CellRange {
  return {
    top: Math.min(anchor.row, focus.row),
    bottom: Math.max(anchor.row, focus.row),
    left: Math.min(anchor.col, focus.col),
    right: Math.max(anchor.col, focus.col),
  };
}

/** Whether the cell at `row`, `col` is inside `range`. */
export function inRange(range: CellRange, row: number, col: number): boolean {
  return row >= range.top && row <= range.bottom && col >= range.left && col <= range.right;
}

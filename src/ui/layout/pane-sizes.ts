/**
 * The sizes of the workbench's resizable panes, in CSS pixels, and how they are kept: clamped to
 * what the window leaves room for, and remembered in `localStorage` between visits.
 */

/** The panes a person can resize: side panel, editor, details panel, the grid's label column. */
export interface PaneSizes {
  /** Width of the side panel (models, history, about). */
  readonly side: number;
  /** Width of the model text editor. */
  readonly editor: number;
  /** Height of the details panel under the grid (lineage, checks, comparison, chart). */
  readonly bottom: number;
  /** Width of the grid's label column. */
  readonly label: number;
}

/** Bounds of each pane, and the room the others always keep. */
export const PaneLimits = {
  side: { min: 180, max: 480 },
  editor: { min: 220, max: 1400 },
  bottom: { min: 120, max: 900 },
  label: { min: 160, max: 900 },
  /** A label column nobody sized grows into the grid's spare width up to this. */
  labelAutoMax: 520,
  /** The splitter bars' width (app.css's --pc-splitter). */
  splitter: 5,
  /** Room kept for the grid's vertical scroll bar. */
  scrollbar: 16,
  /** The grid keeps at least this much width beside the side panel and the editor. */
  gridMinWidth: 320,
  /** The grid keeps at least this much height above the details panel. */
  gridMinHeight: 140,
  /** The header and tab strips: height not available to the grid or the details. */
  chromeHeight: 48,
  /** One arrow key press moves a separator this far; with Shift, `bigStep`. */
  step: 16,
  bigStep: 80,
} as const;

/** The key the sizes are kept under in `localStorage`. */
export const paneSizesKey = "precept:pane-sizes:v1";

/** The sizes for a window of `width` × `height` before a person has moved any separator. */
export function defaultPaneSizes(width: number, height: number): PaneSizes {
  const side = 208;
  return clampPaneSizes(
    {
      side,
      // The editor takes about a third of what the side panel leaves: model lines are long.
      editor: Math.round((width - side) * 0.36),
      bottom: Math.round(height * 0.34),
      label: 300,
    },
    width,
    height,
  );
}

const clamp = (v: number, lo: number, hi: number): number => Math.min(Math.max(v, lo), hi);

/** The width the grid's table has in a window `width` wide: beside the panes, bars and scroll bar. */
export function gridRoom(sizes: PaneSizes, width: number): number {
  return width - sizes.side - sizes.editor - 2 * PaneLimits.splitter - PaneLimits.scrollbar;
}

/**
 * The widest the label column may be: one period column of `periodWidth` must still fit beside
 * it (the label column sticks to the left, so a wider one would hide every figure), and never
 * more than `PaneLimits.label.max`.
 */
export function labelMax(sizes: PaneSizes, width: number, periodWidth: number): number {
  return clamp(gridRoom(sizes, width) - periodWidth, PaneLimits.label.min, PaneLimits.label.max);
}

/**
 * The width of a label column nobody sized: the default, or more when the grid has spare width
 * beside `periods` columns of `periodWidth` (up to `labelAutoMax`), so labels use the room the
 * grid would leave empty.
 */
export function autoLabelWidth(
  sizes: PaneSizes,
  width: number,
  periods: number,
  periodWidth: number,
): number {
  const spare = Math.floor(gridRoom(sizes, width) - periods * periodWidth);
  return Math.max(sizes.label, Math.min(PaneLimits.labelAutoMax, spare));
}

/** The largest editor width a window `width` wide allows beside a side panel of `side`. */
export function editorMax(side: number, width: number): number {
  return Math.max(
    PaneLimits.editor.min,
    Math.min(PaneLimits.editor.max, width - side - PaneLimits.gridMinWidth),
  );
}

/** The largest details height a window `height` tall allows. */
export function bottomMax(height: number): number {
  return Math.max(
    PaneLimits.bottom.min,
    Math.min(PaneLimits.bottom.max, height - PaneLimits.chromeHeight - PaneLimits.gridMinHeight),
  );
}

/** The largest side panel width a window `width` wide allows beside the narrowest editor. */
export function sideMax(width: number): number {
  return Math.max(
    PaneLimits.side.min,
    Math.min(PaneLimits.side.max, width - PaneLimits.editor.min - PaneLimits.gridMinWidth),
  );
}

/**
 * `sizes` made to fit a window of `width` × `height`: each pane within its bounds, and the grid
 * keeping its minimum room. Whole pixels. The side panel gives way last.
 */
export function clampPaneSizes(sizes: PaneSizes, width: number, height: number): PaneSizes {
  const side = Math.round(clamp(sizes.side, PaneLimits.side.min, sideMax(width)));
  return {
    side,
    editor: Math.round(clamp(sizes.editor, PaneLimits.editor.min, editorMax(side, width))),
    bottom: Math.round(clamp(sizes.bottom, PaneLimits.bottom.min, bottomMax(height))),
    label: Math.round(clamp(sizes.label, PaneLimits.label.min, PaneLimits.label.max)),
  };
}

/** What `localStorage` offers that the sizes need; a stand-in in tests. */
export type SizeStore = Pick<Storage, "getItem" | "setItem">;

const isSize = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v) && v > 0;

/**
 * The sizes kept in `store`: only the panes a person has sized, each a positive number. Never
 * throws: a refused or corrupt store gives none.
 */
export function loadPaneSizes(store: SizeStore | undefined): Partial<PaneSizes> {
  let raw: unknown;
  try {
    const text = store?.getItem(paneSizesKey);
    raw = text === null || text === undefined ? {} : JSON.parse(text);
  } catch {
    return {};
  }
  if (typeof raw !== "object" || raw === null) return {};
  const r = raw as Record<string, unknown>;
  const out: { -readonly [K in keyof PaneSizes]?: number } = {};
  for (const k of ["side", "editor", "bottom", "label"] as const) {
    const v = r[k];
    if (isSize(v)) out[k] = v;
  }
  return out;
}

/** Keeps `sizes` in `store`; a store that refuses (private mode, full) is ignored. */
export function savePaneSizes(store: SizeStore | undefined, sizes: Partial<PaneSizes>): void {
  try {
    store?.setItem(paneSizesKey, JSON.stringify(sizes));
  } catch {
    // Sizes are a convenience: losing them must never stop the workbench.
  }
}

import { createSignal, onCleanup, type Accessor } from "solid-js";
import {
  autoLabelWidth,
  labelMax,
  bottomMax,
  clampPaneSizes,
  defaultPaneSizes,
  editorMax,
  loadPaneSizes,
  savePaneSizes,
  sideMax,
  type PaneSizes,
  type SizeStore,
} from "./pane-sizes";

/** The workbench's pane sizes as reactive state, with each pane's bounds in this window. */
export interface PaneLayout {
  /** The sizes shown: the ones chosen, fitted to the window. */
  readonly sizes: Accessor<PaneSizes>;
  /**
   * The largest size each pane may take in this window (the smallest is in `PaneLimits`); for
   * the label column see `labelMax`.
   */
  readonly max: Accessor<Omit<PaneSizes, "label">>;
  /** The widest the label column may be beside one period column of `periodWidth`. */
  labelMax(periodWidth: number): number;
  /**
   * The label column's width for a grid of `periods` columns of `periodWidth`: the chosen width,
   * or, while nobody has sized it, the default grown into the grid's spare width; never wider
   * than `labelMax`.
   */
  labelWidth(periods: number, periodWidth: number): number;
  /** Sets one pane's size (already within its bounds). */
  resize(pane: keyof PaneSizes, size: number): void;
  /** Remembers the sizes shown, for the next visit. */
  commit(): void;
}

/**
 * Pane sizes that follow the window: a pane nobody has sized takes its default share of the
 * window; one a person sized keeps that size, shown fitted to the window (a smaller window
 * squeezes it, a larger one gives the size back). The sizes a person chose are kept in `store`
 * (the page's `localStorage`) when a drag or key press ends.
 */
export function createPaneLayout(store: SizeStore | undefined): PaneLayout {
  const [viewport, setViewport] = createSignal({
    width: window.innerWidth,
    height: window.innerHeight,
  });
  const onResize = () => setViewport({ width: window.innerWidth, height: window.innerHeight });
  window.addEventListener("resize", onResize);
  onCleanup(() => window.removeEventListener("resize", onResize));

  const [chosen, setChosen] = createSignal(loadPaneSizes(store));
  const sizes = () => {
    const { width, height } = viewport();
    return clampPaneSizes({ ...defaultPaneSizes(width, height), ...chosen() }, width, height);
  };
  const max = () => {
    const { width, height } = viewport();
    return {
      side: sideMax(width),
      editor: editorMax(sizes().side, width),
      bottom: bottomMax(height),
    };
  };
  const widest = (periodWidth: number) => labelMax(sizes(), viewport().width, periodWidth);
  return {
    sizes,
    max,
    labelMax: widest,
    labelWidth(periods, periodWidth) {
      const wanted =
        chosen().label !== undefined
          ? sizes().label
          : autoLabelWidth(sizes(), viewport().width, periods, periodWidth);
      return Math.min(wanted, widest(periodWidth));
    },
    resize(pane, size) {
      setChosen({ ...chosen(), [pane]: size });
    },
    commit() {
      savePaneSizes(store, chosen());
    },
  };
}

/** The page's `localStorage`, or undefined where the browser refuses it. */
export function pageStorage(): SizeStore | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

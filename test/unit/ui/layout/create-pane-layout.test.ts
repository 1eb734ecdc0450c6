// @vitest-environment jsdom
import { createRoot } from "solid-js";
import { afterEach, describe, expect, it } from "vitest";
import {
  createPaneLayout,
  defaultPaneSizes,
  paneSizesKey,
  type SizeStore,
} from "../../../../src/ui/layout";

function setWindow(width: number, height: number): void {
  Object.defineProperty(window, "innerWidth", { value: width, configurable: true });
  Object.defineProperty(window, "innerHeight", { value: height, configurable: true });
  window.dispatchEvent(new Event("resize"));
}

const memory = (): SizeStore & { data: Map<string, string> } => {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
};

let dispose: (() => void) | undefined;
afterEach(() => dispose?.());

describe("createPaneLayout", () => {
  it("panes nobody sized follow the window; a chosen size is kept and remembered alone", () => {
    setWindow(1440, 900);
    const store = memory();
    const layout = createRoot((d) => {
      dispose = d;
      return createPaneLayout(store);
    });
    expect(layout.sizes()).toEqual(defaultPaneSizes(1440, 900));
    setWindow(1024, 768);
    expect(layout.sizes()).toEqual(defaultPaneSizes(1024, 768));

    // Unsized, the label column takes the grid's spare width: 1024 - 208 - 294 - 26 = 496 for
    // 1 period of 96 leaves 400.
    expect(layout.labelWidth(1, 96)).toBe(1024 - 208 - layout.sizes().editor - 26 - 96);
    layout.resize("label", 420);
    expect(layout.labelWidth(1, 96)).toBe(400);
    expect(layout.labelMax(96)).toBe(400);
    layout.resize("label", 380);
    expect(layout.labelWidth(1, 96)).toBe(380);
    layout.commit();
    expect(JSON.parse(store.data.get(paneSizesKey) ?? "")).toEqual({ label: 380 });
    expect(layout.sizes().label).toBe(380);

    // A wide editor is squeezed by a small window, and given back by a large one.
    layout.resize("editor", 700);
    expect(layout.sizes().editor).toBe(1024 - layout.sizes().side - 320);
    expect(layout.max().editor).toBe(1024 - layout.sizes().side - 320);
    setWindow(1440, 900);
    expect(layout.sizes().editor).toBe(700);
  });

  it("starts from the sizes kept in the store", () => {
    setWindow(1440, 900);
    const store = memory();
    store.data.set(paneSizesKey, JSON.stringify({ side: 260, bottom: 200 }));
    const layout = createRoot((d) => {
      dispose = d;
      return createPaneLayout(store);
    });
    expect(layout.sizes()).toMatchObject({ side: 260, bottom: 200, label: 300 });
  });
});

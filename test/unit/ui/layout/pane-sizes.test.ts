import { describe, expect, it } from "vitest";
import {
  PaneLimits,
  autoLabelWidth,
  labelMax,
  clampPaneSizes,
  defaultPaneSizes,
  loadPaneSizes,
  paneSizesKey,
  savePaneSizes,
  type SizeStore,
} from "../../../../src/ui/layout/pane-sizes";

function memoryStore(
  initial: Record<string, string> = {},
): SizeStore & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
  };
}

describe("pane sizes", () => {
  it("defaults give the editor about a third of the room beside the side panel", () => {
    const s = defaultPaneSizes(1440, 900);
    expect(s.side).toBe(208);
    // (1440 - 208) * 0.36 = 443.52
    expect(s.editor).toBe(444);
    expect(s.bottom).toBe(306);
    expect(s.label).toBe(300);
  });

  it("clampPaneSizes keeps every pane in bounds and leaves the grid its room", () => {
    const s = clampPaneSizes({ side: 10, editor: 5000, bottom: 5000, label: 5 }, 1024, 768);
    expect(s.side).toBe(PaneLimits.side.min);
    // 1024 - 180 - 320 = 524
    expect(s.editor).toBe(1024 - PaneLimits.side.min - PaneLimits.gridMinWidth);
    // 768 - 48 - 140 = 580
    expect(s.bottom).toBe(768 - PaneLimits.chromeHeight - PaneLimits.gridMinHeight);
    expect(s.label).toBe(PaneLimits.label.min);
    // A window too small for every minimum still gives each pane its minimum.
    const tiny = clampPaneSizes({ side: 300, editor: 300, bottom: 300, label: 300 }, 400, 200);
    expect(tiny.side).toBe(PaneLimits.side.min);
    expect(tiny.editor).toBe(PaneLimits.editor.min);
    expect(tiny.bottom).toBe(PaneLimits.bottom.min);
  });

  it("a label column nobody sized grows into the grid's spare width, up to 520 px", () => {
    const sizes = { side: 208, editor: 444, bottom: 300, label: 300 };
    // Grid: 1440 - 208 - 444 - 10 (bars) - 16 (scroll bar) = 762; 3 periods of 96 leave 474.
    expect(autoLabelWidth(sizes, 1440, 3, 96)).toBe(474);
    // 5 periods leave 282: the default 300 stays (the grid scrolls a little instead).
    expect(autoLabelWidth(sizes, 1440, 5, 96)).toBe(300);
    // One period would leave 666: capped.
    expect(autoLabelWidth(sizes, 1440, 1, 96)).toBe(PaneLimits.labelAutoMax);
  });

  it("the label column leaves room for one period beside it", () => {
    const sizes = { side: 208, editor: 294, bottom: 300, label: 300 };
    // 1024 - 208 - 294 - 10 - 16 = 496 beside the panes; one period of 96 leaves 400.
    expect(labelMax(sizes, 1024, 96)).toBe(400);
    expect(labelMax(sizes, 1440, 96)).toBe(816);
    // Never below the column's minimum, nor above its maximum.
    expect(labelMax(sizes, 600, 96)).toBe(PaneLimits.label.min);
    expect(labelMax({ ...sizes, editor: 220 }, 3000, 96)).toBe(PaneLimits.label.max);
  });

  it("saves and loads the sizes a person chose, leaving out what is missing or corrupt", () => {
    const store = memoryStore();
    expect(loadPaneSizes(store)).toEqual({});
    savePaneSizes(store, { side: 220, editor: 520, bottom: 250, label: 410 });
    expect(loadPaneSizes(store)).toEqual({ side: 220, editor: 520, bottom: 250, label: 410 });
    savePaneSizes(store, { editor: 480 });
    expect(loadPaneSizes(store)).toEqual({ editor: 480 });
    store.data.set(paneSizesKey, JSON.stringify({ editor: 600, side: "wide", bottom: -3 }));
    expect(loadPaneSizes(store)).toEqual({ editor: 600 });
    store.data.set(paneSizesKey, "{not json");
    expect(loadPaneSizes(store)).toEqual({});
    store.data.set(paneSizesKey, "null");
    expect(loadPaneSizes(store)).toEqual({});
    expect(loadPaneSizes(undefined)).toEqual({});
  });

  it("a store that refuses never stops the workbench", () => {
    const refusing: SizeStore = {
      getItem: () => {
        throw new Error("SecurityError");
      },
      setItem: () => {
        throw new Error("QuotaExceededError");
      },
    };
    expect(loadPaneSizes(refusing)).toEqual({});
    expect(() => savePaneSizes(refusing, { editor: 400 })).not.toThrow();
  });
});

// @vitest-environment jsdom
import { createSignal } from "solid-js";
import { render } from "solid-js/web";
import { afterEach, describe, expect, test } from "vitest";
import { Splitter } from "../../../../src/ui/layout";
import { makeHost, must, press } from "../dom";

let dispose: (() => void) | undefined;
afterEach(() => {
  dispose?.();
  document.body.innerHTML = "";
});

function mount(orientation: "vertical" | "horizontal", direction: 1 | -1, start = 300) {
  const [size, setSize] = createSignal(start);
  let commits = 0;
  const host = makeHost();
  dispose = render(
    () => (
      <Splitter
        label="Resize the pane"
        orientation={orientation}
        direction={direction}
        value={size()}
        min={200}
        max={400}
        onResize={setSize}
        onCommit={() => commits++}
      />
    ),
    host,
  );
  const sep = must(host.querySelector<HTMLElement>('[role="separator"]'));
  return { sep, size, commits: () => commits };
}

describe("Splitter", () => {
  test("is a focusable separator that states its size and bounds", () => {
    const { sep } = mount("vertical", 1);
    expect(sep.getAttribute("aria-label")).toBe("Resize the pane");
    expect(sep.getAttribute("aria-orientation")).toBe("vertical");
    expect(sep.getAttribute("aria-valuenow")).toBe("300");
    expect(sep.getAttribute("aria-valuemin")).toBe("200");
    expect(sep.getAttribute("aria-valuemax")).toBe("400");
    expect(sep.tabIndex).toBe(0);
  });

  test("arrow keys move it 16 px, with Shift 80 px, within its bounds; Home and End", () => {
    const { sep, size, commits } = mount("vertical", 1);
    sep.focus();
    press("ArrowRight");
    expect(size()).toBe(316);
    expect(sep.getAttribute("aria-valuenow")).toBe("316");
    press("ArrowLeft", { shiftKey: true });
    expect(size()).toBe(236);
    press("ArrowLeft", { shiftKey: true });
    expect(size()).toBe(200);
    press("End");
    expect(size()).toBe(400);
    press("Home");
    expect(size()).toBe(200);
    expect(commits()).toBe(5);
    // Keys of the other direction do nothing, and are left to others.
    expect(press("ArrowDown")).toBe(true);
    expect(size()).toBe(200);
  });

  test("a pane below grows as its top edge moves up", () => {
    const { sep, size } = mount("horizontal", -1);
    sep.focus();
    press("ArrowUp");
    expect(size()).toBe(316);
    press("ArrowDown");
    press("ArrowDown");
    expect(size()).toBe(284);
  });
});

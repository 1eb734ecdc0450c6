import { PaneLimits } from "./pane-sizes";

/** Props of a pane separator. */
export interface SplitterProps {
  /** Accessible name, e.g. "Resize model text". */
  readonly label: string;
  /**
   * `vertical`: a bar between panes side by side, moved left and right; `horizontal`: a bar
   * between panes one above the other, moved up and down.
   */
  readonly orientation: "vertical" | "horizontal";
  /** The size of the pane it resizes, in CSS pixels (aria-valuenow). */
  readonly value: number;
  readonly min: number;
  readonly max: number;
  /**
   * +1 when moving right (or down) makes the pane larger, -1 when it makes it smaller (the
   * details panel under the grid grows as its top edge moves up).
   */
  readonly direction: 1 | -1;
  /** Raised while dragging or on a key press, with the new size within min and max. */
  readonly onResize: (size: number) => void;
  /** Raised when a drag or key press ends: remember the size. */
  readonly onCommit?: () => void;
  /** Extra class names, for placing it. */
  readonly class?: string;
}

/**
 * A pane separator (the WAI-ARIA window splitter pattern): `role="separator"` with its pane's
 * size as aria-valuenow, focusable, moved by dragging with a pointer or by the arrow keys (Shift
 * for bigger steps), Home and End for the smallest and largest size.
 */
export function Splitter(props: SplitterProps) {
  const clampSize = (v: number) => Math.round(Math.min(Math.max(v, props.min), props.max));
  let drag: { start: number; size: number } | undefined;
  const along = (e: PointerEvent) => (props.orientation === "vertical" ? e.clientX : e.clientY);

  const onKeyDown = (e: KeyboardEvent) => {
    const step = e.shiftKey ? PaneLimits.bigStep : PaneLimits.step;
    const back = props.orientation === "vertical" ? "ArrowLeft" : "ArrowUp";
    const forward = props.orientation === "vertical" ? "ArrowRight" : "ArrowDown";
    let next: number;
    if (e.key === back) next = props.value - step * props.direction;
    else if (e.key === forward) next = props.value + step * props.direction;
    else if (e.key === "Home") next = props.min;
    else if (e.key === "End") next = props.max;
    else return;
    e.preventDefault();
    e.stopPropagation();
    props.onResize(clampSize(next));
    props.onCommit?.();
  };

  return (
    <div
      role="separator"
      class={`pc-splitter pc-splitter-${props.orientation}${props.class ? ` ${props.class}` : ""}`}
      tabIndex={0}
      aria-label={props.label}
      aria-orientation={props.orientation}
      aria-valuenow={props.value}
      aria-valuemin={props.min}
      aria-valuemax={props.max}
      onKeyDown={onKeyDown}
      onPointerDown={(e) => {
        if (e.button !== 0) return;
        e.preventDefault();
        e.currentTarget.setPointerCapture(e.pointerId);
        drag = { start: along(e), size: props.value };
      }}
      onPointerMove={(e) => {
        if (!drag) return;
        props.onResize(clampSize(drag.size + (along(e) - drag.start) * props.direction));
      }}
      onPointerUp={(e) => {
        if (!drag) return;
        drag = undefined;
        e.currentTarget.releasePointerCapture(e.pointerId);
        props.onCommit?.();
      }}
      onPointerCancel={() => {
        if (!drag) return;
        drag = undefined;
        props.onCommit?.();
      }}
    />
  );
}

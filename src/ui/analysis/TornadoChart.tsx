import { createMemo, createSignal, For, Show } from "solid-js";
import type {
  SensitivityResultDto as SensitivityResult,
  SensitivityRowDto as SensitivityRow,
} from "../../protocol";
import { toPlotNumber } from "../charts/scale";

/** Geometry of the tornado, in SVG user units (the chart scales to its box). */
export const TornadoLayout = {
  width: 500,
  labelWidth: 150,
  valueRoom: 46,
  rowHeight: 24,
  barHeight: 14,
  top: 22,
  bottom: 8,
} as const;

/** Props of the tornado chart. */
export interface TornadoChartProps {
  readonly result: SensitivityResult;
  /** Enter on a bar: select that input (to trace or edit it). */
  readonly onSelectInput?: (key: string) => void;
}

/** The bar of one row: from the output at the base to its value at the input's low and high ends. */
interface Bar {
  readonly row: SensitivityRow;
  readonly low: number | null;
  readonly high: number | null;
}

/**
 * A tornado chart, drawn as SVG: one bar per input, largest swing at the top (the engine's
 * order), each from the output at the input's low end to its high end around the base value.
 * Decimal strings become floats for drawing only; every label is the engine's own display.
 * Bars are a keyboard list (arrows move, Enter selects the input); the table beside it holds the
 * same figures for screen readers.
 */
export function TornadoChart(props: TornadoChartProps) {
  const [active, setActive] = createSignal(0);
  const unit = () => props.result.outputUnit;
  const bars = createMemo((): Bar[] =>
    props.result.rows.map((row) => ({
      row,
      low: toPlotNumber(row.outputLow?.exact, unit()),
      high: toPlotNumber(row.outputHigh?.exact, unit()),
    })),
  );
  const base = () => toPlotNumber(props.result.base.exact, unit()) ?? 0;
  const domain = createMemo(() => {
    let lo = base();
    let hi = base();
    for (const b of bars())
      for (const v of [b.low, b.high])
        if (v !== null) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
    const pad = hi === lo ? Math.abs(hi) * 0.1 || 1 : (hi - lo) * 0.04;
    return [lo - pad, hi + pad] as const;
  });
  const L = TornadoLayout;
  const x = (v: number) => {
    const [lo, hi] = domain();
    const left = L.labelWidth + L.valueRoom;
    const right = L.width - L.valueRoom;
    return left + ((v - lo) / (hi - lo)) * (right - left);
  };
  const height = () => L.top + props.result.rows.length * L.rowHeight + L.bottom;
  const y = (i: number) => L.top + i * L.rowHeight;

  let group: SVGGElement | undefined;
  const focusRow = (i: number) => {
    const n = props.result.rows.length;
    if (n === 0) return;
    const next = Math.max(0, Math.min(n - 1, i));
    setActive(next);
    group?.querySelectorAll<SVGGElement>("[data-row]")[next]?.focus();
  };
  const onKeyDown = (e: KeyboardEvent, i: number, key: string) => {
    const moves: Record<string, number> = {
      ArrowDown: i + 1,
      ArrowUp: i - 1,
      Home: 0,
      End: props.result.rows.length - 1,
    };
    const to = moves[e.key];
    if (to !== undefined) {
      e.preventDefault();
      focusRow(to);
    } else if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      props.onSelectInput?.(key);
    }
  };
  const describe = (b: Bar) =>
    `${b.row.key}: ${props.result.output} is ${b.row.outputLow?.display ?? "not a number"} at the low end and ` +
    `${b.row.outputHigh?.display ?? "not a number"} at the high end, a swing of ${b.row.swing?.display ?? "none"}`;

  return (
    <figure class="pc-tornado-figure">
      <figcaption class="pc-tornado-legend">
        <span class="pc-tornado-swatch pc-tornado-low" /> {props.result.output} with the input at
        its low end <span class="pc-tornado-swatch pc-tornado-high" /> at its high end
      </figcaption>
      <svg
        class="pc-tornado"
        viewBox={`0 0 ${String(L.width)} ${String(height())}`}
        role="group"
        aria-label={`Tornado chart of ${props.result.output}, largest swing first`}
      >
        <line
          class="pc-tornado-base"
          x1={x(base())}
          x2={x(base())}
          y1={L.top - 6}
          y2={height() - L.bottom}
        />
        <text class="pc-tornado-axis" x={x(base())} y={L.top - 9} text-anchor="middle">
          base {props.result.base.display}
        </text>
        <g role="list" ref={(el) => (group = el)}>
          <For each={bars()}>
            {(b, i) => {
              const mid = () => y(i()) + L.rowHeight / 2;
              const segment = (v: number | null, cls: string) => {
                if (v === null) return null;
                const [a, c] = [x(base()), x(v)];
                return (
                  <rect
                    class={cls}
                    x={Math.min(a, c)}
                    y={mid() - L.barHeight / 2}
                    width={Math.max(1, Math.abs(c - a))}
                    height={L.barHeight}
                  />
                );
              };
              const end = (v: number | null, text: string | undefined) => {
                if (v === null || text === undefined) return null;
                const right = v >= base();
                return (
                  <text
                    class="pc-tornado-value"
                    x={x(v) + (right ? 4 : -4)}
                    y={mid() + 4}
                    text-anchor={right ? "start" : "end"}
                  >
                    {text}
                  </text>
                );
              };
              return (
                <g
                  role="listitem"
                  data-row={b.row.key}
                  class="pc-tornado-row"
                  tabindex={i() === active() ? 0 : -1}
                  aria-label={describe(b)}
                  onFocus={() => setActive(i())}
                  onKeyDown={(e) => onKeyDown(e, i(), b.row.key)}
                  onClick={() => {
                    focusRow(i());
                    props.onSelectInput?.(b.row.key);
                  }}
                >
                  <rect
                    class="pc-tornado-hit"
                    x={0}
                    y={y(i())}
                    width={L.width}
                    height={L.rowHeight}
                  />
                  <text
                    class="pc-tornado-label"
                    x={L.labelWidth - 6}
                    y={mid() + 4}
                    text-anchor="end"
                  >
                    {b.row.key}
                  </text>
                  {segment(b.low, "pc-tornado-low")}
                  {segment(b.high, "pc-tornado-high")}
                  {end(b.low, b.row.outputLow?.display)}
                  {end(b.high, b.row.outputHigh?.display)}
                  <Show when={b.row.swing === undefined}>
                    <text class="pc-tornado-value" x={x(base()) + 4} y={mid() + 4}>
                      {b.row.error ?? "not a number"}
                    </text>
                  </Show>
                </g>
              );
            }}
          </For>
        </g>
      </svg>
    </figure>
  );
}

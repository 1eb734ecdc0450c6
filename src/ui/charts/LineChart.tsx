import { For, createEffect, onCleanup, onMount } from "solid-js";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import type { LineDto } from "../../protocol";
import { formatTick, toPlotNumber } from "./scale";

/** Props of the line chart. */
export interface LineChartProps {
  readonly periods: readonly string[];
  /** The line items to draw; the first unit gets the left axis, a second unit the right axis. */
  readonly lines: readonly LineDto[];
  /** Pixel height of the plot; the width follows the container. */
  readonly height?: number;
  readonly title?: string;
}

/** Series colours: distinct, printable and calm. */
export const ChartColours = [
  "#1d5ba4",
  "#b35c00",
  "#2c6a31",
  "#6a4b9c",
  "#a3191f",
  "#0b5a78",
] as const;

// uPlot's Side is an ambient const enum, which isolatedModules cannot name; these are its values.
const AxisSide = { right: 1, left: 3 } as unknown as {
  readonly right: uPlot.Axis.Side;
  readonly left: uPlot.Axis.Side;
};

const Defaults = { height: 260, width: 600 } as const;

/**
 * Selected line items over the periods, drawn with uPlot. Decimal strings are converted with
 * Number() for drawing only. Lines in a third unit are left out (the axes would lie). A hidden
 * table carries the same figures for screen readers.
 */
export function LineChart(props: LineChartProps) {
  let host: HTMLDivElement | undefined;
  let plot: uPlot | undefined;

  const units = () => [...new Set(props.lines.map((l) => l.unit))].slice(0, 2);
  const drawn = () => props.lines.filter((l) => units().includes(l.unit));

  const build = () => {
    plot?.destroy();
    plot = undefined;
    if (!host) return;
    const [leftUnit = "", rightUnit] = units();
    const lines = drawn();
    const xs = props.periods.map((_, i) => i);
    const data: uPlot.AlignedData = [
      xs,
      ...lines.map((l) =>
        props.periods.map((_, i) => toPlotNumber(l.scalar?.value ?? l.cells[i]?.value, l.unit)),
      ),
    ];
    const axis = (unit: string, side: 1 | 3): uPlot.Axis => ({
      scale: unit,
      side: side === 3 ? AxisSide.left : AxisSide.right,
      stroke: "#5d6673",
      grid: { show: side === 3, stroke: "#e3e5e8", width: 1 },
      ticks: { show: false },
      size: 70,
      values: (_u, ticks) => ticks.map((t) => formatTick(t, unit)),
    });
    plot = new uPlot(
      {
        width: host.clientWidth || Defaults.width,
        height: props.height ?? Defaults.height,
        ...(props.title !== undefined ? { title: props.title } : {}),
        scales: { x: { time: false, range: [-0.25, Math.max(0, props.periods.length - 0.75)] } },
        axes: [
          {
            stroke: "#5d6673",
            grid: { show: false },
            splits: () => xs,
            values: (_u, ticks) => ticks.map((t) => props.periods[t] ?? ""),
          },
          axis(leftUnit, 3),
          ...(rightUnit !== undefined ? [axis(rightUnit, 1)] : []),
        ],
        series: [
          {
            label: "Period",
            // uPlot passes null while the cursor is off the plot, despite its declared type.
            value: (_u: uPlot, v: number | null) => (v === null ? "" : (props.periods[v] ?? "")),
          },
          ...lines.map((l, i) => ({
            label: `${l.label} (${l.unit})`,
            scale: l.unit,
            stroke: ChartColours[i % ChartColours.length] ?? "#000",
            width: 2,
            points: { show: true, size: 6 },
            value: (_u: uPlot, v: number | null) => (v === null ? "–" : formatTick(v, l.unit)),
          })),
        ],
        legend: { live: true },
        cursor: { drag: { x: false, y: false } },
      },
      data,
      host,
    );
  };

  onMount(() => {
    const el = host;
    if (!el) return;
    const resize = new ResizeObserver(() => {
      plot?.setSize({
        width: el.clientWidth || Defaults.width,
        height: props.height ?? Defaults.height,
      });
    });
    resize.observe(el);
    onCleanup(() => {
      resize.disconnect();
      plot?.destroy();
    });
  });
  // Rebuilt whenever the lines or periods change: a chart has a handful of series.
  createEffect(build);

  return (
    <figure class="pc-chart" aria-label={props.title ?? "Chart"}>
      <div
        class="pc-chart-plot"
        aria-hidden="true"
        ref={(el) => {
          host = el;
        }}
      />
      <table class="pc-visually-hidden">
        <caption>{props.title ?? "Chart data"}</caption>
        <thead>
          <tr>
            <th scope="col">Line item</th>
            <For each={props.periods}>{(p) => <th scope="col">{p}</th>}</For>
          </tr>
        </thead>
        <tbody>
          <For each={drawn()}>
            {(l) => (
              <tr>
                <th scope="row">{l.label}</th>
                <For each={props.periods}>
                  {(_, i) => <td>{(l.scalar ?? l.cells[i()])?.display ?? ""}</td>}
                </For>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </figure>
  );
}

import { createSignal, type JSX } from "solid-js";
import { FormulaEditor, type EditorHandle } from "../editor";
import { Grid, GridLegend, type GridSelection } from "../grid";
import { TracePanel } from "../trace";
import { ChecksList, MasterCheckBadge } from "../checks";
import { ComparisonTable, ScenarioSwitcher } from "../scenarios";
import { LineChart } from "../charts";
import { rootClass } from "../theme";
import { councilTax, councilTaxLineage, tomComparison, tomLines, tomPeriods } from "./samples";
import { makeLargeEvaluation } from "./large";
import { councilTaxText } from "./model-text";
import type { DiagnosticDto, LineageDto } from "../../protocol";

const at = (needle: string) => {
  const from = councilTaxText.indexOf(needle);
  return { from, to: from + needle.length };
};

/** An error value's lineage: the division by zero in 2018/19 and where it started. */
const errorLineage: LineageDto = {
  revision: 42,
  dependents: [],
  checks: [],
  tree: {
    key: "gap_share_of_tax",
    period: "2018/19",
    formula: "remaining_gap / council_tax_growth",
    value: null,
    display: "",
    unit: "%",
    error: {
      code: "P4003",
      message: "Division by zero: 'council_tax_growth' is £0 in 2018/19.",
      origin: { item: "council_tax_growth", period: "2018/19" },
    },
    from: 0,
    to: 0,
    children: [
      {
        key: "remaining_gap",
        period: "2018/19",
        value: "0",
        display: "–",
        unit: "£m",
        from: 0,
        to: 0,
        children: [],
      },
      {
        key: "council_tax_growth",
        period: "2018/19",
        formula: "total_council_tax - prev(total_council_tax, total_council_tax)",
        value: "0",
        display: "–",
        unit: "£m",
        from: 0,
        to: 0,
        children: [],
      },
    ],
  },
};

/** Diagnostics as the worker would send them for the sample text. */
const sampleDiagnostics: DiagnosticDto[] = [
  {
    code: "P2001",
    severity: "error",
    message: "Unknown line item 'remaining_gap'. Define it, or check the spelling.",
    ...at("remaining_gap"),
  },
  {
    code: "P3001",
    severity: "error",
    message: "Cannot add '%' to '£m / £m' (a plain number). Did you mean to multiply?",
    ...at("remaining_gap / (total_council_tax - total_council_tax[-1]) + taxbase_growth"),
  },
  {
    code: "P3104",
    severity: "warning",
    message: "Comparing with '≈' and a tolerance of £0.001m rounds away £500. Use £1 or less.",
    ...at("within £0.001m"),
  },
];

const describeLine = (key: string): string | undefined => {
  const line = councilTax.lines.find((l) => l.key === key || l.name === key);
  if (!line) return undefined;
  if (line.scalar) return `${line.label} (${line.unit})\nAll periods  ${line.scalar.display}`;
  const rows = councilTax.periods.map(
    (p, i) => `${p}  ${(line.cells[i]?.display ?? "").padStart(12)}`,
  );
  return [`${line.label} (${line.unit})`, ...rows].join("\n");
};

/** One labelled exhibit of the gallery. */
function Exhibit(props: { title: string; id: string; children: JSX.Element }) {
  return (
    <section class="gallery-exhibit" id={props.id}>
      <h2 class="pc-panel-title">{props.title}</h2>
      {props.children}
    </section>
  );
}

/**
 * The dev-only component gallery: every workbench component rendered from sample DTOs, with an
 * event log so the raised callbacks can be seen. Served by Vite at /gallery.html.
 */
export function Gallery() {
  const [log, setLog] = createSignal<string[]>([]);
  const note = (s: string) => setLog((l) => [s, ...l].slice(0, 8));
  const [selection, setSelection] = createSignal<GridSelection | null>(null);
  const [labelWidth, setLabelWidth] = createSignal(300);
  const [large, setLarge] = createSignal(makeLargeEvaluation(1500));
  // Replaces every LineDto (as a new evaluation does) with one figure changed, and times the update.
  const recompute = () => {
    const next = makeLargeEvaluation(1500);
    const n = Math.floor(Math.random() * next.lines.length);
    next.lines = next.lines.map((l, i) =>
      i === n ? { ...l, cells: l.cells.map((c, p) => (p === 0 ? { ...c, display: "£1" } : c)) } : l,
    );
    const t0 = performance.now();
    setLarge(next);
    note(`update of 7,500 cells took ${(performance.now() - t0).toFixed(1)} ms (line ${n + 1})`);
  };
  let editor: EditorHandle | undefined;
  const [scenario, setScenario] = createSignal<string | null>(null);
  const tomScenarios = [
    { name: "low", label: "Low end" },
    { name: "high", label: "High end" },
  ];
  return (
    <div class={`${rootClass} gallery`}>
      <header class="gallery-header">
        <h1>Precept component gallery</h1>
        <output class="gallery-log" aria-live="polite">
          {log().join("  ·  ") || "Events appear here."}
        </output>
      </header>
      <Exhibit title="Editor: council tax model" id="editor">
        <div class="gallery-toolbar">
          <button
            class="pc-button"
            onClick={() => editor?.revealSpan(at("band_d [£]").from, at("band_d [£]").to)}
          >
            Reveal band_d
          </button>
        </div>
        <div class="gallery-frame" style={{ height: "440px" }}>
          <FormulaEditor
            initialText={councilTaxText}
            diagnostics={sampleDiagnostics}
            completions={{
              names: councilTax.lines.map((l) => l.name).filter((n, i, a) => a.indexOf(n) === i),
              functions: [
                "sum",
                "min",
                "max",
                "average",
                "cumsum",
                "prev",
                "round",
                "npv",
                "irr",
                "pmt",
              ],
              periods: councilTax.periods,
              members: ["children", "adults", "public_health", "communities", "resources"],
              details: Object.fromEntries(councilTax.lines.map((l) => [l.name, l.unit])),
            }}
            describeLine={describeLine}
            onChange={(t) => note(`change (${t.length} chars)`)}
            onTrace={(k) => note(`trace ${k}`)}
            onSave={() => note("save")}
            onReady={(h) => (editor = h)}
          />
        </div>
      </Exhibit>
      <Exhibit title="Grid: council tax projection" id="grid">
        <div class="gallery-frame" style={{ height: "520px" }}>
          <Grid
            periods={councilTax.periods}
            lines={councilTax.lines}
            selection={selection()}
            marked={
              selection()?.key === "total_council_tax" && selection()?.period === "2021/22"
                ? councilTaxLineage.tree.children.map((c) => ({
                    key: c.key,
                    period: c.period ?? null,
                  }))
                : []
            }
            label={councilTax.title}
            labelWidth={labelWidth()}
            onLabelWidth={setLabelWidth}
            onLabelWidthCommit={() => note(`label column ${labelWidth()} px`)}
            onSelect={(key, period) => {
              setSelection({ key, period });
              note(`select ${key} ${period ?? "(all)"}`);
            }}
            onTrace={(key, period) => note(`trace ${key} ${period ?? "(all)"}`)}
          />
        </div>
        <GridLegend />
      </Exhibit>
      <Exhibit title="Trace: total council tax income, 2021/22" id="trace">
        <div class="gallery-frame" style={{ width: "640px" }}>
          <TracePanel
            lineage={councilTaxLineage}
            onNavigate={(k, p) => note(`navigate ${k} ${p ?? "(all)"}`)}
            onReveal={(f, t) => note(`reveal ${f}..${t}`)}
          />
        </div>
      </Exhibit>
      <Exhibit title="Trace: an error value" id="trace-error">
        <div class="gallery-frame" style={{ width: "640px" }}>
          <TracePanel
            lineage={errorLineage}
            onNavigate={(k, p) => note(`navigate ${k} ${p ?? "(all)"}`)}
          />
        </div>
      </Exhibit>
      <Exhibit title="Checks: master badge states and the list" id="checks">
        <div class="gallery-toolbar" id="badges">
          <MasterCheckBadge masterCheck={{ passed: true, failed: 0, known: 0 }} />
          <MasterCheckBadge masterCheck={{ passed: true, failed: 0, known: 2 }} />
          <MasterCheckBadge
            masterCheck={councilTax.masterCheck}
            onOpen={() => note("open checks")}
          />
          <MasterCheckBadge masterCheck={{ passed: false, failed: 3, known: 0 }} />
        </div>
        <div class="gallery-frame" style={{ width: "640px" }}>
          <ChecksList checks={councilTax.checks} onReveal={(f, t) => note(`reveal ${f}..${t}`)} />
        </div>
      </Exhibit>
      <Exhibit title="Scenarios: switcher and TOM cost-benefit comparison" id="scenarios">
        <div class="gallery-toolbar">
          <ScenarioSwitcher
            scenarios={councilTax.scenarios}
            current={scenario()}
            onSwitch={(n) => {
              setScenario(n);
              note(`switch ${n ?? "base"}`);
            }}
          />
        </div>
        <div class="gallery-frame">
          <ComparisonTable
            comparison={tomComparison}
            scenarios={tomScenarios}
            onSelect={(k) => note(`select ${k}`)}
          />
        </div>
      </Exhibit>
      <Exhibit title="Chart: TOM benefits and costs (high end)" id="chart">
        <div class="gallery-frame" style={{ width: "760px" }}>
          <LineChart periods={tomPeriods} lines={tomLines} title="TOM cost-benefit, high end" />
        </div>
      </Exhibit>
      <Exhibit title="Chart: council tax income and band D (two units)" id="chart2">
        <div class="gallery-frame" style={{ width: "760px" }}>
          <LineChart
            periods={councilTax.periods}
            lines={councilTax.lines.filter(
              (l) => l.key === "total_council_tax" || l.key === "band_d",
            )}
            height={220}
          />
        </div>
      </Exhibit>
      <Exhibit title="Grid: 1,500 line items" id="grid-large">
        <div class="gallery-toolbar">
          <button class="pc-button" onClick={recompute}>
            New evaluation, one figure changed
          </button>
        </div>
        <div class="gallery-frame" style={{ height: "300px" }}>
          <Grid periods={large().periods} lines={large().lines} label="Large model" />
        </div>
      </Exhibit>
    </div>
  );
}

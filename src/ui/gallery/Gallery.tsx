import { createSignal, type JSX } from "solid-js";
import { Grid, type GridSelection } from "../grid";
import { rootClass } from "../theme";
import { councilTax } from "./samples";
import { makeLargeEvaluation } from "./large";

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
  const large = makeLargeEvaluation(1500);
  return (
    <div class={`${rootClass} gallery`}>
      <header class="gallery-header">
        <h1>Precept component gallery</h1>
        <output class="gallery-log" aria-live="polite">
          {log().join("  ·  ") || "Events appear here."}
        </output>
      </header>
      <Exhibit title="Grid: council tax projection" id="grid">
        <div class="gallery-frame" style={{ height: "520px" }}>
          <Grid
            periods={councilTax.periods}
            lines={councilTax.lines}
            selection={selection()}
            label={councilTax.title}
            onSelect={(key, period) => {
              setSelection({ key, period });
              note(`select ${key} ${period ?? "(all)"}`);
            }}
            onTrace={(key, period) => note(`trace ${key} ${period ?? "(all)"}`)}
          />
        </div>
      </Exhibit>
      <Exhibit title="Grid: 1,500 line items" id="grid-large">
        <div class="gallery-frame" style={{ height: "300px" }}>
          <Grid periods={large.periods} lines={large.lines} label="Large model" />
        </div>
      </Exhibit>
    </div>
  );
}

import { For, Show } from "solid-js";
import type { LineageDto } from "../../protocol";
import { ExplainTree } from "./ExplainTree";
import { formatRef } from "./flatten";
import { FormulaText } from "./FormulaText";

/** Props of the lineage panel. */
export interface TracePanelProps {
  /** The selected cell's lineage, or null when nothing is selected. */
  readonly lineage: LineageDto | null;
  /** Raised when a referenced value or a dependent is clicked: select that cell. */
  readonly onNavigate?: (key: string, period: string | null) => void;
  /** Raised by "Show in text": select the formula's span in the editor. */
  readonly onReveal?: (from: number, to: number) => void;
  /** Raised by "Goal seek…" on a calculated figure: open the goal seek dialog for it. */
  readonly onGoalSeek?: () => void;
}

/**
 * Where a number came from: the selected cell's formula and value, the values it used with their
 * sources, the lines and checks that use it (a check is shown in the text when clicked), and the
 * full derivation as an expandable tree.
 */
export function TracePanel(props: TracePanelProps) {
  const navigate = (key: string, period: string | null) => props.onNavigate?.(key, period);
  return (
    <section class="pc-trace" aria-label="Lineage">
      <Show
        when={props.lineage}
        fallback={<p class="pc-empty">Select a figure to see where it came from.</p>}
      >
        {(lineage) => {
          const tree = () => lineage().tree;
          return (
            <>
              <header class="pc-trace-head">
                <h3 class="pc-trace-ref">{formatRef(tree())}</h3>
                <span
                  class="pc-trace-value pc-fig"
                  classList={{ "pc-trace-error": !!tree().error }}
                >
                  {tree().error?.code ?? tree().display}
                </span>
                <span class="pc-muted pc-trace-unit">{tree().unit}</span>
              </header>
              <Show when={tree().error}>
                {(err) => (
                  <p class="pc-trace-errmsg" role="note">
                    {err().message}
                    <Show when={err().origin}>
                      {(o) => (
                        <>
                          {" "}
                          Started at{" "}
                          <button
                            class="pc-link"
                            onClick={() => navigate(o().item, o().period ?? null)}
                          >
                            {formatRef({
                              key: o().item,
                              ...(o().period ? { period: o().period } : {}),
                            })}
                          </button>
                          .
                        </>
                      )}
                    </Show>
                  </p>
                )}
              </Show>
              <div class="pc-trace-formula">
                <Show
                  when={tree().formula}
                  fallback={<code class="pc-formula pc-muted">(input)</code>}
                >
                  {(f) => <FormulaText text={f()} />}
                </Show>
                <Show when={props.onReveal}>
                  <button
                    class="pc-button pc-trace-reveal"
                    onClick={() => props.onReveal?.(tree().from, tree().to)}
                  >
                    Show in text
                  </button>
                </Show>
                <Show when={props.onGoalSeek && tree().formula}>
                  <button
                    class="pc-button pc-trace-reveal"
                    aria-keyshortcuts="Alt+G"
                    title="Find the input value that makes this figure reach a target (Alt+G)"
                    onClick={() => props.onGoalSeek?.()}
                  >
                    Goal seek…
                  </button>
                </Show>
              </div>
              <Show when={tree().source}>
                {(s) => <p class="pc-trace-source">Source: {s()}</p>}
              </Show>

              <h4 class="pc-panel-title">Uses</h4>
              <Show
                when={tree().children.length > 0}
                fallback={<p class="pc-empty">No other values.</p>}
              >
                <table class="pc-trace-uses">
                  <tbody>
                    <For each={tree().children}>
                      {(child) => (
                        <tr>
                          <td>
                            <button
                              class="pc-link"
                              onClick={() => navigate(child.key, child.period ?? null)}
                            >
                              {formatRef(child)}
                            </button>
                          </td>
                          <td class="pc-fig">{child.error?.code ?? child.display}</td>
                          <td class="pc-trace-origin">
                            <Show
                              when={child.source}
                              fallback={
                                <span class="pc-mono pc-muted">
                                  {child.formula ? `= ${child.formula}` : ""}
                                </span>
                              }
                            >
                              {(src) => <span class="pc-trace-src">source: {src()}</span>}
                            </Show>
                          </td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </Show>

              <h4 class="pc-panel-title">Used by</h4>
              <Show
                when={lineage().dependents.length + lineage().checks.length > 0}
                fallback={<p class="pc-empty">Nothing uses this value.</p>}
              >
                <ul class="pc-trace-deps">
                  <For each={lineage().dependents}>
                    {(d) => (
                      <li>
                        <button
                          class="pc-link"
                          onClick={() => navigate(d.key, tree().period ?? null)}
                        >
                          {d.key}
                        </button>{" "}
                        <span class="pc-muted">{d.label}</span>
                      </li>
                    )}
                  </For>
                  <For each={lineage().checks}>
                    {(c) => (
                      <li class="pc-trace-dep-check">
                        <span class="pc-trace-kind">check</span>{" "}
                        <button
                          class="pc-link"
                          aria-label={`Check ${c.name}: show in text`}
                          onClick={() => props.onReveal?.(c.from, c.to)}
                        >
                          {c.name}
                        </button>{" "}
                        <Show when={c.label !== "" && c.label !== c.name}>
                          <span class="pc-muted">{c.label}</span>
                        </Show>
                      </li>
                    )}
                  </For>
                </ul>
              </Show>

              <h4 class="pc-panel-title">Derivation</h4>
              <ExplainTree
                root={tree()}
                onNavigate={navigate}
                label={`Derivation of ${formatRef(tree())}`}
              />
            </>
          );
        }}
      </Show>
    </section>
  );
}

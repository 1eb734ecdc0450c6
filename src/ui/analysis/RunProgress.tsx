import { Show } from "solid-js";
import type { AnalysisRun } from "./run";

/**
 * "Running… 3 of 20 inputs" with a Cancel button, shown only once a run has taken longer than
 * `AnalysisTiming.progressAfterMs`, so quick runs do not flicker.
 */
export function RunProgress(props: { readonly run: AnalysisRun }) {
  return (
    <Show when={props.run.slow() ? props.run.state() : null}>
      {(state) => (
        <div class="pc-analysis-progress" role="status">
          <span>
            {state().label}…
            <Show when={state().total !== undefined}>
              {" "}
              {state().done ?? 0} of {state().total} inputs
            </Show>
          </span>
          <Show when={state().total !== undefined}>
            <progress max={state().total ?? 1} value={state().done ?? 0} />
          </Show>
          <button type="button" class="pc-button" onClick={() => props.run.cancel()}>
            Cancel
          </button>
        </div>
      )}
    </Show>
  );
}

import { Match, Switch } from "solid-js";
import type { SaveState } from "../stores";

/** The save indicator. "Saved" appears only once the worker confirmed the transaction completed. */
export function SaveStatus(props: {
  state: SaveState;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
  onRetry: () => void;
}) {
  const time = (at: number) =>
    at > 0 ? new Date(at).toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" }) : "";
  return (
    <span class="pc-save" role="status" aria-live="polite" data-save={props.state.kind}>
      <Switch>
        <Match when={props.state.kind === "saved" && props.state}>
          {(s) => <>Saved{time(s().at) ? ` ${time(s().at)}` : ""}</>}
        </Match>
        <Match when={props.state.kind === "saving"}>Saving…</Match>
        <Match when={props.state.kind === "unsaved"}>Unsaved changes</Match>
        <Match when={props.state.kind === "failed" && props.state}>
          {(s) => (
            <span class="pc-save-error">
              Not saved: {s().message}{" "}
              <button type="button" class="pc-link" onClick={() => props.onRetry()}>
                Retry
              </button>
            </span>
          )}
        </Match>
        <Match when={props.state.kind === "conflict" && props.state}>
          {(s) => (
            <span class="pc-save-error">
              {s().message}{" "}
              <button type="button" class="pc-link" onClick={() => props.onKeepMine()}>
                Keep mine
              </button>{" "}
              <button type="button" class="pc-link" onClick={() => props.onTakeTheirs()}>
                Take theirs
              </button>
            </span>
          )}
        </Match>
      </Switch>
    </span>
  );
}

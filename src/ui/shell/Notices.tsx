import { For, Show } from "solid-js";
import type { Notice } from "../stores";

/** Transient messages (imports, deletions with Undo, storage errors). Errors are announced assertively. */
export function Notices(props: { notices: readonly Notice[]; onDismiss: (id: number) => void }) {
  return (
    <div class="pc-notices">
      <For each={props.notices}>
        {(notice) => (
          <div
            class="pc-notice"
            data-tone={notice.tone}
            role={notice.tone === "error" ? "alert" : "status"}
          >
            <span>{notice.text}</span>
            <Show when={notice.action}>
              {(action) => (
                <button
                  type="button"
                  class="pc-link"
                  onClick={() => {
                    action().run();
                    props.onDismiss(notice.id);
                  }}
                >
                  {action().label}
                </button>
              )}
            </Show>
            <button
              type="button"
              class="pc-notice-close"
              aria-label="Dismiss"
              onClick={() => props.onDismiss(notice.id)}
            >
              ×
            </button>
          </div>
        )}
      </For>
    </div>
  );
}

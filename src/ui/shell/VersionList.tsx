import { For, Show } from "solid-js";
import type { VersionDto } from "../../protocol";

/** The version history of the open model, newest first. Restoring makes a new version. */
export function VersionList(props: {
  versions: readonly VersionDto[];
  currentRev: number;
  onRestore: (versionId: number) => void;
  onSaveVersion: (label: string) => void;
}) {
  const when = (at: number) =>
    new Date(at).toLocaleString("en-GB", {
      day: "numeric",
      month: "short",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
  let labelInput: HTMLInputElement | undefined;
  return (
    <section class="pc-versions" aria-label="Version history">
      <form
        class="pc-version-form"
        onSubmit={(e) => {
          e.preventDefault();
          props.onSaveVersion(labelInput?.value.trim() ?? "");
          if (labelInput) labelInput.value = "";
        }}
      >
        <input
          ref={(el) => (labelInput = el)}
          aria-label="Version label"
          placeholder="Label (optional)"
        />
        <button type="submit">Save version</button>
      </form>
      <ol reversed>
        <For each={[...props.versions].reverse()}>
          {(version) => (
            <li classList={{ "pc-current": version.rev === props.currentRev }}>
              <span class="pc-version-rev">v{version.rev}</span>
              <span class="pc-version-when">{when(version.savedAt)}</span>
              <Show when={version.label}>
                <span class="pc-version-label">{version.label}</span>
              </Show>
              <Show when={version.rev !== props.currentRev}>
                <button
                  type="button"
                  class="pc-link"
                  aria-label={`Restore version ${version.rev}`}
                  onClick={() => props.onRestore(version.id)}
                >
                  Restore
                </button>
              </Show>
            </li>
          )}
        </For>
      </ol>
    </section>
  );
}

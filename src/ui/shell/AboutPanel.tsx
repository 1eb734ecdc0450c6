import { createSignal, Show } from "solid-js";
import type { StorageStatusDto } from "../../protocol";
import { runSecuritySelfCheck, type SecurityCheckResult } from "./security-check";

const mib = (bytes: number | null) =>
  bytes === null ? "unknown" : `${(bytes / 2 ** 20).toFixed(1)} MB`;

/** Storage protection status and the security self-check. */
export function AboutPanel(props: { storage: StorageStatusDto | null; onRefresh: () => void }) {
  const [security, setSecurity] = createSignal<SecurityCheckResult | null>(null);
  return (
    <section class="pc-about" aria-label="About and storage">
      <h2>Storage</h2>
      <Show when={props.storage} fallback={<p>Storage status unknown.</p>}>
        {(storage) => (
          <p data-persisted={String(storage().persisted)}>
            {storage().persisted
              ? "Your models are protected from automatic browser clean-up."
              : "The browser may clear your models if space runs low: download important models as files."}{" "}
            Using {mib(storage().usage)} of {mib(storage().quota)}.
          </p>
        )}
      </Show>
      <button type="button" onClick={() => props.onRefresh()}>
        Refresh storage status
      </button>
      <h2>Security</h2>
      <p>Model files are data: nothing in them can run as code in this page.</p>
      <button type="button" onClick={() => setSecurity(runSecuritySelfCheck())}>
        Run security self-check
      </button>
      <Show when={security()}>
        {(result) => (
          <output role="status" data-blocked={String(result().blocked)}>
            {result().message}
          </output>
        )}
      </Show>
    </section>
  );
}

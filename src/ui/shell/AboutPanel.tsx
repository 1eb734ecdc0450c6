import { createSignal, Show } from "solid-js";
import type { SecurityCheckDto, StorageStatusDto } from "../../protocol";
import {
  describeWorkerCheck,
  runSecuritySelfCheck,
  type SecurityCheckResult,
} from "./security-check";

const mib = (bytes: number | null) =>
  bytes === null ? "unknown" : `${(bytes / 2 ** 20).toFixed(1)} MB`;

/**
 * Storage protection status and the security self-check, which tries to compile code from text
 * in the page and in the engine worker (each has its own Content-Security-Policy).
 */
export function AboutPanel(props: {
  storage: StorageStatusDto | null;
  onRefresh: () => void;
  /** Runs the engine worker's own check; null when the worker did not answer. */
  checkWorker: () => Promise<SecurityCheckDto | null>;
}) {
  const [security, setSecurity] = createSignal<SecurityCheckResult | null>(null);
  const [worker, setWorker] = createSignal<SecurityCheckResult | null>(null);
  const runChecks = async () => {
    setSecurity(runSecuritySelfCheck());
    setWorker(null);
    setWorker(describeWorkerCheck(await props.checkWorker()));
  };
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
      <button type="button" onClick={() => void runChecks()}>
        Run security self-check
      </button>
      <Show when={security()}>
        {(result) => (
          <output role="status" data-check="page" data-blocked={String(result().blocked)}>
            {result().message}
          </output>
        )}
      </Show>
      <Show when={worker()}>
        {(result) => (
          <output role="status" data-check="worker" data-blocked={String(result().blocked)}>
            {result().message}
          </output>
        )}
      </Show>
    </section>
  );
}

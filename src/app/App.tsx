import { createSignal, Show } from "solid-js";
import { appName, runSecuritySelfCheck, type SecurityCheckResult } from "../ui/shell";

/** The top-level layout of the workbench. */
export function App() {
  const [security, setSecurity] = createSignal<SecurityCheckResult | null>(null);
  return (
    <div class="app">
      <header class="app-header">
        <h1>{appName}</h1>
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
      </header>
      <main>
        <table role="grid" aria-label="Model">
          <thead>
            <tr>
              <th scope="col">Line item</th>
            </tr>
          </thead>
          <tbody />
        </table>
      </main>
    </div>
  );
}

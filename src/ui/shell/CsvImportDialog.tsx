import { For, onMount, Show } from "solid-js";

/** What the worker says an import would do (`previewCsvImport`), as the dialog shows it. */
export type CsvImportView =
  | {
      readonly ok: true;
      readonly inputs: readonly string[];
      readonly changes: readonly {
        readonly key: string;
        readonly period: string;
        readonly before: string | null;
        readonly after: string;
      }[];
      readonly ignored: number;
    }
  | { readonly ok: false; readonly code: string; readonly message: string; readonly line?: number };

/**
 * The preview of a CSV import: every figure that would change, before and after, with Apply and
 * Cancel; or why the file cannot be imported. Nothing changes until Apply. Escape cancels.
 */
export function CsvImportDialog(props: {
  readonly file: string;
  readonly preview: CsvImportView;
  readonly onApply: () => void;
  readonly onCancel: () => void;
}) {
  let first: HTMLButtonElement | undefined;
  onMount(() => first?.focus());
  return (
    <div
      class="pc-import-dialog"
      role="dialog"
      aria-modal="true"
      aria-labelledby="pc-import-title"
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          e.preventDefault();
          props.onCancel();
        }
      }}
    >
      <h2 id="pc-import-title">Import figures from {props.file}</h2>
      <Show
        when={props.preview.ok ? props.preview : undefined}
        fallback={
          <>
            <p class="pc-import-error" role="alert">
              {!props.preview.ok &&
                `${props.preview.code}${props.preview.line === undefined ? "" : ` (line ${props.preview.line})`}: ${props.preview.message}`}
            </p>
            <div class="pc-import-buttons">
              <button ref={(el) => (first = el)} type="button" onClick={() => props.onCancel()}>
                Close
              </button>
            </div>
          </>
        }
      >
        {(preview) => (
          <>
            <p>
              {preview().changes.length} figure{preview().changes.length === 1 ? "" : "s"} in{" "}
              {preview().inputs.join(", ")} would change
              {preview().ignored > 0 ? `; ${preview().ignored} rows are left alone` : ""}. Nothing
              changes until you apply them.
            </p>
            <div class="pc-import-table">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Line</th>
                    <th scope="col">Period</th>
                    <th scope="col">Now</th>
                    <th scope="col">Imported</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={preview().changes}>
                    {(c) => (
                      <tr>
                        <td>{c.key}</td>
                        <td>{c.period}</td>
                        <td class="pc-num">{c.before ?? "none"}</td>
                        <td class="pc-num">{c.after}</td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
            <div class="pc-import-buttons">
              <button ref={(el) => (first = el)} type="button" onClick={() => props.onApply()}>
                Apply
              </button>
              <button type="button" onClick={() => props.onCancel()}>
                Cancel
              </button>
            </div>
          </>
        )}
      </Show>
    </div>
  );
}

import { For, Show } from "solid-js";
import type { CheckDto } from "../../protocol";

/** Props of the list of checks. */
export interface ChecksListProps {
  readonly checks: readonly CheckDto[];
  /** Raised when a check's name is clicked: show its line in the editor. */
  readonly onReveal?: (from: number, to: number) => void;
}

/** Props of one check's entry. */
interface CheckEntryProps {
  readonly check: CheckDto;
  readonly onReveal?: ((from: number, to: number) => void) | undefined;
}

function CheckEntry(props: CheckEntryProps) {
  return (
    <li class="pc-check">
      <div class="pc-check-head">
        <button class="pc-link" onClick={() => props.onReveal?.(props.check.from, props.check.to)}>
          {props.check.name}
        </button>
        <span class="pc-check-label">{props.check.label}</span>
      </div>
      <Show when={props.check.known}>
        {(k) => <p class="pc-check-known">Known finding: {k()}</p>}
      </Show>
      <Show when={props.check.failures.length > 0}>
        <table class="pc-check-failures">
          <thead>
            <tr>
              <th scope="col">Period</th>
              <th scope="col" class="pc-fig">
                Left
              </th>
              <th scope="col" class="pc-fig">
                Right
              </th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.check.failures}>
              {(f) => (
                <tr>
                  <td>{f.period ?? "All"}</td>
                  <td class="pc-fig">{f.left}</td>
                  <td class="pc-fig">{f.right}</td>
                  <td class="pc-muted">{f.message}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>
    </li>
  );
}

/**
 * Every check of the model in three groups: failed, known findings (failing, but explained) and
 * passed. Failures list the period and both sides as the worker formatted them.
 */
export function ChecksList(props: ChecksListProps) {
  const failed = () => props.checks.filter((c) => !c.passed && c.known === undefined);
  const known = () => props.checks.filter((c) => !c.passed && c.known !== undefined);
  const passed = () => props.checks.filter((c) => c.passed);
  const group = (title: string, kind: string, list: () => readonly CheckDto[]) => (
    <Show when={list().length > 0}>
      <section class="pc-checks-group" data-group={kind} aria-label={title}>
        <h4 class="pc-panel-title">
          {title} <span class="pc-checks-count">{list().length}</span>
        </h4>
        <ul class="pc-checks-list">
          <For each={list()}>{(c) => <CheckEntry check={c} onReveal={props.onReveal} />}</For>
        </ul>
      </section>
    </Show>
  );
  return (
    <div class="pc-checks">
      <Show
        when={props.checks.length > 0}
        fallback={<p class="pc-empty">This model has no checks.</p>}
      >
        {group("Failed", "failed", failed)}
        {group("Known findings", "known", known)}
        {group("Passed", "passed", passed)}
      </Show>
    </div>
  );
}

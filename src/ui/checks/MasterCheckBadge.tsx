import { Show } from "solid-js";
import { describeErrors, describeMaster, masterState, type MasterCheck } from "./state";

/** Props of the always-visible master check badge. */
export interface MasterCheckBadgeProps {
  readonly masterCheck: MasterCheck;
  /** How many error diagnostics the model has; shown apart from the checks. */
  readonly errors?: number;
  /** Raised on click: typically opens the checks list. Without it the badge is plain text. */
  readonly onOpen?: () => void;
  /** Raised by a click on the error count: typically shows the first error in the text. */
  readonly onShowErrors?: () => void;
}

const marks = { passed: "✓", known: "✓", failed: "✗", unproven: "–" } as const;

/**
 * The model's master check: green when every check holds, amber when the only failures are known
 * findings, red when any check fails. A model with errors shows their count, in red, beside it,
 * and its checks are never green ("unproven"): checks over a model with errors prove nothing.
 * Its text is a live region, so a change is announced.
 */
export function MasterCheckBadge(props: MasterCheckBadgeProps) {
  const errors = () => props.errors ?? 0;
  const state = () => masterState(props.masterCheck, errors());
  const content = () => (
    <>
      <span class="pc-badge-mark" aria-hidden="true">
        {marks[state()]}
      </span>
      <span class="pc-badge-text">{describeMaster(props.masterCheck, errors())}</span>
    </>
  );
  return (
    <span class="pc-badge-wrap" role="status" aria-live="polite">
      <Show when={errors() > 0}>
        <Show
          when={props.onShowErrors}
          fallback={
            <span class="pc-badge pc-badge-errors" data-state="error">
              {describeErrors(errors())}
            </span>
          }
        >
          <button
            class="pc-badge pc-badge-errors"
            data-state="error"
            onClick={() => props.onShowErrors?.()}
            title="Show the first error in the text"
          >
            <span class="pc-badge-mark" aria-hidden="true">
              ✗
            </span>
            <span class="pc-badge-text">{describeErrors(errors())}</span>
          </button>
        </Show>
      </Show>
      <Show
        when={props.onOpen}
        fallback={
          <span class="pc-badge" data-state={state()}>
            {content()}
          </span>
        }
      >
        <button
          class="pc-badge"
          data-state={state()}
          onClick={() => props.onOpen?.()}
          title={
            state() === "unproven" ? "Checks over a model with errors prove nothing" : "Show checks"
          }
        >
          {content()}
        </button>
      </Show>
    </span>
  );
}

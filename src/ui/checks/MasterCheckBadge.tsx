import { Show } from "solid-js";
import { describeMaster, masterState, type MasterCheck } from "./state";

/** Props of the always-visible master check badge. */
export interface MasterCheckBadgeProps {
  readonly masterCheck: MasterCheck;
  /** Raised on click: typically opens the checks list. Without it the badge is plain text. */
  readonly onOpen?: () => void;
}

const marks = { passed: "✓", known: "✓", failed: "✗" } as const;

/**
 * The model's master check: green when every check holds, amber when the only failures are known
 * findings, red when any check fails. Its text is a live region, so a change is announced.
 */
export function MasterCheckBadge(props: MasterCheckBadgeProps) {
  const state = () => masterState(props.masterCheck);
  const content = () => (
    <>
      <span class="pc-badge-mark" aria-hidden="true">
        {marks[state()]}
      </span>
      <span class="pc-badge-text">{describeMaster(props.masterCheck)}</span>
    </>
  );
  return (
    <span class="pc-badge-wrap" role="status" aria-live="polite">
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
          title="Show checks"
        >
          {content()}
        </button>
      </Show>
    </span>
  );
}

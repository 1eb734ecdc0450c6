import { createSignal, type Accessor } from "solid-js";

/** Tunables of how the workbench runs analyses in the worker. */
export const AnalysisTiming = {
  /** A run that takes longer than this shows its progress and a Cancel button. */
  progressAfterMs: 200,
  /** The worker's time budget for one step of a sensitivity run, between progress reports. */
  sliceMs: 50,
} as const;

/** Where a run is, while it runs. */
export interface RunState {
  readonly label: string;
  readonly done?: number;
  readonly total?: number;
}

/** One analysis at a time: whether it runs, whether it is slow enough to show, and stopping it. */
export interface AnalysisRun {
  /** The run under way, or null. */
  readonly state: Accessor<RunState | null>;
  /** True once the run under way has taken longer than {@link AnalysisTiming.progressAfterMs}. */
  readonly slow: Accessor<boolean>;
  /** Starts a run (replacing any other) and returns its ticket. */
  start(label: string): number;
  /** Whether `ticket` is still the run under way (not cancelled, not replaced). */
  isCurrent(ticket: number): boolean;
  progress(ticket: number, done: number, total: number): void;
  finish(ticket: number): void;
  /** Stops the run under way: its replies are dropped when they come. */
  cancel(): void;
}

/** Makes an {@link AnalysisRun}; `setTimer` is the page's `setTimeout` (a fake one in tests). */
export function createAnalysisRun(
  setTimer: (f: () => void, ms: number) => unknown = (f, ms) => setTimeout(f, ms),
): AnalysisRun {
  const [state, setState] = createSignal<RunState | null>(null);
  const [slow, setSlow] = createSignal(false);
  let ticket = 0;
  const stop = () => {
    ticket++;
    setState(null);
    setSlow(false);
  };
  return {
    state,
    slow,
    start(label) {
      ticket++;
      const mine = ticket;
      setState({ label });
      setSlow(false);
      setTimer(() => {
        if (ticket === mine) setSlow(true);
      }, AnalysisTiming.progressAfterMs);
      return mine;
    },
    isCurrent: (t) => t === ticket,
    progress(t, done, total) {
      if (t === ticket) setState((s) => (s === null ? s : { ...s, done, total }));
    },
    finish(t) {
      if (t === ticket) stop();
    },
    cancel: stop,
  };
}

import { wrap, type Remote } from "comlink";
import {
  storageEventMessage,
  type Reply,
  type StorageEventDto,
  type WorkbenchApi,
} from "../protocol";

/** A problem the status bar shows: a bug in the worker, or the worker dying. */
export interface WorkerProblem {
  readonly message: string;
}

/**
 * The UI's handle on the engine worker. Each call resolves with the reply's value, or `null` after
 * reporting the failure through `onProblem`, so one failing request never freezes the UI. A worker
 * that dies (an uncaught error, out of memory) is reported and replaced on the next call.
 */
export interface WorkerClient {
  call<T>(request: (api: Remote<WorkbenchApi>) => Promise<Reply<T>>): Promise<T | null>;
  /** Calls `listener` with each `blocked` or `versionchange` the worker's storage reports (P4). */
  onStorageEvent(listener: (event: StorageEventDto) => void): void;
  terminate(): void;
}

/** The storage event in a raw message from the worker, or null for comlink's own messages. */
function storageEventOf(data: unknown): StorageEventDto | null {
  if (typeof data !== "object" || data === null) return null;
  const { kind, event } = data as { kind?: unknown; event?: { kind?: unknown } };
  if (kind !== storageEventMessage) return null;
  return event?.kind === "blocked" || event?.kind === "versionchange" ? { kind: event.kind } : null;
}

/** Starts the engine worker and returns a client for it. */
export function makeWorkerClient(onProblem: (problem: WorkerProblem) => void): WorkerClient {
  let worker: Worker | null = null;
  let api: Remote<WorkbenchApi> | null = null;
  const storageListeners: ((event: StorageEventDto) => void)[] = [];

  const start = (): Remote<WorkbenchApi> => {
    if (api) return api;
    worker = new Worker(new URL("../../workers/engine.worker.ts", import.meta.url), {
      type: "module",
      name: "precept-engine",
    });
    worker.addEventListener("error", (event) => {
      event.preventDefault();
      onProblem({
        message: `The engine stopped (${event.message || "unknown error"}); restarting it.`,
      });
      worker?.terminate();
      worker = null;
      api = null;
    });
    worker.addEventListener("message", (event: MessageEvent<unknown>) => {
      const storageEvent = storageEventOf(event.data);
      if (storageEvent) for (const listener of storageListeners) listener(storageEvent);
    });
    api = wrap<WorkbenchApi>(worker);
    return api;
  };

  return {
    async call(request) {
      try {
        const reply = await request(start());
        if (reply.ok) return reply.value;
        onProblem({
          message:
            reply.kind === "failed"
              ? reply.message
              : `Internal error in the engine: ${reply.message}`,
        });
        return null;
      } catch (error) {
        onProblem({
          message: `Could not reach the engine: ${error instanceof Error ? error.message : String(error)}`,
        });
        return null;
      }
    },
    onStorageEvent(listener) {
      storageListeners.push(listener);
    },
    terminate() {
      worker?.terminate();
      worker = null;
      api = null;
    },
  };
}

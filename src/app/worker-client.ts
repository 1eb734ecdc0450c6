import { wrap, type Remote } from "comlink";
import type { Reply, WorkbenchApi } from "../protocol";

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
  terminate(): void;
}

/** Starts the engine worker and returns a client for it. */
export function makeWorkerClient(onProblem: (problem: WorkerProblem) => void): WorkerClient {
  let worker: Worker | null = null;
  let api: Remote<WorkbenchApi> | null = null;

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
    terminate() {
      worker?.terminate();
      worker = null;
      api = null;
    },
  };
}

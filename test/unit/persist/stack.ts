// The whole save path without a browser: the store (what the UI shows) → the service (the worker)
// → the workspace → the fault-injecting fake adapter. Replies are structured-cloned, as comlink does.
import { createRoot } from "solid-js";
import type { FakeDisk } from "../../../src/persist";
import { FakeStorageAdapter, Workspace } from "../../../src/persist";
import type { Reply, WorkbenchApi } from "../../../src/protocol";
import { makeTemplates, makeWorkbenchService } from "../../../src/service";
import { createWorkbenchStore, type WorkbenchCaller } from "../../../src/ui/stores";
import { makeClock, makeIds } from "./support";

export const starterText = `model "Council tax"
periods 2019/20 .. 2020/21
input taxbase (properties) = 250,000
input band_d (£) = £1,500
income (£m) = taxbase * band_d
`;

/** A worker over `disk`: its service and the workspace under it. */
export function makeWorker(disk: FakeDisk, idPrefix = "m", now = makeClock()) {
  const adapter = new FakeStorageAdapter(disk, {}, now);
  const workspace = new Workspace(adapter, { now, newId: makeIds(idPrefix) });
  const service = makeWorkbenchService({
    workspace,
    templates: makeTemplates({ "../../examples/council-tax.precept": starterText }),
    elapsed: () => 0,
    storageStatus: () => Promise.resolve({ persisted: false, usage: null, quota: null }),
  });
  const caller: WorkbenchCaller = {
    async call<T>(request: (api: WorkbenchApi) => Promise<Reply<T>>): Promise<T | null> {
      const reply = structuredClone(await request(service));
      return reply.ok ? reply.value : null;
    },
  };
  return { adapter, workspace, service, caller };
}

/** A store (one tab) over a new worker on `disk`. Dispose it at the end of the test. */
export function makeTab(disk: FakeDisk, idPrefix = "m") {
  const worker = makeWorker(disk, idPrefix);
  return createRoot((dispose) => {
    const [state, actions] = createWorkbenchStore(worker.caller);
    return { ...worker, state, actions, dispose };
  });
}

/** Lets every queued promise (and fake-adapter transaction) run. */
export async function settle(rounds = 200): Promise<void> {
  for (let i = 0; i < rounds; i++) await Promise.resolve();
}

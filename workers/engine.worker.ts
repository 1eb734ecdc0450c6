import { expose } from "comlink";
import {
  FakeDisk,
  FakeStorageAdapter,
  IdbStorageAdapter,
  makeChannelNotifier,
  Workspace,
} from "../src/persist";
import {
  storageEventMessage,
  workbenchMethods,
  type StorageEventDto,
  type WorkbenchApi,
} from "../src/protocol";
import { bundledTemplates, makeWorkbenchService, type WorkbenchService } from "../src/service";

// Wiring only: the engine and the workspace live here, next to each other, so the document has a
// single owner and the UI thread only ever sees snapshots (see ARCHITECTURE.md).
const now = () => Date.now();
const notifier = makeChannelNotifier();

/** Tells this tab what the connection reported (P4), outside comlink's replies. */
const tellTab = (event: StorageEventDto) => {
  self.postMessage({ kind: storageEventMessage, event });
};

async function openWorkspace(): Promise<{ workspace: Workspace; problem?: string }> {
  const adapter = new IdbStorageAdapter({
    now,
    onEvent: (event) => {
      if (event.kind === "blocked" || event.kind === "versionchange") tellTab(event);
    },
    // Another tab upgrades the database: the newest crash draft is written before closing.
    beforeClose: () => ready.then((service) => service.settleDrafts()),
  });
  const workspace = new Workspace(adapter, { now, notifier });
  const probe = await workspace.listModels();
  if (probe.ok) return { workspace };
  // Without IndexedDB (a private window, a blocked origin) the workbench still works, in memory.
  return {
    workspace: new Workspace(new FakeStorageAdapter(new FakeDisk(), {}, now), { now }),
    problem: `Your browser would not let Precept store models (${probe.message}). Work is kept only until this tab closes: download your models as files.`,
  };
}

const ready: Promise<WorkbenchService> = openWorkspace().then(({ workspace, problem }) =>
  makeWorkbenchService({
    workspace,
    templates: bundledTemplates(),
    elapsed: () => performance.now(),
    ...(problem ? { storageProblem: problem } : {}),
  }),
);

/** Each method waits for the workspace to open, then delegates to the service. */
function whenReady(service: Promise<WorkbenchApi>): WorkbenchApi {
  const api: Partial<Record<keyof WorkbenchApi, unknown>> = {};
  for (const method of workbenchMethods) {
    api[method] = async (...args: unknown[]) => {
      const target = (await service) as unknown as Record<string, (...a: unknown[]) => unknown>;
      return target[method]?.(...args);
    };
  }
  return api as WorkbenchApi;
}

expose(whenReady(ready));

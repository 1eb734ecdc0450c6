import { expose } from "comlink";
import {
  FakeDisk,
  FakeStorageAdapter,
  IdbStorageAdapter,
  makeChannelNotifier,
  Workspace,
} from "../src/persist";
import { workbenchMethods, type WorkbenchApi } from "../src/protocol";
import { bundledTemplates, makeWorkbenchService } from "../src/service";

// Wiring only: the engine and the workspace live here, next to each other, so the document has a
// single owner and the UI thread only ever sees snapshots (see ARCHITECTURE.md).
const now = () => Date.now();
const notifier = makeChannelNotifier();

async function openWorkspace(): Promise<{ workspace: Workspace; problem?: string }> {
  const workspace = new Workspace(new IdbStorageAdapter({ now }), { now, notifier });
  const probe = await workspace.listModels();
  if (probe.ok) return { workspace };
  // Without IndexedDB (a private window, a blocked origin) the workbench still works, in memory.
  return {
    workspace: new Workspace(new FakeStorageAdapter(new FakeDisk(), {}, now), { now }),
    problem: `Your browser would not let Precept store models (${probe.message}). Work is kept only until this tab closes: download your models as files.`,
  };
}

const ready = openWorkspace().then(({ workspace, problem }) =>
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

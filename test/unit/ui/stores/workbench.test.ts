import { createRoot } from "solid-js";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { EvaluationDto, Reply, SaveResultDto, WorkbenchApi } from "../../../../src/protocol";
import { createWorkbenchStore, Timing, type WorkbenchCaller } from "../../../../src/ui/stores";

const evaluation = (revision: number, title: string): EvaluationDto => ({
  revision,
  title,
  scenario: null,
  scenarios: [],
  periods: ["2019/20"],
  lines: [],
  checks: [],
  masterCheck: { passed: true, failed: 0, known: 0 },
  diagnostics: [],
  elapsedMs: 0,
});

/** A caller whose replies the test resolves by hand, in any order. */
function makeCaller() {
  const pending: { method: string; args: unknown[]; resolve: (reply: Reply<unknown>) => void }[] =
    [];
  const api = new Proxy(
    {},
    {
      get:
        (_t, method: string) =>
        (...args: unknown[]) =>
          new Promise<Reply<unknown>>((resolve) => pending.push({ method, args, resolve })),
    },
  ) as WorkbenchApi;
  const caller: WorkbenchCaller = {
    async call<T>(request: (api: WorkbenchApi) => Promise<Reply<T>>): Promise<T | null> {
      const reply = await request(api);
      return reply.ok ? reply.value : null;
    },
  };
  return { caller, pending };
}

const flush = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

describe("the workbench store", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("collapses keystrokes made while the worker is busy into one request with the latest text", async () => {
    const { caller, pending } = makeCaller();
    await createRoot(async (dispose) => {
      const [state, actions] = createWorkbenchStore(caller);
      actions.setText("a");
      actions.setText("ab");
      actions.setText("abc");
      // Only the first keystroke's request went out; the others wait for its reply.
      expect(pending.filter((p) => p.method === "evaluate").map((p) => p.args)).toEqual([[1, "a"]]);
      pending[0]?.resolve({ ok: true, value: evaluation(1, "first") });
      await flush();
      expect(pending.filter((p) => p.method === "evaluate").map((p) => p.args)).toEqual([
        [1, "a"],
        [3, "abc"],
      ]);
      pending[1]?.resolve({ ok: true, value: evaluation(3, "latest") });
      await flush();
      expect(state.evaluation?.title).toBe("latest");
      expect(state.evaluatedText).toBe("abc");
      dispose();
    });
  });

  it("drops a reply older than the one already shown", async () => {
    const { caller, pending } = makeCaller();
    await createRoot(async (dispose) => {
      const [state, actions] = createWorkbenchStore(caller);
      actions.setText("a");
      void actions.setScenario("high");
      const evaluate = pending.find((p) => p.method === "evaluate");
      const scenario = pending.find((p) => p.method === "setScenario");
      expect(evaluate?.args[0]).toBe(1);
      expect(scenario?.args[0]).toBe(2);
      // The newer reply arrives first; the older one must not replace it.
      scenario?.resolve({ ok: true, value: evaluation(2, "newer") });
      await flush();
      evaluate?.resolve({ ok: true, value: evaluation(1, "older") });
      await flush();
      expect(state.evaluation?.title).toBe("newer");
      dispose();
    });
  });

  it("asks for the whole evaluation when a delta's base is not the one shown", async () => {
    const { caller, pending } = makeCaller();
    await createRoot(async (dispose) => {
      const [state, actions] = createWorkbenchStore(caller);
      actions.setText("a");
      const { lines: _lines, ...rest } = evaluation(1, "delta on a lost base");
      pending[0]?.resolve({
        ok: true,
        value: { ...rest, delta: { base: 0, lines: [], moved: [], removed: [] } },
      });
      await flush();
      const full = pending.find((p) => p.method === "fullEvaluation");
      expect(full?.args).toEqual([1]);
      expect(state.evaluation).toBeNull();
      full?.resolve({ ok: true, value: evaluation(1, "whole") });
      await flush();
      expect(state.evaluation?.title).toBe("whole");
      dispose();
    });
  });

  it("shows Recalculating only when the worker takes longer than the threshold", async () => {
    const { caller, pending } = makeCaller();
    await createRoot(async (dispose) => {
      const [state, actions] = createWorkbenchStore(caller);
      actions.setText("a");
      vi.advanceTimersByTime(Timing.recalculatingAfter - 1);
      expect(state.recalculating).toBe(false);
      vi.advanceTimersByTime(1);
      expect(state.recalculating).toBe(true);
      pending
        .find((p) => p.method === "evaluate")
        ?.resolve({ ok: true, value: evaluation(1, "m") });
      await flush();
      expect(state.recalculating).toBe(false);
      dispose();
    });
  });

  it("never says Saved for a save the worker did not confirm", async () => {
    const { caller, pending } = makeCaller();
    await createRoot(async (dispose) => {
      const [state, actions] = createWorkbenchStore(caller);
      actions.setText("a");
      expect(state.save.kind).toBe("unsaved");
      // No model is open yet, so autosave cannot run: still unsaved.
      vi.advanceTimersByTime(Timing.autosaveDebounce);
      await flush();
      expect(state.save.kind).toBe("unsaved");
      expect(pending.some((p) => p.method === "save")).toBe(false);
      dispose();
    });
  });

  it("reports a storage failure on save and keeps the text unsaved", async () => {
    const { caller, pending } = makeCaller();
    await createRoot(async (dispose) => {
      const [state, actions] = createWorkbenchStore(caller);
      const started = actions.start();
      pending
        .find((p) => p.method === "start")
        ?.resolve({
          ok: true,
          value: {
            models: [{ id: "m1", name: "Model", updatedAt: 1, rev: 1 }],
            open: { model: { id: "m1", name: "Model", updatedAt: 1, rev: 1 }, text: "x" },
            templates: [],
            functions: [],
            storage: { persisted: false, usage: null, quota: null },
          },
        });
      await started;
      actions.setText("xy");
      vi.advanceTimersByTime(Timing.autosaveDebounce);
      await flush();
      const save = pending.find((p) => p.method === "save");
      expect(state.save.kind).toBe("saving");
      const failure: SaveResultDto = {
        ok: false,
        reason: "quota",
        message: "Browser storage is full.",
      };
      save?.resolve({ ok: true, value: failure });
      await flush();
      expect(state.save).toEqual({ kind: "failed", message: "Browser storage is full." });
      expect(state.notices.map((n) => n.text)).toContain("Browser storage is full.");
      dispose();
    });
  });
});

// @vitest-environment jsdom
import { render } from "solid-js/web";
import { afterEach, describe, expect, test, vi } from "vitest";
import {
  AnalysisTiming,
  appendDeclaration,
  createSensitivity,
  RunProgress,
  TornadoChart,
  type AnalysisCaller,
} from "../../../../src/ui/analysis";
import type {
  SensitivityProgressDto,
  SensitivityResultDto,
  SensitivityRowDto,
  WorkbenchApi,
} from "../../../../src/protocol";
import { makeHost, must, press } from "../dom";

let dispose: (() => void) | undefined;
afterEach(() => {
  dispose?.();
  document.body.innerHTML = "";
  vi.useRealTimers();
});

const shown = (exact: string, display = exact) => ({ exact, display });
const row = (key: string, low: string, high: string): SensitivityRowDto => ({
  key,
  label: key,
  unit: "£m",
  base: undefined,
  low: undefined,
  high: undefined,
  lowChange: shown("-0.1", "(10.00%)"),
  highChange: shown("0.1", "10.00%"),
  outputLow: shown(low),
  outputHigh: shown(high),
  swing: shown(String(Math.abs(Number(high) - Number(low)))),
  switching: { kind: "none", reason: "not asked for" },
});
const result: SensitivityResultDto = {
  ok: true,
  output: "npv",
  outputUnit: "",
  base: shown("100"),
  threshold: shown("0"),
  rows: [row("a", "80", "120"), row("b", "95", "104")],
  skipped: [],
  trials: 4,
  cellsEvaluated: 8,
};

/** A caller whose worker replies only when the test says so, recording what was asked. */
function slowWorker() {
  const asked: string[] = [];
  const pending: ((reply: unknown) => void)[] = [];
  const api = new Proxy(
    {},
    {
      get:
        (_t, method: string) =>
        (...args: unknown[]) => {
          asked.push(`${method}(${args.filter((a) => typeof a !== "object").join(",")})`);
          return new Promise((resolve) => pending.push((value) => resolve({ ok: true, value })));
        },
    },
  ) as WorkbenchApi;
  const caller: AnalysisCaller = {
    call: async (request) => {
      const reply = await request(api);
      return reply.ok ? reply.value : null;
    },
  };
  const reply = async (value: SensitivityProgressDto | null) => {
    const next = must(pending.shift(), "a pending request");
    next(value);
    await vi.advanceTimersByTimeAsync(0);
  };
  return { caller, asked, reply };
}

const progress = (done: number, extra: Partial<SensitivityProgressDto> = {}) =>
  ({
    ok: true,
    job: 1,
    revision: 3,
    scenario: null,
    total: 3,
    done,
    ...extra,
  }) as SensitivityProgressDto;

describe("createSensitivity", () => {
  test("shows progress and Cancel only after 200 ms, and a cancelled run asks the worker to stop", async () => {
    vi.useFakeTimers();
    const worker = slowWorker();
    const state = createSensitivity(worker.caller);
    const host = makeHost();
    dispose = render(() => <RunProgress run={state.run} />, host);
    const done = state.analyse(
      { figure: { key: "npv", period: null }, step: "10%", threshold: "0" },
      3,
    );
    await worker.reply(progress(1));
    expect(worker.asked).toEqual([
      `startSensitivity(3,${String(AnalysisTiming.sliceMs)})`,
      `continueSensitivity(1,${String(AnalysisTiming.sliceMs)})`,
    ]);
    // Under 200 ms: nothing shown, so a quick run does not flicker.
    await vi.advanceTimersByTimeAsync(AnalysisTiming.progressAfterMs - 1);
    expect(host.textContent).toBe("");
    await vi.advanceTimersByTimeAsync(1);
    expect(host.textContent).toContain("1 of 3 inputs");
    await worker.reply(progress(2));
    expect(host.textContent).toContain("2 of 3 inputs");
    must(host.querySelector("button"), "Cancel").click();
    expect(host.textContent).toBe("");
    // The step under way comes back; the run is dropped in the worker and nothing is shown.
    await worker.reply(progress(3, { total: 4 }));
    await done;
    expect(worker.asked.at(-1)).toBe("cancelSensitivity(1)");
    expect(state.result()).toBeNull();
  });

  test("a quick run shows its result without any progress", async () => {
    vi.useFakeTimers();
    const worker = slowWorker();
    const state = createSensitivity(worker.caller);
    const host = makeHost();
    dispose = render(() => <RunProgress run={state.run} />, host);
    const done = state.analyse(
      { figure: { key: "npv", period: null }, step: "10%", threshold: "0" },
      3,
    );
    await worker.reply(progress(3, { result }));
    await done;
    await vi.advanceTimersByTimeAsync(AnalysisTiming.progressAfterMs * 2);
    expect(host.textContent).toBe("");
    expect(state.result()).toEqual(result);
    expect(state.revision()).toBe(3);
  });

  test("a request the worker refuses shows its code", async () => {
    vi.useFakeTimers();
    const worker = slowWorker();
    const state = createSensitivity(worker.caller);
    const done = state.analyse(
      { figure: { key: "gap", period: null }, step: "x", threshold: "0" },
      3,
    );
    await worker.reply({
      ok: false,
      revision: 3,
      error: { ok: false, code: "P6010", message: "'x' is not a change." },
    });
    await done;
    expect(state.error()?.code).toBe("P6010");
  });
});

describe("TornadoChart", () => {
  test("draws one bar per input in the given order, moved through and chosen by keyboard", () => {
    const chosen: string[] = [];
    const host = makeHost();
    dispose = render(
      () => <TornadoChart result={result} onSelectInput={(k) => chosen.push(k)} />,
      host,
    );
    const bars = [...host.querySelectorAll<SVGGElement>("[role=listitem]")];
    expect(bars.map((b) => b.dataset["row"])).toEqual(["a", "b"]);
    expect(bars.map((b) => b.getAttribute("tabindex"))).toEqual(["0", "-1"]);
    expect(bars[0]?.getAttribute("aria-label")).toBe(
      "a: npv is 80 at the low end and 120 at the high end, a swing of 40",
    );
    // a's bar is wider than b's: 40 against 9.
    const width = (b: SVGGElement | undefined) =>
      [...(b?.querySelectorAll("rect.pc-tornado-low, rect.pc-tornado-high") ?? [])].reduce(
        (sum, r) => sum + Number(r.getAttribute("width")),
        0,
      );
    expect(width(bars[0])).toBeGreaterThan(width(bars[1]) * 4);
    bars[0]?.focus();
    press("ArrowDown");
    expect(document.activeElement).toBe(bars[1]);
    press("Enter");
    expect(chosen).toEqual(["b"]);
  });
});

describe("appendDeclaration", () => {
  test("adds the declaration after a blank line and says where it is", () => {
    const decl = "scenario s { a = 1 }\n";
    for (const text of ["a = 1", "a = 1\n", "a = 1\n\n"]) {
      const next = appendDeclaration(text, decl);
      expect(next.text).toBe(`a = 1\n\n${decl}`);
      expect(next.text.slice(next.from, next.to)).toBe(decl);
    }
    expect(appendDeclaration("", decl)).toEqual({ text: decl, from: 0, to: decl.length });
  });
});

import {
  createEffect,
  createMemo,
  createSignal,
  on,
  onCleanup,
  onMount,
  Show,
  untrack,
} from "solid-js";
import { appendDeclaration, createDecisionAnalysis, SensitivityPanel } from "../ui/analysis";
import { ChecksList, MasterCheckBadge } from "../ui/checks";
import { LineChart } from "../ui/charts";
import { FormulaEditor, type EditorHandle } from "../ui/editor";
import { GridPane, GridWidths } from "../ui/grid";
import { ComparisonTable, ScenarioSwitcher } from "../ui/scenarios";
import { exportAndDownload } from "./export-download";
import {
  AboutPanel,
  appName,
  CsvImportDialog,
  ExportMenu,
  ModelList,
  nameFromTitle,
  Notices,
  SaveStatus,
  VersionList,
} from "../ui/shell";
import { createPaneLayout, pageStorage, PaneLimits, Splitter } from "../ui/layout";
import { createWorkbenchStore, type WorkbenchCaller } from "../ui/stores";
import { TracePanel } from "../ui/trace";
import { rootClass } from "../ui/theme";

type BottomTab = "lineage" | "checks" | "compare" | "chart" | "sensitivity";
type SideTab = "models" | "history" | "about";

/** The workbench: model list, editor, grid, and the lineage, checks, comparison and chart panels. */
export function App(props: {
  client: WorkbenchCaller;
  requestPersistence: () => Promise<void>;
  /** Receives the function that shows worker problems (a crash, a bug) as error notices. */
  onProblemSink: (sink: (message: string) => void) => void;
  /** The workspace's broadcast channel, on which every tab's worker announces its saves. */
  channel: BroadcastChannel | null;
}) {
  const [state, actions] = createWorkbenchStore(props.client);
  props.onProblemSink((message) => actions.notify("error", message));
  const [bottom, setBottom] = createSignal<BottomTab>("lineage");
  const [side, setSide] = createSignal<SideTab>("models");
  const [compareWith, setCompareWith] = createSignal<string | null>(null);
  const [dragging, setDragging] = createSignal(false);
  // While another model is being opened (or made), the editor still shows the one before: typing
  // there would change, and autosave would overwrite, the model the user is leaving. The editor
  // is inert until the new model is shown.
  const [switching, setSwitching] = createSignal(0);
  const switchTo = (work: Promise<unknown>) => {
    setSwitching((n) => n + 1);
    void work.finally(() => setSwitching((n) => n - 1));
  };
  let editor: EditorHandle | undefined;
  // Goal seek and sensitivity of a selected figure (ui/analysis, docs/workbench.md).
  const decision = createDecisionAnalysis({
    caller: props.client,
    selection: () => state.selection,
    revision: () => state.revision,
    periodOf: (key, col) =>
      state.lines.row(key)?.current().scalar ? null : (evaluation()?.periods[col] ?? null),
    select: (key, period) => actions.select(key, period),
    showLineage: () => setBottom("lineage"),
    showSensitivity: () => setBottom("sensitivity"),
    addScenario: (declaration) => {
      if (!editor) return;
      const next = appendDeclaration(editor.getText(), declaration);
      editor.setText(next.text);
      editor.revealSpan(next.from, next.to);
    },
  });
  let fileInput: HTMLInputElement | undefined;
  let loadedText: string | null = null;

  onMount(() => void actions.start());
  const onBroadcast = (event: MessageEvent<unknown>) => {
    const data = event.data as { kind?: unknown; modelId?: unknown; rev?: unknown } | null;
    if (
      data?.kind === "model-saved" &&
      typeof data.modelId === "string" &&
      typeof data.rev === "number"
    ) {
      void actions.externalSave(data.modelId, data.rev);
    }
  };
  props.channel?.addEventListener("message", onBroadcast);
  onCleanup(() => props.channel?.close());
  // Closing or reloading the tab while text is unsaved asks first (issue 16).
  const warnUnsaved = (event: BeforeUnloadEvent) => {
    if (actions.hasUnsavedText()) event.preventDefault();
  };
  window.addEventListener("beforeunload", warnUnsaved);
  onCleanup(() => window.removeEventListener("beforeunload", warnUnsaved));

  // The editor owns its text while the user types; a model opened or restored replaces it.
  createEffect(
    on(
      () => `${state.model?.id ?? ""}:${String(state.model?.rev ?? "")}`,
      () => {
        if (editor && state.text !== editor.getText()) editor.setText(state.text);
        loadedText = state.text;
      },
    ),
  );

  // A model takes its text's `model "…"` title as its name while nobody chose one (model-title.ts).
  // `followed` is the title it had when opened, then each title it took; a title is taken once a
  // save committed the text it is in, so the list never names a model after text it does not hold.
  const titles = { id: "", openedAt: 0, followed: null as string | null, pending: "" };
  createEffect(
    on(
      () => state.model?.id,
      (id) => {
        titles.id = id ?? "";
        titles.openedAt = untrack(() => state.revision);
        titles.followed = null;
        titles.pending = "";
      },
    ),
  );
  createEffect(() => {
    const ev = state.evaluation;
    const model = state.model;
    // An evaluation from before the model was opened is the previous model's.
    if (!ev || !model || model.id !== titles.id || ev.revision < titles.openedAt) return;
    titles.followed ??= ev.title;
    if (state.save.kind !== "saved" || ev.revision !== state.revision) return;
    const others = state.models.filter((m) => m.id !== model.id).map((m) => m.name);
    const next = nameFromTitle(model.name, ev.title, titles.followed, others);
    if (next === null || next === titles.pending) return;
    titles.followed = ev.title;
    titles.pending = next;
    void actions.adoptTitle(model.id, next);
  });

  // Performance marks for the keystroke-to-grid benchmark (docs/performance.md).
  createEffect(
    on(
      () => state.evaluation?.revision,
      (revision) => {
        if (revision === undefined) return;
        // rAF runs just before the frame is painted; the task after it runs once it has been.
        requestAnimationFrame(() =>
          setTimeout(() => performance.mark(`precept:painted:${String(revision)}`), 0),
        );
      },
    ),
  );

  // Ask the browser to protect storage from eviction once there is work worth protecting.
  let askedPersistence = false;
  createEffect(() => {
    if (
      state.save.kind === "saved" &&
      state.save.at > 0 &&
      state.versions.length > 1 &&
      !askedPersistence
    ) {
      askedPersistence = true;
      void props.requestPersistence().then(() => actions.refreshStorage());
    }
  });

  const evaluation = () => state.evaluation;
  const errorDiagnostics = createMemo(() =>
    (evaluation()?.diagnostics ?? []).filter((d) => d.severity === "error"),
  );
  const scenarioOptions = () => evaluation()?.scenarios ?? [];
  // What follows reads the lines through `state.lines`: the layout notifies only when lines are
  // added, removed or reordered, and a row only when it changed, so a keystroke that changes a
  // few figures re-runs none of these for the rest of the model.
  const selectedLines = createMemo(() => {
    const layout = state.lines.layout();
    const key = state.selection?.key;
    const row = key === undefined ? undefined : state.lines.row(key);
    const chosen = row ?? layout.ordered.find((r) => r.line().kind === "calc");
    return chosen ? [chosen.current()] : [];
  });
  const describeLine = (key: string) => {
    const line = untrack(() => state.lines.row(key)?.current());
    if (!line) return undefined;
    const periods = evaluation()?.periods ?? [];
    const values = line.scalar
      ? line.scalar.display
      : line.cells.map((c, i) => `${periods[i] ?? ""}: ${c.display}`).join("  ");
    return `${line.label} (${line.unit})\n${values}`;
  };
  // A line's name and member are fixed by its key, so only the layout matters here.
  const completionNames = createMemo(() => {
    const names = new Set<string>();
    const members = new Set<string>();
    for (const row of state.lines.layout().ordered) {
      const line = untrack(row.line);
      names.add(line.name);
      if (line.member !== undefined) members.add(line.member);
    }
    return { names: [...names], members: [...members] };
  });
  // Every evaluation brings a new periods array: keep the old one while the labels are the same,
  // so the editor's completions are not rebuilt on each keystroke.
  const periods = createMemo(() => evaluation()?.periods ?? [], undefined, {
    equals: (a, b) => a.length === b.length && a.every((p, i) => p === b[i]),
  });
  const completions = createMemo(() => ({
    names: completionNames().names,
    functions: state.functions,
    periods: periods(),
    members: completionNames().members,
  }));

  const download = () => {
    const name = state.model?.name ?? "model";
    const blob = new Blob([state.text], { type: "text/plain;charset=utf-8" });
    const url = URL.createObjectURL(blob);
    const link = document.createElement("a");
    link.href = url;
    link.download = `${name.replace(/[\\/:*?"<>|]+/g, "-")}.precept`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1_000);
  };

  const [exporting, setExporting] = createSignal(false);
  const exportAs = (format: "xlsx" | "csv") => {
    setExporting(true);
    void exportAndDownload(
      props.client,
      state.revision,
      state.model?.name ?? "model",
      format,
    ).finally(() => setExporting(false));
  };

  // CSV import: the worker previews the figures; the editor takes them only on Apply.
  let csvInput: HTMLInputElement | undefined;
  const [csvImport, setCsvImport] = createSignal<{
    file: string;
    preview: Awaited<ReturnType<typeof previewCsv>>;
  } | null>(null);
  const previewCsv = async (file: File) => {
    const csv = await file.text();
    return props.client.call((api) => api.previewCsvImport(state.text, csv));
  };
  const importCsv = async (file: File | undefined) => {
    if (file === undefined) return;
    const preview = await previewCsv(file);
    if (preview !== null) setCsvImport({ file: file.name, preview });
  };

  const importFiles = (files: FileList | null | undefined) => {
    for (const file of Array.from(files ?? [])) switchTo(actions.importFile(file));
  };

  const runCompare = (other: string | null) => {
    setCompareWith(other);
    void actions.compare(state.scenario, other);
  };

  // Drag and drop of model files anywhere on the page.
  const onDragOver = (e: DragEvent) => {
    if (e.dataTransfer?.types.includes("Files")) {
      e.preventDefault();
      setDragging(true);
    }
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    importFiles(e.dataTransfer?.files);
  };
  const onDragLeave = (e: DragEvent) => {
    if (e.relatedTarget === null) setDragging(false);
  };
  window.addEventListener("dragover", onDragOver);
  window.addEventListener("drop", onDrop);
  window.addEventListener("dragleave", onDragLeave);
  onCleanup(() => {
    window.removeEventListener("dragover", onDragOver);
    window.removeEventListener("drop", onDrop);
    window.removeEventListener("dragleave", onDragLeave);
  });

  // Pane sizes: moved by the separators, fitted to the window, remembered in localStorage.
  const panes = createPaneLayout(pageStorage());

  return (
    <div
      class={`${rootClass} pc-app`}
      classList={{ "pc-dragging": dragging() }}
      style={{
        "--pc-side-width": `${panes.sizes().side}px`,
        "--pc-editor-width": `${panes.sizes().editor}px`,
        "--pc-bottom-height": `${panes.sizes().bottom}px`,
      }}
    >
      <header class="pc-app-header">
        <h1 class="pc-brand">{appName}</h1>
        <span class="pc-model-name" title={`Open model: ${state.model?.name ?? ""}`}>
          {state.model?.name ?? ""}
        </span>
        <SaveStatus
          state={state.save}
          onKeepMine={() => void actions.keepMine()}
          onTakeTheirs={() => actions.takeTheirs()}
          onRetry={() => void actions.saveNow()}
        />
        <span class="pc-spacer" />
        <Show when={state.recalculating}>
          <span class="pc-recalculating" role="status">
            Recalculating…
          </span>
        </Show>
        <Show when={scenarioOptions().length > 0}>
          <ScenarioSwitcher
            scenarios={scenarioOptions()}
            current={state.scenario}
            onSwitch={(name) => void actions.setScenario(name)}
          />
        </Show>
        <Show when={evaluation()}>
          {(ev) => (
            <MasterCheckBadge
              masterCheck={ev().masterCheck}
              errors={errorDiagnostics().length}
              onOpen={() => setBottom("checks")}
              onShowErrors={() => {
                const first = errorDiagnostics()[0];
                if (first) editor?.revealSpan(first.from, first.to);
              }}
            />
          )}
        </Show>
        <button type="button" onClick={() => fileInput?.click()}>
          Open file…
        </button>
        <input
          ref={(el) => (fileInput = el)}
          type="file"
          accept=".precept,.txt,text/plain"
          multiple
          hidden
          aria-label="Open model file"
          onChange={(e) => {
            importFiles(e.currentTarget.files);
            e.currentTarget.value = "";
          }}
        />
        <button type="button" onClick={download}>
          Download
        </button>
        <ExportMenu busy={exporting()} onExport={exportAs} onImport={() => csvInput?.click()} />
        <input
          ref={(el) => (csvInput = el)}
          type="file"
          accept=".csv,text/csv"
          hidden
          aria-label="Import figures from CSV"
          onChange={(e) => {
            void importCsv(e.currentTarget.files?.[0]);
            e.currentTarget.value = "";
          }}
        />
      </header>
      <Show when={csvImport()}>
        {(pending) => {
          const preview = pending().preview;
          return (
            <Show when={preview}>
              {(view) => (
                <CsvImportDialog
                  file={pending().file}
                  preview={view()}
                  onApply={() => {
                    const p = view();
                    if (p.ok) editor?.setText(p.text);
                    setCsvImport(null);
                  }}
                  onCancel={() => setCsvImport(null)}
                />
              )}
            </Show>
          );
        }}
      </Show>

      <aside class="pc-side">
        <div class="pc-tabs" role="tablist" aria-label="Side panel">
          <button
            type="button"
            role="tab"
            aria-selected={side() === "models"}
            onClick={() => setSide("models")}
          >
            Models
          </button>
          <button
            type="button"
            role="tab"
            aria-selected={side() === "history"}
            onClick={() => {
              setSide("history");
              void actions.refreshVersions();
            }}
          >
            History
          </button>
          <button
            type="button"
            role="tab"
            aria-selected={side() === "about"}
            onClick={() => setSide("about")}
          >
            About
          </button>
        </div>
        <Show when={side() === "models"}>
          <ModelList
            models={state.models}
            templates={state.templates}
            currentId={state.model?.id ?? null}
            onOpen={(id) => switchTo(actions.open(id))}
            onCreate={(name, template) => switchTo(actions.create(name, template))}
            onRename={(id, name) => void actions.rename(id, name)}
            onDuplicate={(id) => switchTo(actions.duplicate(id))}
            onDelete={(id) =>
              id === state.model?.id ? switchTo(actions.remove(id)) : void actions.remove(id)
            }
          />
        </Show>
        <Show when={side() === "history"}>
          <VersionList
            versions={state.versions}
            currentRev={state.model?.rev ?? 0}
            onRestore={(id) => switchTo(actions.restoreVersion(id))}
            onSaveVersion={(label) => void actions.saveNow(label || undefined)}
          />
        </Show>
        <Show when={side() === "about"}>
          <AboutPanel
            storage={state.storage}
            onRefresh={() => void actions.refreshStorage()}
            checkWorker={() => props.client.call((api) => api.securitySelfCheck())}
          />
        </Show>
      </aside>

      <Splitter
        class="pc-split-side"
        label="Resize the side panel"
        orientation="vertical"
        direction={1}
        value={panes.sizes().side}
        min={PaneLimits.side.min}
        max={panes.max().side}
        onResize={(size) => panes.resize("side", size)}
        onCommit={() => panes.commit()}
      />

      <section
        class="pc-editor-pane"
        aria-label="Model text"
        aria-busy={switching() > 0}
        inert={switching() > 0}
      >
        <Show when={switching() > 0}>
          <p class="pc-switching" role="status">
            Opening the model…
          </p>
        </Show>
        <Show when={state.started}>
          <FormulaEditor
            initialText={state.text}
            diagnostics={evaluation()?.diagnostics ?? []}
            diagnosticsText={state.evaluatedText}
            completions={completions()}
            describeLine={describeLine}
            onChange={(text) => {
              if (text === loadedText) return;
              loadedText = null;
              actions.setText(text);
              performance.mark(`precept:edit:${String(state.revision)}`);
            }}
            onTrace={(key) => {
              actions.select(key, null);
              setBottom("lineage");
            }}
            onSave={() => void actions.saveNow()}
            onReady={(handle) => (editor = handle)}
            label="Model text"
          />
        </Show>
      </section>

      <Splitter
        class="pc-split-editor"
        label="Resize the model text"
        orientation="vertical"
        direction={1}
        value={panes.sizes().editor}
        min={PaneLimits.editor.min}
        max={panes.max().editor}
        onResize={(size) => panes.resize("editor", size)}
        onCommit={() => panes.commit()}
      />

      <section
        class="pc-grid-pane"
        aria-label="Values"
        onKeyDown={(e) => decision.onKeyDown(e)}
        onContextMenu={(e) => decision.onContextMenu(e)}
        data-revision={evaluation()?.revision ?? -1}
      >
        <Show when={evaluation()} fallback={<p class="pc-empty">Loading the model…</p>}>
          {(ev) => (
            <GridPane
              periods={ev().periods}
              table={state.lines}
              revision={ev().revision}
              loadFormulas={(revision) => props.client.call((api) => api.formulas(revision))}
              selection={state.selection}
              marked={(state.lineage?.tree.children ?? []).map((c) => ({
                key: c.key,
                period: c.period ?? null,
              }))}
              onSelect={(key, period) => actions.select(key, period)}
              onTrace={(key, period) => {
                actions.select(key, period);
                setBottom("lineage");
              }}
              label={ev().title || "Model"}
              labelWidth={panes.labelWidth(ev().periods.length, GridWidths.period)}
              labelMax={panes.labelMax(GridWidths.period)}
              onLabelWidth={(width) => panes.resize("label", width)}
              onLabelWidthCommit={() => panes.commit()}
            />
          )}
        </Show>
      </section>

      <Splitter
        class="pc-split-bottom"
        label="Resize the details panel"
        orientation="horizontal"
        direction={-1}
        value={panes.sizes().bottom}
        min={PaneLimits.bottom.min}
        max={panes.max().bottom}
        onResize={(size) => panes.resize("bottom", size)}
        onCommit={() => panes.commit()}
      />

      <section class="pc-bottom" aria-label="Details" onKeyDown={(e) => decision.onKeyDown(e)}>
        <div class="pc-tabs" role="tablist" aria-label="Details">
          <button
            type="button"
            role="tab"
            aria-selected={bottom() === "lineage"}
            onClick={() => setBottom("lineage")}
          >
            Lineage
          </button>
          <button
            type="button"
            role="tab"
            aria-selected={bottom() === "checks"}
            onClick={() => setBottom("checks")}
          >
            Checks ({evaluation()?.checks.length ?? 0})
          </button>
          <button
            type="button"
            role="tab"
            aria-selected={bottom() === "compare"}
            onClick={() => {
              setBottom("compare");
              runCompare(compareWith() ?? scenarioOptions()[0]?.name ?? null);
            }}
          >
            Compare scenarios
          </button>
          <button
            type="button"
            role="tab"
            aria-selected={bottom() === "chart"}
            onClick={() => setBottom("chart")}
          >
            Chart
          </button>
          <button
            type="button"
            role="tab"
            aria-selected={bottom() === "sensitivity"}
            aria-keyshortcuts="Alt+T"
            onClick={() => setBottom("sensitivity")}
          >
            Sensitivity
          </button>
        </div>
        <div class="pc-bottom-body">
          <Show when={bottom() === "lineage"}>
            <TracePanel
              lineage={state.lineage}
              onNavigate={(key, period) => actions.select(key, period)}
              onReveal={(from, to) => editor?.revealSpan(from, to)}
              onGoalSeek={() => decision.goalSeek(state.selection)}
            />
          </Show>
          <Show when={bottom() === "sensitivity"}>
            <SensitivityPanel
              state={decision.sensitivity}
              selected={state.selection}
              revision={state.revision}
              onSelectInput={(key) => decision.selectInput(key)}
            />
          </Show>
          <Show when={bottom() === "checks"}>
            <ChecksList
              checks={evaluation()?.checks ?? []}
              onReveal={(from, to) => editor?.revealSpan(from, to)}
            />
          </Show>
          <Show when={bottom() === "compare"}>
            <div class="pc-compare-controls">
              <label>
                Compare {state.scenario ?? "base"} with{" "}
                <select
                  aria-label="Scenario to compare with"
                  value={compareWith() ?? ""}
                  onChange={(e) =>
                    runCompare(e.currentTarget.value === "" ? null : e.currentTarget.value)
                  }
                >
                  <option value="">Base</option>
                  {scenarioOptions().map((s) => (
                    <option value={s.name}>{s.label || s.name}</option>
                  ))}
                </select>
              </label>
            </div>
            <Show
              when={state.comparison}
              fallback={<p class="pc-empty">This model has no scenarios to compare.</p>}
            >
              {(comparison) => (
                <ComparisonTable
                  comparison={comparison()}
                  scenarios={scenarioOptions()}
                  onSelect={(key) => actions.select(key, null)}
                />
              )}
            </Show>
          </Show>
          <Show when={bottom() === "chart"}>
            <LineChart periods={evaluation()?.periods ?? []} lines={selectedLines()} height={200} />
          </Show>
        </div>
      </section>

      <decision.Overlays />
      <Notices notices={state.notices} onDismiss={(id) => actions.dismiss(id)} />
      <Show when={dragging()}>
        <div class="pc-drop" aria-hidden="true">
          Drop a .precept file to open it as a new model
        </div>
      </Show>
    </div>
  );
}

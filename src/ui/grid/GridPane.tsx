import {
  Show,
  createEffect,
  createMemo,
  createSignal,
  on,
  onCleanup,
  onMount,
  splitProps,
  untrack,
} from "solid-js";
import type { FormulasDto } from "../../protocol";
import { FindBox } from "./FindBox";
import type { FindEntry } from "./find";
import { Grid, type GridHandle, type GridProps, type LineFormulas } from "./Grid";
import type { LineTable } from "./rows";
import { GridWidths } from "./widths";
import type { MoneyScale } from "./scale";
import { GridToolbar } from "./GridToolbar";

/** Props of the grid with its view controls. */
export interface GridPaneProps extends GridProps {
  readonly table: LineTable;
  /** The revision of the evaluation shown: formulas are asked for again when it changes. */
  readonly revision: number;
  /** Asks the worker for the calculated lines' formulas (the "Show formulas" view). */
  readonly loadFormulas: (revision: number) => Promise<FormulasDto | null>;
}

/**
 * The grid with the habits of a spreadsheet around it: a toolbar to show money in £000 or £m and
 * to show formulas, and a find box (Ctrl+K anywhere, or Ctrl+F with the focus in the grid) that
 * jumps to a line by name or label. Selecting a range and copying it is the grid's own.
 */
export function GridPane(props: GridPaneProps) {
  const [own, gridProps] = splitProps(props, ["revision", "loadFormulas"]);
  const [scale, setScale] = createSignal<MoneyScale>("shown");
  const [showFormulas, setShowFormulas] = createSignal(false);
  const [formulas, setFormulas] = createSignal<ReadonlyMap<string, LineFormulas> | undefined>();
  const [finding, setFinding] = createSignal(false);
  let handle: GridHandle | undefined;
  let pane: HTMLDivElement | undefined;
  const [paneWidth, setPaneWidth] = createSignal(0);
  onMount(() => {
    if (!pane || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(() => setPaneWidth(pane?.clientWidth ?? 0));
    observer.observe(pane);
    onCleanup(() => observer.disconnect());
  });
  // The formula column stands beside the figures, not instead of them: while it is shown the
  // labels give up room (a wide label column grows into spare width it no longer has) and the
  // column takes what leaves two periods in view, between its narrowest and widest.
  const label = () => props.labelWidth ?? GridWidths.label;
  // A width chosen while formulas are shown holds for that view only.
  const [formulaLabel, setFormulaLabel] = createSignal<number | null>(null);
  const shownLabel = () =>
    formulas()
      ? (formulaLabel() ??
        Math.min(label(), Math.max(GridWidths.labelWithFormulas, label() - GridWidths.formula)))
      : label();
  const formulaWidth = () => {
    const room = paneWidth() - shownLabel() - 2 * GridWidths.period - 20;
    return Math.max(GridWidths.formulaMin, Math.min(GridWidths.formula, room));
  };
  let returnFocus: Element | null = null;

  // The formulas follow the text: asked for when shown and again at each new evaluation; a reply
  // for an older revision than one already shown is dropped.
  let shownRevision = -1;
  createEffect(
    on([showFormulas, () => own.revision], ([show, revision]) => {
      if (!show) {
        setFormulas(undefined);
        return;
      }
      void own.loadFormulas(revision).then((dto) => {
        if (!dto || !untrack(showFormulas) || dto.revision < shownRevision) return;
        shownRevision = dto.revision;
        setFormulas(new Map(dto.lines.map((l) => [l.name, { rules: l.rules, ruleOf: l.ruleOf }])));
      });
    }),
  );

  const entries = createMemo<readonly FindEntry[]>(() =>
    props.table.layout().ordered.map((row) => {
      const line = untrack(row.line);
      return {
        key: line.key,
        name: line.name,
        label: line.label,
        ...(line.member === undefined ? {} : { member: line.member }),
        ...(line.memberLabel === undefined ? {} : { memberLabel: line.memberLabel }),
      };
    }),
  );

  const openFind = () => {
    if (!untrack(finding)) returnFocus = document.activeElement;
    setFinding(false);
    setFinding(true);
  };
  const closeFind = (restore: boolean) => {
    setFinding(false);
    if (!restore) return;
    if (returnFocus instanceof HTMLElement && returnFocus.isConnected) returnFocus.focus();
    else handle?.focus();
  };
  // Ctrl+K opens the find box from anywhere in the workbench.
  const onWindowKey = (e: KeyboardEvent) => {
    if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === "k") {
      e.preventDefault();
      openFind();
    }
  };
  window.addEventListener("keydown", onWindowKey);
  onCleanup(() => window.removeEventListener("keydown", onWindowKey));

  return (
    <div
      class="pc-grid-view"
      ref={(el) => (pane = el)}
      onKeyDown={(e) => {
        // Ctrl+F in the grid finds a line; in the editor, CodeMirror's own search stays.
        if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === "f") {
          e.preventDefault();
          openFind();
        }
      }}
    >
      <GridToolbar
        scale={scale()}
        onScale={setScale}
        showFormulas={showFormulas()}
        onShowFormulas={setShowFormulas}
        onFind={openFind}
      />
      <Show when={finding()}>
        <FindBox
          entries={entries}
          onPreview={(key) => handle?.reveal(key)}
          onChoose={(key) => {
            handle?.select(key);
            closeFind(false);
          }}
          onClose={() => closeFind(true)}
        />
      </Show>
      <div class="pc-grid-view-body">
        <Grid
          {...gridProps}
          scale={scale()}
          formulas={formulas()}
          formulaWidth={formulaWidth()}
          labelWidth={shownLabel()}
          {...(props.onLabelWidth
            ? {
                onLabelWidth: (width: number) =>
                  formulas() ? setFormulaLabel(width) : props.onLabelWidth?.(width),
              }
            : {})}
          onReady={(h) => (handle = h)}
        />
      </div>
    </div>
  );
}

import { For, Show, onCleanup } from "solid-js";
import { GridCell } from "./GridCell";
import type { RowModel } from "./rows";
import { displayIn, shownUnit, type MoneyScale } from "./scale";

/** A calculated line's formulas as written: distinct rules, and the rule of each period column. */
export interface LineFormulas {
  readonly rules: readonly string[];
  readonly ruleOf: readonly number[];
}

/** What the grid's container can ask of it. */
export interface GridHandle {
  /** Selects a line (in the column selected now), scrolls it into view and focuses its cell. */
  select(key: string): void;
  /** Scrolls a line into view without selecting it. */
  reveal(key: string): void;
  /** Focuses the selected cell (or the first one). */
  focus(): void;
}

/** Props of one line item's row. */
export interface GridRowProps {
  readonly row: RowModel;
  /** 1-based ARIA row index, counting the header and section rows. */
  readonly ariaRow: number;
  readonly periods: readonly string[];
  /** Whether the cell in column `col` (0-based period index) holds the roving tab stop. */
  readonly isActive: (key: string, col: number) => boolean;
  /** Whether the cell in column `col` is the selected cell (shown highlighted). */
  readonly isSelected: (key: string, col: number) => boolean;
  /** Whether the cell in column `col` is outlined as related to the selection. */
  readonly isMarked: (key: string, col: number) => boolean;
  /** Keeps the grid's map from cell id to element current, for moving focus. */
  readonly register: (key: string, col: number, el: HTMLElement | null) => void;
  /** The scale money lines are shown in. */
  readonly scale: MoneyScale;
  /** Formulas by line name, when the formula column is shown. */
  readonly formulas?: ReadonlyMap<string, LineFormulas> | undefined;
}

/** A line's main formula (the rule of its last period, as the language defines it). */
function mainFormula(f: LineFormulas): string {
  return f.rules[f.ruleOf[f.ruleOf.length - 1] ?? 0] ?? f.rules[0] ?? "";
}

/**
 * One row: a sticky row header (label, unit, input marker) and a cell per period. A scalar line
 * (`line.scalar` set) shows its one value in the first period column; its other cells stay
 * empty, and the grid treats the whole row as that one cell.
 */
export function GridRow(props: GridRowProps) {
  // Rows are keyed by `LineDto.key`, so the key of a mounted row never changes.
  const key = props.row.key;
  const line = () => props.row.line();
  const isScalar = () => line().scalar !== undefined;
  const registerFor = (col: number) => (el: HTMLElement | null) => {
    props.register(key, col, el);
    if (el) onCleanup(() => props.register(key, col, null));
  };
  // A member's row is named by its member ("People - Children's Services"), then the name of the
  // line it belongs to (short, unlike most labels), so the rows of a line by a dimension, and two
  // such lines one after the other, can be told apart.
  const member = () => {
    const l = line();
    return l.member === undefined ? undefined : (l.memberLabel ?? l.member);
  };
  const formulas = () => props.formulas?.get(line().name);
  const formulaCols = () => (props.formulas ? 1 : 0);
  const unit = () => shownUnit(line().unit, props.scale);
  const headerTitle = () =>
    [
      member() === undefined ? line().label : `${member() ?? ""} · ${line().label}`,
      key,
      line().source !== undefined ? `Source: ${line().source ?? ""}` : "",
    ]
      .filter((s) => s !== "")
      .join("\n");
  return (
    <tr
      role="row"
      class="pc-grid-row"
      classList={{
        "pc-grid-row-input": line().kind === "input",
        "pc-grid-row-member": line().member !== undefined,
      }}
      aria-rowindex={props.ariaRow}
      data-key={key}
    >
      <th
        role="rowheader"
        class="pc-grid-rowheader"
        aria-colindex={1}
        scope="row"
        title={headerTitle()}
      >
        <span class="pc-grid-rh">
          <Show when={member()} fallback={<span class="pc-grid-label">{line().label}</span>}>
            {(name) => (
              <span class="pc-grid-label">
                <span class="pc-grid-member">{name()}</span>
                <span class="pc-grid-of"> · {line().name}</span>
              </span>
            )}
          </Show>
          <Show when={line().kind === "input"}>
            <span class="pc-grid-kind" title="Input">
              in
            </span>
          </Show>
          <span class="pc-grid-unit">{unit()}</span>
        </span>
      </th>
      <Show when={props.formulas}>
        <td
          role="gridcell"
          class="pc-grid-formula"
          aria-colindex={2}
          title={formulas()?.rules.join("\n") ?? (line().kind === "input" ? "Input" : "")}
        >
          <Show
            when={formulas()}
            fallback={
              <span class="pc-grid-formula-none">{line().kind === "input" ? "input" : ""}</span>
            }
          >
            {(f) => (
              <>
                {mainFormula(f())}
                <Show when={f().rules.length > 1}>
                  <span class="pc-grid-formula-more"> +{f().rules.length - 1} exception</span>
                </Show>
              </>
            )}
          </Show>
        </td>
      </Show>
      <For each={props.periods}>
        {(period, col) => {
          const cell = () =>
            isScalar() ? (col() === 0 ? props.row.scalar() : undefined) : props.row.cell(col());
          const display = () => {
            const c = cell();
            return c ? displayIn(c, line().unit, props.scale) : "";
          };
          const formula = () => {
            const f = formulas();
            return f ? f.rules[f.ruleOf[isScalar() ? 0 : col()] ?? -1] : undefined;
          };
          return (
            <GridCell
              cell={cell()}
              display={display()}
              formula={formula()}
              period={period}
              kind={line().kind}
              colIndex={col() + 2 + formulaCols()}
              active={props.isActive(key, col())}
              selected={props.isSelected(key, col())}
              marked={props.isMarked(key, col())}
              register={registerFor(col())}
              dataCol={col()}
              scalar={isScalar()}
            />
          );
        }}
      </For>
    </tr>
  );
}

/** Stands for rows that are not drawn, keeping the scroll height and positions true. */
export function Spacer(props: { height: number; span: number }) {
  return (
    <tr class="pc-grid-spacer" aria-hidden="true" style={{ height: `${props.height}px` }}>
      <td colSpan={props.span} />
    </tr>
  );
}

/**
 * Builds the spreadsheet export of an evaluated model (`WorkbookPlan`): one sheet per section,
 * periods as columns, a row per line item (per member for a line by a dimension) with its name,
 * label, unit, opening value and source; inputs as values, calculations as live formulas where
 * `formula.ts` can translate them and as values otherwise (each listed on the "Notes" sheet with
 * the reason), a defined name per line item, and number formats that show the line's unit
 * (values stay in base units: pounds, fractions for percentages).
 */
import type { CalcRule, CheckedModel } from "../lang";
import {
  defaultDecimals,
  plainValue,
  unitScaleExp,
  type EngineLine,
  type Evaluation,
  type PlainValue,
} from "../engine";
import { a1, isDefinedName, numberFormat, sheetNames, type Address } from "./cells";
import { translateFormula, type CellContext, type Grid } from "./formula";
import type { PlanCell, PlanLine, PlanName, PlanNote, PlanSheet, WorkbookPlan } from "./plan";

/** The fixed columns before the periods, and the name of the notes sheet. */
export const Layout = {
  nameCol: 1,
  labelCol: 2,
  unitCol: 3,
  openingCol: 4,
  firstPeriodCol: 5,
  notesSheet: "Notes",
  /** The sheet for line items before the first section. */
  unsectioned: "Model",
} as const;

/** Builds the export of `evaluation` (one scenario of `checked`). */
export function buildWorkbookPlan(
  checked: CheckedModel,
  evaluation: Evaluation,
  scenario: string | null,
): WorkbookPlan {
  const model = evaluation.compiled.model;
  const periods = model.periods;
  const P = periods.length;
  const lines = model.lines;

  // Sheets: sections in the order they first appear.
  const sections: string[] = [];
  for (const l of lines) if (!sections.includes(l.section)) sections.push(l.section);
  const names = sheetNames(
    sections.map((s) => (s === "" ? Layout.unsectioned : s)),
    [Layout.notesSheet],
  );
  const sheetOf = new Map(sections.map((s, i) => [s, names[i] ?? Layout.unsectioned]));

  // Rows: a header, then one row per line item and member, in model order.
  const rowOf: number[] = [];
  const nextRow = new Map<string, number>(names.map((n) => [n, 2]));
  for (const l of lines) {
    const sheet = sheetOf.get(l.section) ?? Layout.unsectioned;
    const row = nextRow.get(sheet) ?? 2;
    rowOf[l.id] = row;
    nextRow.set(sheet, row + Math.max(1, l.memberCount));
  }
  const value = (line: number, member: number, t: number): PlainValue | undefined => {
    const l = lines[line];
    if (l === undefined) return undefined;
    if (t === -1) return l.opening === undefined ? undefined : plainValue(l.opening, periods);
    const v = evaluation.values[line]?.[member * P + (l.scalar ? 0 : t)];
    return v === undefined ? undefined : plainValue(v, periods);
  };
  const grid: Grid = {
    periodCount: P,
    dimOf: (line) => lines[line]?.dim ?? -1,
    memberCount: (line) => Math.max(1, lines[line]?.memberCount ?? 1),
    dimensionSize: (dim) => model.dimensions[dim]?.members.length ?? 0,
    dimIndex: (name) => {
      const i = model.dimensions.findIndex((d) => d.name === name);
      return i < 0 ? undefined : i;
    },
    address: (line, member, t): Address | undefined => {
      const l = lines[line];
      const row = rowOf[line];
      if (l === undefined || row === undefined || member >= Math.max(1, l.memberCount)) return;
      if (t === -1 && l.opening === undefined) return undefined;
      const col = t === -1 ? Layout.openingCol : Layout.firstPeriodCol + t;
      return { sheet: sheetOf.get(l.section) ?? Layout.unsectioned, row: row + member, col };
    },
    value,
  };

  const rows = new Map<string, (PlanCell | null)[][]>(names.map((n) => [n, [header(periods)]]));
  const planLines: PlanLine[] = [];
  const notes: PlanNote[] = [];
  const definedNames: PlanName[] = [];
  const takenNames = new Set<string>();
  let formulas = 0;
  let values = 0;
  const sourceCol = Layout.firstPeriodCol + P;

  for (const l of lines) {
    const item = checked.lineItems[l.id];
    const sheet = sheetOf.get(l.section) ?? Layout.unsectioned;
    const sheetRows = rows.get(sheet) ?? [];
    const format = numberFormat(
      l.unit,
      unitScaleExp(l.unit),
      l.decimals ?? defaultDecimals(l.unit),
    );
    const dim = model.dimensions[l.dim];
    const count = Math.max(1, l.memberCount);
    const rules = item?.definition.kind === "calc" ? item.definition.rules : [];
    const firstRow = rowOf[l.id] ?? 2;
    for (let m = 0; m < count; m++) {
      const member = dim?.members[m];
      const key = member === undefined ? l.name : `${l.name}[${member.name}]`;
      const row: (PlanCell | null)[] = new Array<PlanCell | null>(sourceCol).fill(null);
      row[Layout.nameCol - 1] = text(key);
      const label = member === undefined ? l.label : `${l.label}: ${member.label || member.name}`;
      row[Layout.labelCol - 1] = text(label);
      row[Layout.unitCol - 1] = text(l.unit === "" ? "number" : l.unit);
      if (l.opening !== undefined)
        row[Layout.openingCol - 1] = valueCell(value(l.id, m, -1), format);
      const rowNumber = firstRow + m;
      const failed = new Map<string, number[]>();
      for (let t = 0; t < P; t++) {
        const v = value(l.id, m, t);
        const col = Layout.firstPeriodCol + t;
        if (l.kind === "input") {
          row[col - 1] = valueCell(v, format);
          continue;
        }
        const rule = ruleAt(rules, t);
        const ctx: CellContext = {
          t,
          members: membersOf(model.dimensions.length, l.dim, m),
          sheet,
        };
        const reason = whyValue(rule, v);
        if (reason === undefined && rule !== undefined) {
          const translated = translateFormula(rule.expr, checked, grid, ctx);
          if (translated.ok && v !== undefined && (v.kind === "number" || v.kind === "boolean")) {
            row[col - 1] = {
              kind: "formula",
              formula: translated.formula,
              result: v.kind === "number" ? Number(v.value) : v.value,
              // A condition keeps the spreadsheet's TRUE/FALSE, not the line's number format.
              ...(v.kind === "number" ? { format } : {}),
            };
            formulas++;
            continue;
          }
          if (!translated.ok) addFailure(failed, translated.reason, col);
        } else if (reason !== undefined && reason !== "") {
          addFailure(failed, reason, col);
        }
        row[col - 1] = valueCell(v, format);
        if (rule?.value === undefined) values++;
      }
      for (const [reason, cols] of failed)
        notes.push({ item: key, sheet, cells: cellList(rowNumber, cols), reason });
      if (l.source !== undefined) row[sourceCol - 1] = text(l.source);
      sheetRows.push(row);
      planLines.push({ key, sheet, row: rowNumber, firstPeriodCol: Layout.firstPeriodCol });
    }
    const name = definedName(l, takenNames);
    if (name !== undefined && P > 0) {
      const range = `${a1(firstRow, Layout.firstPeriodCol, true)}:${a1(firstRow + count - 1, sourceCol - 1, true)}`;
      definedNames.push({ name, sheet, range });
    } else if (name === undefined) {
      notes.push({
        item: l.name,
        sheet,
        cells: a1(firstRow, Layout.nameCol),
        reason: "no defined name: the name is not one a spreadsheet accepts, or is taken",
      });
    }
  }

  const widths = [28, 40, 12, 12, ...periods.map(() => 14), 40];
  const sheets: PlanSheet[] = names.map((name) => ({
    name,
    rows: rows.get(name) ?? [],
    widths,
    frozen: { rows: 1, cols: 1 },
  }));
  sheets.push(notesSheet(checked.title, scenario, notes));
  return {
    title: checked.title,
    scenario,
    periods,
    sheets,
    names: definedNames,
    notes,
    lines: planLines,
    stats: { formulas, values },
  };
}

function header(periods: readonly string[]): PlanCell[] {
  return ["Name", "Label", "Unit", "Opening", ...periods, "Source"].map((h) => ({
    kind: "text",
    text: h,
    bold: true,
  }));
}

function text(t: string): PlanCell {
  return { kind: "text", text: t };
}

/** A value as a cell: a number in base units with the line's format, text, a condition, or empty. */
function valueCell(v: PlainValue | undefined, format: string): PlanCell | null {
  if (v === undefined) return null;
  switch (v.kind) {
    case "number":
      return { kind: "number", value: Number(v.value), exact: v.value, format };
    case "boolean":
      return { kind: "boolean", value: v.value };
    case "text":
      return text(v.value);
    case "period":
      return text(v.label);
    case "blank":
      return null;
    case "error":
      return text(`#${v.code}`);
  }
}

/** The rule in force in period t. */
function ruleAt(rules: readonly CalcRule[], t: number): CalcRule | undefined {
  return rules.find((r) => (r.from as number) <= t && t <= (r.to as number));
}

/**
 * Why a calculation's cell is written as a value before trying to translate it: "" for a typed-in
 * number (a value by the model's own choice, not a note), a reason for an error or a result a
 * formula cannot give, undefined to translate.
 */
function whyValue(rule: CalcRule | undefined, v: PlainValue | undefined): string | undefined {
  if (rule === undefined) return "no rule covers this period";
  if (rule.value !== undefined) return "";
  if (v === undefined) return "no value";
  switch (v.kind) {
    case "number":
    case "boolean":
      return undefined;
    case "error":
      return `Precept gives an error here (${v.code}); written as its code`;
    case "blank":
      return "Precept gives a blank here; left empty";
    case "text":
      return "the result is text; written as a value";
    case "period":
      return "the result is a period; written as its label";
  }
}

function addFailure(failed: Map<string, number[]>, reason: string, col: number): void {
  const cols = failed.get(reason);
  if (cols === undefined) failed.set(reason, [col]);
  else cols.push(col);
}

/** Columns of one row as cells, runs as ranges: `E5:I5, K5`. */
export function cellList(row: number, cols: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < cols.length;) {
    let j = i;
    while (j + 1 < cols.length && cols[j + 1] === (cols[j] ?? 0) + 1) j++;
    const first = a1(row, cols[i] ?? 0);
    parts.push(j === i ? first : `${first}:${a1(row, cols[j] ?? 0)}`);
    i = j + 1;
  }
  return parts.join(", ");
}

function membersOf(dims: number, dim: number, member: number): number[] {
  const out = new Array<number>(dims).fill(-1);
  if (dim >= 0) out[dim] = member;
  return out;
}

/** The line's name as a defined name, if a spreadsheet accepts it and no other line took it. */
function definedName(l: EngineLine, taken: Set<string>): string | undefined {
  if (!isDefinedName(l.name)) return undefined;
  const key = l.name.toUpperCase();
  if (taken.has(key)) return undefined;
  taken.add(key);
  return l.name;
}

function notesSheet(title: string, scenario: string | null, notes: readonly PlanNote[]): PlanSheet {
  const rows: (PlanCell | null)[][] = [
    [{ kind: "text", text: title, bold: true }],
    [text(scenario === null ? "Base case" : `Scenario: ${scenario}`)],
    [
      text(
        notes.length === 0
          ? "Every calculation is a live formula."
          : "These cells hold Precept's values instead of live formulas, for the reason given.",
      ),
    ],
    [],
    ["Item", "Sheet", "Cells", "Reason"].map((h) => ({ kind: "text", text: h, bold: true })),
    ...notes.map((n) => [text(n.item), text(n.sheet), text(n.cells), text(n.reason)]),
  ];
  return { name: Layout.notesSheet, rows, widths: [32, 24, 40, 80], frozen: { rows: 5, cols: 0 } };
}

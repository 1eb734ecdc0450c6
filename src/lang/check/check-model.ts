/**
 * Resolve + check one declaration: builds the parts of the `CheckedModel` the engine evaluates.
 * Inputs are converted to exact base-unit decimals, calculation rules to period ranges with their
 * exceptions, and every expression is resolved and unit-checked. The incremental front end
 * (`incremental/front-end.ts`) runs one {@link ModelChecker} per declaration, with a symbol table
 * that records what the declaration looked up; spans are declaration-relative (syntax/incremental.ts)
 * and so are the diagnostics reported here.
 */
import { makeSpan, periodIndex } from "../../base";
import type { Span } from "../../base";
import type * as A from "../ast";
import { dateUnit, isDateUnit } from "../dates";
import { isTextUnit } from "./units";
import { negateDecimal, shiftDecimal } from "../decimal-text";
import { makeDiagnostic } from "../diagnostics";
import type { Diagnostic } from "../diagnostics";
import type * as M from "../model";
import { blankText, textValue } from "../model";
import { didYouMean } from "../names";
import { printNumber } from "../print";
import { periodIndexOf, someColumnOf } from "../resolve/symbols";
import type { ItemInfo, SymbolTable } from "../resolve/symbols";
import { clauseDecimals, periodLabel } from "../syntax/cst-to-ast";
import { shiftDiagnostic } from "../syntax/incremental";
import { checkExpr, checkTolerance, isPlainLiteral, nameReadBy, tyText } from "./expressions";
import type { CheckState, Ty } from "./expressions";
import {
  isPlain,
  moneyUnit,
  plainUnit,
  powerOfTenText,
  sameUnit,
  singular,
  unitText,
} from "./units";

/** A row's converted cells, kept while its cells array lives (see {@link ModelChecker}). */
export interface RowMemoEntry {
  /** The unit and column layout the values were converted for. */
  readonly key: string;
  readonly values: readonly (string | null)[];
  /** Diagnostics relative to the row's start. */
  readonly diagnostics: readonly Diagnostic[];
}

/** Converted table rows by their cells array: an edit in one row leaves the others' arrays. */
export type RowMemo = WeakMap<readonly A.InputLiteral[], RowMemoEntry>;

/** A span `at` further on (children of a table row are relative to the row). */
const shifted = (span: Span, at: number): Span =>
  at === 0 ? span : makeSpan(span.from + at, span.to + at);
import type { DeclaredUnit, Unit } from "./units";

const unitOfForm = (form: A.NumberForm): Unit =>
  form === "money" ? moneyUnit : form === "date" ? dateUnit : plainUnit;

/** The type of a line item without a declared unit, from its values or its main formula. */
export function inferItemType(
  item: ItemInfo,
  table: SymbolTable,
  itemType: (item: ItemInfo) => Ty,
): Ty {
  const decl = item.decl;
  if (decl.kind === "input") {
    if (holdsText(decl.value)) return { kind: "text" };
    const lit = firstLiteral(decl.value);
    if (lit !== undefined)
      return { kind: "number", unit: unitOfForm(lit.form), percent: lit.form === "percent" };
    return { kind: "number", unit: plainUnit, percent: false };
  }
  // Infer from the main rule with throw-away side tables; the real pass reports problems.
  const main = decl.rules[decl.rules.length - 1];
  if (main === undefined) return { kind: "unknown" };
  const scratch: CheckState = {
    table,
    diagnostics: [],
    references: new Map(),
    calls: new Map(),
    types: new Map(),
    itemType,
  };
  return stripDim(checkExpr(scratch, main.expr, { firstPeriod: table.years.length }));
}

/** Checks declarations against a symbol table, writing diagnostics and side tables. */
export class ModelChecker {
  readonly state: CheckState;

  constructor(
    private readonly table: SymbolTable,
    private readonly diagnostics: Diagnostic[],
    private readonly itemType: (item: ItemInfo) => Ty,
    private readonly rows?: RowMemo,
  ) {
    this.state = {
      table,
      diagnostics,
      references: new Map(),
      calls: new Map(),
      types: new Map(),
      itemType,
    };
  }

  private report(
    code: Parameters<typeof makeDiagnostic>[0],
    span: Span,
    args: Parameters<typeof makeDiagnostic>[2] = {},
  ): void {
    this.diagnostics.push(makeDiagnostic(code, span, args));
  }

  private unitInfo(item: ItemInfo): M.UnitInfo {
    if (item.declared !== undefined) {
      return {
        display: item.declared.display,
        base: unitText(item.declared.unit),
        scale: powerOfTenText(item.declared.scaleExp),
      };
    }
    const t = this.itemType(item);
    if (t.kind === "number") {
      const base = unitText(t.unit);
      return {
        display: t.percent && isPlain(t.unit) ? "%" : base === "1" ? "" : base,
        base,
        scale: "1",
      };
    }
    const base =
      t.kind === "boolean"
        ? "boolean"
        : t.kind === "period"
          ? "period"
          : t.kind === "text"
            ? "text"
            : "1";
    return { display: "", base, scale: "1" };
  }

  /** Converts a literal to base units for an item measured in `declared`; `at`: see {@link shifted}. */
  private literal(
    lit: A.InputLiteral,
    declared: DeclaredUnit | undefined,
    reportMismatch = true,
    at = 0,
  ): string | null {
    if (lit.kind === "error-expr") return null;
    if (lit.kind === "blank") return blankText;
    const textLine = declared !== undefined && isTextUnit(declared.unit);
    if (lit.kind === "string" || textLine) {
      if (lit.kind === "string" && (declared === undefined || textLine))
        return textValue(lit.value);
      if (reportMismatch) {
        if (textLine) {
          this.report("P3022", shifted(lit.span, at), {
            found: lit.kind === "string" ? `"${lit.value}"` : `'${printNumber(lit)}'`,
          });
        } else if (declared !== undefined) {
          this.report("P3003", shifted(lit.span, at), { form: "text", unit: declared.display });
        }
      }
      return null;
    }
    const dateLine = declared !== undefined && isDateUnit(declared.unit);
    if (dateLine || lit.form === "date") {
      if (dateLine && lit.form === "date") return lit.value;
      if (reportMismatch) {
        if (dateLine) {
          this.report("P3021", shifted(lit.span, at), { found: `'${printNumber(lit)}'` });
        } else if (declared !== undefined) {
          this.report("P3003", shifted(lit.span, at), {
            form: "date",
            unit: declared.display,
          });
        }
      }
      return declared === undefined ? lit.value : null;
    }
    if (lit.count !== undefined) {
      const unit: Unit =
        lit.count.name === "number"
          ? plainUnit
          : { powers: new Map([[singular(lit.count.name), 1]]) };
      if (declared !== undefined && !sameUnit(unit, declared.unit)) {
        if (reportMismatch)
          this.report("P3003", shifted(lit.span, at), {
            form: `'${lit.count.name}'`,
            unit: declared.display,
          });
        return null;
      }
      return lit.value;
    }
    if (declared === undefined || lit.form !== "plain") {
      if (declared !== undefined) {
        const ok =
          lit.form === "percent"
            ? isPlain(declared.unit)
            : (declared.unit.powers.get("£") ?? 0) === 1;
        if (!ok) {
          if (reportMismatch)
            this.report("P3003", shifted(lit.span, at), {
              form: lit.form === "percent" ? "percentage" : "money",
              unit: declared.display,
            });
          return null;
        }
      }
      return lit.value;
    }
    return shiftDecimal(lit.value, declared.scaleExp);
  }

  private periodOf(p: A.PeriodLit): number | undefined {
    const index = periodIndexOf(this.table, p.year);
    if (index === undefined && this.table.years.length > 0) {
      this.report("P2004", p.span, {
        period: periodLabel(p.year),
        first: this.table.labels[0] ?? "",
        last: this.table.labels[this.table.labels.length - 1] ?? "",
      });
    }
    return index;
  }

  /** The periods a range covers, inclusive, or undefined when it names a period outside the model. */
  private rangeOf(range: A.PeriodRange | undefined): [number, number] | undefined {
    const last = this.table.years.length - 1;
    if (range === undefined) return [0, last];
    const from = range.from === undefined ? 0 : this.periodOf(range.from);
    const to = range.to !== undefined ? this.periodOf(range.to) : range.open ? last : from;
    if (from === undefined || to === undefined || to < from) return undefined;
    return [from, to];
  }

  private inputValues(value: A.InputValue, item: ItemInfo): M.InputValues {
    if (item.declared === undefined) this.checkOneKind(value);
    const n = this.table.years.length;
    const declared = item.declared;
    switch (value.kind) {
      case "scalar":
        return { kind: "scalar", value: this.literal(value.value, declared) ?? "0" };
      case "series": {
        const values: (string | null)[] = new Array<string | null>(n).fill(null);
        const covered: boolean[] = new Array<boolean>(n).fill(false);
        for (const rule of value.rules) {
          const v = this.literal(rule.value, declared);
          const range = this.rangeOf(rule.range);
          if (range === undefined) continue;
          for (let p = range[0]; p <= range[1]; p++) {
            if (covered[p] === true)
              this.report("P2011", rule.range.span, {
                period: this.table.labels[p] ?? "",
                name: item.name,
              });
            covered[p] = true;
            values[p] = v;
          }
        }
        return { kind: "series", values };
      }
      case "table":
        return this.tableValues(value, item);
      case "member-table":
        return this.memberValues(value, item);
      case "record":
        // Only a scenario's override can hold one: the parser splits an input's into columns.
        this.report("P2025", value.span, { column: item.name });
        return { kind: "scalar", value: "0" };
    }
  }

  /** An input without a unit holds numbers or text, not both (P3022 at the first that differs). */
  private checkOneKind(value: A.InputValue): void {
    const all = literalsOf(value);
    const first = all.find((l) => l.kind === "number" || l.kind === "string");
    if (first === undefined) return;
    const other = all.find(
      (l) => (l.kind === "number" || l.kind === "string") && l.kind !== first.kind,
    );
    if (other === undefined || (other.kind !== "number" && other.kind !== "string")) return;
    // A table cell's span is relative to its row.
    const row =
      value.kind === "table" || value.kind === "member-table"
        ? value.rows.find((r) => r.cells.includes(other))
        : undefined;
    this.report("P3022", shifted(other.span, row?.span.from ?? 0), {
      found: other.kind === "string" ? `"${other.value}"` : `'${printNumber(other)}'`,
    });
  }

  /** A `table value`: one value per member (or one value without a dimension), every period. */
  private memberValues(
    value: Extract<A.InputValue, { kind: "member-table" }>,
    item: ItemInfo,
  ): M.InputValues {
    const dim = item.dimension;
    const cellOf = (row: A.TableRow): string | null => {
      const cell = row.cells[0];
      return cell === undefined ? null : this.literal(cell, item.declared, true, row.span.from);
    };
    if (dim === undefined) {
      const [first, ...rest] = value.rows;
      // A record without a dimension has had P2023, which says what to do, for all its rows.
      if (item.decl.kind === "input" && item.decl.record !== undefined)
        return { kind: "members", values: [first === undefined ? null : cellOf(first)] };
      for (const row of value.rows) {
        if (row.member !== undefined)
          this.report("P2016", shifted(row.member.span, row.span.from), {
            name: item.name,
            member: row.member.name,
          });
      }
      for (const row of rest)
        this.report("P1015", row.span, { found: row.cells.length, expected: 1 });
      return { kind: "members", values: [first === undefined ? null : cellOf(first)] };
    }
    const values: (string | null | undefined)[] = dim.members.map(() => undefined);
    for (const row of value.rows) {
      const index = this.rowMember(row, dim);
      if (index === undefined) continue;
      if (values[index] !== undefined) {
        this.report(
          "P2017",
          row.member === undefined ? row.span : shifted(row.member.span, row.span.from),
          { name: row.member?.name ?? "" },
        );
        continue;
      }
      values[index] = cellOf(row);
    }
    dim.members.forEach((m, i) => {
      if (values[i] === undefined) this.report("P2015", value.span, { member: m.name });
    });
    return { kind: "members", values: values.map((v) => v ?? null) };
  }

  /** The member index a table row names, reporting a missing, unknown or repeated member. */
  private rowMember(row: A.TableRow, dim: NonNullable<ItemInfo["dimension"]>): number | undefined {
    if (row.member === undefined) {
      this.report("P1003", row.span, {
        expected: `a member of '${dim.name}' at the start of the row`,
        found: "a number",
      });
      return undefined;
    }
    const index = dim.memberIndex.get(row.member.name);
    if (index === undefined) {
      this.report("P2003", shifted(row.member.span, row.span.from), {
        member: row.member.name,
        dimension: dim.name,
        suggestion: didYouMean(row.member.name, dim.memberIndex.keys()),
      });
      return undefined;
    }
    return index;
  }

  private tableValues(
    value: Extract<A.InputValue, { kind: "table" }>,
    item: ItemInfo,
  ): M.InputValues {
    const n = this.table.years.length;
    const columns: (number | undefined)[] = [];
    const seen = new Set<number>();
    for (const p of value.header) {
      const index = this.periodOf(p);
      if (index !== undefined && seen.has(index)) {
        this.report("P2014", p.span, { period: periodLabel(p.year) });
        columns.push(undefined);
        continue;
      }
      if (index !== undefined) seen.add(index);
      columns.push(index);
    }
    const declared = item.declared;
    const key =
      declared === undefined
        ? `${n}:${columns.join(",")}`
        : `${n}:${columns.join(",")}:${declared.display}\u0000${declared.scaleExp}\u0000${unitText(declared.unit)}`;
    const rowValues = (row: A.TableRow): readonly (string | null)[] => {
      const known = this.rows?.get(row.cells);
      if (known !== undefined && known.key === key) {
        for (const d of known.diagnostics) this.diagnostics.push(shiftDiagnostic(d, row.span.from));
        return known.values;
      }
      const mark = this.diagnostics.length;
      const out: (string | null)[] = new Array<string | null>(n).fill(null);
      row.cells.forEach((cell, i) => {
        const column = columns[i];
        const v = this.literal(cell, declared);
        if (column !== undefined) out[column] = v;
      });
      // Reported relative to the row; kept so, and moved to the declaration's coordinates here.
      const own = this.diagnostics.slice(mark);
      for (let i = 0; i < own.length; i++)
        this.diagnostics[mark + i] = shiftDiagnostic(own[i] as Diagnostic, row.span.from);
      this.rows?.set(row.cells, { key, values: out, diagnostics: own });
      return out;
    };
    const dim = item.dimension;
    if (dim === undefined) {
      const [first, ...rest] = value.rows;
      for (const row of value.rows) {
        if (row.member !== undefined)
          this.report("P2016", shifted(row.member.span, row.span.from), {
            name: item.name,
            member: row.member.name,
          });
      }
      for (const row of rest)
        this.report("P1015", row.span, { found: row.cells.length, expected: value.header.length });
      return {
        kind: "series",
        values: first === undefined ? new Array<string | null>(n).fill(null) : rowValues(first),
      };
    }
    const rows: (readonly (string | null)[] | undefined)[] = dim.members.map(() => undefined);
    for (const row of value.rows) {
      if (row.member === undefined) {
        this.report("P1003", row.span, {
          expected: `a member of '${dim.name}' at the start of the row`,
          found: "a number",
        });
        continue;
      }
      const index = dim.memberIndex.get(row.member.name);
      if (index === undefined) {
        this.report("P2003", shifted(row.member.span, row.span.from), {
          member: row.member.name,
          dimension: dim.name,
          suggestion: didYouMean(row.member.name, dim.memberIndex.keys()),
        });
        continue;
      }
      if (rows[index] !== undefined) {
        this.report("P2017", shifted(row.member.span, row.span.from), { name: row.member.name });
        continue;
      }
      rows[index] = rowValues(row);
    }
    dim.members.forEach((m, i) => {
      if (rows[i] === undefined) this.report("P2015", value.span, { member: m.name });
    });
    return { kind: "table", rows: rows.map((r) => r ?? new Array<string | null>(n).fill(null)) };
  }

  lineItem(item: ItemInfo): M.CheckedLineItem {
    const decl = item.decl;
    const decimals = decl.decimals === undefined ? undefined : clauseDecimals(decl.decimals);
    const base = {
      id: item.id,
      name: item.name,
      label: decl.label?.value ?? item.name,
      section: item.section,
      unit: this.unitInfo(item),
      ...(item.dimension === undefined ? {} : { dimension: item.dimension.name }),
      ...(decl.source === undefined ? {} : { source: decl.source.value }),
      ...(decimals === undefined ? {} : { decimals }),
      decl,
      span: decl.span,
    };
    if (decl.kind === "input") {
      return {
        ...base,
        kind: "input",
        definition: { kind: "input", values: this.inputValues(decl.value, item) },
      };
    }
    return { ...base, kind: "calc", definition: this.calcDefinition(decl, item) };
  }

  private calcDefinition(decl: A.CalcDecl, item: ItemInfo): M.Definition {
    const n = this.table.years.length;
    const owner: (A.Rule | undefined)[] = new Array<A.Rule | undefined>(n).fill(undefined);
    const rules: { rule: A.Rule; from: number; to: number }[] = [];
    for (const rule of decl.rules) {
      const range = this.rangeOf(rule.range);
      this.checkRule(rule, item, range?.[0] ?? 0, rule === decl.rules[decl.rules.length - 1]);
      if (range === undefined) continue;
      for (let p = range[0]; p <= range[1]; p++) {
        if (owner[p] !== undefined) {
          this.report("P2011", rule.range?.span ?? rule.span, {
            period: this.table.labels[p] ?? "",
            name: item.name,
          });
        }
        owner[p] ??= rule;
      }
      rules.push({ rule, from: range[0], to: range[1] });
    }
    for (let p = 0; p < n; p++) {
      if (owner[p] === undefined) {
        this.report("P2012", decl.name.span, {
          name: item.name,
          period: this.table.labels[p] ?? "",
        });
        break;
      }
    }
    const main = owner[n - 1] ?? rules[rules.length - 1]?.rule;
    const out: M.Definition = {
      kind: "calc",
      rules: rules.map(({ rule, from, to }) => {
        const lit = ruleLiteral(rule.expr);
        const value = lit === undefined ? null : this.literal(lit, item.declared, false);
        return {
          from: periodIndex(from),
          to: periodIndex(to),
          expr: rule.expr,
          exception: rule !== main,
          span: rule.span,
          ...(value === null ? {} : { value }),
        };
      }),
    };
    if (decl.opening === undefined) return out;
    const opening = this.literal(decl.opening, item.declared);
    return opening === null ? out : { ...out, opening };
  }

  /** Checks one rule of a calculation against the item's declared unit and dimension. */
  private checkRule(rule: A.Rule, item: ItemInfo, firstPeriod: number, isLast: boolean): void {
    let t = checkExpr(this.state, rule.expr, { firstPeriod, item });
    const lit = ruleLiteral(rule.expr);
    if (lit !== undefined && item.declared !== undefined) {
      // A typed-in value (a base-year figure) is read in the line's own unit, like an input.
      if (this.literal(lit, item.declared) === null) return;
      t = { kind: "number", unit: item.declared.unit, percent: item.declared.percent };
    }
    if (t.kind === "number" || t.kind === "boolean") {
      const dim = t.dimension;
      if (dim !== undefined && item.dimension === undefined) {
        const example = this.table.dimensions.get(dim)?.members[0]?.name ?? "member";
        const name = nameReadBy(this.state, rule.expr, dim) ?? dim;
        this.report("P2018", rule.expr.span, { name, dimension: dim, example, line: item.name });
      } else if (dim !== undefined && item.dimension !== undefined && dim !== item.dimension.name) {
        this.report("P3006", rule.expr.span, { left: item.dimension.name, right: dim });
      }
    }
    const declared = item.declared;
    if (declared !== undefined) {
      if (t.kind === "number" && !sameUnit(t.unit, declared.unit)) {
        this.report("P3002", rule.expr.span, {
          name: item.name,
          declared: declared.display,
          inferred: tyText(t),
        });
      } else if (t.kind !== "number" && t.kind !== "unknown") {
        this.report("P3002", rule.expr.span, {
          name: item.name,
          declared: declared.display,
          inferred: tyText(t),
        });
      }
    } else if (t.kind === "number" && !isPlain(t.unit) && isLast) {
      this.report("P3013", item.decl.name.span, { name: item.name, inferred: tyText(t) });
    }
  }

  scenario(decl: A.ScenarioDecl): M.CheckedScenario {
    const overrides: M.CheckedScenario["overrides"][number][] = [];
    for (const o of decl.overrides) {
      const item = this.table.itemsByName.get(o.name.name);
      if (item === undefined && this.table.otherNames.get(o.name.name) === "record") {
        this.report("P2025", o.name.span, { column: someColumnOf(this.table, o.name.name) });
        continue;
      }
      if (item === undefined) {
        this.report("P2001", o.name.span, {
          name: o.name.name,
          suggestion: didYouMean(o.name.name, this.table.itemsByName.keys()),
        });
        continue;
      }
      if (item.decl.kind !== "input") {
        this.report("P2013", o.name.span, { name: o.name.name, what: "a calculation" });
        continue;
      }
      overrides.push({ item: item.id, values: this.inputValues(o.value, item), span: o.span });
    }
    return { name: decl.name.name, label: decl.label?.value ?? decl.name.name, overrides, decl };
  }

  check(decl: A.CheckDecl, ordinal: number): M.CheckedCheck {
    const name = decl.name?.name ?? `check_${ordinal}`;
    const range = decl.range === undefined ? undefined : this.rangeOf(decl.range);
    const base = {
      name,
      ...(range === undefined
        ? {}
        : { periods: { from: periodIndex(range[0]), to: periodIndex(range[1]) } }),
      label: decl.label?.value ?? name,
      ...(decl.known === undefined ? {} : { known: decl.known.value }),
      decl,
      span: decl.span,
    };
    const scope = { firstPeriod: range?.[0] ?? 0 };
    const t = checkExpr(this.state, decl.expr, scope);
    if (decl.tolerance === undefined) {
      if (t.kind !== "boolean" && t.kind !== "unknown")
        this.report("P3012", decl.expr.span, { found: tyText(t) });
      return { ...base, test: { kind: "condition", expr: decl.expr } };
    }
    const tol = checkExpr(this.state, decl.tolerance, scope);
    const e = decl.expr;
    if (e.kind !== "binary" || e.op !== "=") {
      this.report("P3015", e.span, { op: e.kind === "binary" ? e.op : "" });
      return { ...base, test: { kind: "condition", expr: e } };
    }
    const side = isPlainLiteral(e.left) || e.left.kind === "number" ? e.right : e.left;
    // The side's unit again, with throw-away side tables: the real pass above reported problems.
    const scratch: CheckState = {
      ...this.state,
      diagnostics: [],
      references: new Map(),
      calls: new Map(),
      types: new Map(),
    };
    const compared = checkExpr(scratch, side, scope);
    if (compared.kind === "number") checkTolerance(this.state, decl.tolerance, tol, compared.unit);
    return {
      ...base,
      test: { kind: "approx", left: e.left, right: e.right, tolerance: decl.tolerance },
    };
  }
}

/** The literal a rule consists of, if it is only a (possibly negated) number: a typed-in value. */
function ruleLiteral(e: A.Expr): A.NumberLit | undefined {
  if (e.kind === "number") return e;
  if (e.kind === "unary" && e.op === "-" && e.operand.kind === "number") {
    return {
      ...e.operand,
      span: e.span,
      digits: negateDecimal(e.operand.digits),
      value: negateDecimal(e.operand.value),
    };
  }
  return undefined;
}

function stripDim(t: Ty): Ty {
  if (t.kind === "number") return { kind: "number", unit: t.unit, percent: t.percent };
  if (t.kind === "boolean") return { kind: "boolean" };
  return t;
}

/** Every literal of an input's value, in source order. */
function literalsOf(value: A.InputValue): A.InputLiteral[] {
  return value.kind === "scalar"
    ? [value.value]
    : value.kind === "series"
      ? value.rules.map((r) => r.value)
      : value.rows.flatMap((r) => r.cells);
}

/** True when an input's values are text (its first literal that is a value is a text). */
export function holdsText(value: A.InputValue): boolean {
  return (
    literalsOf(value).find((l) => l.kind === "number" || l.kind === "string")?.kind === "string"
  );
}

function firstLiteral(value: A.InputValue): A.NumberLit | undefined {
  const all = literalsOf(value);
  return (
    all.find((l): l is A.NumberLit => l.kind === "number" && l.form !== "plain") ??
    all.find((l): l is A.NumberLit => l.kind === "number")
  );
}

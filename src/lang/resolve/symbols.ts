/**
 * The first resolution pass: the model's periods, dimensions and line items by name, with
 * duplicates, look-alike names and unknown dimensions reported. The declarations have
 * declaration-relative spans (syntax/incremental.ts); the diagnostics here are absolute.
 */
import { lineItemId, makeSpan } from "../../base";
import type { LineItemId, Span } from "../../base";
import type * as A from "../ast";
import { declaredUnit } from "../check/units";
import type { DeclaredUnit } from "../check/units";
import { makeDiagnostic } from "../diagnostics";
import type { Diagnostic } from "../diagnostics";
import { Limits } from "../limits";
import { didYouMean, skeleton } from "../names";
import { periodLabel } from "../syntax/cst-to-ast";
import { builtinFunctions } from "../check/functions";
import type { FunctionSig } from "../check/user-functions";

/** A dimension with its members indexed. */
export interface DimensionInfo {
  readonly name: string;
  readonly label: string;
  readonly members: readonly { readonly name: string; readonly label: string }[];
  readonly memberIndex: ReadonlyMap<string, number>;
  readonly decl: A.DimensionDecl;
}

/** A line item as resolution sees it. */
export interface ItemInfo {
  readonly id: LineItemId;
  readonly name: string;
  readonly decl: A.InputDecl | A.CalcDecl;
  readonly section: string;
  readonly dimension?: DimensionInfo;
  readonly declared?: DeclaredUnit;
}

/** Everything resolution knows about the model's names. */
export interface SymbolTable {
  readonly title: string;
  readonly source?: string;
  readonly years: readonly number[];
  readonly labels: readonly string[];
  readonly items: readonly ItemInfo[];
  readonly itemsByName: ReadonlyMap<string, ItemInfo>;
  readonly dimensions: ReadonlyMap<string, DimensionInfo>;
  /** Names of other kinds (checks, scenarios, functions), for "is a check, not a value". */
  readonly otherNames: ReadonlyMap<string, string>;
  /** The user functions' declarations, in source order, each name declared once. */
  readonly functionDecls: readonly A.FunctionDecl[];
  /** The user functions as checked (check/user-functions.ts); empty until they are. */
  readonly functions: ReadonlyMap<string, FunctionSig>;
}

/** The period index of a financial year, or undefined outside the model. */
export function periodIndexOf(table: SymbolTable, year: number): number | undefined {
  const first = table.years[0];
  if (first === undefined) return undefined;
  const i = year - first;
  return i >= 0 && i < table.years.length ? i : undefined;
}

/** A column of the record table `record` to name in a message (`deposits.principal`). */
export function someColumnOf(table: SymbolTable, record: string): string {
  const prefix = `${record}.`;
  for (const name of table.itemsByName.keys()) if (name.startsWith(prefix)) return name;
  return `${record}.column`;
}

/** The absolute span of `span`, relative to the start of `decl`. */
const absolute = (decl: A.Decl, span: Span): Span =>
  makeSpan(decl.span.from + span.from, decl.span.from + span.to);

/** Reuses work across checks of one session: declared units by unit node, name skeletons. */
export interface SymbolMemo {
  readonly units: WeakMap<A.UnitExpr, DeclaredUnit>;
  readonly skeletons: Map<string, string>;
}

/** Tunables of the symbol pass. */
export const SymbolTunables = {
  /** The skeleton memo is emptied when it holds more names than this (names typed and gone). */
  maxSkeletons: 200_000,
} as const;

function declaredOf(unit: A.UnitExpr, memo: SymbolMemo | undefined): DeclaredUnit {
  const known = memo?.units.get(unit);
  if (known !== undefined) return known;
  const made = declaredUnit(unit);
  memo?.units.set(unit, made);
  return made;
}

function skeletonOf(name: string, memo: SymbolMemo | undefined): string {
  if (memo === undefined) return skeleton(name);
  let key = memo.skeletons.get(name);
  if (key === undefined) {
    if (memo.skeletons.size >= SymbolTunables.maxSkeletons) memo.skeletons.clear();
    key = skeleton(name);
    memo.skeletons.set(name, key);
  }
  return key;
}

/** Builds the symbol table. */
export function collectSymbols(
  ast: A.ModelAst,
  diagnostics: Diagnostic[],
  memo?: SymbolMemo,
): SymbolTable {
  let title = "";
  let source: string | undefined;
  let periods: A.PeriodsDecl | undefined;
  let model: A.ModelDecl | undefined;
  const dimensions = new Map<string, DimensionInfo>();
  const declared = new Map<string, Span>();
  const otherNames = new Map<string, string>();
  const lookalikes = new Map<string, string>();
  const functionDecls: A.FunctionDecl[] = [];

  const declare = (decl: A.Decl, name: A.Ident): boolean => {
    const ident = { name: name.name, span: absolute(decl, name.span) };
    const previous = declared.get(ident.name);
    if (previous !== undefined) {
      diagnostics.push(
        makeDiagnostic(
          "P2002",
          ident.span,
          { name: ident.name },
          {
            related: [{ span: previous, message: `'${ident.name}' is first defined here.` }],
          },
        ),
      );
      return false;
    }
    declared.set(ident.name, ident.span);
    const key = skeletonOf(ident.name, memo);
    const other = lookalikes.get(key);
    if (other !== undefined && other !== ident.name) {
      diagnostics.push(makeDiagnostic("P2008", ident.span, { name: ident.name, other }));
    } else {
      lookalikes.set(key, ident.name);
    }
    return true;
  };

  for (const decl of ast.decls) {
    if (decl.kind === "model") {
      if (model !== undefined)
        diagnostics.push(makeDiagnostic("P2010", decl.span, { what: "model" }));
      else {
        model = decl;
        title = decl.title.value;
        if (decl.source !== undefined) source = decl.source.value;
      }
    } else if (decl.kind === "periods") {
      if (periods !== undefined)
        diagnostics.push(makeDiagnostic("P2010", decl.span, { what: "periods" }));
      else {
        periods = decl;
        if (decl.source !== undefined && source === undefined) source = decl.source.value;
      }
    } else if (decl.kind === "dimension") {
      if (!declare(decl, decl.name)) continue;
      const memberIndex = new Map<string, number>();
      const members: { name: string; label: string }[] = [];
      for (const m of decl.members) {
        if (memberIndex.has(m.name.name)) {
          diagnostics.push(
            makeDiagnostic("P2017", absolute(decl, m.name.span), { name: m.name.name }),
          );
          continue;
        }
        memberIndex.set(m.name.name, members.length);
        members.push({ name: m.name.name, label: m.label?.value ?? m.name.name });
      }
      dimensions.set(decl.name.name, {
        name: decl.name.name,
        label: decl.label?.value ?? decl.name.name,
        members,
        memberIndex,
        decl,
      });
    } else if (decl.kind === "function") {
      if (builtinFunctions.has(decl.name.name)) {
        diagnostics.push(
          makeDiagnostic("P2046", absolute(decl, decl.name.span), { name: decl.name.name }),
        );
        continue;
      }
      if (!declare(decl, decl.name)) continue;
      otherNames.set(decl.name.name, "function");
      functionDecls.push(decl);
    } else if (decl.kind === "check" && decl.name !== undefined) {
      otherNames.set(decl.name.name, "check");
    } else if (decl.kind === "scenario") {
      if (otherNames.get(decl.name.name) === "scenario") {
        diagnostics.push(
          makeDiagnostic("P2002", absolute(decl, decl.name.span), { name: decl.name.name }),
        );
      }
      otherNames.set(decl.name.name, "scenario");
    }
  }

  const years: number[] = [];
  if (periods === undefined) {
    diagnostics.push(makeDiagnostic("P2009", makeSpan(0, 0)));
  } else if (periods.first.year > periods.last.year) {
    diagnostics.push(
      makeDiagnostic("P2022", periods.span, {
        first: periodLabel(periods.first.year),
        last: periodLabel(periods.last.year),
      }),
    );
  } else if (periods.last.year - periods.first.year + 1 > Limits.maxPeriods) {
    diagnostics.push(
      makeDiagnostic("P1018", periods.span, {
        what: "the number of periods",
        size: periods.last.year - periods.first.year + 1,
        limit: Limits.maxPeriods,
      }),
    );
  } else {
    for (let y = periods.first.year; y <= periods.last.year; y++) years.push(y);
  }

  const items: ItemInfo[] = [];
  const itemsByName = new Map<string, ItemInfo>();
  let section = "";
  for (const decl of ast.decls) {
    if (decl.kind === "section") section = decl.title;
    if (decl.kind !== "input" && decl.kind !== "calc") continue;
    // A record table's name is declared once, by its first column, and is not a value itself.
    const record = decl.kind === "input" ? decl.record : undefined;
    if (record?.index === 0 && declare(decl, record.record))
      otherNames.set(record.record.name, "record");
    if (!declare(decl, decl.name)) continue;
    let dimension: DimensionInfo | undefined;
    if (decl.dimension !== undefined) {
      dimension = dimensions.get(decl.dimension.name);
      if (dimension === undefined) {
        diagnostics.push(
          makeDiagnostic("P2006", absolute(decl, decl.dimension.span), {
            name: decl.dimension.name,
            suggestion: didYouMean(decl.dimension.name, dimensions.keys()),
          }),
        );
      }
    }
    const info: ItemInfo = {
      id: lineItemId(items.length),
      name: decl.name.name,
      decl,
      section,
      ...(dimension === undefined ? {} : { dimension }),
      ...(decl.unit === undefined ? {} : { declared: declaredOf(decl.unit, memo) }),
    };
    items.push(info);
    itemsByName.set(info.name, info);
  }
  return {
    title,
    ...(source === undefined ? {} : { source }),
    years,
    labels: years.map(periodLabel),
    items,
    itemsByName,
    dimensions,
    otherNames,
    functionDecls,
    functions: noFunctions,
  };
}

const noFunctions: ReadonlyMap<string, FunctionSig> = new Map();

/**
 * The checked model: what `checkModel` hands the engine, as plain data. Numbers are exact decimal
 * strings in base units (pounds, not £m; 2.99% as "0.0299"). Expressions stay AST nodes; what each
 * reference points at and the unit of each expression are in side tables keyed by node id.
 */
import type { LineItemId, PeriodIndex, Span } from "../base";
import type {
  CalcDecl,
  CheckDecl,
  Expr,
  FunctionDecl,
  InputDecl,
  ModelAst,
  NodeId,
  ScenarioDecl,
} from "./ast";
import type { Diagnostic } from "./diagnostics";

/** An exact decimal as a string, in base units. */
export type DecimalText = string;

/**
 * A unit: `base` is the canonical unit the engine computes in ("£", "£/property", "property",
 * "1" for a plain number); `display` is the unit as declared ("£m"); `scale` is how many base
 * units one display unit is ("1000000" for £m, "0.01" for %). See grammar/units.md.
 */
export interface UnitInfo {
  readonly display: string;
  readonly base: string;
  readonly scale: DecimalText;
}

/** The type of an expression's value. Numbers carry a base unit; `dimension` is set when the
 * value has one value per member of that dimension. */
export type ValueType =
  | {
      readonly kind: "number";
      readonly unit: string;
      readonly percent: boolean;
      readonly dimension?: string;
    }
  | { readonly kind: "boolean"; readonly dimension?: string }
  | { readonly kind: "period" }
  | { readonly kind: "text" }
  | { readonly kind: "unknown" };

/** Which period a reference reads: the current one, an offset from it, or a fixed one. */
export type PeriodSelection =
  | { readonly kind: "current" }
  | { readonly kind: "relative"; readonly offset: number }
  | { readonly kind: "absolute"; readonly index: PeriodIndex };

/** What a reference node points at. `member` is set for `x[member]`; when absent and the item has a
 * dimension, the reference takes the member of the enclosing calculation or aggregate. */
export interface ResolvedRef {
  readonly item: LineItemId;
  readonly period: PeriodSelection;
  readonly member?: { readonly index: number; readonly name: string };
}

/** A dimension and its members in declared order. */
export interface CheckedDimension {
  readonly name: string;
  readonly label: string;
  readonly members: readonly { readonly name: string; readonly label: string }[];
  readonly span: Span;
}

/** The text that stands for an intentionally blank cell (`blank`) among input values. */
export const blankText = "blank";

/**
 * An input value that is text (`"eip"`) among input values, which are otherwise decimals: the
 * text after a double quote, which no decimal or {@link blankText} starts with.
 */
export function textValue(text: string): string {
  return `"${text}`;
}

/** The text of an input value made by {@link textValue}, or undefined for a number or blank. */
export function textOfValue(value: string): string | undefined {
  return value.startsWith('"') ? value.slice(1) : undefined;
}

/**
 * The values of an input in base units. `scalar`: one value for every period (and member).
 * `series`: one per period, `null` where no value was given. `table`: rows by member index, each
 * with one value per period (`null` where the table has no column for the period). `members`: one
 * value per member (by index) for every period, from a `table value`. A value may be
 * {@link blankText} for a cell written `blank`, or a text made by {@link textValue}.
 */
export type InputValues =
  | { readonly kind: "scalar"; readonly value: DecimalText }
  | { readonly kind: "series"; readonly values: readonly (DecimalText | null)[] }
  | { readonly kind: "table"; readonly rows: readonly (readonly (DecimalText | null)[])[] }
  | { readonly kind: "members"; readonly values: readonly (DecimalText | null)[] };

/** One rule of a calculation: `expr` applies to periods `from..to` inclusive. `exception` is true for
 * every rule except the one in force in the last period (the line's main formula). */
export interface CalcRule {
  readonly from: PeriodIndex;
  readonly to: PeriodIndex;
  readonly expr: Expr;
  readonly exception: boolean;
  readonly span: Span;
  /**
   * Set when the rule is only a typed-in number (`| 2018/19 : 246,841`): its value in base units,
   * read in the line's declared unit like an input (`4.5` in a `(£m)` line is "4500000"). The
   * engine uses this instead of evaluating `expr`, whose literal is unscaled.
   */
  readonly value?: DecimalText;
}

/** How a line item is defined. */
export type Definition =
  | { readonly kind: "input"; readonly values: InputValues }
  | { readonly kind: "calc"; readonly rules: readonly CalcRule[]; readonly opening?: DecimalText };

/** One line item, in source order. */
export interface CheckedLineItem {
  readonly id: LineItemId;
  readonly name: string;
  readonly label: string;
  readonly section: string;
  readonly kind: "input" | "calc";
  readonly unit: UnitInfo;
  readonly dimension?: string;
  readonly source?: string;
  /** Decimals to show this line's values with (`decimals 3`, 0 to 10); absent for the unit's default. */
  readonly decimals?: number;
  readonly definition: Definition;
  readonly decl: InputDecl | CalcDecl;
  readonly span: Span;
}

/** A scenario: named replacement values for some inputs. */
export interface CheckedScenario {
  readonly name: string;
  readonly label: string;
  readonly overrides: readonly {
    readonly item: LineItemId;
    readonly values: InputValues;
    readonly span: Span;
  }[];
  readonly decl: ScenarioDecl;
}

/** A check: a condition, or `left = right within tolerance`. It must hold in every period. */
export interface CheckedCheck {
  readonly name: string;
  readonly label: string;
  readonly test:
    | { readonly kind: "condition"; readonly expr: Expr }
    | {
        readonly kind: "approx";
        readonly left: Expr;
        readonly right: Expr;
        readonly tolerance: Expr;
      };
  /** The explanation when this check is a known finding (a published figure that does not reproduce). */
  readonly known?: string;
  /** The periods the check runs in (`check x over 2019/20 ..:`), inclusive; absent for all. */
  readonly periods?: { readonly from: PeriodIndex; readonly to: PeriodIndex };
  readonly decl: CheckDecl;
  readonly span: Span;
}

/** Everything the engine needs from a model's text. */
/** A user function, checked (lang/check/user-functions.ts). */
export interface CheckedFunction {
  readonly name: string;
  readonly decl: FunctionDecl;
  /** The parameters' names, in order. */
  readonly params: readonly string[];
  readonly result: ValueType;
  /** Reference node id in the body → the position of the parameter it reads. */
  readonly parameters: ReadonlyMap<NodeId, number>;
  /** The definition has an error; every call of it is an error too (P2044). */
  readonly broken: boolean;
}

export interface CheckedModel {
  readonly text: string;
  readonly ast: ModelAst;
  readonly title: string;
  readonly source?: string;
  /** Period labels in order, such as "2019/20". */
  readonly periods: readonly string[];
  /** The calendar year each period starts in, in order. */
  readonly periodYears: readonly number[];
  readonly dimensions: readonly CheckedDimension[];
  readonly lineItems: readonly CheckedLineItem[];
  readonly lineItemByName: ReadonlyMap<string, LineItemId>;
  readonly scenarios: readonly CheckedScenario[];
  readonly checks: readonly CheckedCheck[];
  /** The user functions, in source order. */
  readonly functions: readonly CheckedFunction[];
  /** Reference node id → what it points at. */
  readonly references: ReadonlyMap<NodeId, ResolvedRef>;
  /** Call node id → built-in function name (lower case). */
  readonly calls: ReadonlyMap<NodeId, string>;
  /** Expression node id → inferred type and unit. */
  readonly types: ReadonlyMap<NodeId, ValueType>;
  readonly diagnostics: readonly Diagnostic[];
}

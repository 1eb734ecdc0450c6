/**
 * The Precept abstract syntax tree: plain, readonly objects discriminated by `kind`. Every node has
 * a `span` (UTF-16 offsets into the model text) and a numeric `id`, unique within one parse, that
 * resolution and checking use as the key of their side tables. Nodes carry no semantic fields.
 * The grammar is in grammar/formula.ebnf.
 */
import type { Brand, Span } from "../base";

/** Identifies one AST node within one parse; the key of every side table. */
export type NodeId = Brand<number, "NodeId">;

/** Casts a number to a `NodeId`. */
export const nodeId = (n: number): NodeId => n as NodeId;

/** Fields every node has. */
export interface NodeBase {
  readonly id: NodeId;
  readonly span: Span;
}

/** A name as written (NFC-normalised). */
export interface Ident extends NodeBase {
  readonly kind: "ident";
  readonly name: string;
}

/** A double-quoted string; `value` has escapes removed. */
export interface StringLit extends NodeBase {
  readonly kind: "string";
  readonly value: string;
}

/** A UK financial year such as 2019/20; `year` is the calendar year it starts in (2019). */
export interface PeriodLit extends NodeBase {
  readonly kind: "period";
  readonly year: number;
}

/** How a number literal was written: plain `246,841`, money `£4.5m`, or percent `2.99%`. */
export type NumberForm = "plain" | "money" | "percent" | "date";

/** The scale suffix of a money literal: `£350k`, `£4.5m`, `£1.2bn`, or none. */
export type MoneyScale = "" | "k" | "m" | "bn";

/**
 * A number literal. `value` is the exact decimal in base units as a string, already scaled and
 * signed: `£4.5m` is "4500000", `2.99%` is "0.0299", `(4,000)` in a table is "-4000". `digits` is
 * the number as written before scaling ("4.5" for `£4.5m`, "2.99" for `2.99%`), kept so that the
 * printer writes the literal back in its own form. A date (`form: "date"`) has its serial as
 * `value` (lang/dates.ts) and the literal `2018-05-04` as `digits`.
 */
export interface NumberLit extends NodeBase {
  readonly kind: "number";
  readonly form: NumberForm;
  readonly scale: MoneyScale;
  readonly digits: string;
  readonly value: string;
  /** The count unit written after a plain number (`0.5 properties`), as written; absent for none. */
  readonly count?: Ident;
}

/** `blank`: an intentionally empty cell (docs/semantics.md, "Blank cells"). */
export interface BlankLit extends NodeBase {
  readonly kind: "blank";
}

/** `true` or `false`. */
export interface BooleanLit extends NodeBase {
  readonly kind: "boolean";
  readonly value: boolean;
}

/** A selector inside `x[...]`: a period offset `-1`, a named period `2019/20`, or a member. */
export type Selector = OffsetSelector | PeriodSelector | MemberSelector;

/** `x[-1]`: the value `offset` periods away (negative is earlier). */
export interface OffsetSelector extends NodeBase {
  readonly kind: "offset";
  readonly offset: number;
}

/** `x[2019/20]`: the value in a named period. */
export interface PeriodSelector extends NodeBase {
  readonly kind: "at-period";
  readonly period: PeriodLit;
}

/** `pressures[children]`: one member of a dimensioned line item. */
export interface MemberSelector extends NodeBase {
  readonly kind: "member";
  readonly member: Ident;
}

/** A reference by name to a line item, with optional selectors. */
export interface RefExpr extends NodeBase {
  readonly kind: "ref";
  readonly name: Ident;
  readonly selectors: readonly Selector[];
}

/** Prefix operators. */
export type UnaryOp = "-" | "+" | "not";

/** Infix operators, loosest last: `or`, `and`, comparisons, `+ -`, `* /`, `^`. */
export type BinaryOp =
  "+" | "-" | "*" | "/" | "^" | "=" | "<>" | "<" | "<=" | ">" | ">=" | "and" | "or";

/** A prefix operation. */
export interface UnaryExpr extends NodeBase {
  readonly kind: "unary";
  readonly op: UnaryOp;
  readonly operand: Expr;
}

/** An infix operation; chains associate to the left except `^`, which associates to the right. */
export interface BinaryExpr extends NodeBase {
  readonly kind: "binary";
  readonly op: BinaryOp;
  readonly left: Expr;
  readonly right: Expr;
}

/** `if c then a else b`, also written `if(c, a, b)`. */
export interface ConditionalExpr extends NodeBase {
  readonly kind: "conditional";
  readonly condition: Expr;
  readonly then: Expr;
  readonly otherwise: Expr;
}

/** The `over` part of an aggregate: `over directorate` or `over periods`. */
export interface OverClause extends NodeBase {
  readonly kind: "over";
  /** The dimension name, or absent for `over periods`. */
  readonly dimension?: Ident;
}

/** A call of a built-in function; `over` is written after the last argument. */
export interface CallExpr extends NodeBase {
  readonly kind: "call";
  readonly callee: Ident;
  readonly args: readonly Expr[];
  readonly over?: OverClause;
}

/** `(e)`, kept so the printer and the trace show the analyst's own grouping. */
export interface ParenExpr extends NodeBase {
  readonly kind: "paren";
  readonly inner: Expr;
}

/**
 * `left op right within tolerance`: a comparison with a tolerance, true when |left - right| is at
 * most the tolerance. Only `=` may take `within` (the checker reports another operator).
 */
export interface WithinExpr extends NodeBase {
  readonly kind: "within";
  readonly op: BinaryOp;
  readonly left: Expr;
  readonly right: Expr;
  readonly tolerance: Expr;
}

/** A part of the text that did not parse; a diagnostic says why. */
export interface ErrorExpr extends NodeBase {
  readonly kind: "error-expr";
}

/** Any expression. */
export type Expr =
  | NumberLit
  | BlankLit
  | StringLit
  | BooleanLit
  | PeriodLit
  | RefExpr
  | UnaryExpr
  | BinaryExpr
  | ConditionalExpr
  | CallExpr
  | ParenExpr
  | WithinExpr
  | ErrorExpr;

/** One atom of a unit: `£`, `£000`, `£m`, `%`, `properties`, `number`. */
export interface UnitAtom extends NodeBase {
  readonly kind: "unit-atom";
  /** "£", "%", "number", or a count name such as "properties". */
  readonly name: string;
  /** For "£": "", "000", "k", "m" or "bn". Empty otherwise. */
  readonly scale: "" | "000" | "k" | "m" | "bn";
}

/** A declared unit `(£ per property)`: atoms multiplied in `numerator`, divided in `denominator`. */
export interface UnitExpr extends NodeBase {
  readonly kind: "unit";
  readonly numerator: readonly UnitAtom[];
  readonly denominator: readonly UnitAtom[];
}

/** A period range in a rule: `2019/20`, `2019/20 ..`, `2019/20 .. 2021/22`, `.. 2021/22`. */
export interface PeriodRange extends NodeBase {
  readonly kind: "range";
  readonly from?: PeriodLit;
  readonly to?: PeriodLit;
  /** True when `..` was written; `from` alone without it means the single period. */
  readonly open: boolean;
}

/** A comment `# ...` as written, without the `#`. */
export interface Comment extends NodeBase {
  readonly kind: "comment";
  readonly text: string;
}

/** One `| range : expr` line of a formula; a formula without `|` has one rule without a range. */
export interface Rule extends NodeBase {
  readonly kind: "rule";
  readonly range?: PeriodRange;
  readonly expr: Expr;
  readonly comment?: Comment;
}

/** The clauses that may follow a declaration. */
export interface Clauses {
  readonly label?: StringLit;
  readonly source?: StringLit;
}

/** A literal in an input: a number literal, possibly negative (`-£4m`, `(4,000)`), or `blank`. */
export type InputLiteral = NumberLit | BlankLit | StringLit | ErrorExpr;

/** One `| range : literal` line of an input series. */
export interface InputRule extends NodeBase {
  readonly kind: "input-rule";
  readonly range: PeriodRange;
  readonly value: InputLiteral;
  readonly comment?: Comment;
}

/** One row of an input table; `member` is absent for an input without a dimension. */
export interface TableRow extends NodeBase {
  readonly kind: "table-row";
  readonly member?: Ident;
  readonly cells: readonly InputLiteral[];
  readonly comment?: Comment;
}

/** One column of a record table's header: `principal (£m)`, `counterparty`, `maturity (date)`. */
export interface RecordColumn extends NodeBase {
  readonly kind: "record-column";
  readonly name: Ident;
  readonly unit?: UnitExpr;
}

/**
 * The values of an input: one scalar, per-period rules, a table with a period header, a
 * `table value` with one value per member for every period, or a record table with named columns
 * (a register: one row per member, one value per column, the same in every period). A record
 * table reaches the AST's top level only as its columns (see {@link RecordPart}); as the value of
 * a scenario's override it is refused by the checker.
 */
export type InputValue =
  | {
      readonly kind: "scalar";
      readonly id: NodeId;
      readonly span: Span;
      readonly value: InputLiteral;
    }
  | {
      readonly kind: "series";
      readonly id: NodeId;
      readonly span: Span;
      readonly rules: readonly InputRule[];
    }
  | {
      readonly kind: "table";
      readonly id: NodeId;
      readonly span: Span;
      readonly header: readonly PeriodLit[];
      readonly rows: readonly TableRow[];
    }
  | {
      readonly kind: "member-table";
      readonly id: NodeId;
      readonly span: Span;
      /** The header word (`value`). */
      readonly header: Ident;
      readonly rows: readonly TableRow[];
    }
  | {
      readonly kind: "record";
      readonly id: NodeId;
      readonly span: Span;
      readonly header: readonly RecordColumn[];
      readonly rows: readonly TableRow[];
    };

/**
 * Where a column input came from: `input deposits by deposit = table counterparty principal (£m)
 * ...` parses as one input per column, named `deposits.counterparty` and `deposits.principal`,
 * each a `table value` of that column's cells, in the column's unit (or the record's), all with
 * the record's span. The parts follow each other in the declarations, in header order; the
 * printer writes them back as the one table. Column 0 carries the record's comments.
 */
export interface RecordPart {
  readonly kind: "record-part";
  /** The record's name as written (`deposits`). */
  readonly record: Ident;
  /** The column as written in the header, with its own unit if it has one. */
  readonly column: RecordColumn;
  readonly index: number;
  readonly count: number;
  /** The record's own unit and label as written (the default unit of columns without one). */
  readonly unit?: UnitExpr;
  readonly label?: StringLit;
}

/** `model "title"`, with the model-level source. */
export interface ModelDecl extends NodeBase, Clauses {
  readonly kind: "model";
  readonly title: StringLit;
  readonly comment?: Comment;
}

/** `periods 2018/19 .. 2022/23`. */
export interface PeriodsDecl extends NodeBase, Clauses {
  readonly kind: "periods";
  readonly first: PeriodLit;
  readonly last: PeriodLit;
  readonly comment?: Comment;
}

/** `## Council tax`: starts a section; line items below belong to it. */
export interface SectionDecl extends NodeBase {
  readonly kind: "section";
  readonly title: string;
}

/** A comment on a line of its own between declarations. */
export interface CommentDecl extends NodeBase {
  readonly kind: "comment-line";
  readonly comment: Comment;
}

/** One member of a dimension, with an optional label. */
export interface MemberDecl extends NodeBase {
  readonly kind: "member-decl";
  readonly name: Ident;
  readonly label?: StringLit;
  readonly comment?: Comment;
}

/** `dimension directorate = children "Children's Services", adults, ...`. */
export interface DimensionDecl extends NodeBase, Clauses {
  readonly kind: "dimension";
  readonly name: Ident;
  readonly members: readonly MemberDecl[];
  readonly comment?: Comment;
}

/** `input name by dim (unit) = value label "..." source "..." decimals 3`. */
export interface InputDecl extends NodeBase, Clauses {
  readonly kind: "input";
  readonly name: Ident;
  readonly dimension?: Ident;
  readonly unit?: UnitExpr;
  readonly value: InputValue;
  /** `decimals 3`: how many decimals to show this line's values with (display only). */
  readonly decimals?: NumberLit;
  readonly comment?: Comment;
  /** Set when this input is one column of a record table. */
  readonly record?: RecordPart;
}

/** `name by dim (unit) = formula`, or the multi-rule form with `| range : formula` lines. */
export interface CalcDecl extends NodeBase, Clauses {
  readonly kind: "calc";
  readonly name: Ident;
  readonly dimension?: Ident;
  readonly unit?: UnitExpr;
  readonly rules: readonly Rule[];
  /** `opening £16.3m`: the value before the first period, for `x[-1]` in the first period. */
  readonly opening?: InputLiteral;
  /** `decimals 3`: how many decimals to show this line's values with (display only). */
  readonly decimals?: NumberLit;
  readonly comment?: Comment;
}

/** One override inside a scenario: an input given different values. */
export interface Override extends NodeBase {
  readonly kind: "override";
  readonly name: Ident;
  readonly value: InputValue;
  readonly comment?: Comment;
}

/** `scenario high "High end" { input = value ... }`. */
export interface ScenarioDecl extends NodeBase {
  readonly kind: "scenario";
  readonly name: Ident;
  readonly label?: StringLit;
  readonly overrides: readonly Override[];
  readonly comment?: Comment;
}

/**
 * `check name: expr` must be true in every period (in the periods of `range` when given:
 * `check name over 2019/20 ..: expr`); `check name: a = b within tol` compares with a
 * tolerance. `known "..."` marks a published figure that does not reproduce: the check runs and is
 * listed with the explanation but does not fail the model.
 */
export interface CheckDecl extends NodeBase {
  readonly kind: "check";
  readonly name?: Ident;
  readonly range?: PeriodRange;
  readonly expr: Expr;
  readonly tolerance?: Expr;
  readonly label?: StringLit;
  readonly known?: StringLit;
  readonly comment?: Comment;
}

/** One parameter of a function: a name and its unit, `balance (£)`. */
export interface ParamDecl extends NodeBase {
  readonly kind: "param";
  readonly name: Ident;
  readonly unit?: UnitExpr;
}

/**
 * `function interest(balance (£), rate (%)) (£) = balance * rate`: a formula of its parameters,
 * defined once and called by name in any formula. The body reads only the parameters, one period
 * at a time; the checker says why anything else is refused.
 */
export interface FunctionDecl extends NodeBase {
  readonly kind: "function";
  readonly name: Ident;
  readonly params: readonly ParamDecl[];
  /** The result's unit; without one it is the body's. */
  readonly unit?: UnitExpr;
  readonly body: Expr;
  readonly label?: StringLit;
  readonly comment?: Comment;
}

/** A declaration that did not parse; diagnostics say why. */
export interface ErrorDecl extends NodeBase {
  readonly kind: "error-decl";
}

/** Any top-level declaration. */
export type Decl =
  | ModelDecl
  | PeriodsDecl
  | SectionDecl
  | CommentDecl
  | DimensionDecl
  | InputDecl
  | CalcDecl
  | ScenarioDecl
  | CheckDecl
  | FunctionDecl
  | ErrorDecl;

/** A whole model file: its declarations in source order. */
export interface ModelAst extends NodeBase {
  readonly kind: "model-file";
  readonly decls: readonly Decl[];
}

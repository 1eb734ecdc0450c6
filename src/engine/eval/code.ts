import type { Span } from "../../base";
import type { BinaryOp } from "../../lang";
import type { Value } from "./value";

/**
 * How a reference picks its period: 0 the current period, 1 an offset from it (`at` periods,
 * negative is earlier), 2 a fixed period index (`at`).
 */
export const PeriodMode = { current: 0, relative: 1, absolute: 2 } as const;

/** One of the {@link PeriodMode} values. */
export type PeriodMode = (typeof PeriodMode)[keyof typeof PeriodMode];

/** What an aggregate runs over: the members of a dimension (by index), or the periods. */
export type Over =
  { readonly kind: "dimension"; readonly dim: number } | { readonly kind: "periods" };

/**
 * The engine's compiled form of a formula: the AST with names resolved to numeric line item
 * ids, literals parsed into Decimals once, and left-associative chains flattened so a formula of many
 * terms does not nest deeply. A rule that covers many periods is compiled once and shared by all
 * of them. Spans are relative to the start of the owning declaration (see `ErrorOrigin`).
 */
export type Code =
  | { readonly kind: "const"; readonly value: Value }
  | {
      readonly kind: "ref";
      readonly line: number;
      readonly mode: PeriodMode;
      readonly at: number;
      /** A fixed member index, or -1 to take the member from the enclosing context. */
      readonly member: number;
      readonly span: Span;
    }
  | { readonly kind: "neg" | "not"; readonly arg: Code; readonly span: Span }
  | {
      readonly kind: "binary";
      readonly op: BinaryOp;
      readonly left: Code;
      readonly right: Code;
      readonly span: Span;
    }
  | {
      /**
       * A left-associative chain `t0 op0 t1 op1 t2 ...` (`a + b - c`, `a * b / c`), folded left
       * to right without nesting, so a formula of many terms cannot exhaust the stack.
       */
      readonly kind: "chain";
      readonly terms: readonly Code[];
      readonly ops: readonly BinaryOp[];
      /** Spans of the partial results, `spans[i]` covering `t0 .. t(i+1)`. */
      readonly spans: readonly Span[];
    }
  | {
      readonly kind: "if";
      readonly cond: Code;
      readonly then: Code;
      readonly otherwise: Code;
      readonly span: Span;
    }
  | {
      readonly kind: "call";
      readonly fn: string;
      readonly args: readonly Code[];
      readonly over: Over | null;
      readonly span: Span;
    }
  | {
      /**
       * Code that cannot run: evaluating it gives P4008 with `message` as its detail, or, for a
       * number literal out of range, P4009 with `range` as the message's arguments, or P4010.
       */
      readonly kind: "invalid";
      readonly message: string;
      readonly span: Span;
      readonly range?: Readonly<Record<string, string>>;
      /** Set when the formula would take more than `EvalLimits.maxStepsPerCell` steps: P4010. */
      readonly overBudget?: true;
    };

import type { Span } from "../base";
import type { Code } from "./eval/code";
import type { Value } from "./eval/value";

/** A dimension as the engine sees it: members by index. */
export interface EngineDimension {
  readonly name: string;
  readonly label: string;
  readonly members: readonly { readonly name: string; readonly label: string }[];
}

/** One distinct formula of a calculation, shared by every period it covers. */
export interface EngineRule {
  readonly code: Code;
  /** The formula as written, for explain and the grid. */
  readonly text: string;
  readonly exception: boolean;
}

/**
 * A line item compiled for evaluation under one scenario. Ids are positions in
 * `EngineModel.lines` and change when lines are added or removed; `fingerprint` does not, and
 * two line items with the same name and fingerprint evaluate to the same values when their
 * inputs do.
 */
export interface EngineLine {
  readonly id: number;
  readonly name: string;
  readonly label: string;
  readonly section: string;
  readonly kind: "input" | "calc";
  /** The declared display unit, such as "£m", "%", "properties". */
  readonly unit: string;
  /** Decimals to show values with (`decimals 3`); undefined for the unit's default. */
  readonly decimals: number | undefined;
  /** Dimension index, or -1. */
  readonly dim: number;
  readonly memberCount: number;
  readonly source: string | undefined;
  /** Span of the whole declaration in the model text. */
  readonly span: Span;
  /** Inputs: values by `member * periodCount + period`. Empty for calculations. */
  readonly inputs: readonly Value[];
  /** Calculations: distinct rules, and the rule index for each period (-1 when none covers it). */
  readonly rules: readonly EngineRule[];
  readonly ruleOf: readonly number[];
  /** The value before the first period (`opening`), for `x[-1]` in the first period. */
  readonly opening: Value | undefined;
  /** One value for all periods: an input given as one number, or a formula that reads no period. */
  readonly scalar: boolean;
  readonly fingerprint: string;
}

/** A check compiled for evaluation. `approx` compares `left` and `right` within `tolerance`. */
export interface EngineCheck {
  readonly name: string;
  readonly label: string;
  readonly known: string | undefined;
  readonly span: Span;
  readonly test:
    | { readonly kind: "condition"; readonly expr: Code; readonly text: string }
    | {
        readonly kind: "approx";
        readonly left: Code;
        readonly right: Code;
        readonly tolerance: Code;
        readonly leftText: string;
        readonly rightText: string;
      };
  /** The first and last period index the check runs in (`over 2019/20 ..`), inclusive. */
  readonly from: number;
  readonly to: number;
  /** Dimension index the check runs over (once per member), or -1. */
  readonly dim: number;
  /** Display unit of the compared values, for failure messages. */
  readonly unit: string;
  /** Line ids the check reads. */
  readonly reads: readonly number[];
  readonly fingerprint: string;
}

/** A model compiled for evaluation under one scenario. */
export interface EngineModel {
  readonly title: string;
  readonly periods: readonly string[];
  readonly dimensions: readonly EngineDimension[];
  readonly lines: readonly EngineLine[];
  readonly lineByName: ReadonlyMap<string, number>;
  readonly checks: readonly EngineCheck[];
  readonly scenarios: readonly { readonly name: string; readonly label: string }[];
  /** The scenario this model was compiled for, or null for the base case. */
  readonly scenario: string | null;
  /** Changes whenever periods or dimensions change, which invalidates every value. */
  readonly shapeKey: string;
}

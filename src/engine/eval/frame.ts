import type { Span } from "../../base";
import { formatMessage, type DiagnosticCode, type MessageArgs } from "../../lang";
import type { EngineLine, EngineModel } from "../model";
import type { Code } from "./code";
import { makeError, type ErrorValue, type Value } from "./value";

/** Called for every cell a formula reads, for explain: line id, period (-1: opening), member. */
export type ReadHook = (line: number, period: number, member: number) => void;

/**
 * The mutable state of one evaluation: which cell is being computed and where the values are.
 * One frame is reused for every cell of a recompute, so the hot path allocates nothing for it.
 */
export interface Frame {
  readonly model: EngineModel;
  /** Cells by line id, each `member * periodCount + period`. */
  readonly values: readonly (Value[] | undefined)[];
  readonly periodCount: number;
  line: EngineLine;
  period: number;
  /** True while computing a scalar line, whose errors have no period. */
  scalar: boolean;
  /** The current member of each dimension, or -1 outside it. */
  readonly members: Int32Array;
  onRead: ReadHook | null;
  /**
   * Whole-series function results computed for the current line step, keyed by call node and
   * member context. Only used when `cacheSeries` is true (all periods of every input are final).
   */
  readonly seriesCache: Map<Code, Map<string, readonly Value[]>>;
  cacheSeries: boolean;
  /**
   * The lines of the `periodwise` step being evaluated (their later periods are not computed
   * yet), or null outside one. A whole-series function there may still keep its result in
   * `seriesCache` when it reads none of them: every series it reads is then final.
   */
  pending: ReadonlySet<number> | null;
}

/** Makes a frame over the given cells. */
export function makeFrame(model: EngineModel, values: readonly (Value[] | undefined)[]): Frame {
  const first = model.lines[0];
  return {
    model,
    values,
    periodCount: model.periods.length,
    line: first ?? placeholderLine,
    period: 0,
    scalar: false,
    members: new Int32Array(model.dimensions.length).fill(-1),
    onRead: null,
    seriesCache: new Map(),
    cacheSeries: false,
    pending: null,
  };
}

const placeholderLine: EngineLine = {
  id: -1,
  name: "",
  label: "",
  section: "",
  kind: "calc",
  unit: "",
  decimals: undefined,
  dim: -1,
  memberCount: 1,
  source: undefined,
  span: { from: 0, to: 0 },
  inputs: [],
  rules: [],
  ruleOf: [],
  opening: undefined,
  scalar: false,
  fingerprint: "",
};

/** The period label of the current cell, for messages ("2019/20", or "every period"). */
export function periodLabel(f: Frame, period: number = f.period): string {
  if (f.scalar) return "every period";
  return f.model.periods[period] ?? `period ${period + 1}`;
}

/** An error value that starts at `span` of the current cell, with a catalog message. */
export function fail(
  f: Frame,
  code: DiagnosticCode,
  span: Span,
  args: MessageArgs = {},
): ErrorValue {
  const member = f.line.dim >= 0 ? (f.members[f.line.dim] as number) : -1;
  return makeError(code, formatMessage(code, { period: periodLabel(f), ...args }), {
    item: f.line.name,
    period: f.scalar ? -1 : f.period,
    member,
    from: span.from,
    to: span.to,
  });
}

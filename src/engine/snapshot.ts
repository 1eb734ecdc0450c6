import type { Diagnostic } from "../lang";
import type { CheckOutcome } from "./checks";
import { exactValue, showValue } from "./checks";
import { isError, type ErrorValue, type Value } from "./eval/value";
import type { EngineLine, EngineModel } from "./model";

/** An error value as plain data: its code, message and where it started. */
export interface ErrorInfo {
  readonly code: string;
  readonly message: string;
  /** The line item key (`name` or `name[member]`) and period label where the error started. */
  readonly origin?: { readonly item: string; readonly period?: string };
}

/**
 * One cell. `value` is exact text in base units (pounds, not £m; 2.99% as "0.0299"; a period
 * value as its label; a condition as "true"/"false"), null for an error. `display` is formatted in
 * the line's display unit, with brackets for negatives.
 */
export interface CellSnapshot {
  readonly value: string | null;
  readonly display: string;
  readonly error?: ErrorInfo;
  /** True where this period uses an exception rule rather than the line's main formula. */
  readonly exception?: boolean;
}

/** One line of the grid: a line item, or one member of a dimensioned line item. Mirrors `LineDto`. */
export interface LineSnapshot {
  readonly key: string;
  readonly name: string;
  readonly member?: string;
  readonly label: string;
  readonly section: string;
  readonly kind: "input" | "calc";
  readonly unit: string;
  readonly cells: readonly CellSnapshot[];
  /** Set for a line with one value for all periods (also repeated in `cells`). */
  readonly scalar?: CellSnapshot;
  readonly source?: string;
  readonly from: number;
  readonly to: number;
}

/** A check's outcome with its span. Mirrors `CheckDto`. */
export interface CheckSnapshot extends CheckOutcome {
  readonly from: number;
  readonly to: number;
}

/** A diagnostic as plain data. Mirrors `DiagnosticDto`. */
export interface DiagnosticSnapshot {
  readonly code: string;
  readonly severity: "error" | "warning" | "info";
  readonly message: string;
  readonly from: number;
  readonly to: number;
  readonly item?: string;
  readonly related?: readonly {
    readonly from: number;
    readonly to: number;
    readonly message: string;
  }[];
}

/**
 * A whole evaluated model as plain, structured-clone data. Mirrors `EvaluationDto` without the
 * `revision` and `elapsedMs` the worker adds. `changed` lists the keys of lines whose values
 * changed since the previous snapshot of the same engine.
 */
export interface EvalSnapshot {
  readonly title: string;
  readonly scenario: string | null;
  readonly scenarios: readonly { readonly name: string; readonly label: string }[];
  readonly periods: readonly string[];
  readonly lines: readonly LineSnapshot[];
  readonly checks: readonly CheckSnapshot[];
  readonly masterCheck: {
    readonly passed: boolean;
    readonly failed: number;
    readonly known: number;
  };
  readonly diagnostics: readonly DiagnosticSnapshot[];
  readonly changed: readonly string[];
}

/** The key an auditor would type for a line (and member): `band_d`, `pressures[children]`. */
export function lineKey(line: EngineLine, model: EngineModel, member: number): string {
  const dim = model.dimensions[line.dim];
  if (dim === undefined) return line.name;
  return `${line.name}[${dim.members[member]?.name ?? member}]`;
}

/** An error value as plain data, its origin resolved to a key and period label. */
export function errorInfo(error: ErrorValue, model: EngineModel): ErrorInfo {
  const line = model.lines[model.lineByName.get(error.origin.item) ?? -1];
  const item =
    line === undefined || error.origin.member < 0
      ? error.origin.item
      : lineKey(line, model, error.origin.member);
  const period = model.periods[error.origin.period];
  return {
    code: error.code,
    message: error.message,
    origin: period === undefined ? { item } : { item, period },
  };
}

/** One cell as plain data. */
export function cellSnapshot(
  v: Value,
  unit: string,
  model: EngineModel,
  exception: boolean,
): CellSnapshot {
  const base = isError(v)
    ? { value: null, display: `#${v.code}`, error: errorInfo(v, model) }
    : { value: exactValue(v, model.periods), display: showValue(v, unit, model.periods) };
  return exception ? { ...base, exception: true } : base;
}

/** The grid lines of one line item (one per member), from its cells. */
export function lineSnapshots(
  line: EngineLine,
  model: EngineModel,
  cells: readonly Value[],
): LineSnapshot[] {
  const P = model.periods.length;
  const dim = model.dimensions[line.dim];
  const out: LineSnapshot[] = [];
  for (let m = 0; m < line.memberCount; m++) {
    const row: CellSnapshot[] = [];
    let scalar: CellSnapshot | undefined;
    if (line.scalar) {
      scalar = cellSnapshot(cells[m * P] as Value, line.unit, model, false);
      for (let t = 0; t < P; t++) row.push(scalar);
    } else {
      for (let t = 0; t < P; t++) {
        const exception = line.rules[line.ruleOf[t] ?? -1]?.exception ?? false;
        row.push(cellSnapshot(cells[m * P + t] as Value, line.unit, model, exception));
      }
    }
    const member = dim?.members[m]?.name;
    out.push({
      key: lineKey(line, model, m),
      name: line.name,
      ...(member === undefined ? {} : { member }),
      label: line.label,
      section: line.section,
      kind: line.kind,
      unit: line.unit,
      cells: row,
      ...(scalar === undefined ? {} : { scalar }),
      ...(line.source === undefined ? {} : { source: line.source }),
      from: line.span.from,
      to: line.span.to,
    });
  }
  return out;
}

/** A language diagnostic as plain data, with its line item named. */
export function diagnosticSnapshot(d: Diagnostic, model: EngineModel): DiagnosticSnapshot {
  const item = d.item === undefined ? undefined : model.lines[d.item as number]?.name;
  return {
    code: d.code,
    severity: d.severity,
    message: d.message,
    from: d.span.from,
    to: d.span.to,
    ...(item === undefined ? {} : { item }),
    ...(d.related === undefined
      ? {}
      : {
          related: d.related.map((r) => ({ from: r.span.from, to: r.span.to, message: r.message })),
        }),
  };
}

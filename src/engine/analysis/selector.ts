import type { EngineLine, EngineModel } from "../model";
import { analysisError, didYouMean, type AnalysisError } from "./codes";

/**
 * The cells of one input an analysis changes: every cell of the line, or only those of one member
 * (`pressures[children]`), one period (`band_d_increase[2019/20]`) or both. `cells` are indices
 * `member * periodCount + period` into the line's values.
 */
export interface InputSelection {
  readonly ok: true;
  readonly line: EngineLine;
  /** Member index, or -1 for every member. */
  readonly member: number;
  /** Period index, or -1 for every period. */
  readonly period: number;
  readonly cells: readonly number[];
  /** The selection as the user names it: `name`, `name[member]`, `name[2019/20]`, `name[member, 2019/20]`. */
  readonly key: string;
}

/** One cell an analysis reads (a goal's target, a sensitivity's output). */
export interface CellSelection {
  readonly ok: true;
  readonly line: EngineLine;
  readonly member: number;
  readonly period: number;
  /** Index `member * periodCount + period` of the cell in the line's values. */
  readonly index: number;
  /** The cell as the user names it: `name`, `name[2019/20]`, `name[member, 2019/20]`. */
  readonly key: string;
}

interface Parsed {
  readonly line: EngineLine;
  readonly member: number;
  readonly period: number;
}

/**
 * Reads `name`, `name[member]`, `name[period]`, `name[member, period]` or `name[member][period]`,
 * with `period` (a label such as 2019/20) used when the text names none.
 */
function parseReference(
  model: EngineModel,
  text: string,
  period: string | undefined,
): Parsed | AnalysisError {
  // Without periods there are no cells to change or read (the model's P2009 says why).
  if (model.periods.length === 0) return analysisError("P2009");
  const match = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(text.trim());
  const name = (match?.[1] ?? text).trim();
  const parts = (match?.[2] ?? "")
    .split(/[[\],]/)
    .map((p) => p.trim())
    .filter((p) => p !== "");
  const id = model.lineByName.get(name);
  const line = id === undefined ? undefined : model.lines[id];
  if (line === undefined)
    return analysisError("P2001", { name, suggestion: didYouMean(name, model.lineByName.keys()) });
  let memberName: string | undefined;
  let periodLabel: string | undefined;
  const dim = model.dimensions[line.dim];
  for (const part of parts) {
    const isPeriod = /^\d{4}\/\d{2}$/.test(part);
    if (isPeriod && periodLabel === undefined) periodLabel = part;
    else if (!isPeriod && memberName === undefined && dim !== undefined) memberName = part;
    else if (!isPeriod && dim === undefined)
      return analysisError("P2003", {
        member: part,
        dimension: "(none)",
        suggestion: ` '${name}' has no dimension.`,
      });
    else return analysisError("P6005", { text });
  }
  periodLabel ??= period;
  let member = -1;
  if (memberName !== undefined && dim !== undefined) {
    member = dim.members.findIndex((m) => m.name === memberName);
    if (member < 0)
      return analysisError("P2003", {
        member: memberName,
        dimension: dim.name,
        suggestion: didYouMean(
          memberName,
          dim.members.map((m) => m.name),
        ),
      });
  }
  let t = -1;
  if (periodLabel !== undefined) {
    t = model.periods.indexOf(periodLabel);
    if (t < 0)
      return analysisError("P2004", {
        period: periodLabel,
        first: model.periods[0] ?? "",
        last: model.periods[model.periods.length - 1] ?? "",
      });
  }
  return { line, member, period: t };
}

function keyOf(model: EngineModel, p: Parsed): string {
  const parts: string[] = [];
  const dim = model.dimensions[p.line.dim];
  if (p.member >= 0 && dim !== undefined) parts.push(dim.members[p.member]?.name ?? "");
  if (p.period >= 0 && !p.line.scalar) parts.push(model.periods[p.period] ?? "");
  return parts.length === 0 ? p.line.name : `${p.line.name}[${parts.join(", ")}]`;
}

/** The input cells `text` names (see {@link InputSelection}); `analysis` names the analysis in messages. */
export function selectInput(
  model: EngineModel,
  text: string,
  analysis: string,
  period?: string,
): InputSelection | AnalysisError {
  const p = parseReference(model, text, period);
  if ("ok" in p) return p;
  if (p.line.kind !== "input") {
    return analysisError("P6001", { name: p.line.name, what: "a calculation", analysis });
  }
  if (p.line.scalar && p.period >= 0) {
    // A scalar's readers are compiled to read one value for all periods; changing one period of
    // it would leave them reading the first period's value.
    return analysisError("P6002", { name: p.line.name, period: model.periods[p.period] ?? "" });
  }
  const P = model.periods.length;
  const cells: number[] = [];
  for (let m = 0; m < p.line.memberCount; m++) {
    if (p.member >= 0 && m !== p.member) continue;
    for (let t = 0; t < P; t++) if (p.period < 0 || t === p.period) cells.push(m * P + t);
  }
  return { ok: true, ...p, cells, key: keyOf(model, p) };
}

/** The one cell `text` names, with `period` used when it names none (see {@link CellSelection}). */
export function selectCell(
  model: EngineModel,
  text: string,
  period?: string,
): CellSelection | AnalysisError {
  const p = parseReference(model, text, period);
  if ("ok" in p) return p;
  const dim = model.dimensions[p.line.dim];
  if (dim !== undefined && p.member < 0) {
    return analysisError("P6003", {
      name: p.line.name,
      dimension: dim.name,
      member: dim.members[0]?.name ?? "member",
    });
  }
  let t = p.period;
  if (t < 0) {
    if (!p.line.scalar)
      return analysisError("P6004", {
        name: p.line.name,
        period: model.periods[model.periods.length - 1] ?? "2019/20",
      });
    t = 0;
  }
  const member = Math.max(p.member, 0);
  const cell = { ...p, member, period: t };
  return { ok: true, ...cell, index: member * model.periods.length + t, key: keyOf(model, cell) };
}

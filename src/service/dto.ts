import type { Comparison, EvalSnapshot, Evaluation } from "../engine";
import type {
  CellDto,
  CellsDeltaDto,
  ComparisonDto,
  EvaluationDto,
  EvaluationUpdateDto,
  FormulasDto,
  LineDto,
} from "../protocol";

/** Adds the revision and timing to an engine snapshot; the shapes are otherwise the same. */
export function toEvaluationDto(
  snapshot: EvalSnapshot,
  revision: number,
  elapsedMs: number,
): EvaluationDto {
  return {
    revision,
    title: snapshot.title,
    scenario: snapshot.scenario,
    scenarios: snapshot.scenarios,
    periods: snapshot.periods,
    lines: snapshot.lines,
    checks: snapshot.checks,
    masterCheck: snapshot.masterCheck,
    diagnostics: snapshot.diagnostics,
    elapsedMs,
  };
}

/**
 * The snapshot as a delta against the evaluation `base` the UI was last sent, or whole when there
 * is no base (a model just opened). Lines whose only change is some cells send those cells; lines
 * whose only change is their span send nothing. The work is in proportion to what changed.
 */
export function toEvaluationUpdateDto(
  snapshot: EvalSnapshot,
  revision: number,
  base: number | null,
  elapsedMs: number,
): EvaluationUpdateDto {
  const full = toEvaluationDto(snapshot, revision, elapsedMs);
  if (base === null) return full;
  const { lines: _all, ...rest } = full;
  const { order, lines, removed, cells: changedCells } = snapshot.delta;
  const byCells = new Map<string, readonly number[]>();
  for (const c of changedCells) byCells.set(c.key, c.cols);
  const whole: LineDto[] = [];
  const cells: CellsDeltaDto[] = [];
  for (const line of lines) {
    const cols = byCells.get(line.key);
    if (cols === undefined) whole.push(line);
    else if (cols.length > 0)
      cells.push({ key: line.key, cols, cells: cols.map((c) => line.cells[c] as CellDto) });
  }
  return {
    ...rest,
    delta: { base, ...(order ? { order } : {}), lines: whole, cells, removed },
  };
}

/** Two scenarios side by side: display strings for the table, exact strings for anyone checking. */
export function toComparisonDto(comparison: Comparison, revision: number): ComparisonDto {
  return {
    revision,
    left: comparison.left,
    right: comparison.right,
    periods: comparison.periods,
    rows: comparison.rows.map((row) => ({
      key: row.key,
      label: row.label,
      unit: row.unit,
      left: row.leftDisplay,
      right: row.rightDisplay,
      difference: row.differenceDisplay,
      exact: { left: row.left, right: row.right, difference: row.difference },
      changed: row.changed,
    })),
  };
}

/** The formulas of the calculated lines of an evaluation's model, as written in the text. */
export function toFormulasDto(
  lines: Evaluation["compiled"]["model"]["lines"],
  revision: number,
): FormulasDto {
  return {
    revision,
    lines: lines
      .filter((l) => l.kind === "calc")
      .map((l) => ({ name: l.name, rules: l.rules.map((r) => r.text), ruleOf: l.ruleOf })),
  };
}

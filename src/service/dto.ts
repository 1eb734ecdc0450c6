import type { Comparison, EvalSnapshot } from "../engine";
import type { ComparisonDto, EvaluationDto, EvaluationUpdateDto } from "../protocol";

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
 * is no base (a model just opened).
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
  const { order, lines, moved, removed } = snapshot.delta;
  return {
    ...rest,
    delta: { base, ...(order ? { order } : {}), lines, moved, removed },
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

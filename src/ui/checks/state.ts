import type { EvaluationDto } from "../../protocol";

/** The master check as the worker reports it. */
export type MasterCheck = EvaluationDto["masterCheck"];

/**
 * What the badge shows: every check holds, some fail, all failures are known findings, or the
 * checks hold but prove nothing because the model has errors ("unproven": never green).
 */
export type MasterState = "passed" | "failed" | "known" | "unproven";

/**
 * The badge state: failures win over errors, which win over known findings and a clean pass.
 * `errors` counts the model's error diagnostics; checks over a model with errors prove nothing.
 */
export function masterState(m: MasterCheck, errors = 0): MasterState {
  if (m.failed > 0 || !m.passed) return "failed";
  if (errors > 0) return "unproven";
  return m.known > 0 ? "known" : "passed";
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The error count's words: "1 error", "3 errors". */
export function describeErrors(errors: number): string {
  return plural(errors, "error", "errors");
}

/** The badge's words, e.g. "2 checks failed · 1 known finding". */
export function describeMaster(m: MasterCheck, errors = 0): string {
  const known = m.known > 0 ? plural(m.known, "known finding", "known findings") : "";
  switch (masterState(m, errors)) {
    case "failed": {
      const failed =
        m.failed > 0 ? `${plural(m.failed, "check", "checks")} failed` : "Checks failed";
      return known ? `${failed} · ${known}` : failed;
    }
    case "known":
      return `Checks pass · ${known}`;
    case "unproven":
      return "Checks unproven until the errors are fixed";
    case "passed":
      return "Checks pass";
  }
}

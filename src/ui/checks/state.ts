import type { EvaluationDto } from "../../protocol";

/** The master check as the worker reports it. */
export type MasterCheck = EvaluationDto["masterCheck"];

/** What the badge shows: every check holds, some fail, or all failures are known findings. */
export type MasterState = "passed" | "failed" | "known";

/** The badge state: failures win over known findings, which win over a clean pass. */
export function masterState(m: MasterCheck): MasterState {
  if (m.failed > 0 || !m.passed) return "failed";
  return m.known > 0 ? "known" : "passed";
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The badge's words, e.g. "2 checks failed · 1 known finding". */
export function describeMaster(m: MasterCheck): string {
  const known = m.known > 0 ? plural(m.known, "known finding", "known findings") : "";
  switch (masterState(m)) {
    case "failed": {
      const failed =
        m.failed > 0 ? `${plural(m.failed, "check", "checks")} failed` : "Checks failed";
      return known ? `${failed} · ${known}` : failed;
    }
    case "known":
      return `Checks pass · ${known}`;
    case "passed":
      return "Checks pass";
  }
}

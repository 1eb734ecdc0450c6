import { formatMessage, type DiagnosticCode } from "../../lang";

/**
 * The codes of what goes wrong in a request to an analysis (goal seek, sensitivity, scenario
 * comparison), beside the language's catalog (`src/lang/diagnostics/codes.ts`), whose codes are
 * used where one fits: P2001 (unknown name), P2003 (unknown member), P2004 (unknown period) and
 * P4005 (no solution). These are P6xxx, "analysis"; a code is never reused. docs/cli.md lists
 * every one (a test checks it). Messages are templates like the catalog's: `{name}` is replaced
 * by the named argument, and each says what to do.
 */
export const analysisCodes = {
  P6001:
    "'{name}' is {what}, not an input. {analysis} changes inputs: name one of the inputs it reads.",
  P6002:
    "'{name}' has one value for all periods, so it cannot be changed in {period} alone. Leave out the period to change it in every period.",
  P6003: "'{name}' has one value per {dimension}: name a member, such as '{name}[{member}]'.",
  P6004: "'{name}' has a value per period: name one, such as '{name}[{period}]'.",
  P6005: "'{text}' is not a number. Write it as 0.03, 3%, £1,500, £1.5m, -£4m or (4,000).",
  P6006:
    "'{cell}' is {what} at the model's own values, not a number. Fix it (precept eval shows why) or pick another line.",
  P6007: "Unknown scenario '{name}'. Use {choices}.",
  P6008:
    "'{name}' is 0 in every cell it would change, so a change of a percentage leaves it at 0. Give it a range, such as '{name}=0..1'.",
  P6009: "The range {low} .. {high} is empty. Give the low value first.",
  P6010: "'{text}' is not a change. Write a percentage such as 10% or -20%.",
} as const;

/** A code of {@link analysisCodes}. */
export type AnalysisCode = keyof typeof analysisCodes;

/** Every analysis code, in order. */
export const allAnalysisCodes = Object.keys(analysisCodes) as readonly AnalysisCode[];

/** Why an analysis could not run, or found no answer: a stable code and a message that says what to do. */
export interface AnalysisError {
  readonly ok: false;
  readonly code: AnalysisCode | DiagnosticCode;
  readonly message: string;
}

type Args = Readonly<Record<string, string>>;

/** An {@link AnalysisError} of an analysis code or of a language catalog code. */
export function analysisError(code: AnalysisCode | DiagnosticCode, args: Args = {}): AnalysisError {
  const message =
    code in analysisCodes
      ? fill(analysisCodes[code as AnalysisCode], args)
      : formatMessage(code as DiagnosticCode, args);
  return { ok: false, code, message };
}

function fill(template: string, args: Args): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => args[key] ?? whole);
}

/** " Did you mean 'x'?" for the closest of `names` to `name` (at most two edits away), or "". */
export function didYouMean(name: string, names: Iterable<string>): string {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of names) {
    if (Math.abs(candidate.length - name.length) >= bestDistance) continue;
    const d = editDistance(name, candidate, bestDistance);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best === undefined ? "" : ` Did you mean '${best}'?`;
}

/** Levenshtein distance, or `limit` once it is certainly at least that. */
function editDistance(a: string, b: string, limit: number): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let smallest = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min(
        (previous[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
      row.push(v);
      if (v < smallest) smallest = v;
    }
    if (smallest >= limit) return limit;
    previous = row;
  }
  return previous[b.length] as number;
}

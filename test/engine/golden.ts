import type { EvalSnapshot } from "../../src/engine";

/** One case of an evaluation fixture file. */
export interface GoldenCase {
  readonly name: string;
  readonly scenario: string | null;
  /** `[display]` after the name: also render each line's display strings. */
  readonly display: boolean;
  readonly model: string;
  readonly expected: string;
}

/**
 * Reads a fixture file: cases start with `=== name` (optionally `=== name [scenario=high]`), the
 * model text follows, then a line `---` and the expected output up to the next case.
 */
export function parseCases(text: string): GoldenCase[] {
  const cases: GoldenCase[] = [];
  const blocks = text.split(/^=== /m).slice(1);
  for (const block of blocks) {
    const newline = block.indexOf("\n");
    const head = block.slice(0, newline).trim();
    const body = block.slice(newline + 1);
    const split = body.search(/^---$/m);
    const model = split < 0 ? body : body.slice(0, split);
    const expected = split < 0 ? "" : body.slice(split + 4);
    const scenario = /\[scenario=([^\]]+)\]$/.exec(head)?.[1] ?? null;
    const display = /\[display\]$/.test(head);
    cases.push({
      name: head.replace(/\s*\[(scenario=[^\]]+|display)\]$/, ""),
      scenario,
      display,
      model,
      expected: expected.trim(),
    });
  }
  return cases;
}

/** Writes cases back, with new expectations. */
export function printCases(cases: readonly GoldenCase[]): string {
  return cases
    .map(
      (c) =>
        `=== ${c.name}${c.scenario === null ? "" : ` [scenario=${c.scenario}]`}${c.display ? " [display]" : ""}\n` +
        `${c.model.replace(/\n*$/, "\n")}---\n${c.expected}\n`,
    )
    .join("\n");
}

/**
 * The golden text of a snapshot: one line per grid line with exact values in base units
 * (`key: v1 | v2 | ...`, or `key = v` for a scalar line); an error value as `#CODE@origin`;
 * then diagnostics as `CODE from..to` and checks as `check NAME pass|FAIL|known` with the periods
 * that failed. With `display`, each line's display strings follow as `shown KEY: d1 | d2 | ...`.
 */
export function renderGolden(s: EvalSnapshot, display = false): string {
  const out: string[] = [];
  const cell = (c: EvalSnapshot["lines"][number]["cells"][number]): string => {
    if (c.error === undefined) return c.value ?? "blank";
    const o = c.error.origin;
    return `#${c.error.code}@${o?.item ?? "?"}${o?.period === undefined ? "" : `[${o.period}]`}`;
  };
  for (const line of s.lines) {
    if (line.scalar !== undefined) out.push(`${line.key} = ${cell(line.scalar)}`);
    else out.push(`${line.key}: ${line.cells.map(cell).join(" | ")}`);
  }
  if (display) {
    for (const line of s.lines)
      out.push(`shown ${line.key}: ${line.cells.map((c) => c.display).join(" | ")}`);
  }
  for (const d of s.diagnostics) out.push(`${d.code} ${d.from}..${d.to}`);
  for (const c of s.checks) {
    const status = c.known !== undefined ? "known" : c.passed ? "pass" : "FAIL";
    const where = c.failures.map((f) => [f.period, f.member].filter(Boolean).join(" ") || "all");
    out.push(`check ${c.name} ${status}${where.length > 0 ? ` ${where.join(", ")}` : ""}`);
  }
  if (s.checks.length > 0) out.push(`master ${s.masterCheck.passed ? "pass" : "FAIL"}`);
  return out.join("\n");
}

import type { Diagnostic } from "@codemirror/lint";
import type { DiagnosticDto } from "../../protocol";

/** Maps an offset in the checked text to the current text (see `makeSpanHistory`). */
export type MapPos = (pos: number, assoc: -1 | 1) => number;

/**
 * Converts worker diagnostics to CodeMirror's. The worker may have checked an older version of
 * the text than the one on screen: spans go through `map` when given (text typed since then moves
 * them), and are clamped to the current document in any case. The code goes in `source` so it
 * shows next to the message.
 */
export function toLintDiagnostics(
  diagnostics: readonly DiagnosticDto[],
  docLength: number,
  map?: MapPos | null,
): Diagnostic[] {
  const clamp = (n: number) => Math.max(0, Math.min(docLength, n));
  return diagnostics.map((d) => {
    const from = clamp(map ? map(d.from, 1) : d.from);
    const to = clamp(map ? map(d.to, -1) : d.to);
    const related = (d.related ?? []).map((r) => `\n• ${r.message}`).join("");
    return {
      from,
      to: Math.max(from, to),
      severity: d.severity,
      source: d.code,
      message: d.message + related,
    };
  });
}

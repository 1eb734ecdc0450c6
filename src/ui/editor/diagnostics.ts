import type { Diagnostic } from "@codemirror/lint";
import type { DiagnosticDto } from "../../protocol";

/**
 * Converts worker diagnostics to CodeMirror's. The worker may have checked an older revision of
 * the text than the one on screen, so spans are clamped to the current document rather than
 * trusted; the code goes in `source` so it shows next to the message.
 */
export function toLintDiagnostics(
  diagnostics: readonly DiagnosticDto[],
  docLength: number,
): Diagnostic[] {
  const clamp = (n: number) => Math.max(0, Math.min(docLength, n));
  return diagnostics.map((d) => {
    const from = clamp(d.from);
    const related = (d.related ?? []).map((r) => `\n• ${r.message}`).join("");
    return {
      from,
      to: Math.max(from, clamp(d.to)),
      severity: d.severity,
      source: d.code,
      message: d.message + related,
    };
  });
}

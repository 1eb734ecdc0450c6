import type { LineItemId, Span } from "../../base";
import { diagnosticCodes } from "./codes";
import type { DiagnosticCode, Severity } from "./codes";

/** A related location shown with a diagnostic, such as the other definition of a duplicate. */
export interface RelatedInfo {
  readonly span: Span;
  readonly item?: LineItemId;
  readonly message: string;
}

/** A problem reported to the user: a stable code, a severity, a message and where it is. */
export interface Diagnostic {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  readonly message: string;
  readonly span: Span;
  readonly item?: LineItemId;
  readonly related?: readonly RelatedInfo[];
}

/** Named arguments for a message template. */
export type MessageArgs = Readonly<Record<string, string | number>>;

/** Fills a catalog template: each `{name}` is replaced by `args[name]` (left as is if missing). */
export function formatMessage(code: DiagnosticCode, args: MessageArgs = {}): string {
  return diagnosticCodes[code].message.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = args[key];
    return value === undefined ? whole : String(value);
  });
}

/** Makes a diagnostic with the catalog's severity and message. */
export function makeDiagnostic(
  code: DiagnosticCode,
  span: Span,
  args: MessageArgs = {},
  extra: { readonly item?: LineItemId; readonly related?: readonly RelatedInfo[] } = {},
): Diagnostic {
  return {
    code,
    severity: diagnosticCodes[code].severity,
    message: formatMessage(code, args),
    span,
    ...(extra.item === undefined ? {} : { item: extra.item }),
    ...(extra.related === undefined ? {} : { related: extra.related }),
  };
}

/** Orders diagnostics by position, then code, so output is stable. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) => a.span.from - b.span.from || a.span.to - b.span.to || a.code.localeCompare(b.code),
  );
}

/** True when any diagnostic is an error. */
export function hasErrors(list: readonly Diagnostic[]): boolean {
  return list.some((d) => d.severity === "error");
}

import { lexForHighlighting, parseModel, printModel, type ModelAst } from "../lang";

/** What formatting one model text gave. */
export type FormatResult =
  | { readonly ok: true; readonly text: string; readonly changed: boolean }
  | { readonly ok: false; readonly reason: string };

/**
 * Formats a model text with the canonical printer (`printModel`), but only when that is safe:
 * the text has no syntax error, the printed text keeps every comment, parses to the same syntax
 * tree (spans aside, so the same meaning) and prints to itself again. Otherwise the text is left
 * alone and the reason is given. Never throws.
 */
export function formatText(text: string): FormatResult {
  const parsed = parseModel(text);
  const syntax = parsed.diagnostics.filter((d) => d.severity === "error");
  if (syntax.length > 0) {
    const first = syntax[0];
    const at = first === undefined ? "" : `: ${first.code} ${first.message}`;
    return { ok: false, reason: `it has ${syntax.length} syntax error(s)${at}` };
  }
  const printed = printModel(parsed.ast);
  if (printed === text) return { ok: true, text, changed: false };
  const lost = lostComment(text, printed);
  if (lost !== undefined)
    return { ok: false, reason: `the printer would drop the comment '${lost}'` };
  const again = parseModel(printed);
  if (again.diagnostics.some((d) => d.severity === "error"))
    return { ok: false, reason: "the printed text would not parse (a printer bug)" };
  if (shape(again.ast) !== shape(parsed.ast))
    return { ok: false, reason: "the printed text would mean something else (a printer bug)" };
  if (printModel(again.ast) !== printed)
    return { ok: false, reason: "the printer is not stable on this text (a printer bug)" };
  return { ok: true, text: printed, changed: true };
}

/** The first comment of `before` that `after` does not have (as many times), if any. */
function lostComment(before: string, after: string): string | undefined {
  const count = new Map<string, number>();
  for (const c of comments(after)) count.set(c, (count.get(c) ?? 0) + 1);
  for (const c of comments(before)) {
    const n = count.get(c) ?? 0;
    if (n === 0) return c;
    count.set(c, n - 1);
  }
  return undefined;
}

function comments(text: string): string[] {
  return lexForHighlighting(text)
    .filter((t) => t.kind === "comment")
    .map((t) => text.slice(t.from, t.to).trimEnd());
}

/** The syntax tree as JSON without node ids and spans: equal for texts that say the same. */
function shape(ast: ModelAst): string {
  return JSON.stringify(ast, (key, value: unknown) =>
    key === "id" || key === "span" ? undefined : value,
  );
}

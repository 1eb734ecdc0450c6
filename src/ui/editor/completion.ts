import type {
  Completion,
  CompletionContext,
  CompletionResult,
  CompletionSource,
} from "@codemirror/autocomplete";

/** What the editor can complete, supplied by the container from the last evaluation. */
export interface EditorCompletions {
  /** Line item names, e.g. "band_d". */
  readonly names?: readonly string[];
  /** Built-in function names, e.g. "npv". */
  readonly functions?: readonly string[];
  /** Model periods, e.g. "2019/20". */
  readonly periods?: readonly string[];
  /** Dimension members, e.g. "children"; offered after `[`. */
  readonly members?: readonly string[];
  /** Optional one-line details shown beside a name (its label or unit), keyed by name. */
  readonly details?: Readonly<Record<string, string>>;
}

// A record's column is completed after its dot: `deposits.pr` offers `deposits.principal`.
const namePrefix = /[\p{L}_][\p{L}\p{N}\p{M}_]*(?:\.[\p{L}\p{N}\p{M}_]*)*$/u;
const periodPrefix = /\d{2,4}(?:\/\d{0,2})?$/;
const memberPrefix = /\[\s*([\p{L}_][\p{L}\p{N}\p{M}_]*)?$/u;

/** Tunables of completion. */
export const CompletionRanks = {
  /** Boosts (CodeMirror's -99..99): members inside brackets first, then names, then functions. */
  member: 20,
  name: 10,
  function: 0,
  period: 5,
} as const;

function options(
  words: readonly string[] | undefined,
  type: string,
  boost: number,
  details?: Readonly<Record<string, string>>,
): Completion[] {
  return (words ?? []).map((label) => {
    const detail = details?.[label];
    return detail === undefined ? { label, type, boost } : { label, type, boost, detail };
  });
}

/**
 * A completion source over the current lists, read through `get` at completion time so the
 * container can update them without reconfiguring the editor. Completes members after `[`,
 * periods after a four-digit year, and otherwise line item and function names (functions insert
 * an opening parenthesis).
 */
export function makeCompletionSource(get: () => EditorCompletions): CompletionSource {
  return (context: CompletionContext): CompletionResult | null => {
    const lists = get();
    const line = context.state.doc.lineAt(context.pos);
    const before = line.text.slice(0, context.pos - line.from);
    // Never complete inside a comment or a string.
    const hash = before.indexOf("#");
    if (hash >= 0 && !before.slice(hash).startsWith("##")) return null;
    if ((before.match(/"/g)?.length ?? 0) % 2 === 1) return null;

    const member = memberPrefix.exec(before);
    if (member) {
      const typed = member[1] ?? "";
      if (!context.explicit && typed === "" && lists.members === undefined) return null;
      return {
        from: context.pos - typed.length,
        options: options(lists.members, "enum", CompletionRanks.member),
        validFor: /^[\p{L}\p{N}_]*$/u,
      };
    }
    const period = periodPrefix.exec(before);
    if (period) {
      return {
        from: context.pos - period[0].length,
        options: options(lists.periods, "constant", CompletionRanks.period),
        validFor: /^[\d/]*$/,
      };
    }
    const name = namePrefix.exec(before);
    if (!name && !context.explicit) return null;
    const typed = name?.[0] ?? "";
    const fns = (lists.functions ?? []).map<Completion>((label) => ({
      label,
      type: "function",
      boost: CompletionRanks.function,
      apply: `${label}(`,
    }));
    return {
      from: context.pos - typed.length,
      options: [...options(lists.names, "variable", CompletionRanks.name, lists.details), ...fns],
      validFor: /^[\p{L}\p{N}\p{M}_.]*$/u,
    };
  };
}

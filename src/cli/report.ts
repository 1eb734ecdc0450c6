import type {
  CellSnapshot,
  DiagnosticSnapshot,
  Engine,
  ErrorInfo,
  EvalSnapshot,
  LineSnapshot,
} from "../engine";

/** The `precept` exit codes (docs/cli.md; agreed in the helpers' seam notes). */
export const ExitCode = {
  /** The command did its job; no error diagnostic and no failed check (known findings allowed). */
  ok: 0,
  /** The model has an error diagnostic or a failed check. */
  modelProblem: 1,
  /** A usage error, or the file cannot be taken as a model at all. */
  usage: 2,
  /** A bug in Precept: never for any user input. */
  internal: 70,
} as const;

/** One of the {@link ExitCode} values. */
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/**
 * What the CLI reports about an evaluated model: its lines, with every line that has (or reads,
 * directly or not) a line with an error diagnostic shown as errors; the error diagnostics; and
 * how many checks failed (known findings aside).
 */
export interface Report {
  readonly snapshot: EvalSnapshot;
  readonly lines: readonly LineSnapshot[];
  readonly errors: readonly DiagnosticSnapshot[];
  readonly failedChecks: number;
}

/** The exit code a report gives (docs/cli.md). */
export function exitCodeOf(r: Report): ExitCode {
  return r.errors.length > 0 || r.failedChecks > 0 ? ExitCode.modelProblem : ExitCode.ok;
}

/** How many error diagnostics the model has. */
export function errorCount(r: Report): number {
  return r.errors.length;
}

/**
 * Builds the report of the engine's current snapshot. A line item with an error diagnostic (a
 * unit error, say) may still have computed numbers; they are not to be trusted, so its cells, and
 * those of every line item that reads it directly or through others, are shown as that
 * diagnostic's error, never as numbers.
 */
export function makeReport(engine: Engine, snapshot: EvalSnapshot): Report {
  const errors = snapshot.diagnostics.filter((d) => d.severity === "error");
  const cause = taintedLines(engine, errors, lineFinder(snapshot.lines));
  const lines =
    cause.size === 0
      ? snapshot.lines
      : snapshot.lines.map((l) => {
          const root = cause.get(l.name);
          return root === undefined ? l : markLine(l, root);
        });
  const failedChecks = snapshot.checks.filter((c) => !c.passed && c.known === undefined).length;
  return { snapshot, lines, errors, failedChecks };
}

/** Line names to the error diagnostic each has or reads (breadth first from the diagnosed lines). */
function taintedLines(
  engine: Engine,
  errors: readonly DiagnosticSnapshot[],
  lineAt: (offset: number) => string | undefined,
): Map<string, ErrorInfo> {
  const cause = new Map<string, ErrorInfo>();
  const queue: string[] = [];
  for (const d of errors) {
    const item = d.item ?? lineAt(d.from);
    if (item === undefined || cause.has(item)) continue;
    cause.set(item, { code: d.code, message: d.message, origin: { item } });
    queue.push(item);
  }
  for (let i = 0; i < queue.length; i++) {
    const name = queue[i] as string;
    const root = cause.get(name) as ErrorInfo;
    for (const dep of engine.dependents(name)) {
      if (cause.has(dep.key)) continue;
      cause.set(dep.key, root);
      queue.push(dep.key);
    }
  }
  return cause;
}

/** Finds the line item whose declaration contains a text offset (binary search by span). */
function lineFinder(lines: readonly LineSnapshot[]): (offset: number) => string | undefined {
  const spans: { from: number; to: number; name: string }[] = [];
  for (const l of lines) {
    const last = spans[spans.length - 1];
    if (last?.name !== l.name) spans.push({ from: l.from, to: l.to, name: l.name });
  }
  spans.sort((a, b) => a.from - b.from);
  return (offset) => {
    let lo = 0;
    let hi = spans.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = spans[mid] as { from: number; to: number; name: string };
      if (offset < s.from) hi = mid - 1;
      else if (offset >= s.to) lo = mid + 1;
      else return s.name;
    }
    return undefined;
  };
}

/** The line with every cell that is not already an error replaced by `root`. */
function markLine(line: LineSnapshot, root: ErrorInfo): LineSnapshot {
  const mark = (c: CellSnapshot): CellSnapshot =>
    c.error !== undefined ? c : { value: null, display: `#${root.code}`, error: root };
  const cells = line.cells.map(mark);
  return {
    ...line,
    cells,
    ...(line.scalar === undefined ? {} : { scalar: mark(line.scalar) }),
  };
}

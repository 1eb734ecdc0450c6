/** A parsed command line, or a usage error. */
export type Command =
  | { readonly kind: "check"; readonly file: string; readonly scenario: string | null }
  | {
      readonly kind: "eval";
      readonly file: string;
      readonly scenario: string | null;
      readonly format: OutputFormat;
      /** `--base-units` (CSV only): values in base units (pounds, fractions) instead of the line's. */
      readonly baseUnits: boolean;
    }
  | {
      readonly kind: "explain";
      readonly file: string;
      readonly target: string;
      readonly scenario: string | null;
    }
  | {
      readonly kind: "compare";
      readonly file: string;
      /** The scenarios compared; null is the base case (written `base`). */
      readonly left: string | null;
      readonly right: string | null;
      readonly format: OutputFormat;
    }
  | {
      readonly kind: "solve";
      readonly file: string;
      readonly scenario: string | null;
      readonly input: string;
      readonly target: string;
      readonly period: string | undefined;
      readonly value: string;
      readonly low: string | undefined;
      readonly high: string | undefined;
      readonly format: OutputFormat;
    }
  | {
      readonly kind: "sensitivity";
      readonly file: string;
      readonly scenario: string | null;
      readonly output: string;
      readonly period: string | undefined;
      /** Inputs to vary (`name`, `name[member]`, `name=LOW..HIGH`); undefined: every input the output reads. */
      readonly inputs: readonly string[] | undefined;
      readonly step: string | undefined;
      readonly low: string | undefined;
      readonly high: string | undefined;
      readonly threshold: string | undefined;
      readonly format: OutputFormat;
    }
  | {
      readonly kind: "export";
      readonly file: string;
      readonly scenario: string | null;
      readonly format: ExportFormat;
      /** The file to write (replaced whole, never left half written). */
      readonly output: string;
    }
  | {
      readonly kind: "format";
      readonly files: readonly string[];
      /** `--check`: report files that are not formatted; `--write`: rewrite them in place. */
      readonly mode: "print" | "check" | "write";
    }
  | { readonly kind: "help" }
  | { readonly kind: "usage-error"; readonly message: string };

/** How a command prints values. */
export type OutputFormat = "table" | "csv" | "json";

/** What `precept export` writes. */
export type ExportFormat = "xlsx" | "csv";

/** The usage text printed by `precept help` and after a usage error. */
export const usage = `Usage:
  precept check FILE [--scenario NAME]
  precept eval FILE [--scenario NAME] [--format table|csv|json] [--base-units]
  precept explain FILE 'NAME[PERIOD]' [--scenario NAME]
  precept compare FILE A B [--format table|csv|json]          (A, B: scenarios; 'base' is the base case)
  precept solve FILE --input X --target LINE [--period P] --value Z [--low A --high B]
                [--scenario NAME] [--format table|json]
  precept sensitivity FILE OUTPUT [--period P] [--inputs a,b[m],c=LOW..HIGH]
                [--step 10% | --low -20% --high 10%] [--threshold Z]
                [--scenario NAME] [--format table|csv|json]
  precept export FILE --format xlsx|csv --output OUT [--scenario NAME]
  precept format FILE... [--check | --write]

Exit codes: 0 done, and no error or failed check; 1 the model has an error or a failed check
(format --check: a file is not formatted; solve: no solution); 2 usage error or unreadable file;
70 internal error. See docs/cli.md.`;

const commands = [
  "check",
  "eval",
  "explain",
  "compare",
  "solve",
  "sensitivity",
  "export",
  "format",
] as const;
type CommandName = (typeof commands)[number];

/** Options that take a value, and the commands that accept each. */
const valueFlags: Readonly<Record<string, readonly CommandName[]>> = {
  "--scenario": ["check", "eval", "explain", "solve", "sensitivity", "export"],
  "--format": ["eval", "compare", "solve", "sensitivity", "export"],
  "--output": ["export"],
  "--input": ["solve"],
  "--target": ["solve"],
  "--value": ["solve"],
  "--period": ["solve", "sensitivity"],
  "--low": ["solve", "sensitivity"],
  "--high": ["solve", "sensitivity"],
  "--inputs": ["sensitivity"],
  "--step": ["sensitivity"],
  "--threshold": ["sensitivity"],
};

/** Parses the arguments after `precept`. Never throws. */
export function parseArgs(argv: readonly string[]): Command {
  const positional: string[] = [];
  const values = new Map<string, string>();
  const modes: ("check" | "write")[] = [];
  let baseUnits = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    const [flag, inline] = arg.startsWith("--") ? splitFlag(arg) : [arg, undefined];
    if (flag in valueFlags) {
      const value = inline ?? argv[++i];
      if (value === undefined || value === "") return usageError(`${flag} needs a value.`);
      if (values.has(flag)) return usageError(`${flag} is given twice. Keep one.`);
      values.set(flag, value);
    } else if (flag === "--check" || flag === "--write") {
      if (inline !== undefined) return usageError(`${flag} takes no value.`);
      modes.push(flag === "--check" ? "check" : "write");
    } else if (flag === "--base-units") {
      if (inline !== undefined) return usageError(`${flag} takes no value.`);
      baseUnits = true;
    } else if (flag === "--help" || flag === "-h") {
      return { kind: "help" };
    } else if (arg.startsWith("--")) {
      return usageError(`Unknown option '${arg}'.`);
    } else {
      positional.push(arg);
    }
  }
  const [command, file, ...rest] = positional;
  if (command === undefined || command === "help") return { kind: "help" };
  if (!(commands as readonly string[]).includes(command)) {
    return usageError(
      `Unknown command '${command}'. Use check, eval, explain, compare, solve, sensitivity, export or format.`,
    );
  }
  const name = command as CommandName;
  if (file === undefined) return usageError(`'precept ${name}' needs a model file.`);
  for (const flag of values.keys()) {
    const allowed = valueFlags[flag] ?? [];
    if (!allowed.includes(name)) return usageError(`${flag} is not an option of '${name}'.`);
  }
  if (baseUnits && (name !== "eval" || values.get("--format") !== "csv"))
    return usageError("--base-units is only for eval --format csv (JSON gives both).");
  if (modes.length > 0 && name !== "format")
    return usageError("--check and --write are only for format.");
  const scenario = values.get("--scenario") ?? null;
  const get = (flag: string): string | undefined => values.get(flag);
  /** The format asked for, or the usage message when it is not one of `allowed`. */
  const formatOf = (allowed: readonly OutputFormat[]): string => {
    const f = get("--format") ?? "table";
    return (allowed as readonly string[]).includes(f)
      ? f
      : `Unknown format '${f}'. Use ${allowed.join(", ")}.`;
  };
  const extra = (from: number): Command | undefined =>
    rest.length > from ? usageError(`Unexpected argument '${rest[from] ?? ""}'.`) : undefined;

  switch (name) {
    case "format": {
      if (new Set(modes).size > 1) return usageError("Use --check or --write, not both.");
      const files = positional.slice(1);
      const mode = modes[0] ?? "print";
      if (mode === "print" && files.length > 1)
        return usageError("'precept format' prints one file; use --check or --write for several.");
      return { kind: "format", files, mode };
    }
    case "check":
      return extra(0) ?? { kind: "check", file, scenario };
    case "eval": {
      const format = formatOf(["table", "csv", "json"]);
      if (!isFormat(format)) return usageError(format);
      return extra(0) ?? { kind: "eval", file, scenario, format, baseUnits };
    }
    case "explain": {
      const target = rest[0];
      if (target === undefined)
        return usageError("'precept explain' needs a cell such as 'net[2019/20]'.");
      return extra(1) ?? { kind: "explain", file, target, scenario };
    }
    case "compare": {
      const [left, right] = rest;
      if (left === undefined || right === undefined)
        return usageError("'precept compare' needs two scenarios, such as 'base high'.");
      const format = formatOf(["table", "csv", "json"]);
      if (!isFormat(format)) return usageError(format);
      const scenarioOf = (s: string): string | null => (s === "base" ? null : s);
      return (
        extra(2) ?? {
          kind: "compare",
          file,
          left: scenarioOf(left),
          right: scenarioOf(right),
          format,
        }
      );
    }
    case "solve": {
      const input = get("--input");
      const target = get("--target");
      const value = get("--value");
      if (input === undefined || target === undefined || value === undefined)
        return usageError("'precept solve' needs --input, --target and --value.");
      const low = get("--low");
      const high = get("--high");
      if ((low === undefined) !== (high === undefined))
        return usageError("Give both --low and --high, or neither.");
      const format = formatOf(["table", "json"]);
      if (!isFormat(format)) return usageError(format);
      return (
        extra(0) ?? {
          kind: "solve",
          file,
          scenario,
          input,
          target,
          period: get("--period"),
          value,
          low,
          high,
          format,
        }
      );
    }
    case "export": {
      const format = get("--format");
      const output = get("--output");
      if (format === undefined || output === undefined)
        return usageError("'precept export' needs --format xlsx|csv and --output FILE.");
      if (format !== "xlsx" && format !== "csv")
        return usageError(`Unknown format '${format}'. Use xlsx, csv.`);
      return extra(0) ?? { kind: "export", file, scenario, format, output };
    }
    case "sensitivity": {
      const output = rest[0];
      if (output === undefined)
        return usageError("'precept sensitivity' needs an output line, such as 'npv'.");
      const step = get("--step");
      const low = get("--low");
      const high = get("--high");
      if ((low === undefined) !== (high === undefined))
        return usageError("Give both --low and --high, or neither.");
      if (step !== undefined && low !== undefined)
        return usageError("Use --step or --low and --high, not both.");
      const list = get("--inputs");
      const format = formatOf(["table", "csv", "json"]);
      if (!isFormat(format)) return usageError(format);
      return (
        extra(1) ?? {
          kind: "sensitivity",
          file,
          scenario,
          output,
          period: get("--period"),
          inputs: list === undefined ? undefined : splitList(list),
          step,
          low,
          high,
          threshold: get("--threshold"),
          format,
        }
      );
    }
  }
}

function isFormat(f: string): f is OutputFormat {
  return f === "table" || f === "csv" || f === "json";
}

/** Splits `a,b[m, 2019/20],c=£1m..£2m` at the commas outside brackets. */
function splitList(list: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < list.length; i++) {
    const c = list[i];
    if (c === "[") depth++;
    else if (c === "]") depth--;
    else if (c === "," && depth === 0 && !isThousands(list, i)) {
      out.push(list.slice(start, i).trim());
      start = i + 1;
    }
  }
  out.push(list.slice(start).trim());
  return out.filter((s) => s !== "");
}

/** Whether the comma at `i` separates thousands: a digit before it, exactly three digits after. */
function isThousands(text: string, i: number): boolean {
  return /\d/.test(text[i - 1] ?? "") && /^\d{3}(?!\d)/.test(text.slice(i + 1));
}

function splitFlag(arg: string): [string, string | undefined] {
  const eq = arg.indexOf("=");
  return eq < 0 ? [arg, undefined] : [arg.slice(0, eq), arg.slice(eq + 1)];
}

function usageError(message: string): Command {
  return { kind: "usage-error", message };
}

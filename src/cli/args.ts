/** A parsed command line, or a usage error. */
export type Command =
  | { readonly kind: "check"; readonly file: string; readonly scenario: string | null }
  | {
      readonly kind: "eval";
      readonly file: string;
      readonly scenario: string | null;
      readonly format: "table" | "csv" | "json";
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
      readonly kind: "format";
      readonly files: readonly string[];
      /** `--check`: report files that are not formatted; `--write`: rewrite them in place. */
      readonly mode: "print" | "check" | "write";
    }
  | { readonly kind: "help" }
  | { readonly kind: "usage-error"; readonly message: string };

/** The usage text printed by `precept help` and after a usage error. */
export const usage = `Usage:
  precept check FILE [--scenario NAME]
  precept eval FILE [--scenario NAME] [--format table|csv|json] [--base-units]
  precept explain FILE 'NAME[PERIOD]' [--scenario NAME]
  precept format FILE... [--check | --write]

Exit codes: 0 done, and no error or failed check; 1 the model has an error or a failed check
(format --check: a file is not formatted); 2 usage error or unreadable file; 70 internal error.
See docs/cli.md.`;

/** Parses the arguments after `precept`. Never throws. */
export function parseArgs(argv: readonly string[]): Command {
  const positional: string[] = [];
  let scenario: string | null = null;
  let format: string | undefined;
  const modes: ("check" | "write")[] = [];
  let baseUnits = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    const [flag, inline] = arg.startsWith("--") ? splitFlag(arg) : [arg, undefined];
    if (flag === "--scenario" || flag === "--format") {
      const value = inline ?? argv[++i];
      if (value === undefined || value === "") return usageError(`${flag} needs a value.`);
      if (flag === "--scenario") scenario = value;
      else format = value;
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
  const [command, file, target, ...extra] = positional;
  if (command === undefined || command === "help") return { kind: "help" };
  if (command !== "check" && command !== "eval" && command !== "explain" && command !== "format") {
    return usageError(`Unknown command '${command}'. Use check, eval, explain or format.`);
  }
  if (file === undefined) return usageError(`'precept ${command}' needs a model file.`);
  if (format !== undefined && command !== "eval") return usageError("--format is only for eval.");
  if (baseUnits && (command !== "eval" || format !== "csv"))
    return usageError("--base-units is only for eval --format csv (JSON gives both).");
  if (modes.length > 0 && command !== "format")
    return usageError("--check and --write are only for format.");
  if (command === "format") {
    if (scenario !== null) return usageError("--scenario is not for format.");
    if (new Set(modes).size > 1) return usageError("Use --check or --write, not both.");
    const files = positional.slice(1);
    const mode = modes[0] ?? "print";
    if (mode === "print" && files.length > 1)
      return usageError("'precept format' prints one file; use --check or --write for several.");
    return { kind: "format", files, mode };
  }
  if (command === "explain") {
    if (target === undefined)
      return usageError("'precept explain' needs a cell such as 'net[2019/20]'.");
    if (extra.length > 0) return usageError(`Unexpected argument '${extra[0] ?? ""}'.`);
    return { kind: "explain", file, target, scenario };
  }
  if (target !== undefined) return usageError(`Unexpected argument '${target}'.`);
  if (command === "check") return { kind: "check", file, scenario };
  const f = format ?? "table";
  if (f !== "table" && f !== "csv" && f !== "json") {
    return usageError(`Unknown format '${f}'. Use table, csv or json.`);
  }
  return { kind: "eval", file, scenario, format: f, baseUnits };
}

function splitFlag(arg: string): [string, string | undefined] {
  const eq = arg.indexOf("=");
  return eq < 0 ? [arg, undefined] : [arg.slice(0, eq), arg.slice(eq + 1)];
}

function usageError(message: string): Command {
  return { kind: "usage-error", message };
}

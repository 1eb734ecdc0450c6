/** The outcome of the security self-check shown in the About panel. */
export interface SecurityCheckResult {
  /** True when the browser refused to compile code from a string, as the CSP requires. */
  readonly blocked: boolean;
  readonly message: string;
}

/**
 * Tries to compile JavaScript from a string, which Precept's Content-Security-Policy forbids.
 * A refusal (EvalError) proves that nothing in a model file can ever be run as code in this page.
 */
export function runSecuritySelfCheck(): SecurityCheckResult {
  try {
    // This is the point of the check: the CSP must make this constructor throw.
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    const compiled = new Function("return 1") as () => unknown;
    compiled();
    return {
      blocked: false,
      message:
        "Warning: this page can run code from text. Serve Precept with its Content-Security-Policy.",
    };
  } catch (error) {
    const name = error instanceof Error ? error.name : "Error";
    return {
      blocked: true,
      message: `Protected: the browser refused to run code from text (${name}).`,
    };
  }
}

/** What the About panel says about the engine worker's own check (null: it did not answer). */
export function describeWorkerCheck(
  result: { readonly blocked: boolean; readonly error: string } | null,
): SecurityCheckResult {
  if (result === null)
    return { blocked: false, message: "The engine worker did not answer the self-check." };
  return result.blocked
    ? {
        blocked: true,
        message: `Protected: the engine worker refused to run code from text too (${result.error}).`,
      }
    : {
        blocked: false,
        message:
          "Warning: the engine worker can run code from text. Its script must be served with the Content-Security-Policy header; a <meta> tag does not cover it.",
      };
}

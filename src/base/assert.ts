/**
 * Thrown only for broken invariants (bugs), never for user input. Each worker request catches it
 * once and turns it into an `internal` failure reply.
 */
export class InvariantError extends Error {
  override readonly name = "InvariantError";
}

/** Asserts an invariant. A false `condition` is a bug in Precept, not in the user's model. */
export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new InvariantError(message);
}

/** Marks a branch the type checker proves unreachable, such as the end of an exhaustive switch. */
export function unreachable(value: never, message = "unreachable"): never {
  throw new InvariantError(`${message}: ${JSON.stringify(value)}`);
}

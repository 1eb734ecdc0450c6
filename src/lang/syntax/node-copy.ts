/**
 * Copying AST nodes: what the incremental parser (a reused chunk's declarations) and record
 * tables (one column's copy of the record's name and unit) both need. A span is a plain
 * `{ from, to }` object and is shared, never copied.
 */

/** Hands out node ids, unique within one parser's trees. */
export interface IdSource {
  next(): number;
}

/** True for a span: an object with only numeric `from` and `to`. */
export function isSpan(value: Record<string, unknown>): boolean {
  if (typeof value["from"] !== "number" || typeof value["to"] !== "number") return false;
  let keys = 0;
  for (const key in value) if (Object.hasOwn(value, key)) keys++;
  return keys === 2;
}

/** A deep copy of `value` with fresh node ids and the same spans. */
export function renumber<T>(value: T, ids: IdSource): T {
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) return (value as readonly unknown[]).map((v) => renumber(v, ids)) as T;
  const node = value as Record<string, unknown>;
  if (isSpan(node)) return value;
  const out: Record<string, unknown> = { ...node };
  for (const key in out) {
    const v = out[key];
    if (typeof v === "object" && v !== null) out[key] = renumber(v, ids);
    else if (key === "id" && typeof v === "number") out[key] = ids.next();
  }
  return out as T;
}

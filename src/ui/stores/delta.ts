import type { LineDto, LinesDeltaDto } from "../../protocol";

/**
 * The lines of the next evaluation: `previous` with `delta` applied. Lines that did not change
 * are the same objects as before, so the grid's keyed diff skips them.
 */
export function applyLinesDelta(
  previous: readonly LineDto[],
  delta: LinesDeltaDto,
): readonly LineDto[] {
  const byKey = new Map<string, LineDto>();
  for (const line of previous) byKey.set(line.key, line);
  for (const key of delta.removed) byKey.delete(key);
  for (const move of delta.moved) {
    const line = byKey.get(move.key);
    if (line) byKey.set(move.key, { ...line, from: move.from, to: move.to });
  }
  const added: string[] = [];
  for (const line of delta.lines) {
    if (!byKey.has(line.key)) added.push(line.key);
    byKey.set(line.key, line);
  }
  const order = delta.order ?? [
    ...previous.map((l) => l.key).filter((k) => byKey.has(k)),
    ...added,
  ];
  const lines: LineDto[] = [];
  for (const key of order) {
    const line = byKey.get(key);
    if (line) lines.push(line);
  }
  return lines;
}

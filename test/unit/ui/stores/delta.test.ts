import { describe, expect, it } from "vitest";
import type { LineDto } from "../../../../src/protocol";
import { applyLinesDelta } from "../../../../src/ui/stores/delta";

const line = (key: string, value: string, from = 0): LineDto => ({
  key,
  name: key,
  label: key,
  section: "",
  kind: "calc",
  unit: "£",
  cells: [{ value, display: value }],
  from,
  to: from + 1,
});

describe("applyLinesDelta", () => {
  const a = line("a", "1", 0);
  const b = line("b", "2", 10);
  const c = line("c", "3", 20);

  it("replaces changed lines and keeps the others as the same objects", () => {
    const next = applyLinesDelta([a, b, c], {
      base: 1,
      lines: [line("b", "5", 10)],
      moved: [],
      removed: [],
    });
    expect(next.map((l) => l.cells[0]?.value)).toEqual(["1", "5", "3"]);
    expect(next[0]).toBe(a);
    expect(next[2]).toBe(c);
  });

  it("moves spans, removes lines, and follows a new order", () => {
    const next = applyLinesDelta([a, b, c], {
      base: 1,
      order: ["c", "d", "a"],
      lines: [line("d", "4", 5)],
      moved: [{ key: "c", from: 30, to: 31 }],
      removed: ["b"],
    });
    expect(next.map((l) => l.key)).toEqual(["c", "d", "a"]);
    expect(next[0]).toMatchObject({ key: "c", from: 30, to: 31 });
    expect(next[2]).toBe(a);
  });

  it("adds new lines last when no order is given", () => {
    const next = applyLinesDelta([a, b], {
      base: 1,
      lines: [line("z", "9")],
      moved: [],
      removed: [],
    });
    expect(next.map((l) => l.key)).toEqual(["a", "b", "z"]);
  });
});

import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { check } from "../support/lang-check";
import { readGolden, updateGolden, writeGolden } from "../support/golden";

const dir = join(import.meta.dirname, "cases");

for (const file of readdirSync(dir)
  .filter((f) => f.endsWith(".txt"))
  .sort()) {
  const path = join(dir, file);
  const cases = readGolden(path);
  describe(file, () => {
    if (updateGolden) {
      it("refreshes expectations", () => {
        writeGolden(
          path,
          cases.map((c) => ({ ...c, expected: check(c.input) })),
        );
      });
      return;
    }
    for (const c of cases) {
      it(c.name, () => {
        expect(check(c.input)).toBe(c.expected);
      });
    }
  });
}

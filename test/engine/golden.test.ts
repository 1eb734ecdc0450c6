import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createEngine } from "../../src/engine";
import { parseCases, printCases, renderGolden } from "./golden";

const dir = join(import.meta.dirname, "models");
const update = process.env["UPDATE_GOLDEN"] === "1";

/** Evaluates a fixture case: full evaluation of the model under its scenario. */
function run(model: string, scenario: string | null, display: boolean): string {
  const engine = createEngine();
  engine.update(model);
  return renderGolden(engine.setScenario(scenario), display);
}

for (const file of readdirSync(dir).filter((f) => f.endsWith(".txt"))) {
  describe(`evaluation fixtures: ${file}`, () => {
    const path = join(dir, file);
    const cases = parseCases(readFileSync(path, "utf8"));
    if (update) {
      writeFileSync(
        path,
        printCases(cases.map((c) => ({ ...c, expected: run(c.model, c.scenario, c.display) }))),
      );
    }
    for (const c of cases) {
      it(c.name, () => {
        expect(run(c.model, c.scenario, c.display)).toBe(c.expected);
      });
    }
  });
}

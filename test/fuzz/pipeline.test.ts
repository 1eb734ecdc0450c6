/**
 * The whole-pipeline fuzz in CI (issue 11, "Deliver and done when"; issue 16, last line): generated
 * models and broken edits of them go through the engine session API, and every oracle of
 * `pipeline-oracle.ts` must hold. Fixed seeds; `npm run fuzz` runs the same properties at scale
 * with a seed from the environment.
 */
import fc from "fast-check";
import { describe, it } from "vitest";
import { tokenSoupArb } from "../support/lang-arbitraries";
import { fuzzCase, fuzzFunctionCase, fuzzStructuralCase } from "../support/pipeline-arbitraries";
import { runScript, scriptOf } from "./pipeline-oracle";

/**
 * Seeds and sizes of the CI run; `npm run fuzz` takes both from the environment. About 2,700
 * texts in all (a case is several texts), some 25 s of CPU.
 */
const CiFuzz = {
  seed: 20261202,
  /** Sequences of generated models and edits (each several texts). */
  cases: 250,
  /** Sequences that only edit openings, periods and dimensions. */
  structural: 150,
  /** Sequences of edits of user functions that lines call. */
  functions: 150,
  /** Single texts of token soup and arbitrary code units. */
  texts: 500,
} as const;

describe("the whole pipeline on generated models and broken edits", () => {
  it("keeps every oracle over sequences of edits, breakages and scenario switches", () => {
    fc.assert(
      fc.property(fuzzCase, (c) => {
        runScript(scriptOf(c));
      }),
      { seed: CiFuzz.seed, numRuns: CiFuzz.cases },
    );
  }, 600_000);

  it("keeps incremental = fresh over edits of openings, periods and dimensions", () => {
    fc.assert(
      fc.property(fuzzStructuralCase, (c) => {
        runScript(scriptOf(c));
      }),
      { seed: CiFuzz.seed, numRuns: CiFuzz.structural },
    );
  }, 600_000);

  it("keeps incremental = fresh over edits of the functions lines call", () => {
    fc.assert(
      fc.property(fuzzFunctionCase, (c) => {
        runScript(scriptOf(c));
      }),
      { seed: CiFuzz.seed, numRuns: CiFuzz.functions },
    );
  }, 600_000);

  it("keeps every oracle on token soup and arbitrary text", () => {
    const text = fc.oneof(tokenSoupArb, fc.string({ unit: "binary", maxLength: 200 }));
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 3 }), (texts) => {
        runScript(texts.map((t) => ({ text: t, scenario: null })));
      }),
      { seed: CiFuzz.seed, numRuns: CiFuzz.texts },
    );
  }, 600_000);
});

import { describe, expect, it } from "vitest";
import { describeWorkerCheck } from "../../../../src/ui/shell/security-check";

describe("describeWorkerCheck", () => {
  it("says the worker is protected only when its own policy refused the code", () => {
    expect(describeWorkerCheck({ blocked: true, error: "EvalError" })).toEqual({
      blocked: true,
      message: "Protected: the engine worker refused to run code from text too (EvalError).",
    });
    const open = describeWorkerCheck({ blocked: false, error: "" });
    expect(open.blocked).toBe(false);
    expect(open.message).toContain("Content-Security-Policy header");
    expect(describeWorkerCheck(null).blocked).toBe(false);
  });
});

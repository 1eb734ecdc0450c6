import { describe, expect, it } from "vitest";
import { joinSpans, makeSpan } from "../../../src/base";

describe("spans", () => {
  it("joinSpans covers both spans whatever their order", () => {
    expect(joinSpans(makeSpan(5, 9), makeSpan(1, 3))).toEqual({ from: 1, to: 9 });
  });
  it("makeSpan never produces a negative length", () => {
    expect(makeSpan(7, 2)).toEqual({ from: 7, to: 7 });
  });
});

import { describe, expect, it } from "vitest";
import { checkModel } from "../../../src/lang";
import { compileModel, evaluateFull } from "../../../src/engine";
import { CompileCache } from "../../../src/engine/compile-cache";

const text = (a: string, extra = "") => `model "Cache"
periods 2019/20 .. 2020/21
${extra}input a (number) = ${a}
input b (number) = 10
c (number) = a + b
d (number) = b * 2
`;

const line = (compiled: ReturnType<typeof compileModel>, name: string) =>
  compiled.model.lines[compiled.model.lineByName.get(name) ?? -1];

describe("CompileCache", () => {
  it("reuses the compiled rules of line items an edit did not touch", () => {
    const cache = new CompileCache();
    const first = compileModel(checkModel(text("1")), null, cache);
    const next = compileModel(checkModel(text("2")), null, cache);
    expect(line(next, "c")?.rules).toBe(line(first, "c")?.rules);
    expect(line(next, "d")?.rules).toBe(line(first, "d")?.rules);
    // The edited input is compiled again: its cells hold the new value.
    expect(line(next, "a")?.inputs).not.toBe(line(first, "a")?.inputs);
    expect(line(next, "a")?.inputs.map(String)).toEqual(["2", "2"]);
  });

  it("compiles again when the line ids a formula reads shift", () => {
    const cache = new CompileCache();
    const first = compileModel(checkModel(text("1")), null, cache);
    const shifted = compileModel(checkModel(text("1", "input z (number) = 7\n")), null, cache);
    expect(line(shifted, "c")?.rules).not.toBe(line(first, "c")?.rules);
    // c = a + b = 1 + 10 = 11, with a and b now at ids 1 and 2.
    const values = evaluateFull(shifted);
    expect(values.values[shifted.model.lineByName.get("c") ?? -1]?.map(String)).toEqual([
      "11",
      "11",
    ]);
  });

  it("gives the same model as compiling without a cache", () => {
    const cache = new CompileCache();
    compileModel(checkModel(text("1")), null, cache);
    const cached = compileModel(checkModel(text("3", "input z (number) = 7\n")), null, cache);
    const fresh = compileModel(checkModel(text("3", "input z (number) = 7\n")), null);
    expect(cached.model).toEqual(fresh.model);
  });
});

import { describe, expect, it } from "vitest";
import { checkModel, FrontEnd } from "../../../src/lang";
import { compileModel, evaluateFull } from "../../../src/engine";
import { CompileCache, sameDecl } from "../../../src/engine/compile-cache";

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

  describe("with declarations moved by an edit above that changes the text's length", () => {
    const moved = (a: string, unit = "number", scenario = "") => `model "Moved"
periods 2019/20 .. 2020/21
input a (${unit}) = ${a}
input b (£) = 10
c (£) = a + b
d (£) = b * 2
${scenario}`;
    /** Compiles each text in turn through one front end and cache, as a session does. */
    function edits(texts: readonly string[], scenario: string | null = null) {
      const front = new FrontEnd();
      const cache = new CompileCache();
      return texts.map((t) => compileModel(front.check(t), scenario, cache));
    }
    const must = <T>(value: T | undefined): T => {
      if (value === undefined) throw new Error("expected a value");
      return value;
    };
    const fresh = (t: string, scenario: string | null = null) =>
      compileModel(checkModel(t), scenario);

    it("reuses the compiled parts of the moved, unchanged line items", () => {
      const [first, next] = edits([moved("1", "£"), moved("1000", "£")]);
      expect(line(must(next), "c")?.rules).toBe(line(must(first), "c")?.rules);
      expect(line(must(next), "d")?.rules).toBe(line(must(first), "d")?.rules);
      // The moved lines carry their new spans.
      expect(line(must(next), "d")?.span.from).toBe((line(must(first), "d")?.span.from ?? 0) + 3);
      expect(must(next).model).toEqual(fresh(moved("1000", "£")).model);
    });

    it("compiles a moved line again when the edit above gives it an error", () => {
      // a becomes a plain number: c = a + b adds a number to £, a unit error in c.
      const texts = [moved("1", "£"), moved("1000")];
      const [, next] = edits(texts);
      expect(line(must(next), "c")?.rules[0]?.code).toMatchObject({ kind: "const" });
      expect(must(next).model).toEqual(fresh(must(texts[1])).model);
      // And again when the error goes away.
      const [, , back] = edits([...texts, moved("1", "£")]);
      expect(must(back).model).toEqual(fresh(moved("1", "£")).model);
    });

    it("gives a moved input its scenario's new values", () => {
      const scenario = (b: string) => `scenario alt "Alt" {\n  b = ${b}\n}\n`;
      const texts = [moved("1", "£", scenario("7")), moved("1000", "£", scenario("8"))];
      const [, next] = edits(texts, "alt");
      expect(line(must(next), "b")?.inputs.map(String)).toEqual(["8", "8"]);
      expect(must(next).model).toEqual(fresh(must(texts[1]), "alt").model);
    });

    it("compiles a moved line again when a line inserted above shifts the ids it reads", () => {
      const before = moved("1", "£");
      const after = before.replace("input a", "input z (£) = 5\ninput a");
      const [first, next] = edits([before, after]);
      expect(line(must(next), "c")?.rules).not.toBe(line(must(first), "c")?.rules);
      expect(must(next).model).toEqual(fresh(after).model);
    });

    it("compiles again when two lines above swap places", () => {
      const before = moved("1", "£");
      const after = before.replace(
        "input a (£) = 1\ninput b (£) = 10",
        "input b (£) = 10\ninput a (£) = 1",
      );
      const [, next] = edits([before, after]);
      expect(must(next).model).toEqual(fresh(after).model);
    });
  });

  it("takes a declaration for the same tree only when it differs in its own span alone", () => {
    const decl = { kind: "calc", id: 4, span: { from: 10, to: 20 }, name: { kind: "ident" } };
    expect(sameDecl(decl, { ...decl, span: { from: 30, to: 40 } })).toBe(true);
    expect(sameDecl(decl, { ...decl, span: { from: 30, to: 41 } })).toBe(false);
    expect(sameDecl(decl, { ...decl, id: 5 })).toBe(false);
    expect(sameDecl(decl, { ...decl, name: { kind: "ident" } })).toBe(false);
    expect(sameDecl(decl, { ...decl, decimals: undefined })).toBe(false);
    expect(sameDecl({ ...decl, decimals: undefined }, decl)).toBe(false);
  });
});

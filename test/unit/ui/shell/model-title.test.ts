import { describe, expect, test } from "vitest";
import { isUntitled, nameFromTitle, uniqueAmong } from "../../../../src/ui/shell/model-title";

describe("nameFromTitle", () => {
  const title = "Anytown DC: MTFP 2024/25 to 2027/28";
  test("an untitled model takes its text's title", () => {
    expect(nameFromTitle("Untitled model", title, null, [])).toBe(title);
    expect(nameFromTitle("Untitled model (3)", title, "", [])).toBe(title);
  });
  test("a model keeps following the title it took, also with a suffix", () => {
    expect(nameFromTitle(title, "Anytown DC: MTFP", title, [])).toBe("Anytown DC: MTFP");
    expect(nameFromTitle(`${title} (2)`, "Anytown", title, [])).toBe("Anytown");
  });
  test("a name the user chose is never replaced", () => {
    expect(nameFromTitle("My budget", title, "Old title", [])).toBeNull();
    expect(nameFromTitle("My budget", title, null, [])).toBeNull();
  });
  test("no title, or the same name, changes nothing", () => {
    expect(nameFromTitle("Untitled model", "", null, [])).toBeNull();
    expect(nameFromTitle("Untitled model", "   ", null, [])).toBeNull();
    expect(nameFromTitle(title, title, title, [])).toBeNull();
  });
  test("a title another model has is made unique, as the workspace would", () => {
    expect(nameFromTitle("Untitled model", "Budget", null, ["budget", "Budget (2)"])).toBe(
      "Budget (3)",
    );
  });
});

test("isUntitled and uniqueAmong", () => {
  expect(isUntitled("Untitled model")).toBe(true);
  expect(isUntitled("Untitled model (12)")).toBe(true);
  expect(isUntitled("Untitled models")).toBe(false);
  expect(uniqueAmong("A", [])).toBe("A");
  expect(uniqueAmong("A", ["a"])).toBe("A (2)");
});

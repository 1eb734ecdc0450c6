import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatText } from "../../src/cli/format";
import { createEngine, type EvalSnapshot } from "../../src/engine";
import { root, runCli, tempModel } from "./support";

const examples = readdirSync(join(root, "examples"))
  .filter((f) => f.endsWith(".precept"))
  .map((f) => join("examples", f));

/** Everything a model means, as exact text: values, errors, diagnostics (no spans) and checks. */
function meaning(text: string): string {
  const engine = createEngine();
  const base = engine.update(text);
  const names = [null, ...base.scenarios.map((s) => s.name)];
  return JSON.stringify(
    names.map((name) => {
      const s: EvalSnapshot = engine.setScenario(name);
      return {
        lines: s.lines.map((l) => [l.key, l.unit, l.cells.map((c) => [c.value, c.error?.code])]),
        checks: s.checks.map((c) => [c.name, c.passed, c.failures.length]),
        diagnostics: s.diagnostics.map((d) => [d.code, d.message]),
      };
    }),
  );
}

/** The comments of a text, in order. */
const comments = (text: string) =>
  text
    .split("\n")
    .map((l) => /#.*$/.exec(l)?.[0].trimEnd())
    .filter((c) => c !== undefined && !c.startsWith("##"));

describe("precept format (issue 11.13)", () => {
  it.each(examples)("formats %s idempotently, keeping every comment and the meaning", (file) => {
    const text = readFileSync(join(root, file), "utf8");
    const once = formatText(text);
    expect(once.ok).toBe(true);
    if (!once.ok) return;
    const twice = formatText(once.text);
    expect(twice).toEqual({ ok: true, text: once.text, changed: false });
    expect(comments(once.text)).toEqual(comments(text));
    expect(meaning(once.text)).toEqual(meaning(text));
  });

  it("is a command: prints, checks and writes", () => {
    const messy =
      'model "F"\nperiods 2019/20 .. 2020/21\n# why\ninput   a (£)=£1  # note\nb (£) = a*2\n';
    const file = tempModel(messy);
    const printed = runCli("format", file);
    expect(printed.code).toBe(0);
    expect(printed.out).toContain("b (£) = a * 2");
    expect(printed.out).toContain("# note");
    expect(printed.out).toContain("# why");
    const check = runCli("format", file, "--check");
    expect(check.code).toBe(1);
    expect(check.out).toContain("not formatted");
    expect(readFileSync(file, "utf8")).toBe(messy);
    const write = runCli("format", file, "--write");
    expect(write.code).toBe(0);
    expect(readFileSync(file, "utf8")).toBe(printed.out);
    expect(runCli("format", file, "--check")).toMatchObject({ code: 0, out: "" });
  });

  it("leaves a file with a syntax error alone and says why", () => {
    const broken = 'model "B"\nperiods 2019/20 .. 2020/21\ninput a (£) = £1 +\n';
    const file = tempModel(broken);
    for (const mode of [[], ["--write"], ["--check"]]) {
      const r = runCli("format", file, ...mode);
      expect(r.code).toBe(1);
      expect(r.out).toBe("");
      expect(r.err).toMatch(/was not formatted: it has \d+ syntax error/);
    }
    expect(readFileSync(file, "utf8")).toBe(broken);
  });

  it("never drops a comment: it formats keeping them all, or leaves the file alone", () => {
    const text = readFileSync(join(root, "test", "cli", "fixtures", "comments.precept"), "utf8");
    const file = tempModel(text);
    const r = runCli("format", file, "--write");
    const after = readFileSync(file, "utf8");
    if (r.code === 0) {
      expect(comments(after)).toEqual(comments(text));
    } else {
      // The printer cannot place every comment of this file yet: nothing is written.
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/would drop the comment '# [a-z ]+'/);
      expect(after).toBe(text);
    }
    expect(meaning(after)).toEqual(meaning(text));
  });

  it("refuses usage it cannot honour", () => {
    const file = tempModel('model "U"\nperiods 2019/20 .. 2020/21\n');
    expect(runCli("format").code).toBe(2);
    expect(runCli("format", file, "--check", "--write").code).toBe(2);
    expect(runCli("format", file, file).code).toBe(2);
    expect(runCli("check", file, "--write").code).toBe(2);
  });
});

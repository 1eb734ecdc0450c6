import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { allAnalysisCodes, analysisCodes } from "../../../../src/engine";
import { allDiagnosticCodes } from "../../../../src/lang";
import { parseQuantity } from "../../../../src/engine/analysis/quantity";
import { toExactString } from "../../../../src/engine/num";

const cli = readFileSync(join(import.meta.dirname, "../../../../docs/cli.md"), "utf8");

describe("analysis codes", () => {
  it("are listed in docs/cli.md and are not language catalog codes", () => {
    for (const code of allAnalysisCodes) {
      expect(cli, code).toContain(`- \`${code}\`:`);
      expect((allDiagnosticCodes as readonly string[]).includes(code), code).toBe(false);
    }
  });

  it("have messages that end with a full stop", () => {
    for (const code of allAnalysisCodes) expect(analysisCodes[code], code).toMatch(/\.$/);
  });
});

describe("parseQuantity reads numbers as a model writes them, into base units", () => {
  const read = (text: string) => {
    const v = parseQuantity(text);
    return v === undefined ? undefined : toExactString(v);
  };

  it("reads plain decimals, percentages, pounds with scales and brackets", () => {
    expect(read("0.03")).toBe("0.03");
    expect(read("3%")).toBe("0.03");
    expect(read("-20%")).toBe("-0.2");
    expect(read("+10%")).toBe("0.1");
    expect(read("£1,426.18")).toBe("1426.18");
    expect(read("£1.5m")).toBe("1500000");
    expect(read("-£4m")).toBe("-4000000");
    expect(read("£350k")).toBe("350000");
    expect(read("£1.2bn")).toBe("1200000000");
    expect(read("(4,000)")).toBe("-4000");
  });

  it("refuses what a model would not read", () => {
    for (const text of ["1e3", "NaN", "£3%", "1,00", "--1", "(-4)", "", "£", "12,3456"])
      expect(read(text), text).toBeUndefined();
  });
});

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { allDiagnosticCodes, diagnosticCodes } from "../../src/lang";

const doc = readFileSync(join(import.meta.dirname, "../../docs/diagnostics.md"), "utf8");

describe("docs/diagnostics.md", () => {
  it("lists every code in the catalog with its severity", () => {
    for (const code of allDiagnosticCodes) {
      expect(doc, code).toMatch(
        new RegExp(`\\| ${code} \\| ${diagnosticCodes[code].severity} \\|`),
      );
    }
  });

  it("lists no code the catalog does not have", () => {
    const listed = [...doc.matchAll(/^\| (P\d{4}) \|/gm)].map((m) => m[1]);
    expect(listed.filter((c) => !(c !== undefined && c in diagnosticCodes))).toEqual([]);
  });

  it("catalog messages are sentences that end with a full stop or question mark", () => {
    for (const code of allDiagnosticCodes) {
      expect(diagnosticCodes[code].message, code).toMatch(/[.?]$|\{\w+\}$/);
    }
  });
});

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { csvImportCodes } from "../../src/export/codes";

/** The import codes docs/cli.md does not list. */
export function allCodesDocumented(): string[] {
  const doc = readFileSync(join(import.meta.dirname, "..", "..", "docs", "cli.md"), "utf8");
  return Object.keys(csvImportCodes).filter((c) => !doc.includes(`\`${c}\``));
}

/**
 * LibreOffice headless as an independent spreadsheet engine (../shared/design/recipes.md §2a): a
 * private profile that forces recalculation on load, one `soffice` run that converts many files,
 * and a small CSV reader for what it writes.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";

/** Fails with a clear message when LibreOffice is not installed (CI installs it). */
export function requireSoffice(): void {
  const r = spawnSync("soffice", ["--version"], { encoding: "utf8", timeout: 60_000 });
  if (r.error !== undefined || r.status !== 0) {
    throw new Error(
      "LibreOffice (soffice) is needed for the spreadsheet oracle tests: " +
        "apt-get install -y --no-install-recommends libreoffice-calc fonts-liberation " +
        "(.ci/run installs it).",
    );
  }
}

/** A fresh profile whose settings recalculate every formula when a file is loaded. */
function forcedRecalcProfile(): string {
  const profile = mkdtempSync(join(tmpdir(), "precept-lo-profile-"));
  mkdirSync(join(profile, "user"), { recursive: true });
  const item = (name: string): string =>
    `<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="${name}" oor:op="fuse"><value>0</value></prop></item>`;
  writeFileSync(
    join(profile, "user", "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
${item("OOXMLRecalcMode")}
${item("ODFRecalcMode")}
</oor:items>
`,
  );
  return profile;
}

/** The CSV filter: comma, double quote, UTF-8, raw full-precision values, every sheet to its own file. */
const csvFilter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";

/**
 * Opens each file in LibreOffice (recalculating every formula) and writes each sheet as CSV into
 * `outDir` as `<file stem>-<sheet>.csv`. One `soffice` run for all files.
 */
export function recalcToCsv(files: readonly string[], outDir: string): void {
  requireSoffice();
  const profile = forcedRecalcProfile();
  const r = spawnSync(
    "soffice",
    [
      `-env:UserInstallation=file://${profile}`,
      "--headless",
      "--convert-to",
      csvFilter,
      "--outdir",
      outDir,
      ...files,
    ],
    { encoding: "utf8", timeout: 300_000 },
  );
  if (r.status !== 0) throw new Error(`soffice failed (${r.status}): ${r.stderr}`);
}

/**
 * Imports CSV files in LibreOffice as a person opening them would (comma, double quote, UTF-8)
 * and saves each as `.xlsx` in `outDir`, so a test can see which cells became formulas.
 */
export function importCsvToXlsx(files: readonly string[], outDir: string): void {
  requireSoffice();
  const profile = forcedRecalcProfile();
  const r = spawnSync(
    "soffice",
    [
      `-env:UserInstallation=file://${profile}`,
      "--headless",
      "--infilter=CSV:44,34,76,1",
      "--convert-to",
      "xlsx",
      "--outdir",
      outDir,
      ...files,
    ],
    { encoding: "utf8", timeout: 300_000 },
  );
  if (r.status !== 0) throw new Error(`soffice failed (${r.status}): ${r.stderr}`);
}

/** Reads `<outDir>/<stem>-<sheet>.csv` as rows of cells. */
export function readSheetCsv(outDir: string, file: string, sheet: string): string[][] {
  const stem = basename(file).replace(/\.[^.]+$/, "");
  return parseCsv(readFileSync(join(outDir, `${stem}-${sheet}.csv`), "utf8"));
}

/** Parses CSV with double-quoted cells ("" is a quote inside one). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += c;
  }
  if (cell !== "" || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

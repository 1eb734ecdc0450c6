import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main";
import { csvCell } from "../../src/cli/render";

const root = join(import.meta.dirname, "..", "..");
const tom = join(root, "test", "engine", "models", "tom.precept");

/** Runs the command in-process and captures what it writes. */
function run(...argv: string[]): { code: number; out: string; err: string } {
  let out = "";
  let err = "";
  const code = main(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  if (typeof code !== "number") throw new Error("an asynchronous command: use runCliAsync");
  return { code, out, err };
}

function tempModel(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), "precept-cli-"));
  const file = join(dir, "model.precept");
  writeFileSync(file, text);
  return file;
}

interface JsonValues {
  unit: string;
  values?: Record<string, string>;
  value?: string;
}

interface JsonOutput {
  model: string;
  scenario: string | null;
  periods: string[];
  items: Record<string, JsonValues & { base: JsonValues }>;
  checks: { name: string; label: string; passed: boolean; known?: string; failures: unknown[] }[];
}

describe("precept on the TOM cost-benefit model", () => {
  it("check passes with every published figure reproduced", () => {
    const r = run("check", tom);
    expect(r.code).toBe(0);
    expect(r.out).toContain("Master check: pass (3 checks)");
  });

  it("eval --format json gives the printed figures in £m, and in pounds under base", () => {
    const r = run("eval", tom, "--format", "json");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as JsonOutput;
    expect(json.periods).toEqual(["2018/19", "2019/20", "2020/21", "2021/22", "2022/23"]);
    const row = (name: string) => Object.values(json.items[name]?.values ?? {});
    const pounds = (name: string) => Object.values(json.items[name]?.base.values ?? {});
    // Printed: in-year £0m £14m £18m £10m £4m; cumulative £0m £14m £32m £42m £46m;
    // one-off costs -£4m -£9m -£2m -£2m -£1m.
    expect(json.items["benefit_in_year"]?.unit).toBe("£m");
    expect(row("benefit_in_year")).toEqual(["0", "14", "18", "10", "4"]);
    expect(json.items["benefit_in_year"]?.base.unit).toBe("£");
    expect(pounds("benefit_in_year")).toEqual(["0", "14000000", "18000000", "10000000", "4000000"]);
    expect(row("cumulative_benefit")).toEqual(["0", "14", "32", "42", "46"]);
    expect(pounds("cumulative_benefit")).toEqual([
      "0",
      "14000000",
      "32000000",
      "42000000",
      "46000000",
    ]);
    expect(row("one_off_costs")).toEqual(["-4", "-9", "-2", "-2", "-1"]);
    // Net = cumulative + costs: -4, 14-9 = 5, 32-2 = 30, 42-2 = 40, 46-1 = 45 (£m).
    expect(pounds("net_benefit")).toEqual([
      "-4000000",
      "5000000",
      "30000000",
      "40000000",
      "45000000",
    ]);
    // Running net: -4, 1, 31, 71, 116: first >= 0 in 2019/20, the second year.
    expect(row("cumulative_net_benefit")).toEqual(["-4", "1", "31", "71", "116"]);
    expect(json.items["payback_year"]?.value).toBe("2019/20");
    expect(json.items["payback_periods"]?.value).toBe("2");
    expect(json.items["total_one_off_costs"]).toEqual({
      unit: "£m",
      value: "-18",
      base: { unit: "£", value: "-18000000" },
    });
    // 3.5% is held as the fraction 0.035: "%" values are percentages, the base a plain number.
    expect(json.items["discount_rate"]).toEqual({
      unit: "%",
      value: "3.5",
      base: { unit: "number", value: "0.035" },
    });
    // NPV at 3.5%, first year undiscounted: -4 + 5/1.035 + 30/1.035^2 + 40/1.035^3 + 45/1.035^4
    // = £104,128,847.358544857402343538319959851... (Python decimal at 50 digits), exactly
    // 104.128847358544857402343538319959851... in £m: scaling never rounds.
    const npv = json.items["npv_net_benefit"]?.base.value ?? "";
    expect(npv.startsWith("104128847.35854485740234353831")).toBe(true);
    const npvM = json.items["npv_net_benefit"]?.value ?? "";
    expect(npvM).toBe(`104.${npv.slice(3).replace(".", "")}`);
    expect(json.checks.every((c) => c.passed)).toBe(true);
  });

  it("eval --format table shows £m with brackets for negatives", () => {
    const r = run("eval", tom);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      /one_off_costs\s+£m\s+\(4\.0\)\s+\(9\.0\)\s+\(2\.0\)\s+\(2\.0\)\s+\(1\.0\)/,
    );
    expect(r.out).toMatch(/cumulative_benefit\s+£m\s+0\.0\s+14\.0\s+32\.0\s+42\.0\s+46\.0/);
    expect(r.out).toMatch(/npv_net_benefit\s+£m\s+104\.1/);
  });

  it("explain shows the derivation down to sourced inputs", () => {
    const r = run("explain", tom, "net_benefit[2019/20]");
    expect(r.code).toBe(0);
    expect(r.out.split("\n").slice(0, 5)).toEqual([
      "net_benefit[2019/20] = 5.0 £m  = cumulative_benefit + one_off_costs",
      "  cumulative_benefit[2019/20] = 14.0 £m  = cumsum(benefit_in_year)",
      '    benefit_in_year[2018/19] = 0.0 £m  input, source "Financial Case, cost-benefit profile table, row 1"',
      '    benefit_in_year[2019/20] = 14.0 £m  input, source "Financial Case, cost-benefit profile table, row 1"',
      '  one_off_costs[2019/20] = (9.0) £m  input, source "Financial Case, one off costs table (excludes recurring technology maintenance)"',
    ]);
  });

  it("runs as `npx precept` through bin/precept.js", () => {
    const out = execFileSync(process.execPath, [join(root, "bin", "precept.js"), "check", tom], {
      encoding: "utf8",
    });
    expect(out).toContain("Master check: pass");
  });
});

describe("precept exit codes and messages", () => {
  const failing = tempModel(
    'model "F"\nperiods 2019/20 .. 2020/21\ninput a (£) = £1\ncheck big: a > £2\n',
  );

  it("check exits 1 when a check fails, listing both sides", () => {
    const r = run("check", failing);
    expect(r.code).toBe(1);
    expect(r.out).toContain("[FAIL] big");
    expect(r.out).toContain("left 1.00, right 2.00");
  });

  it("check exits 1 on an error diagnostic", () => {
    const file = tempModel('model "E"\nperiods 2019/20 .. 2020/21\nx (£) = missing_name\n');
    const r = run("check", file);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/model\.precept:3:\d+: error P2001/);
  });

  it("exits 2 with one line for an unreadable file", () => {
    const r = run("eval", join(tmpdir(), "no-such-precept-file.precept"));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^precept: cannot read '.*' \(ENOENT\)\.\n$/);
  });

  it("exits 2 with usage for a wrong command, option or format", () => {
    for (const argv of [
      ["frob"],
      ["eval"],
      ["eval", failing, "--format", "xml"],
      ["check", failing, "--bogus"],
    ]) {
      const r = run(...argv);
      expect(r.code).toBe(2);
      expect(r.err.split("\n")[0]).toMatch(/^precept: /);
      expect(r.err).not.toMatch(/\n\s+at /);
    }
  });

  it("exits 2 for an unknown scenario or cell", () => {
    expect(run("eval", failing, "--scenario", "nope").code).toBe(2);
    expect(run("explain", failing, "nothing[2019/20]").code).toBe(2);
    expect(run("explain", failing, "a[2030/31]").code).toBe(2);
  });

  it("eval --format json gives each check its label and, for a known finding, the explanation", () => {
    const file = tempModel(
      'model "K"\nperiods 2019/20 .. 2020/21\ninput a (£) = £1\n' +
        'check small: a < £2 label "A is small"\n' +
        'check big: a > £2 known "K1: the paper rounds a up"\n',
    );
    const json = JSON.parse(run("eval", file, "--format", "json").out) as JsonOutput;
    expect(json.checks.map((c) => [c.name, c.label, c.passed, c.known])).toEqual([
      ["small", "A is small", true, undefined],
      ["big", "big", false, "K1: the paper rounds a up"],
    ]);
    expect("known" in (json.checks[0] ?? {})).toBe(false);
  });

  it("eval --scenario evaluates the scenario's inputs", () => {
    const file = tempModel(
      'model "S"\nperiods 2019/20 .. 2020/21\ninput a (£) = £1\nb (£) = a * 3\nscenario up "Up" {\n  a = £2\n}\n',
    );
    const json = JSON.parse(
      run("eval", file, "--scenario", "up", "--format", "json").out,
    ) as JsonOutput;
    expect(json.scenario).toBe("up");
    expect(json.items["b"]?.value).toBe("6");
  });

  it("never prints a stack trace as the real process", () => {
    const r = spawnSync(process.execPath, [join(root, "bin", "precept.js"), "eval"], {
      encoding: "utf8",
    });
    expect(r.status).toBe(2);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe("csv output", () => {
  it("neutralises text that a spreadsheet would run as a formula", () => {
    expect(csvCell("=SUM(A1)")).toBe("'=SUM(A1)");
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("-x")).toBe("'-x");
    expect(csvCell("@cmd")).toBe("'@cmd");
    expect(csvCell("\tx")).toBe("'\tx");
    expect(csvCell(" \u00a0=1+1")).toBe("' \u00a0=1+1");
    expect(csvCell("\r=1")).toBe('"\'\r=1"');
  });

  it("writes numbers as numbers and quotes commas", () => {
    expect(csvCell("-4000000")).toBe("-4000000");
    expect(csvCell("0.035")).toBe("0.035");
    expect(csvCell("Children's, Adults")).toBe('"Children\'s, Adults"');
  });

  it("gives each row's values in the unit it names: £000 in thousands, or base units on request", () => {
    const file = tempModel(
      [
        'model "C"',
        "periods 2019/20 .. 2020/21",
        "input council_tax (£000) =",
        "  | 2019/20 : 52,400",
        "  | 2020/21 : (4,000.5)",
        "input growth (%) = 2.99",
        "input band_d (£ per property) = £1,426.18",
        "input cost (£m per property) = 0.0015",
        "input homes (properties) = 246,841",
        "",
      ].join("\n"),
    );
    const shown = run("eval", file, "--format", "csv").out.split("\r\n");
    expect(shown.slice(0, 6)).toEqual([
      "key,label,unit,2019/20,2020/21",
      "council_tax,council_tax,£000,52400,-4000.5",
      "growth,growth,%,2.99,2.99",
      "band_d,band_d,£ per property,1426.18,1426.18",
      "cost,cost,£m per property,0.0015,0.0015",
      "homes,homes,properties,246841,246841",
    ]);
    const base = run("eval", file, "--format", "csv", "--base-units").out.split("\r\n");
    expect(base.slice(1, 6)).toEqual([
      "council_tax,council_tax,£,52400000,-4000500",
      "growth,growth,number,0.0299,0.0299",
      "band_d,band_d,£ per property,1426.18,1426.18",
      "cost,cost,£ per property,1500,1500",
      "homes,homes,properties,246841,246841",
    ]);
    expect(run("eval", file, "--base-units").code).toBe(2);
    expect(run("eval", file, "--format", "json", "--base-units").code).toBe(2);
  });

  it("prints labels safely in a whole eval", () => {
    const file = tempModel(
      'model "C"\nperiods 2019/20 .. 2020/21\ninput a (£) = -£1 label "=HYPERLINK(1)"\n',
    );
    const r = run("eval", file, "--format", "csv");
    expect(r.out.split("\r\n")[1]).toBe("a,'=HYPERLINK(1),£,-1,-1");
    // A negative scaled value is still a number, not text to neutralise.
    const m = tempModel('model "C"\nperiods 2019/20 .. 2020/21\ninput a (£m) = (4.5) label "-x"\n');
    expect(run("eval", m, "--format", "csv").out.split("\r\n")[1]).toBe("a,'-x,£m,-4.5,-4.5");
  });
});

import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CliLimits } from "../../src/cli/input";
import { root, runCli, tempModel } from "./support";

/** The JSON of `eval --format json`, as far as these tests read it. */
interface EvalJson {
  items: Record<string, { value?: unknown; values?: Record<string, unknown> }>;
  checks: { name: string; passed: boolean }[];
  errors: number;
  diagnostics: { code: string; severity: string; line: number; column: number }[];
}

// b adds a percentage to pounds (P3001); c reads b; d reads only a.
const unitError =
  'model "U"\nperiods 2019/20 .. 2020/21\ninput a (£) = £1\ninput r (%) = 5%\n' +
  "b (£) = a + r\nc (£) = b * 2\nd (£) = a * 3\ncheck ok: a > £0\n";

describe("exit codes and error cells (issue 11.5)", () => {
  it("eval exits 1 on a model with an error diagnostic, and shows its line as errors", () => {
    const file = tempModel(unitError);
    const r = runCli("eval", file);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/model\.precept:5:\d+: error P3001/);
    // a + r would be 1.05 and b * 2 2.10: neither number may be shown.
    expect(r.out).not.toMatch(/1\.05|2\.10/);
    expect(r.out).toMatch(/^b\s+£\s+#P3001\s+#P3001$/m);
    expect(r.out).toMatch(/^c\s+£\s+#P3001\s+#P3001$/m);
    expect(r.out).toMatch(/^d\s+£\s+3\.00\s+3\.00$/m);
  });

  it("never prints 'Master check: pass' beside errors", () => {
    const file = tempModel(unitError);
    for (const command of ["check", "eval"]) {
      const r = runCli(command, file);
      expect(r.code).toBe(1);
      expect(r.out).not.toContain("Master check: pass");
      expect(r.out).toContain("Master check: FAIL (the model has 1 error)");
    }
  });

  it("eval --format json marks the diagnosed lines' cells as that error", () => {
    const file = tempModel(unitError);
    const r = runCli("eval", file, "--format", "json");
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out) as EvalJson;
    // A line in error shows the error in every period, and so do the lines that read it.
    for (const item of ["b", "c"]) {
      for (const period of ["2019/20", "2020/21"]) {
        expect(json.items[item]?.values?.[period]).toMatchObject({
          error: { code: "P3001", origin: { item: "b" } },
        });
      }
    }
    expect(json.items["d"]?.value).toBe("3");
    expect(json.errors).toBe(1);
    expect(json.diagnostics).toEqual([
      expect.objectContaining({ code: "P3001", severity: "error", line: 5 }),
    ]);
  });

  it("eval and explain exit 1 on a failed check, 0 on a clean model or a known finding", () => {
    const failing = tempModel(
      'model "F"\nperiods 2019/20 .. 2020/21\ninput a (£) = £1\ncheck big: a > £2\n',
    );
    expect(runCli("eval", failing).code).toBe(1);
    expect(runCli("eval", failing, "--format", "csv").code).toBe(1);
    expect(runCli("explain", failing, "a").code).toBe(1);
    const known = tempModel(
      'model "K"\nperiods 2019/20 .. 2020/21\ninput a (£) = £1\n' +
        'check big: a > £2 known "K1: the paper rounds"\n',
    );
    for (const argv of [
      ["check", known],
      ["eval", known],
      ["explain", known, "a"],
    ]) {
      expect(runCli(...argv).code).toBe(0);
    }
  });

  it("explain exits 1 beside an error diagnostic and lists it on stderr", () => {
    const r = runCli("explain", tempModel(unitError), "d[2019/20]");
    expect(r.code).toBe(1);
    expect(r.out).toContain("d = 3.00 £");
    expect(r.err).toContain("error P3001");
  });

  it("exits 2 for a file that is not UTF-8, too large, or a folder", () => {
    const dir = mkdtempSync(join(tmpdir(), "precept-cli-"));
    const latin1 = join(dir, "latin1.precept");
    writeFileSync(latin1, Buffer.from([0x69, 0x6e, 0x70, 0x75, 0x74, 0x20, 0xa3, 0x31, 0x0a]));
    const big = join(dir, "big.precept");
    writeFileSync(big, `# ${"x".repeat(CliLimits.maxFileBytes)}\n`);
    for (const file of [latin1, big, dir]) {
      for (const command of ["check", "eval", "format"]) {
        const r = runCli(command, file);
        expect(r.code, `${command} ${file}`).toBe(2);
        expect(r.err).toMatch(/^precept: .+\n$/);
      }
    }
    expect(runCli("check", latin1).err).toContain("P5002");
    expect(runCli("check", big).err).toContain("P5001");
  });

  it("reads a UTF-8 file with a byte order mark", () => {
    const file = tempModel('\uFEFFmodel "B"\nperiods 2019/20 .. 2020/21\ninput a (£) = £1\n');
    expect(runCli("check", file).code).toBe(0);
  });
});

describe("JSON error cells (issue 11.6)", () => {
  it("tells an error from a blank and says which error and where it started", () => {
    const file = tempModel(
      'model "J"\nperiods 2019/20 .. 2021/22\n' +
        "a (£) =\n  | 2019/20 : £1\n  | 2020/21 : blank\n  | 2021/22 : £0\n" +
        "b (£) = £6 / (a / £1)\nc (£) = b + £1\n" +
        "d (£) =\n  | 2019/20 : £1\n  | 2020/21 : £2\n",
    );
    const r = runCli("eval", file, "--format", "json");
    const json = JSON.parse(r.out) as EvalJson;
    expect(json.items["a"]?.values?.["2020/21"]).toBeNull();
    expect(json.items["b"]?.values?.["2019/20"]).toBe("6");
    // 6 / 0 in 2021/22: a division by zero that starts in b and reaches c.
    const divide = { code: "P4001", origin: { item: "b", period: "2021/22" } };
    expect(json.items["b"]?.values?.["2021/22"]).toMatchObject({ error: divide });
    expect(json.items["c"]?.values?.["2021/22"]).toMatchObject({ error: divide });
    const message = (json.items["b"]?.values?.["2021/22"] as { error: { message: string } }).error
      .message;
    expect(message).toContain("Division by zero");
    // No rule of d covers 2021/22: the checker's error, so every period of d shows it.
    for (const period of ["2019/20", "2021/22"]) {
      expect(json.items["d"]?.values?.[period]).toMatchObject({
        error: { code: "P2012", origin: { item: "d" } },
      });
    }
    const uncovered = json.items["d"]?.values?.["2021/22"] as { error: { message: string } };
    expect(uncovered.error.message).toContain("2021/22");
  });
});

describe("a closed output pipe (issue 11.4)", () => {
  it("stops quietly when the reader goes away, with no EPIPE stack trace", async () => {
    const child = spawn(
      process.execPath,
      [
        join("bin", "precept.js"),
        "explain",
        "examples/highways-borrowing.precept",
        "total_revenue_cost",
      ],
      { cwd: root, stdio: ["ignore", "pipe", "pipe"] },
    );
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    // Like `| head -1`: read the first chunk, then close the pipe.
    child.stdout.once("data", () => child.stdout.destroy());
    const status = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(stderr).not.toMatch(/EPIPE|\n\s+at |Unhandled/);
    expect(status).toBe(0);
  }, 60_000);
});

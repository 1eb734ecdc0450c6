import { describe, expect, it } from "vitest";
import { createEngine, type EvalSnapshot } from "../../src/engine";
import { checkModel, formatModel } from "../../src/lang";
import { EvalLimits } from "../../src/engine/eval/limits";
import { estimateSteps } from "../../src/engine/eval/cost";
import { NumPolicy } from "../../src/engine/num";

// Issue 11 item 2 (unbounded exact arithmetic) and issue 16 (a 100,000-digit rounding step).
// Before the range policy each of these ran past 40 s and 2 GB; each test has a time bound.
const bound = 20_000;

function evaluate(text: string): EvalSnapshot {
  return createEngine().update(text);
}

function line(s: EvalSnapshot, key: string): EvalSnapshot["lines"][number] {
  const found = s.lines.find((l) => l.key === key);
  if (found === undefined) throw new Error(`no line ${key}`);
  return found;
}

/** Each cell as its exact value or `#CODE@period`. */
function cells(s: EvalSnapshot, key: string): string[] {
  return line(s, key).cells.map((c) =>
    c.error === undefined ? (c.value ?? "blank") : `#${c.error.code}@${c.error.origin?.period}`,
  );
}

function periods(count: number): string {
  const last = 2020 + count - 1;
  return `periods 2020/21 .. ${last}/${String((last + 1) % 100).padStart(2, "0")}`;
}

describe("the exact range (NumPolicy.rangeExponent)", () => {
  it("the policy is 34 significant digits within 10^-100 .. 10^100", () => {
    expect(NumPolicy.precision).toBe(34);
    expect(NumPolicy.rangeExponent).toBe(100);
  });

  it(
    "a squaring chain over 60 periods ends in P4009 once it passes 10^100",
    () => {
      const s = evaluate(`model "S"\n${periods(60)}\nx = x[-1] * x[-1]\n  opening 10\n`);
      const xs = cells(s, "x");
      // Period t (from 0) holds 10^(2^(t+1)): 10^2, 10^4, ..., 10^64; 10^128 is out of range.
      for (let t = 0; t < 6; t++) expect(xs[t]).toBe(`1${"0".repeat(2 ** (t + 1))}`);
      for (let t = 6; t < 60; t++) expect(xs[t]).toBe("#P4009@2026/27");
      expect(line(s, "x").cells[6]?.error?.message).toContain("too large");
    },
    bound,
  );

  it(
    "10 ^ -100000000 and 10 ^ 10^16 are P4009, not a fractional-power error",
    () => {
      const s = evaluate(`model "P"\n${periods(2)}\nx = 10 ^ -100000000\ny = 10 ^ 10^16\n`);
      const x = line(s, "x").scalar ?? line(s, "x").cells[0];
      const y = line(s, "y").scalar ?? line(s, "y").cells[0];
      expect(x?.error?.code).toBe("P4009");
      expect(x?.error?.message).toContain("too small");
      expect(y?.error?.code).toBe("P4009");
      expect(y?.error?.message).toContain("too large");
    },
    bound,
  );

  it("a negative number to a fractional power is still P4003", () => {
    const s = evaluate(`model "P"\n${periods(1)}\nx = (0 - 8) ^ 0.5\ny = (0 - 2) ^ 3\n`);
    expect((line(s, "x").scalar ?? line(s, "x").cells[0])?.error?.code).toBe("P4003");
    expect(cells(s, "y")).toEqual(["-8"]);
  });

  it("the edges of the range: 10^99 and 10^-100 are held, 10^100 and 10^-101 are not", () => {
    const big = `9${"9".repeat(99)}`; // 10^100 - 1
    const text =
      `model "E"\n${periods(1)}\n` +
      `a = ${big}\n` +
      `b = ${big} + 1\n` +
      `c = 0.${"0".repeat(99)}1\n` +
      `d = c / 10\n` +
      `e = 1${"0".repeat(100)}\n` +
      `f = 0.${"0".repeat(100)}1\n` +
      `g = c - c\n`;
    const s = evaluate(text);
    // 10^100 - 1 has 100 digits: more than 34, so it is held rounded to 34 significant digits,
    // which is 10^100: out of range. 10^99 itself is held.
    expect(cells(s, "a")[0]).toBe("#P4009@undefined");
    expect(cells(s, "b")[0]).toBe("#P4009@undefined");
    expect(cells(s, "c")).toEqual([`0.${"0".repeat(99)}1`]);
    expect(cells(s, "d")[0]).toBe("#P4009@undefined");
    expect(cells(s, "e")[0]).toBe("#P4009@undefined");
    expect(cells(s, "f")[0]).toBe("#P4009@undefined");
    expect(cells(s, "g")).toEqual(["0"]);
    const s2 = evaluate(`model "E"\n${periods(1)}\na = 1${"0".repeat(99)}\nb = a * 9.9\n`);
    expect(cells(s2, "a")).toEqual([`1${"0".repeat(99)}`]);
    expect(cells(s2, "b")).toEqual([`99${"0".repeat(98)}`]);
  });

  it("literals keep 34 significant digits, rounded half away from zero", () => {
    const s = evaluate(`model "L"\n${periods(1)}\na = 1.${"0".repeat(33)}5\nb = 0 - a\n`);
    // 1.000...05 with 35 significant digits rounds up to 1.000...01 (34 digits).
    expect(cells(s, "a")).toEqual([`1.${"0".repeat(32)}1`]);
    expect(cells(s, "b")).toEqual([`-1.${"0".repeat(32)}1`]);
  });

  it(
    "a rounding step of 100,000 digits is P4009 within the bound (issue 16)",
    () => {
      const tiny = `0.${"0".repeat(100_000)}1`;
      const huge = `1${"0".repeat(100_000)}`;
      const s = evaluate(
        `model "R"\n${periods(1)}\nx = round(12345, ${tiny})\ny = round(12345, ${huge})\nz = round(12345, 100)\n`,
      );
      expect(cells(s, "x")[0]?.startsWith("#P4009")).toBe(true);
      expect(cells(s, "y")[0]?.startsWith("#P4009")).toBe(true);
      expect(cells(s, "z")).toEqual(["12300"]);
      expect(checkModel(`model "R"\n${periods(1)}\nx = round(1, ${tiny})\n`).diagnostics).toEqual(
        [],
      );
    },
    bound,
  );

  it(
    "printing a 100,000-digit number is linear (precept format)",
    () => {
      const text = `model "R"\n${periods(1)}\nx = 1${"0".repeat(100_000)}\n`;
      // 100,001 digits: a group of two, then 33,333 groups of three.
      const printed = formatModel(text);
      expect(printed.includes(`x = 10,000,000,`)).toBe(true);
      expect(printed.split(",").length - 1).toBe(33_333);
    },
    bound,
  );

  it("an input or opening value out of range is P4009 in that cell", () => {
    const s = evaluate(
      `model "I"\n${periods(2)}\ninput a =\n  | 2020/21 : 1\n  | 2021/22 : 1${"0".repeat(120)}\n` +
        `b = b[-1] + 1\n  opening 1${"0".repeat(120)}\n`,
    );
    expect(cells(s, "a")).toEqual(["1", "#P4009@2021/22"]);
    expect(line(s, "a").cells[1]?.error?.message).toContain("The number in 2021/22 is too large");
    expect(cells(s, "b")[0]?.startsWith("#P4009")).toBe(true);
  });

  it("a sum of many large numbers that passes 10^100 is P4009", () => {
    const s = evaluate(
      `model "S"\n${periods(1)}\ndimension d = m1, m2, m3\n` +
        `input x by d = 6${"0".repeat(99)}\ntotal = sum(x over d)\n`,
    );
    expect(cells(s, "total")[0]?.startsWith("#P4009")).toBe(true);
  });
});

describe("the work bound (EvalLimits.maxStepsPerCell)", () => {
  it("counts an aggregate over periods as the periods times its argument", () => {
    const text = `model "N"\n${periods(200)}\nx = 0\n`;
    expect(checkModel(text).diagnostics).toEqual([]);
    // sum(sum(1 over periods) over periods): 1 + 200 × (1 + 200 × 1) steps.
    const code = {
      kind: "call",
      fn: "sum",
      over: { kind: "periods" },
      span: { from: 0, to: 0 },
      args: [
        {
          kind: "call",
          fn: "sum",
          over: { kind: "periods" },
          span: { from: 0, to: 0 },
          args: [{ kind: "const", value: "1" }],
        },
      ],
    } as const;
    expect(estimateSteps(code, 200, [])).toBe(1 + 200 * (1 + 200));
  });

  it(
    "nested aggregates beyond the limit are P4010 in every cell, found before they run",
    () => {
      // 200^3 = 8,000,000 steps a cell, 200 cells: hours of work without the bound.
      const s = evaluate(
        `model "N"\n${periods(200)}\n` +
          `y = sum(sum(sum(period_index() over periods) over periods) over periods) + period_index()\n` +
          `z = y + 1\nok = sum(period_index() over periods)\n`,
      );
      const y = line(s, "y").cells;
      expect(y).toHaveLength(200);
      for (const c of y) expect(c.error?.code).toBe("P4010");
      expect(y[0]?.error?.message).toContain(`more than ${EvalLimits.maxStepsPerCell} steps`);
      expect(line(s, "z").cells[5]?.error?.code).toBe("P4010");
      // 1 + 2 + ... + 200.
      expect(cells(s, "ok")[0]).toBe("20100");
    },
    bound,
  );
});

describe("the work bound of series functions", () => {
  it(
    "npv of a nested aggregate counts its cash-flow argument once per period",
    () => {
      // The cash flows (npv's second argument) cost 1 + 200 × (1 + 200 × 1) steps a period;
      // npv evaluates them in all 200 periods: about 8,000,000 steps.
      const s = evaluate(
        `model "N"\n${periods(200)}\n` +
          `y = npv(0.05, sum(sum(period_index() over periods) over periods))\n` +
          `ok = npv(0.5, sum(1 over periods))\n`,
      );
      expect(line(s, "y").cells[0]?.error?.code).toBe("P4010");
      expect(line(s, "ok").cells[0]?.error).toBeUndefined();
    },
    bound,
  );
});

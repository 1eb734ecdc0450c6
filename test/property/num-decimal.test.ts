import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  dec,
  formatDisplay,
  parseDecimal,
  roundToPlaces,
  roundToSignificant,
  roundToStep,
  toExactString,
} from "../../src/engine/num";

// The oracle for these properties is BigInt arithmetic on scaled integers: a decimal is
// `units / 10^scale`. It shares no code with decimal.js.
const seed = 20_250_601;
const runs = { seed, numRuns: 400 };

interface Scaled {
  readonly units: bigint;
  readonly scale: number;
}

function scaledToString({ units, scale }: Scaled): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, "0");
  const whole = digits.slice(0, digits.length - scale);
  const frac = digits.slice(digits.length - scale).replace(/0+$/, "");
  const body = frac === "" ? whole : `${whole}.${frac}`;
  return negative && body !== "0" ? `-${body}` : body;
}

function rescale(a: Scaled, scale: number): bigint {
  return a.units * 10n ** BigInt(scale - a.scale);
}

const scaled = fc.record({
  units: fc.bigInt({ min: -(10n ** 24n), max: 10n ** 24n }),
  scale: fc.integer({ min: 0, max: 10 }),
});

/** Divides and rounds half away from zero, in BigInt. */
function divHalfAway(n: bigint, d: bigint): bigint {
  const negative = n < 0n !== d < 0n;
  const an = n < 0n ? -n : n;
  const ad = d < 0n ? -d : d;
  const q = (an * 2n + ad) / (2n * ad);
  return negative ? -q : q;
}

/** Rounds to `digits` significant digits, half away from zero, in BigInt. */
function roundSignificant(s: Scaled, digits: number): Scaled {
  const length = (s.units < 0n ? -s.units : s.units).toString().length;
  const drop = length - digits;
  if (drop <= 0) return s;
  return { units: divHalfAway(s.units, 10n ** BigInt(drop)) * 10n ** BigInt(drop), scale: s.scale };
}

describe("exact strings", () => {
  it("toExactString writes the same digits BigInt arithmetic does, never exponents", () => {
    fc.assert(
      fc.property(scaled, (s) => {
        const text = toExactString(dec(scaledToString(s)));
        expect(text).toBe(scaledToString(s));
        expect(text).toMatch(/^-?\d+(\.\d*[1-9])?$/);
      }),
      runs,
    );
  });

  it("parseDecimal(toExactString(x)) equals x, including tiny and huge magnitudes", () => {
    fc.assert(
      fc.property(scaled, fc.integer({ min: -30, max: 30 }), (s, shift) => {
        const x = dec(scaledToString(s)).times(
          dec(shift >= 0 ? `1${"0".repeat(shift)}` : `0.${"0".repeat(-shift - 1)}1`),
        );
        const back = parseDecimal(toExactString(x));
        expect(back?.equals(x)).toBe(true);
      }),
      runs,
    );
  });

  it("parseDecimal rejects exponents, signs, separators and words", () => {
    for (const bad of [
      "1e5",
      "+1",
      "1,000",
      " 1",
      "NaN",
      "Infinity",
      "",
      "-",
      ".",
      "1..2",
      "0x10",
    ]) {
      expect(parseDecimal(bad)).toBeUndefined();
    }
  });
});

describe("decimal laws", () => {
  it("0.1 + 0.2 is exactly 0.3", () => {
    expect(toExactString(dec("0.1").plus(dec("0.2")))).toBe("0.3");
    expect(dec("0.1").plus(dec("0.2")).equals(dec("0.3"))).toBe(true);
  });

  it("addition is exact and multiplication rounds to 34 significant digits, half away", () => {
    fc.assert(
      fc.property(scaled, scaled, (a, b) => {
        const scale = Math.max(a.scale, b.scale);
        const sum = { units: rescale(a, scale) + rescale(b, scale), scale };
        const product = roundSignificant(
          { units: a.units * b.units, scale: a.scale + b.scale },
          34,
        );
        const x = dec(scaledToString(a));
        const y = dec(scaledToString(b));
        expect(toExactString(x.plus(y))).toBe(scaledToString(sum));
        expect(toExactString(x.times(y))).toBe(scaledToString(product));
      }),
      runs,
    );
  });

  it("addition is associative and commutative, and subtraction undoes it", () => {
    fc.assert(
      fc.property(scaled, scaled, scaled, (a, b, c) => {
        const [x, y, z] = [a, b, c].map((s) => dec(scaledToString(s))) as [
          ReturnType<typeof dec>,
          ReturnType<typeof dec>,
          ReturnType<typeof dec>,
        ];
        expect(
          x
            .plus(y)
            .plus(z)
            .equals(x.plus(y.plus(z))),
        ).toBe(true);
        expect(x.plus(y).equals(y.plus(x))).toBe(true);
        expect(x.plus(y).minus(y).equals(x)).toBe(true);
      }),
      runs,
    );
  });
});

describe("rounding policy: half away from zero", () => {
  it("roundToPlaces matches BigInt half-away rounding", () => {
    fc.assert(
      fc.property(scaled, fc.integer({ min: 0, max: 6 }), (s, places) => {
        const expected =
          places >= s.scale
            ? s
            : { units: divHalfAway(s.units, 10n ** BigInt(s.scale - places)), scale: places };
        const got = roundToPlaces(dec(scaledToString(s)), places);
        expect(toExactString(got)).toBe(scaledToString(expected));
      }),
      runs,
    );
  });

  it("roundToStep gives the nearest multiple of the step, ties away from zero", () => {
    const steps = ["1", "1000", "100000", "0.01", "0.05", "250"];
    fc.assert(
      fc.property(scaled, fc.constantFrom(...steps), (s, stepText) => {
        const step: Scaled = {
          units: BigInt(stepText.replace(".", "")),
          scale: stepText.includes(".") ? stepText.length - stepText.indexOf(".") - 1 : 0,
        };
        const scale = Math.max(s.scale, step.scale);
        const multiples = divHalfAway(rescale(s, scale), rescale(step, scale));
        const expected = { units: multiples * step.units, scale: step.scale };
        const got = roundToStep(dec(scaledToString(s)), dec(stepText));
        expect(toExactString(got)).toBe(scaledToString(expected));
      }),
      runs,
    );
  });

  it("ties round away from zero in both directions", () => {
    expect(toExactString(roundToStep(dec("250"), dec("100")))).toBe("300");
    expect(toExactString(roundToStep(dec("-250"), dec("100")))).toBe("-300");
    expect(toExactString(roundToStep(dec("2450000"), dec("100000")))).toBe("2500000");
    expect(toExactString(roundToPlaces(dec("-0.125"), 2))).toBe("-0.13");
    // 12345 to 3 significant figures: 12345 -> 12300 (45 < 50); 12350 -> 12400 (tie, away).
    expect(toExactString(roundToSignificant(dec("12345"), 3))).toBe("12300");
    expect(toExactString(roundToSignificant(dec("-12350"), 3))).toBe("-12400");
  });
});

describe("display round trip", () => {
  it("stripping separators and brackets from formatDisplay gives the value rounded half away", () => {
    const units: readonly [string, number, bigint][] = [
      // unit, default decimals, divisor as a power of ten
      ["£", 2, 0n],
      ["£000", 0, 3n],
      ["£m", 1, 6n],
      ["£bn", 2, 9n],
      ["properties", 0, 0n],
    ];
    fc.assert(
      fc.property(scaled, fc.constantFrom(...units), (s, [unit, places, power]) => {
        const shown = formatDisplay(dec(scaledToString(s)), unit);
        const negative = shown.startsWith("(");
        const body = shown.replace(/[(),]/g, "");
        expect(body).toMatch(places === 0 ? /^\d+$/ : new RegExp(`^\\d+\\.\\d{${places}}$`));
        // Value in display units, i.e. s / 10^power, rounded to `places`:
        const inUnits: Scaled = { units: s.units, scale: s.scale + Number(power) };
        const rounded =
          places >= inUnits.scale
            ? inUnits
            : {
                units: divHalfAway(inUnits.units, 10n ** BigInt(inUnits.scale - places)),
                scale: places,
              };
        expect(dec(negative ? `-${body}` : body).equals(dec(scaledToString(rounded)))).toBe(true);
        expect(negative).toBe(rounded.units < 0n);
      }),
      runs,
    );
  });
});

/**
 * The unit algebra of grammar/units.md. A unit is a product of base units with integer powers:
 * "£", counts such as "property", and none for a plain number. Scales (£000, £m, %) are display
 * choices: a unit's `scaleExp` says how many powers of ten one display unit is.
 */
import type { UnitExpr } from "../ast";

/** A unit as powers of base units; the empty map is a plain number. */
export interface Unit {
  readonly powers: ReadonlyMap<string, number>;
}

/** A plain number (also the base unit of %). */
export const plainUnit: Unit = { powers: new Map() };
/** Pounds sterling. */
export const moneyUnit: Unit = { powers: new Map([["£", 1]]) };

/** A declared unit: its base unit, its display text, its scale and whether it shows as %. */
export interface DeclaredUnit {
  readonly unit: Unit;
  readonly display: string;
  readonly scaleExp: number;
  readonly percent: boolean;
}

/** The singular of a count name, so `properties` and `property` are one unit. */
export function singular(name: string): string {
  if (name.length > 4 && name.endsWith("ies")) return `${name.slice(0, -3)}y`;
  if (name.length > 3 && name.endsWith("s") && !name.endsWith("ss")) return name.slice(0, -1);
  return name;
}

const scaleExps: Readonly<Record<string, number>> = { "": 0, "000": 3, k: 3, m: 6, bn: 9 };

/** Reads a declared unit such as `(£m)`, `(%)`, `(£ per property)`, `(properties)`. */
export function declaredUnit(expr: UnitExpr): DeclaredUnit {
  const powers = new Map<string, number>();
  let scaleExp = 0;
  let percent = false;
  const add = (name: string, scale: string, sign: 1 | -1): void => {
    if (name === "%") {
      scaleExp += -2 * sign;
      percent = sign === 1 && expr.numerator.length === 1 && expr.denominator.length === 0;
      return;
    }
    if (name === "number") return;
    const base = name === "£" ? "£" : singular(name);
    if (name === "£") scaleExp += (scaleExps[scale] ?? 0) * sign;
    const next = (powers.get(base) ?? 0) + sign;
    if (next === 0) powers.delete(base);
    else powers.set(base, next);
  };
  for (const atom of expr.numerator) add(atom.name, atom.scale, 1);
  for (const atom of expr.denominator) add(atom.name, atom.scale, -1);
  return { unit: { powers }, display: unitDisplay(expr), scaleExp, percent };
}

/** A declared unit written canonically: `£m`, `%`, `£ per property`. */
export function unitDisplay(expr: UnitExpr): string {
  const atom = (a: UnitExpr["numerator"][number]): string =>
    a.name === "£" ? `£${a.scale}` : a.name;
  const top = expr.numerator.map(atom).join(" * ");
  const bottom = expr.denominator.map((a) => ` per ${atom(a)}`).join("");
  return top + bottom;
}

/** The canonical text of a base unit: "£", "£/property", "property^2", "1" for a plain number. */
export function unitText(unit: Unit): string {
  const entries = [...unit.powers.entries()].sort(([a], [b]) =>
    a === "£" ? -1 : b === "£" ? 1 : a.localeCompare(b),
  );
  const part = ([name, p]: [string, number]): string =>
    Math.abs(p) === 1 ? name : `${name}^${Math.abs(p)}`;
  const top = entries.filter(([, p]) => p > 0).map(part);
  const bottom = entries.filter(([, p]) => p < 0).map(part);
  const numerator = top.length === 0 ? "1" : top.join("*");
  return bottom.length === 0 ? numerator : `${numerator}/${bottom.join("/")}`;
}

/** True when two units are the same base unit. */
export function sameUnit(a: Unit, b: Unit): boolean {
  if (a.powers.size !== b.powers.size) return false;
  for (const [name, p] of a.powers) if (b.powers.get(name) !== p) return false;
  return true;
}

/** `a × b` (or `a ÷ b` when `sign` is -1). */
export function combineUnits(a: Unit, b: Unit, sign: 1 | -1): Unit {
  const powers = new Map(a.powers);
  for (const [name, p] of b.powers) {
    const next = (powers.get(name) ?? 0) + sign * p;
    if (next === 0) powers.delete(name);
    else powers.set(name, next);
  }
  return { powers };
}

/** `a ^ n` for a whole number n. */
export function powerUnit(a: Unit, n: number): Unit {
  const powers = new Map<string, number>();
  if (n !== 0) for (const [name, p] of a.powers) powers.set(name, p * n);
  return { powers };
}

/** True for a plain number (or %). */
export function isPlain(a: Unit): boolean {
  return a.powers.size === 0;
}

/** "1000000" for 6, "0.01" for -2. */
export function powerOfTenText(exp: number): string {
  if (exp >= 0) return `1${"0".repeat(exp)}`;
  return `0.${"0".repeat(-exp - 1)}1`;
}

/** True for the unit `(text)`: a line of text values (a repayment method, a counterparty type). */
export function isTextUnit(u: Unit): boolean {
  return u.powers.size === 1 && u.powers.get("text") === 1;
}

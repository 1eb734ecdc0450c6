import { dec, parseDecimal, type Decimal } from "../num";

/** `£1,426.18`, `-£4m`, `3%`, `0.03`, `(4,000)`, `£1.2bn`, `+10%`: sign, £, digits, scale. */
const quantity = /^([-+]?)(£?)(\d{1,3}(?:,\d{3})+|\d+|\d*\.\d+|\d+\.\d*)(\.\d+)?(k|m|bn|%)?$/;

const scales: Readonly<Record<string, string>> = {
  k: "1000",
  m: "1000000",
  bn: "1000000000",
  "%": "0.01",
};

/**
 * Reads a number typed on the command line into base units, exactly: a plain decimal is already
 * in base units (pounds, not £m; 0.03 for 3%), `%` divides by 100, `k`, `m` and `bn` scale
 * pounds as in a model (`£1.5m`), thousands separators are commas between groups of three, and
 * brackets or a minus mean negative, as councils print them. Returns undefined for anything else
 * (exponents, `NaN`, two signs).
 */
export function parseQuantity(text: string): Decimal | undefined {
  let t = text.trim();
  let negative = false;
  if (t.startsWith("(") && t.endsWith(")")) {
    negative = true;
    t = t.slice(1, -1).trim();
  }
  const m = quantity.exec(t);
  if (m === null) return undefined;
  const [, sign = "", pound = "", whole = "", fraction = "", scale = ""] = m;
  if (negative && sign !== "") return undefined;
  if (pound !== "" && scale === "%") return undefined;
  let value = parseDecimal(whole.replace(/,/g, "") + fraction);
  if (value === undefined) return undefined;
  if (scale !== "") value = value.times(dec(scales[scale] as string));
  return negative || sign === "-" ? value.neg() : value;
}

/** Reads a relative change written as a percentage (`10%`, `-20%`, `+5%`) as a fraction (0.1). */
export function parseChange(text: string): Decimal | undefined {
  if (!text.trim().endsWith("%")) return undefined;
  return parseQuantity(text);
}

/**
 * Exact decimal arithmetic on strings, limited to what the language needs: normalising a literal
 * and multiplying by a power of ten (scales: £000, £m, £bn, %). Kept here so that the language
 * does not depend on decimal.js. A decimal text is `-?digits(.digits)?` with no redundant zeros.
 */

/** Normalises a number as written (`1,426.180`, `+05`, `-0`) to canonical decimal text. */
export function normalizeDecimal(written: string): string {
  if (isCanonicalWhole(written)) return written;
  let text = written.replace(/,/g, "").trim();
  let negative = false;
  if (text.startsWith("-") || text.startsWith("+")) {
    negative = text.startsWith("-");
    text = text.slice(1);
  }
  if (!/^\d+(\.\d+)?$/.test(text) && !/^\d*\.\d+$/.test(text)) return "0";
  let [whole = "", fraction = ""] = text.split(".");
  whole = whole.replace(/^0+/, "");
  // A loop, not /0+$/: that regex backtracks quadratically on a long run of zeros before a digit.
  let end = fraction.length;
  while (end > 0 && fraction.charCodeAt(end - 1) === 48) end--;
  fraction = fraction.slice(0, end);
  if (whole === "") whole = "0";
  const body = fraction === "" ? whole : `${whole}.${fraction}`;
  return negative && body !== "0" ? `-${body}` : body;
}

/**
 * True for a whole number already in canonical form (`0`, `1851`): no sign, separator, point or
 * leading zero. Most literals are, and a 1 MB model has over 100,000 of them (P16).
 */
function isCanonicalWhole(text: string): boolean {
  const n = text.length;
  if (n === 0 || (text.charCodeAt(0) === 48 && n > 1)) return false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** `value × 10^exponent`, exactly. */
export function shiftDecimal(value: string, exponent: number): string {
  if (exponent === 0) return normalizeDecimal(value);
  const normal = normalizeDecimal(value);
  const negative = normal.startsWith("-");
  const body = negative ? normal.slice(1) : normal;
  const [whole = "0", fraction = ""] = body.split(".");
  const digits = whole + fraction;
  const point = whole.length + exponent;
  let shifted: string;
  if (point <= 0) shifted = `0.${"0".repeat(-point)}${digits}`;
  else if (point >= digits.length) shifted = digits + "0".repeat(point - digits.length);
  else shifted = `${digits.slice(0, point)}.${digits.slice(point)}`;
  return normalizeDecimal(negative ? `-${shifted}` : shifted);
}

/** `-value`, exactly. */
export function negateDecimal(value: string): string {
  const normal = normalizeDecimal(value);
  if (normal === "0") return normal;
  return normal.startsWith("-") ? normal.slice(1) : `-${normal}`;
}

/** Writes a non-negative decimal text with thousands separators: "1426.18" → "1,426.18". */
export function groupThousands(value: string): string {
  const negative = value.startsWith("-");
  const body = negative ? value.slice(1) : value;
  const [whole = "0", fraction] = body.split(".");
  // A loop, not a lookahead regex, which rescans the digits at every position (quadratic).
  const head = whole.length % 3 || 3;
  let grouped = whole.slice(0, head);
  for (let i = head; i < whole.length; i += 3) grouped += "," + whole.slice(i, i + 3);
  return (negative ? "-" : "") + grouped + (fraction === undefined ? "" : `.${fraction}`);
}

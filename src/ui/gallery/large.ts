import type { LineDto } from "../../protocol";

/** Tunables of the synthetic large model. */
const Large = { periods: ["2019/20", "2020/21", "2021/22", "2022/23", "2023/24"], perSection: 50 };

/**
 * A synthetic model of `count` line items for eyeballing grid scrolling and rendering speed. The
 * figures are arbitrary display strings; nothing is computed from them.
 */
export function makeLargeEvaluation(count: number): { periods: string[]; lines: LineDto[] } {
  const lines: LineDto[] = [];
  for (let i = 0; i < count; i++) {
    const cells = Large.periods.map((_, p) => {
      const thousands = ((i * 7919 + p * 104729) % 900_000) - 150_000;
      const text = `£${Math.abs(thousands).toLocaleString("en-GB")}`;
      return { value: String(thousands * 1000), display: thousands < 0 ? `(${text})` : text };
    });
    lines.push({
      key: `line_${i}`,
      name: `line_${i}`,
      label: `Budget line ${i + 1}`,
      section: `Cost centre ${Math.floor(i / Large.perSection) + 1}`,
      kind: i % 5 === 0 ? "input" : "calc",
      unit: "£000",
      cells,
    });
  }
  return { periods: Large.periods, lines };
}

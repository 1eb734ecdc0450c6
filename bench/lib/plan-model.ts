// The "plan" workload: a medium-term plan grown to benchmark size. Line items come in blocks of
// ten that share a driver input; each line item reads its own previous period, the growth rate
// and one or two earlier line items of its block (or the block's driver), so an edit of one
// driver reaches one block (1% of the model) and an edit of the growth rate reaches everything.
// Every twenty line items have a total.
import type { InputEdit, Sample, Workbook, Workload } from "./workload";
import { a1, columnName, financialYear } from "./workload";

/** Periods of the plan. */
export const planPeriods = 40;
/** Line items that share one driver input. */
export const planBlock = 10;
/** Line items summed by each group total. */
export const planGroup = 20;
const firstYear = 2020;

const growthDefault = { text: "2%", number: 0.02 };
const driverDefault = (block: number): number => 500 + 10 * block;
const opening = (item: number): number => 1000 + 100 * (item % 7);

/** What line item `i` (zero-based) reads besides its own previous period and the growth rate:
 * coefficient and either another line item (`item`) or its block's driver (`driver`). */
function terms(
  i: number,
): { readonly coefficient: string; readonly item?: number; readonly driver?: number }[] {
  const j = i % planBlock;
  const block = Math.floor(i / planBlock);
  if (j === 0) return [{ coefficient: "0.3", driver: block }];
  if (j === 1)
    return [
      { coefficient: "0.3", item: i - 1 },
      { coefficient: "0.2", driver: block },
    ];
  if (j % 2 === 0)
    return [
      { coefficient: "0.3", item: i - 1 },
      { coefficient: "0.2", item: i - 2 },
    ];
  return [{ coefficient: "0.3", item: i - 1 }];
}

const itemName = (i: number): string => `item_${i + 1}`;
const driverName = (b: number): string => `driver_${b + 1}`;
const totalName = (g: number): string => `group_${g + 1}_total`;

/** The plan workload with `items` line items (a multiple of 20). */
export function makePlan(items: number): Workload {
  if (items % planGroup !== 0)
    throw new Error(`plan size ${items} is not a multiple of ${planGroup}`);
  const blocks = items / planBlock;
  const groups = items / planGroup;
  const P = planPeriods;
  const last = P - 1;
  const middle = Math.floor(blocks / 2);
  const editedDriver = driverName(middle);

  const sample = (label: string, i: number, t: number): Sample => ({
    label,
    precept: { item: itemName(i), period: t },
    sheet: { sheet: "plan", row: i, col: t + 1 },
  });
  const totalSample = (g: number, t: number): Sample => ({
    label: `${totalName(g)} ${financialYear(firstYear, t)}`,
    precept: { item: totalName(g), period: t },
    sheet: { sheet: "plan", row: items + g, col: t + 1 },
  });
  const samples: Sample[] = [];
  for (const i of [0, 1, 2, 3, 9, Math.floor(items / 3), items - 1]) {
    for (const t of [0, 17, last])
      samples.push(sample(`${itemName(i)} ${financialYear(firstYear, t)}`, i, t));
  }
  for (const g of [0, Math.floor(middle / 2), groups - 1]) samples.push(totalSample(g, last));
  const middleLast = middle * planBlock + planBlock - 1;
  samples.push(
    sample(`${itemName(middleLast)} ${financialYear(firstYear, last)}`, middleLast, last),
  );

  const edits: InputEdit[] = [
    {
      label: "edit growth (all depend)",
      key: "growth",
      values: [{ text: "2.5%", number: 0.025 }, growthDefault],
      final: { text: "1.75%", number: 0.0175 },
      sheet: { sheet: "inputs", row: 0, col: 0 },
      dependents: (items + groups) * P,
      probe: totalSample(groups - 1, last),
    },
    {
      label: "edit a driver (1% depend)",
      key: editedDriver,
      values: [
        { text: "£650", number: 650 },
        { text: `£${driverDefault(middle)}`, number: driverDefault(middle) },
      ],
      final: { text: "£725.5", number: 725.5 },
      sheet: { sheet: "inputs", row: middle + 1, col: 0 },
      dependents: (planBlock + 1) * P,
      probe: totalSample(Math.floor(middle / 2), last),
    },
  ];

  return {
    name: `plan ${items}`,
    title: `${items} line items × ${P} periods, blocks of ${planBlock}, totals per ${planGroup}`,
    valueCount: (items + groups) * P + 1 + blocks,
    edits,
    samples,
    preceptText: (inputs) => planText(items, inputs),
    workbook: () => planWorkbook(items),
  };
}

function planText(items: number, inputs: ReadonlyMap<string, string>): string {
  const blocks = items / planBlock;
  const out: string[] = [
    `model "Benchmark plan: ${items} line items by ${planPeriods} periods"`,
    `periods ${financialYear(firstYear, 0)} .. ${financialYear(firstYear, planPeriods - 1)}`,
    "",
    "## Inputs",
    `input growth (%) = ${inputs.get("growth") ?? growthDefault.text}`,
  ];
  for (let b = 0; b < blocks; b++) {
    const name = driverName(b);
    out.push(`input ${name} (£) = ${inputs.get(name) ?? `£${driverDefault(b)}`}`);
  }
  for (let i = 0; i < items; i++) {
    if (i % planGroup === 0) out.push("", `## Group ${i / planGroup + 1}`);
    const name = itemName(i);
    const parts = terms(i).map((term) =>
      term.item !== undefined
        ? ` + ${itemName(term.item)} * ${term.coefficient}`
        : ` + ${driverName(term.driver ?? 0)} * ${term.coefficient}`,
    );
    out.push(`${name} (£) = ${name}[-1] * (1 + growth)${parts.join("")} opening £${opening(i)}`);
    if (i % planGroup === planGroup - 1) {
      const members: string[] = [];
      for (let k = i - planGroup + 1; k <= i; k++) members.push(itemName(k));
      out.push(`${totalName(Math.floor(i / planGroup))} (£) = ${members.join(" + ")}`);
    }
  }
  return out.join("\n") + "\n";
}

function planWorkbook(items: number): Workbook {
  const blocks = items / planBlock;
  const groups = items / planGroup;
  const inputs: (number | null)[][] = [[growthDefault.number]];
  for (let b = 0; b < blocks; b++) inputs.push([driverDefault(b)]);
  const growth = "inputs!$A$1";
  const driver = (b: number): string => `inputs!$A$${b + 2}`;
  const plan: (string | number | null)[][] = [];
  for (let i = 0; i < items; i++) {
    const row: (string | number | null)[] = [opening(i)];
    for (let t = 0; t < planPeriods; t++) {
      const col = t + 1;
      const parts = terms(i).map((term) =>
        term.item !== undefined
          ? `+${a1(term.item, col)}*${term.coefficient}`
          : `+${driver(term.driver ?? 0)}*${term.coefficient}`,
      );
      row.push(`=${a1(i, col - 1)}*(1+${growth})${parts.join("")}`);
    }
    plan.push(row);
  }
  for (let g = 0; g < groups; g++) {
    const row: (string | null)[] = [null];
    for (let t = 0; t < planPeriods; t++) {
      const c = columnName(t + 1);
      row.push(`=SUM(${c}${g * planGroup + 1}:${c}${g * planGroup + planGroup})`);
    }
    plan.push(row);
  }
  return { inputs, plan };
}

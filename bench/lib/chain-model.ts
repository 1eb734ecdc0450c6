// The "chain" workload: a compounding chain of line items, each step the previous one times the
// rate (1.0001) plus 1, in one period. `start` feeds the first step, so everything depends on it;
// `bump` is added at the step after the first 99%, so 1% of the chain depends on it. Names are
// short (s + the step in base 36) to keep 100,000 steps under the language's 2 MB text limit.
import type { InputEdit, Sample, Workbook, Workload } from "./workload";

const stepName = (step: number): string => `s${step.toString(36)}`;

/** The chain workload with `steps` steps (step 1 reads `start`). */
export function makeChain(steps: number): Workload {
  const bumpAt = Math.floor(steps * 0.99) + 1;
  const sample = (step: number): Sample => ({
    label: `step ${step}`,
    precept: { item: stepName(step), period: 0 },
    sheet: { sheet: "chain", row: step - 1, col: 0 },
  });
  const samples = [1, 2, 1000, Math.floor(steps / 2), bumpAt - 1, bumpAt, steps - 1, steps].map(
    sample,
  );
  const edits: InputEdit[] = [
    {
      label: "edit start (all depend)",
      key: "start",
      values: [
        { text: "1", number: 1 },
        { text: "0", number: 0 },
      ],
      final: { text: "2.5", number: 2.5 },
      sheet: { sheet: "inputs", row: 1, col: 0 },
      dependents: steps,
      probe: sample(steps),
    },
    {
      label: "edit bump (1% depend)",
      key: "bump",
      values: [
        { text: "1", number: 1 },
        { text: "0", number: 0 },
      ],
      final: { text: "7", number: 7 },
      sheet: { sheet: "inputs", row: 2, col: 0 },
      dependents: steps - bumpAt + 1,
      probe: sample(steps),
    },
  ];
  return {
    name: `chain ${steps}`,
    title: `${steps} steps, each the previous × 1.0001 + 1`,
    valueCount: steps + 3,
    edits,
    samples,
    preceptText: (inputs) => chainText(steps, bumpAt, inputs),
    workbook: () => chainWorkbook(steps, bumpAt),
  };
}

function chainText(steps: number, bumpAt: number, inputs: ReadonlyMap<string, string>): string {
  const out: string[] = [
    `model "Benchmark chain: ${steps} steps"`,
    "periods 2020/21 .. 2020/21",
    "input rate = 1.0001",
    `input start = ${inputs.get("start") ?? "0"}`,
    `input bump = ${inputs.get("bump") ?? "0"}`,
  ];
  out.push(`${stepName(1)}=start*rate+1`);
  for (let step = 2; step <= steps; step++) {
    const bump = step === bumpAt ? "+bump" : "";
    out.push(`${stepName(step)}=${stepName(step - 1)}*rate+1${bump}`);
  }
  return out.join("\n") + "\n";
}

function chainWorkbook(steps: number, bumpAt: number): Workbook {
  const inputs = [[1.0001], [0], [0]];
  const chain: string[][] = [["=inputs!$A$2*inputs!$A$1+1"]];
  for (let step = 2; step <= steps; step++) {
    const bump = step === bumpAt ? "+inputs!$A$3" : "";
    chain.push([`=A${step - 1}*inputs!$A$1+1${bump}`]);
  }
  return { inputs, chain };
}

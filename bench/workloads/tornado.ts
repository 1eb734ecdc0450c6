// Tornado: a one-at-a-time sensitivity of 20 inputs on a plan of about 10,000 values (issue 14:
// "a tornado of 20 inputs on a 10,000-value model takes under a second"). Each trial is an
// incremental recompute from the base evaluation (src/engine/analysis/trials.ts); the model text
// is checked and compiled once. Also times the same tornado with every input's switching value,
// and, for scale, one trial done the slow way (re-checking the edited text in a fresh session).
import { createEngine, sensitivity, type SensitivityResult } from "../../src/engine";
import { measure, report } from "../harness";
import { makePlan } from "../lib/plan-model";

const items = 240;
const workload = makePlan(items);
const groups = items / 20;
const totals = Array.from({ length: groups }, (_, g) => `group_${g + 1}_total`);
const text = workload.preceptText(new Map()) + `\ngrand_total (£) = ${totals.join(" + ")}\n`;
const periods = 40;
// The last period, 2059/60.
const output = `grand_total[${2020 + periods - 1}/${String((2020 + periods) % 100).padStart(2, "0")}]`;
// growth reaches every value; each driver reaches its block of ten line items and their total.
const inputs = ["growth", ...Array.from({ length: 19 }, (_, b) => `driver_${b + 1}`)];

const engine = createEngine();
engine.update(text);
const base = engine.evaluation();
const values = base.values.reduce((n, cells) => n + cells.length, 0);

let last: SensitivityResult | undefined;
const run = (switching: boolean) => {
  const r = sensitivity(base, { output, inputs, switching });
  if (!r.ok) throw new Error(`${r.code} ${r.message}`);
  last = r;
};

console.log(
  `\ntornado: ${inputs.length} inputs, output ${output}, on ${workload.title} plus a grand total (${values.toLocaleString("en-GB")} values)`,
);
const trialsOf = () => {
  if (last === undefined) return;
  console.log(
    `             ${last.trials} trials, ${last.cellsEvaluated.toLocaleString("en-GB")} cells evaluated ` +
      `(${(last.cellsEvaluated / last.trials).toFixed(0)} a trial; the model has ${values.toLocaleString("en-GB")})`,
  );
};
report(
  "tornado",
  `${inputs.length} inputs`,
  measure(() => run(false), 5, 1),
);
trialsOf();
const tornadoTrials = last?.trials ?? 0;
// Switching values for grand total = 0: no driver gets there between -100% and +1000%, so each
// search widens to its limit, the most a switching value costs.
report(
  "tornado",
  `${inputs.length} inputs + switching`,
  measure(() => run(true), 3, 1),
);
trialsOf();
const slow = measure(
  () => {
    const fresh = createEngine();
    fresh.update(text.replace("input growth (%) = 2%", "input growth (%) = 2.2%"));
  },
  3,
  1,
);
report("tornado", "one trial by re-checking", slow);
console.log(
  `             the tornado's ${tornadoTrials} trials that way: about ${((slow.median * tornadoTrials) / 1000).toFixed(1)} s`,
);

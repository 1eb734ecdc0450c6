// The floor under every engine figure: the cost of one exact decimal multiply-add (decimal.js)
// against the same work in IEEE doubles, over a 100,000-step compounding chain.
import Decimal from "decimal.js";
import { measure, report } from "../harness";

const steps = 100_000;
const rate = new Decimal("1.0001");
const one = new Decimal(1);
let exact = new Decimal(0);
const decimalFigures = measure(() => {
  let x = new Decimal(0);
  for (let i = 0; i < steps; i++) x = x.times(rate).plus(one);
  exact = x;
});
let approx = 0;
const doubleFigures = measure(() => {
  let x = 0;
  for (let i = 0; i < steps; i++) x = x * 1.0001 + 1;
  approx = x;
});
report("arithmetic", `${steps} decimal multiply-adds`, decimalFigures, doubleFigures);
const perOp = (decimalFigures.median * 1000) / (2 * steps);
console.log(`${"".padEnd(12)} ${"per decimal operation".padEnd(28)} ${perOp.toFixed(3)} µs`);
// The two must agree to double precision, or the workload measured nothing.
const relative = Math.abs(exact.toNumber() - approx) / Math.abs(approx);
if (!(relative < 1e-9)) throw new Error(`decimal and double chains disagree: ${relative}`);

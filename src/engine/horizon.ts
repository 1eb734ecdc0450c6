import { formatMessage } from "../lang";
import type { Code } from "./eval/code";
import { makeFrame } from "./eval/frame";
import { evaluate } from "./eval/interpreter";
import type { Value } from "./eval/value";
import type { EngineLine, EngineRule } from "./model";
import { formatDisplay, isDecimal, ZERO, type Decimal } from "./num";
import type { Evaluation } from "./recompute";
import type { DiagnosticSnapshot } from "./snapshot";

type CallCode = Extract<Code, { kind: "call" }>;

const loanFunctions = new Set(["loan_opening", "loan_interest", "loan_principal", "loan_closing"]);

/** A warning with its span relative to the start of the line's declaration. */
interface RelativeWarning {
  readonly message: string;
  readonly from: number;
  readonly to: number;
}

/** Warnings already worked out, by the cell array of the line they are about. */
const cache = new WeakMap<readonly Value[], readonly RelativeWarning[]>();

/** Each line's schedule calls, by its rules array (kept by the compile cache while unchanged). */
const callsCache = new WeakMap<readonly EngineRule[], readonly CallCode[]>();

/**
 * P4011 warnings for loan and MRP schedules cut off at the model's last period (issue 11.9):
 * each `loan_*(adv, rate, term, method)` or `mrp(adv, life, "straight_line" | "annuity", ...)`
 * call whose borrowing is not repaid by the last period, with the call's span and the amount
 * still outstanding then (the `loan_closing` balance of the same advances in the last period).
 * Reducing-balance MRP never ends, so it is not reported. Pure: the same evaluation gives the
 * same warnings, and a line whose cells did not change reuses its warnings.
 */
export function horizonWarnings(evaluation: Evaluation): DiagnosticSnapshot[] {
  const model = evaluation.compiled.model;
  const last = model.periods.length - 1;
  const out: DiagnosticSnapshot[] = [];
  if (last < 0) return out;
  for (const line of model.lines) {
    if (line.kind !== "calc") continue;
    let calls = callsCache.get(line.rules);
    if (calls === undefined) {
      calls = scheduleCalls(line);
      callsCache.set(line.rules, calls);
    }
    if (calls.length === 0) continue;
    const cells = evaluation.values[line.id] as readonly Value[];
    let warnings = cache.get(cells);
    if (warnings === undefined) {
      warnings = lineWarnings(evaluation, line, calls, last);
      cache.set(cells, warnings);
    }
    for (const w of warnings) {
      out.push({
        code: "P4011",
        severity: "warning",
        message: w.message,
        from: line.span.from + w.from,
        to: line.span.from + w.to,
        item: line.name,
      });
    }
  }
  return out;
}

/** The loan and MRP calls in a line's formulas, outermost first. */
function scheduleCalls(line: EngineLine): CallCode[] {
  const found: CallCode[] = [];
  const stack: Code[] = line.rules.map((r) => r.code);
  while (stack.length > 0) {
    const code = stack.pop() as Code;
    switch (code.kind) {
      case "call":
        if (loanFunctions.has(code.fn) || code.fn === "mrp") found.push(code);
        stack.push(...code.args);
        break;
      case "neg":
      case "not":
        stack.push(code.arg);
        break;
      case "binary":
        stack.push(code.left, code.right);
        break;
      case "chain":
        stack.push(...code.terms);
        break;
      case "if":
        stack.push(code.cond, code.then, code.otherwise);
        break;
      case "const":
      case "ref":
      case "invalid":
        break;
    }
  }
  return found;
}

function lineWarnings(
  evaluation: Evaluation,
  line: EngineLine,
  calls: readonly CallCode[],
  last: number,
): RelativeWarning[] {
  const model = evaluation.compiled.model;
  const f = makeFrame(model, evaluation.values as Value[][]);
  f.line = line;
  f.period = last;
  f.scalar = false;
  const warnings: RelativeWarning[] = [];
  for (const call of calls) {
    for (let m = 0; m < line.memberCount; m++) {
      f.members.fill(-1);
      if (line.dim >= 0) f.members[line.dim] = m;
      const closing = closingCall(call, f);
      if (closing === undefined) break;
      const owed = evaluate(closing, f);
      if (!isDecimal(owed) || owed.isZero()) continue;
      const member = model.dimensions[line.dim]?.members[m]?.name;
      warnings.push({
        message: formatMessage("P4011", {
          name: member === undefined ? line.name : `${line.name}[${member}]`,
          what: call.fn === "mrp" ? "MRP schedule" : "loan schedule",
          period: model.periods[last] ?? "",
          amount: money(owed, line.unit),
        }),
        from: call.span.from,
        to: call.span.to,
      });
      break;
    }
  }
  f.members.fill(-1);
  return warnings;
}

/**
 * `loan_closing` over the same advances, rate, term and method as `call` (for MRP, the loan that
 * straight-line or annuity MRP charges the principal of); undefined for reducing-balance MRP or
 * a method that is not known text.
 */
function closingCall(call: CallCode, f: ReturnType<typeof makeFrame>): Code | undefined {
  const constant = (value: Value): Code => ({ kind: "const", value });
  if (call.fn !== "mrp") return { ...call, fn: "loan_closing" };
  const [advances, life, methodArg, rate] = call.args;
  if (advances === undefined || life === undefined || methodArg === undefined) return undefined;
  const method = evaluate(methodArg, f);
  if (method === "straight_line")
    return { ...call, fn: "loan_closing", args: [advances, constant(ZERO), life, constant("eip")] };
  if (method === "annuity" && rate !== undefined)
    return { ...call, fn: "loan_closing", args: [advances, rate, life, constant("annuity")] };
  return undefined;
}

/** An amount in pounds as a council paper writes it, in the line's money scale: "£8.7m". */
function money(v: Decimal, unit: string): string {
  const scale = unit === "£000" ? "£000" : unit === "£m" ? "£m" : unit === "£bn" ? "£bn" : "£";
  const suffix = { "£": "", "£000": "k", "£m": "m", "£bn": "bn" }[scale];
  const digits = formatDisplay(v.abs(), scale);
  return `${v.isNegative() ? "-" : ""}£${digits}${suffix}`;
}

/**
 * `check(input) → string` for the language's golden fixtures: the model's declarations as
 * S-expressions, annotated with what checking found (input values in base units, rule ranges,
 * inferred units, resolved references), then one line per diagnostic: `CODE from..to message`.
 */
import type * as A from "../../src/lang/ast";
import { checkModel } from "../../src/lang";
import type { CheckedModel, InputValues, ResolvedRef, ValueType } from "../../src/lang";

const unitText = (u: A.UnitExpr | undefined): string =>
  u === undefined
    ? ""
    : ` (${[...u.numerator.map(atom), ...u.denominator.map((a) => `/${atom(a)}`)].join(" ")})`;
const atom = (a: A.UnitAtom): string => (a.name === "£" ? `£${a.scale}` : a.name);
const period = (year: number): string => `${year}/${String((year + 1) % 100).padStart(2, "0")}`;

function typeText(t: ValueType | undefined): string {
  if (t === undefined) return "?";
  switch (t.kind) {
    case "number":
      return `${t.percent && t.unit === "1" ? "%" : t.unit}${t.dimension === undefined ? "" : ` by ${t.dimension}`}`;
    case "boolean":
      return `bool${t.dimension === undefined ? "" : ` by ${t.dimension}`}`;
    case "period":
    case "text":
    case "unknown":
      return t.kind;
  }
}

function refText(r: ResolvedRef | undefined, m: CheckedModel): string {
  if (r === undefined) return "";
  const item = m.lineItems[r.item]?.name ?? "?";
  const p =
    r.period.kind === "relative"
      ? ` ${r.period.offset}`
      : r.period.kind === "absolute"
        ? ` @${r.period.index}`
        : "";
  const member = r.member === undefined ? "" : ` .${r.member.index}`;
  return ` -> ${item}${p}${member}`;
}

/** An expression as an S-expression. */
export function exprText(e: A.Expr, m?: CheckedModel): string {
  switch (e.kind) {
    case "number":
      return `${e.form === "money" ? "£" : ""}${e.value}${e.form === "percent" ? "%" : ""}${e.count === undefined ? "" : ` ${e.count.name}`}`;
    case "blank":
      return "blank";
    case "within":
      return `(within (${e.op} ${exprText(e.left, m)} ${exprText(e.right, m)}) ${exprText(e.tolerance, m)})`;
    case "string":
      return JSON.stringify(e.value);
    case "boolean":
      return String(e.value);
    case "period":
      return period(e.year);
    case "error-expr":
      return "(error)";
    case "paren":
      return `(paren ${exprText(e.inner, m)})`;
    case "unary":
      return `(${e.op === "-" ? "neg" : e.op === "+" ? "pos" : "not"} ${exprText(e.operand, m)})`;
    case "binary":
      return `(${e.op} ${exprText(e.left, m)} ${exprText(e.right, m)})`;
    case "conditional":
      return `(if ${exprText(e.condition, m)} ${exprText(e.then, m)} ${exprText(e.otherwise, m)})`;
    case "ref": {
      const sel = e.selectors.map((s) =>
        s.kind === "offset"
          ? String(s.offset)
          : s.kind === "at-period"
            ? period(s.period.year)
            : s.member.name,
      );
      const param = m?.functions.find((f) => f.parameters.has(e.id))?.parameters.get(e.id);
      const resolved =
        m === undefined
          ? ""
          : param !== undefined
            ? ` -> parameter ${param}`
            : refText(m.references.get(e.id), m);
      return `(ref ${e.name.name}${sel.length > 0 ? `[${sel.join(",")}]` : ""}${resolved})`;
    }
    case "call": {
      const over = e.over === undefined ? "" : ` over ${e.over.dimension?.name ?? "periods"}`;
      return `(call ${e.callee.name}${e.args.map((a) => ` ${exprText(a, m)}`).join("")}${over})`;
    }
  }
}

function valuesText(v: InputValues): string {
  const row = (r: readonly (string | null)[]): string => `[${r.map((x) => x ?? "_").join(" ")}]`;
  switch (v.kind) {
    case "scalar":
      return v.value;
    case "series":
      return row(v.values);
    case "table":
      return v.rows.map(row).join(" ");
    case "members":
      return `members ${row(v.values)}`;
  }
}

function decimalsText(item: CheckedModel["lineItems"][number] | undefined): string {
  return item?.decimals === undefined ? "" : ` decimals ${item.decimals}`;
}

function declText(d: A.Decl, m: CheckedModel): string {
  const typed = (e: A.Expr): string => `${exprText(e, m)} : ${typeText(m.types.get(e.id))}`;
  switch (d.kind) {
    case "model":
      return `(model ${JSON.stringify(d.title.value)}${d.source ? ` source ${JSON.stringify(d.source.value)}` : ""})`;
    case "periods":
      return `(periods ${period(d.first.year)} ${period(d.last.year)})`;
    case "section":
      return `(section ${JSON.stringify(d.title)})`;
    case "comment-line":
      return `(comment ${JSON.stringify(d.comment.text)})`;
    case "error-decl":
      return "(error-decl)";
    case "dimension":
      return `(dimension ${d.name.name}${d.members.map((x) => ` ${x.name.name}${x.label ? `=${JSON.stringify(x.label.value)}` : ""}`).join("")})`;
    case "input": {
      const item = m.lineItems.find((i) => i.decl === d);
      const values =
        item?.definition.kind === "input" ? ` = ${valuesText(item.definition.values)}` : "";
      return `(input ${d.name.name}${d.dimension ? ` by ${d.dimension.name}` : ""}${unitText(d.unit)}${values}${decimalsText(item)})`;
    }
    case "calc": {
      const item = m.lineItems.find((i) => i.decl === d);
      const rules = item?.definition.kind === "calc" ? item.definition.rules : [];
      const lines = d.rules.map((r) => {
        const c = rules.find((x) => x.expr === r.expr);
        const range =
          c === undefined
            ? "_"
            : `${c.from}..${c.to}${c.exception ? " exception" : ""}${c.value === undefined ? "" : ` value ${c.value}`}`;
        return `\n  (rule ${range} ${typed(r.expr)})`;
      });
      const opening =
        item?.definition.kind === "calc" && item.definition.opening !== undefined
          ? ` opening ${item.definition.opening}`
          : "";
      return `(calc ${d.name.name}${d.dimension ? ` by ${d.dimension.name}` : ""}${unitText(d.unit)}${opening}${decimalsText(item)}${lines.join("")})`;
    }
    case "scenario": {
      const s = m.scenarios.find((x) => x.decl === d);
      const o =
        s?.overrides.map((x) => ` ${m.lineItems[x.item]?.name ?? "?"}=${valuesText(x.values)}`) ??
        [];
      return `(scenario ${d.name.name}${o.join("")})`;
    }
    case "function": {
      const f = m.functions.find((x) => x.decl === d);
      const params = d.params.map((p) => ` ${p.name.name}${unitText(p.unit)}`).join("");
      return `(function ${d.name.name}${params}${unitText(d.unit)} -> ${f === undefined ? "?" : typeText(f.result)} ${typed(d.body)})`;
    }
    case "check": {
      const c = m.checks.find((x) => x.decl === d);
      const tol = d.tolerance === undefined ? "" : ` within ${typed(d.tolerance)}`;
      const over = c?.periods === undefined ? "" : ` over ${c.periods.from}..${c.periods.to}`;
      return `(check ${c?.name ?? "?"}${over} ${typed(d.expr)}${tol}${d.known ? ` known ${JSON.stringify(d.known.value)}` : ""})`;
    }
  }
}

/** Checks `input` and renders the result for a golden file. */
export function check(input: string): string {
  const m = checkModel(input);
  const lines = m.ast.decls.map((d) => declText(d, m));
  for (const d of m.diagnostics) lines.push(`${d.code} ${d.span.from}..${d.span.to} ${d.message}`);
  return lines.join("\n");
}

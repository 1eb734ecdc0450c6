/**
 * The canonical formatter: AST → model text. Parsing the output gives the same AST (ignoring spans
 * and ids), and formatting is idempotent, so model files shared between councils diff cleanly.
 * Conventions: one clause per indented line, `if(c, a, b)` for conditionals, tables with aligned
 * columns, literals as councils print them (`£1,426.18`, `£4.5m`, `2.99%`, `-2,199`).
 */
import type * as A from "./ast";
import { groupThousands } from "./decimal-text";
import { unitDisplay } from "./check/units";
import { periodLabel } from "./syntax/cst-to-ast";

const indent = "  ";

/** Prints a whole model. Error nodes print as nothing (format text only when it parses). */
export function printModel(ast: A.ModelAst): string {
  const blocks: { text: string; multiline: boolean; kind: A.Decl["kind"] }[] = [];
  const decls = ast.decls;
  for (let i = 0; i < decls.length; i++) {
    const decl = decls[i] as A.Decl;
    // A record table's columns are written back as the one table, at its first column.
    const part = decl.kind === "input" ? decl.record : undefined;
    if (part !== undefined && part.index > 0) continue;
    const text =
      decl.kind === "input" && part !== undefined
        ? printRecord(recordParts(decls, i, part.count))
        : printDecl(decl);
    if (text === "") continue;
    blocks.push({ text, multiline: text.includes("\n"), kind: decl.kind });
  }
  let out = "";
  blocks.forEach((block, i) => {
    const previous = blocks[i - 1];
    if (previous !== undefined) {
      const blank =
        block.kind === "section" ||
        previous.kind === "section" ||
        (previous.kind !== "comment-line" && (block.multiline || previous.multiline));
      out += blank ? "\n\n" : "\n";
    }
    out += block.text;
  });
  return out === "" ? "" : `${out}\n`;
}

/** A string literal with `"` and `\` escaped. */
export function printString(s: A.StringLit | string): string {
  const value = typeof s === "string" ? s : s.value;
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

const trailing = (c: A.Comment | undefined): string => (c === undefined ? "" : `  #${c.text}`);

function clauseLines(pairs: readonly (readonly [string, string | undefined])[]): string {
  return pairs
    .filter((p): p is readonly [string, string] => p[1] !== undefined)
    .map(([k, v]) => `\n${indent}${k} ${v}`)
    .join("");
}

function head(decl: { name: A.Ident; dimension?: A.Ident; unit?: A.UnitExpr }): string {
  let text = decl.name.name;
  if (decl.dimension !== undefined) text += ` by ${decl.dimension.name}`;
  if (decl.unit !== undefined) text += ` (${unitDisplay(decl.unit)})`;
  return text;
}

/** Prints one declaration (without a final newline). */
export function printDecl(decl: A.Decl): string {
  switch (decl.kind) {
    case "model":
      return `model ${printString(decl.title)}${trailing(decl.comment)}${clauseLines([
        ["label", decl.label && printString(decl.label)],
        ["source", decl.source && printString(decl.source)],
      ])}`;
    case "periods":
      return `periods ${periodLabel(decl.first.year)} .. ${periodLabel(decl.last.year)}${trailing(decl.comment)}${clauseLines(
        [["source", decl.source && printString(decl.source)]],
      )}`;
    case "section":
      return `## ${decl.title}`;
    case "comment-line":
      return `#${decl.comment.text}`;
    case "error-decl":
      return "";
    case "dimension": {
      const members = decl.members.map((m, i) => {
        const label = m.label === undefined ? "" : ` ${printString(m.label)}`;
        const comma = i < decl.members.length - 1 ? "," : "";
        return `\n${indent}${m.name.name}${label}${comma}${trailing(m.comment)}`;
      });
      return `dimension ${decl.name.name} =${trailing(decl.comment)}${members.join("")}${clauseLines(
        [
          ["label", decl.label && printString(decl.label)],
          ["source", decl.source && printString(decl.source)],
        ],
      )}`;
    }
    case "input":
      return `input ${head(decl)} =${printInputValue(decl.value, indent, decl.comment)}${clauseLines(
        [
          ["label", decl.label && printString(decl.label)],
          ["source", decl.source && printString(decl.source)],
          ["decimals", decl.decimals && printExpr(decl.decimals)],
        ],
      )}`;
    case "calc": {
      const [only] = decl.rules;
      const body =
        decl.rules.length === 1 && only !== undefined && only.range === undefined
          ? ` ${printExpr(only.expr)}${trailing(only.comment ?? decl.comment)}`
          : `${trailing(decl.comment)}${decl.rules
              .map(
                (r) =>
                  `\n${indent}| ${r.range === undefined ? "" : printRange(r.range)} : ${printExpr(r.expr)}${trailing(r.comment)}`,
              )
              .join("")}`;
      return `${head(decl)} =${body}${clauseLines([
        ["opening", decl.opening && printExpr(decl.opening)],
        ["label", decl.label && printString(decl.label)],
        ["source", decl.source && printString(decl.source)],
        ["decimals", decl.decimals && printExpr(decl.decimals)],
      ])}`;
    }
    case "scenario": {
      const label = decl.label === undefined ? "" : ` ${printString(decl.label)}`;
      const overrides = decl.overrides.map(
        (o) => `\n${indent}${o.name.name} =${printInputValue(o.value, indent + indent, o.comment)}`,
      );
      return `scenario ${decl.name.name}${label} {${trailing(decl.comment)}${overrides.join("")}\n}`;
    }
    case "function": {
      const params = decl.params
        .map((p) =>
          p.unit === undefined ? p.name.name : `${p.name.name} (${unitDisplay(p.unit)})`,
        )
        .join(", ");
      const unit = decl.unit === undefined ? "" : ` (${unitDisplay(decl.unit)})`;
      return `function ${decl.name.name}(${params})${unit} = ${printExpr(decl.body)}${trailing(decl.comment)}${clauseLines(
        [["label", decl.label && printString(decl.label)]],
      )}`;
    }
    case "check": {
      const range = decl.range === undefined ? "" : `over ${printRange(decl.range)}`;
      const label = [decl.name?.name ?? "", range].filter((x) => x !== "").join(" ");
      const name = label === "" ? "" : `${label}: `;
      const within = decl.tolerance === undefined ? "" : ` within ${printExpr(decl.tolerance)}`;
      return `check ${name}${printExpr(decl.expr)}${within}${trailing(decl.comment)}${clauseLines([
        ["label", decl.label && printString(decl.label)],
        ["known", decl.known && printString(decl.known)],
      ])}`;
    }
  }
}

function printRange(r: A.PeriodRange): string {
  if (r.from === undefined) return r.to === undefined ? "" : `.. ${periodLabel(r.to.year)}`;
  if (!r.open) return periodLabel(r.from.year);
  return r.to === undefined
    ? `${periodLabel(r.from.year)} ..`
    : `${periodLabel(r.from.year)} .. ${periodLabel(r.to.year)}`;
}

/** Prints an input's value after `=`: ` lit`, or rule lines, or a table, each line at `pad`. */
function printInputValue(value: A.InputValue, pad: string, comment: A.Comment | undefined): string {
  switch (value.kind) {
    case "scalar":
      return ` ${printExpr(value.value)}${trailing(comment)}`;
    case "series":
      return `${trailing(comment)}${value.rules
        .map(
          (r) => `\n${pad}| ${printRange(r.range)} : ${printExpr(r.value)}${trailing(r.comment)}`,
        )
        .join("")}`;
    case "record":
      return `${trailing(comment)}${printTable(
        value.header.map(columnHeader),
        value.rows.map((r) => ({ member: r.member, cells: r.cells, comment: r.comment })),
        pad,
        true,
      )}`;
    case "table":
    case "member-table": {
      const headers =
        value.kind === "table" ? value.header.map((p) => periodLabel(p.year)) : [value.header.name];
      return `${trailing(comment)}${printTable(headers, value.rows, pad, false)}`;
    }
  }
}

// Record tables -------------------------------------------------------------------------------

const columnHeader = (c: A.RecordColumn): string =>
  c.unit === undefined ? c.name.name : `${c.name.name} (${unitDisplay(c.unit)})`;

/** The parts of the record whose first column is `decls[at]` (they follow it, in order). */
function recordParts(decls: readonly A.Decl[], at: number, count: number): A.InputDecl[] {
  const parts: A.InputDecl[] = [];
  for (let i = at; i < at + count; i++) {
    const d = decls[i];
    if (d?.kind !== "input" || d.record?.index !== i - at) break;
    parts.push(d);
  }
  return parts;
}

/** A record table from its column inputs: `input deposits by deposit =` and the one table. */
function printRecord(parts: readonly A.InputDecl[]): string {
  const first = parts[0] as A.InputDecl;
  const part = first.record as A.RecordPart;
  const unit = part.unit === undefined ? "" : ` (${unitDisplay(part.unit)})`;
  const dimension = first.dimension === undefined ? "" : ` by ${first.dimension.name}`;
  const rowsOf = (d: A.InputDecl): readonly A.TableRow[] =>
    d.value.kind === "member-table" ? d.value.rows : [];
  const rows = rowsOf(first).map((r, i) => ({
    member: r.member,
    cells: parts.map((p) => rowsOf(p)[i]?.cells[0] ?? blankCell),
    comment: r.comment,
  }));
  return `input ${part.record.name}${dimension}${unit} =${trailing(first.comment)}${printTable(
    parts.map((p) => columnHeader((p.record as A.RecordPart).column)),
    rows,
    indent,
    true,
  )}${clauseLines([
    ["label", part.label && printString(part.label)],
    ["source", first.source && printString(first.source)],
    ["decimals", first.decimals && printExpr(first.decimals)],
  ])}`;
}

/** A cell a short row left out prints as `blank`, so the printed table has every cell. */
const blankCell: A.BlankLit = { kind: "blank", id: 0 as A.NodeId, span: { from: 0, to: 0 } };

/**
 * A table's lines: the header after `table`, then each row, columns aligned. Numbers are
 * right-aligned; a record's text columns (`textLeft`) are left-aligned, as papers print them.
 */
function printTable(
  headers: readonly string[],
  rows: readonly {
    member?: A.Ident | undefined;
    cells: readonly A.InputLiteral[];
    comment?: A.Comment | undefined;
  }[],
  pad: string,
  textLeft: boolean,
): string {
  const names = rows.map((r) => r.member?.name ?? "");
  const nameWidth = Math.max(5, ...names.map((n) => n.length));
  // A row without a member name may not start with '-' (a line starting with an operator
  // continues the line above), so its first cell is written the accounting way: (500).
  const cells = rows.map((r) =>
    r.cells.map((c, i) =>
      i === 0 && r.member === undefined && c.kind === "number" && c.digits.startsWith("-")
        ? `(${printNumber({ ...c, digits: c.digits.slice(1) })})`
        : printExpr(c),
    ),
  );
  const columns = Math.max(headers.length, ...cells.map((c) => c.length));
  const widths = Array.from({ length: columns }, (_, i) =>
    Math.max(headers[i]?.length ?? 0, ...cells.map((c) => c[i]?.length ?? 0)),
  );
  const left = widths.map((_, i) => textLeft && rows.some((r) => r.cells[i]?.kind === "string"));
  const line = (first: string, items: readonly string[]): string =>
    `${first.padEnd(nameWidth)}${items
      .map(
        (s, i) => `  ${left[i] === true ? s.padEnd(widths[i] ?? 0) : s.padStart(widths[i] ?? 0)}`,
      )
      .join("")}`.trimEnd();
  const body = rows.map(
    (r, i) => `\n${pad}${line(names[i] ?? "", cells[i] ?? [])}${trailing(r.comment)}`,
  );
  return `\n${pad}${line("table", headers)}${body.join("")}`;
}

// Expressions ---------------------------------------------------------------------------------

/** Binding strength of each binary operator (higher binds tighter); the printer brackets by it. */
export const binaryLevel: Readonly<Record<A.BinaryOp, number>> = {
  or: 1,
  and: 2,
  "=": 4,
  "<>": 4,
  "<": 4,
  "<=": 4,
  ">": 4,
  ">=": 4,
  "+": 5,
  "-": 5,
  "*": 6,
  "/": 6,
  "^": 8,
};

function level(e: A.Expr): number {
  switch (e.kind) {
    case "binary":
      return binaryLevel[e.op];
    case "unary":
      return e.op === "not" ? 3 : 7;
    case "number":
      return e.value.startsWith("-") ? 7 : 9;
    case "within":
      return 4;
    case "blank":
    case "string":
    case "boolean":
    case "period":
    case "ref":
    case "call":
    case "conditional":
    case "paren":
    case "error-expr":
      return 9;
  }
}

function wrap(e: A.Expr, min: number): string {
  const text = printExpr(e);
  return level(e) >= min ? text : `(${text})`;
}

/** Prints a number literal in its own form. */
export function printNumber(n: A.NumberLit): string {
  const negative = n.digits.startsWith("-");
  const digits = groupThousands(negative ? n.digits.slice(1) : n.digits);
  const sign = negative ? "-" : "";
  switch (n.form) {
    case "plain":
      return n.count === undefined ? sign + digits : `${sign}${digits} ${n.count.name}`;
    case "money":
      return `${sign}£${digits}${n.scale}`;
    case "percent":
      return `${sign}${digits}%`;
    case "date":
      return n.digits;
  }
}

/** Prints an expression with the fewest brackets that keep its structure. */
export function printExpr(e: A.Expr): string {
  switch (e.kind) {
    case "number":
      return printNumber(e);
    case "string":
      return printString(e);
    case "boolean":
      return e.value ? "true" : "false";
    case "period":
      return periodLabel(e.year);
    case "error-expr":
      return "";
    case "blank":
      return "blank";
    case "within":
      return `${wrap(e.left, 5)} ${e.op} ${wrap(e.right, 5)} within ${wrap(e.tolerance, 5)}`;
    case "paren":
      return `(${printExpr(e.inner)})`;
    case "unary":
      return e.op === "not" ? `not ${wrap(e.operand, 3)}` : `${e.op}${wrap(e.operand, 7)}`;
    case "binary": {
      const l = binaryLevel[e.op];
      if (e.op === "^") return `${wrap(e.left, 9)} ^ ${wrap(e.right, 7)}`;
      const leftMin = l === 4 ? 5 : l;
      return `${wrap(e.left, leftMin)} ${e.op} ${wrap(e.right, l + 1)}`;
    }
    case "conditional":
      return `if(${printExpr(e.condition)}, ${printExpr(e.then)}, ${printExpr(e.otherwise)})`;
    case "ref": {
      if (e.selectors.length === 0) return e.name.name;
      const parts = e.selectors.map((s) => {
        switch (s.kind) {
          case "offset":
            return s.offset < 0 ? String(s.offset) : `+${s.offset}`;
          case "at-period":
            return periodLabel(s.period.year);
          case "member":
            return s.member.name;
        }
      });
      return `${e.name.name}[${parts.join(", ")}]`;
    }
    case "call": {
      const args = e.args.map(printExpr).join(", ");
      const over = e.over === undefined ? "" : ` over ${e.over.dimension?.name ?? "periods"}`;
      return `${e.callee.name}(${args}${over})`;
    }
  }
}

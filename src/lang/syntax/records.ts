/**
 * Record tables: a register written as councils print it, one row per member and one named
 * column per field, each column with its own unit.
 *
 * ```precept
 * input deposits by deposit =
 *   table     counterparty (text)  principal (£m)  maturity (date)
 *   lloyds    "Lloyds Bank"                  5.0       2025-04-11
 * ```
 *
 * The parser reads the table as one input; {@link recordColumns} turns it into one input per
 * column (`deposits.counterparty`, `deposits.principal`, ...), each a `table value` of that
 * column's cells, so that everything after parsing (names, units, the engine, the grid, explain)
 * sees ordinary line items. Each part keeps the record's span and a {@link A.RecordPart} saying
 * where it came from; the printer writes the parts back as the one table.
 */
import type * as A from "../ast";
import type { AstBuilder } from "./cst-to-ast";
import { renumber } from "./node-copy";

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** A copy of a node with fresh ids: a part must not share node ids with another part. */
const fresh = <T>(b: AstBuilder, node: T): T => renumber(node, { next: () => b.id() });

/**
 * The declarations an input stands for: itself, or, when its value is a record table, one input
 * per column (without a dimension when the record has none, which is P2023).
 */
export function recordColumns(b: AstBuilder, decl: A.Decl): A.Decl[] {
  if (decl.kind !== "input" || decl.value.kind !== "record") return [decl];
  const value = decl.value;
  const dimension = decl.dimension;
  if (dimension === undefined) {
    // Still split into columns (without a dimension), so that nothing typed is dropped.
    const first = value.header[0]?.name.name ?? "column";
    b.report("P2023", decl.name.span, {
      name: decl.name.name,
      example: `input ${decl.name.name} by dimension =`,
      column: `${decl.name.name}.${first}`,
    });
  }
  const count = value.header.length;
  return value.header.map((column, index): A.InputDecl => {
    const first = index === 0;
    const rows = value.rows.map((row): A.TableRow => {
      const cell = row.cells[index];
      const out: Mutable<A.TableRow> = {
        kind: "table-row",
        id: b.id(),
        span: row.span,
        cells: cell === undefined ? [] : [cell],
      };
      if (row.member !== undefined) out.member = first ? row.member : fresh(b, row.member);
      if (first && row.comment !== undefined) out.comment = row.comment;
      return out;
    });
    const unit = column.unit ?? decl.unit;
    const part: Mutable<A.RecordPart> = {
      kind: "record-part",
      record: fresh(b, decl.name),
      column: fresh(b, column),
      index,
      count,
    };
    if (decl.unit !== undefined) part.unit = fresh(b, decl.unit);
    if (decl.label !== undefined) part.label = fresh(b, decl.label);
    const out: Mutable<A.InputDecl> = {
      kind: "input",
      id: b.id(),
      span: decl.span,
      name: {
        kind: "ident",
        id: b.id(),
        span: column.name.span,
        name: `${decl.name.name}.${column.name.name}`,
      },
      value: {
        kind: "member-table",
        id: b.id(),
        span: value.span,
        header: fresh(b, column.name),
        rows,
      },
      record: part,
    };
    if (dimension !== undefined) out.dimension = fresh(b, dimension);
    if (unit !== undefined) out.unit = fresh(b, unit);
    if (decl.label !== undefined)
      out.label = { ...fresh(b, decl.label), value: `${decl.label.value}: ${column.name.name}` };
    if (decl.source !== undefined) out.source = fresh(b, decl.source);
    if (decl.decimals !== undefined) out.decimals = fresh(b, decl.decimals);
    if (first && decl.comment !== undefined) out.comment = decl.comment;
    return out;
  });
}

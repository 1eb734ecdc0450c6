/**
 * The incremental front end: one session per engine, checking each text it is given and reusing
 * what it checked before. See ARCHITECTURE.md, "Incremental front end".
 *
 * 1. Parse: {@link IncrementalParser} reuses the trees of unchanged chunks (declaration-relative
 *    spans, so a moved declaration is one shallow copy; a declaration keeps its node ids while its
 *    text is unchanged, and a re-parsed one gets new ids).
 * 2. Names: the symbol table is rebuilt (a pass over the declarations' names; duplicates,
 *    look-alikes, unknown dimensions and the periods are reported there, absolute).
 * 3. Check: each line item, scenario and check keeps its last result, keyed by its declaration's
 *    node id, with the lookups it made ({@link Lookups}). It is reused when its own interface (id,
 *    section, dimension, declared unit, ordinal) and every recorded lookup's fingerprint are the
 *    same; otherwise it is checked again, alone. Inferred types are results of the same kind.
 *    A change of periods drops every result.
 * 4. Unit inference that meets a cycle depends on the order items are visited in; when a check
 *    meets one it is done again from nothing, in the full check's order, so results never differ.
 */
import { makeSpan } from "../../base";
import type * as A from "../ast";
import { makeDiagnostic, sortDiagnostics } from "../diagnostics";
import type { Diagnostic } from "../diagnostics";
import { groupThousands } from "../decimal-text";
import { Limits } from "../limits";
import type * as M from "../model";
import { collectSymbols } from "../resolve/symbols";
import type { ItemInfo, SymbolMemo, SymbolTable } from "../resolve/symbols";
import { inferItemType, ModelChecker } from "../check/check-model";
import { checkFunctions } from "../check/user-functions";
import type { FunctionCheck } from "../check/user-functions";
import type { RowMemo } from "../check/check-model";
import type { Ty } from "../check/expressions";
import { isTextUnit } from "../check/units";
import type { DeclaredUnit } from "../check/units";
import { IncrementalParser, parseWholeRelative, shiftDiagnostic } from "../syntax/incremental";
import { declaredKey, Fingerprints, recordingTable, sameWorld, typeKey } from "./interfaces";
import type { Lookups } from "./interfaces";
import { idBlock, UnionMap } from "./side-tables";
import type { TablePart } from "./side-tables";

/** Side tables of one declaration's check. */
interface Tables {
  readonly references: ReadonlyMap<A.NodeId, M.ResolvedRef>;
  readonly calls: ReadonlyMap<A.NodeId, string>;
  readonly types: ReadonlyMap<A.NodeId, M.ValueType>;
  readonly block: [number, number] | undefined;
}

/** The check of one declaration, as it was last made. */
interface DeclResult<T> {
  /** The declaration's own interface (see {@link FrontEnd}), compared part by part. */
  readonly self: Interface;
  readonly lookups: Kept;
  /** Updated in place when the declaration moves (a new object, so earlier models keep theirs). */
  value: T;
  /** Relative to the declaration's start. */
  readonly diagnostics: readonly Diagnostic[];
  readonly tables: Tables;
  /** `diagnostics` moved to `at`. */
  placed: readonly Diagnostic[];
  at: number;
}

/** An inferred type and the lookups made to infer it. */
interface Inference {
  readonly lookups: Kept;
  readonly type: Ty;
}

/** Everything kept between checks, by declaration node id. */
interface Results {
  readonly items: Map<A.NodeId, DeclResult<M.CheckedLineItem>>;
  readonly scenarios: Map<A.NodeId, DeclResult<M.CheckedScenario>>;
  readonly checks: Map<A.NodeId, DeclResult<M.CheckedCheck>>;
  readonly inferred: Map<A.NodeId, Inference>;
}

const emptyResults = (): Results => ({
  items: new Map(),
  scenarios: new Map(),
  checks: new Map(),
  inferred: new Map(),
});

/** How a session parses: in chunks (the default), or the whole text at once (the reference). */
export type ParseMode = "chunks" | "whole";

/** A front-end session: checks texts, reusing what it checked before. */
export class FrontEnd {
  private readonly parser: IncrementalParser;
  private readonly memo: SymbolMemo = { units: new WeakMap(), skeletons: new Map() };
  private readonly rows: RowMemo = new WeakMap();
  private results: Results = emptyResults();
  private periods = "";
  /** The fingerprints of the last check's symbol table (its answers, as they were). */
  private last: Fingerprints | undefined;

  /**
   * `reuse: false` checks every declaration afresh each time (the full check the incremental one
   * must equal); `parse: "whole"` parses the whole text at once.
   */
  constructor(
    private readonly options: {
      readonly reuse?: boolean;
      readonly parse?: ParseMode;
      /** See `IncrementalParseTunables.rowEditMinChars`. */
      readonly rowEditMinChars?: number;
    } = {},
  ) {
    this.parser = new IncrementalParser(options.rowEditMinChars);
  }

  /** Parses, resolves names and checks units. Never throws on user input. */
  check(text: string): M.CheckedModel {
    const parsed =
      this.options.parse === "whole"
        ? parseWholeRelative(text, this.parser)
        : this.parser.parse(text);
    const symbolDiagnostics: Diagnostic[] = [];
    const collected = collectSymbols(parsed.ast, symbolDiagnostics, this.memo);
    // The functions are few and small: checked afresh each time, before anything calls them.
    const functions = checkFunctions(collected);
    const table =
      functions.sigs.size === 0 ? collected : { ...collected, functions: functions.sigs };
    for (const d of functions.diagnostics) symbolDiagnostics.push(d);
    const periods = table.years.length === 0 ? "" : `${table.years[0]}:${table.years.length}`;
    const reuse = this.options.reuse !== false;
    if (periods !== this.periods || !reuse) {
      this.results = emptyResults();
      this.last = undefined;
    }
    this.periods = periods;
    let run = new Run(table, this.results, this.rows, this.last);
    let model = run.model(text, parsed.ast, parsed.diagnostics, symbolDiagnostics, functions);
    if (run.cyclic && this.results.items.size > 0) {
      run = new Run(table, emptyResults(), this.rows, undefined);
      model = run.model(text, parsed.ast, parsed.diagnostics, symbolDiagnostics, functions);
    }
    this.results = run.next;
    this.last = run.fingerprints;
    return model;
  }
}

/** Parses, resolves names and checks units: a full check, sharing nothing. Never throws. */
export function checkModel(text: string): M.CheckedModel {
  return new FrontEnd({ reuse: false }).check(text);
}

/**
 * Recorded lookups kept compactly, with each key split into its kind and name once (so that
 * checking them again allocates nothing): kind, name, fingerprint, kind, name, fingerprint, …
 */
type Kept = readonly string[];

const keep = (lookups: Lookups): Kept => {
  const out: string[] = [];
  for (const [key, fingerprint] of lookups) out.push(key.charAt(0), key.slice(1), fingerprint);
  return out;
};

/**
 * A declaration's own interface as its parts (strings and numbers), compared one by one rather
 * than joined into one text, which would be built and compared afresh for every declaration on
 * every keystroke.
 */
type Interface = readonly (string | number)[];

function sameInterface(a: Interface, b: Interface): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

const noInterface: Interface = [];

/** `item` as checked before, at the place of `decl` (the same declaration, moved). */
function movedItem(item: M.CheckedLineItem, decl: A.InputDecl | A.CalcDecl): M.CheckedLineItem {
  // Written out rather than spread: checked items come in several shapes (optional fields), and
  // a spread over many shapes takes V8's slow path, once for every line below an edit.
  const next: { -readonly [K in keyof M.CheckedLineItem]: M.CheckedLineItem[K] } = {
    id: item.id,
    name: item.name,
    label: item.label,
    section: item.section,
    kind: item.kind,
    unit: item.unit,
    definition: item.definition,
    decl,
    span: decl.span,
  };
  if (item.dimension !== undefined) next.dimension = item.dimension;
  if (item.source !== undefined) next.source = item.source;
  if (item.decimals !== undefined) next.decimals = item.decimals;
  return next;
}

/** The side table of a declaration without expressions (most inputs), shared. */
const noEntries: ReadonlyMap<A.NodeId, never> = new Map<A.NodeId, never>();

/** The type of each declared unit, made once (so its fingerprint is made once too). */
const declaredTypes = new WeakMap<DeclaredUnit, Ty>();

/**
 * One check: reuses `previous` results where they still hold and collects the `next` ones.
 *
 * Early cut-off: when the symbol table gives the same answers as the last check's (`stable`: the
 * same line items in the same places with the same interfaces, the same dimensions and other
 * names), only recorded type lookups can differ, so only those are confirmed; and once every type
 * is known, if no inferred type changed either (`!typesMoved`), every previous result holds as it
 * is. Every result in `previous` was made or confirmed against the last check's table, so its
 * recorded fingerprints are that table's answers.
 */
class Run {
  readonly next: Results = emptyResults();
  cyclic = false;
  readonly fingerprints: Fingerprints;
  private readonly types = new Map<ItemInfo, Ty>();
  private readonly inProgress = new Set<ItemInfo>();
  private readonly typeOf = (item: ItemInfo): Ty => this.itemType(item);
  /** The table answers as the last check's did, types apart. */
  private readonly stable: boolean;
  /** An inferred type differs from the last check's for the line item in the same place. */
  private typesMoved = false;
  /** Every line item's type is known (after {@link primeItemTypes}). */
  private typesKnown = false;

  constructor(
    private readonly table: SymbolTable,
    private readonly previous: Results,
    private readonly rows: RowMemo,
    private readonly last: Fingerprints | undefined,
  ) {
    this.fingerprints = new Fingerprints(table);
    this.stable = last !== undefined && sameWorld(last, this.fingerprints);
  }

  /** True when every recorded lookup gives the same fingerprint now. */
  private holds(lookups: Kept): boolean {
    const stable = this.stable;
    if (stable && this.typesKnown && !this.typesMoved) return true;
    for (let i = 0; i < lookups.length; i += 3) {
      const kind = lookups[i] as string;
      if (stable && kind !== "t") continue;
      const now = this.fingerprints.current(kind, lookups[i + 1] as string, this.typeOf);
      if (now !== lookups[i + 2]) return false;
    }
    return true;
  }

  /**
   * Notes whether `type`, inferred afresh for `item`, differs from what the last check inferred
   * for the line item in the same place (unknown counts as different).
   */
  private noteInferred(item: ItemInfo, type: Ty): void {
    if (this.typesMoved) return;
    const before = this.last?.table.items[item.id as number];
    const was = before === undefined ? undefined : this.previous.inferred.get(before.decl.id);
    if (was === undefined || typeKey(was.type) !== typeKey(type)) this.typesMoved = true;
  }

  /** An `itemType` for a check that records into `lookups`. */
  private recorder(lookups: Lookups): (item: ItemInfo) => Ty {
    return (item) => {
      const t = this.itemType(item);
      const key = `t${item.name}`;
      if (!lookups.has(key)) lookups.set(key, typeKey(t));
      return t;
    };
  }

  /**
   * Infers the type of every line item without a declared unit, what it reads first, so that no
   * inference recurses further than one reference. Inference follows references, and a chain or
   * cycle of thousands of such lines overflowed the stack (issue 16). The walk keeps the lines
   * it is inside in `inProgress`, as the recursive inference does, so types and the `cyclic`
   * flag come out as they would.
   */
  private primeItemTypes(): void {
    const table = this.table;
    for (const root of table.items) {
      if (root.declared !== undefined || this.types.has(root)) continue;
      const stack = [{ item: root, reads: itemsReadForType(root, table), next: 0 }];
      this.inProgress.add(root);
      while (stack.length > 0) {
        const top = stack[stack.length - 1] as (typeof stack)[number];
        const child = top.reads[top.next];
        if (child !== undefined) {
          top.next++;
          if (
            child.declared === undefined &&
            !this.types.has(child) &&
            !this.inProgress.has(child)
          ) {
            this.inProgress.add(child);
            stack.push({ item: child, reads: itemsReadForType(child, table), next: 0 });
          }
          continue;
        }
        stack.pop();
        this.inProgress.delete(top.item);
        this.itemType(top.item);
      }
    }
  }

  /** A line item's type: its declared unit, else what its values or main formula give. */
  itemType(item: ItemInfo): Ty {
    const declared = item.declared;
    if (declared !== undefined) {
      let t = declaredTypes.get(declared);
      if (t === undefined) {
        t = isTextUnit(declared.unit)
          ? { kind: "text" }
          : { kind: "number", unit: declared.unit, percent: declared.percent };
        declaredTypes.set(declared, t);
      }
      return t;
    }
    const known = this.types.get(item);
    if (known !== undefined) return known;
    if (this.inProgress.has(item)) {
      this.cyclic = true;
      return { kind: "unknown" };
    }
    this.inProgress.add(item);
    const id = item.decl.id;
    let inference = this.previous.inferred.get(id);
    if (inference === undefined || !this.holds(inference.lookups)) {
      const lookups: Lookups = new Map();
      const type = inferItemType(
        item,
        recordingTable(this.fingerprints, lookups),
        this.recorder(lookups),
      );
      inference = { lookups: keep(lookups), type };
      this.noteInferred(item, type);
    }
    this.next.inferred.set(id, inference);
    this.inProgress.delete(item);
    this.types.set(item, inference.type);
    return inference.type;
  }

  /** The previous result of a declaration if it still holds, else a new check of it. */
  private result<T>(
    decl: A.Decl,
    self: Interface,
    previous: DeclResult<T> | undefined,
    check: (checker: ModelChecker) => T,
  ): DeclResult<T> {
    if (
      previous !== undefined &&
      sameInterface(previous.self, self) &&
      this.holds(previous.lookups)
    ) {
      return previous;
    }
    const lookups: Lookups = new Map();
    const diagnostics: Diagnostic[] = [];
    const checker = new ModelChecker(
      recordingTable(this.fingerprints, lookups),
      diagnostics,
      this.recorder(lookups),
      this.rows,
    );
    const value = check(checker);
    const { references, calls, types } = checker.state;
    return {
      self,
      lookups: keep(lookups),
      value,
      diagnostics,
      tables: {
        references: references.size === 0 ? noEntries : references,
        calls: calls.size === 0 ? noEntries : calls,
        types: types.size === 0 ? noEntries : types,
        block: idBlock([references, calls, types]),
      },
      placed: diagnostics.map((d) => shiftDiagnostic(d, decl.span.from)),
      at: decl.span.from,
    };
  }

  /** `result.placed` moved to where `decl` is now. */
  private static place<T>(result: DeclResult<T>, decl: A.Decl, out: Diagnostic[]): void {
    if (result.at !== decl.span.from) {
      result.placed = result.diagnostics.map((d) => shiftDiagnostic(d, decl.span.from));
      result.at = decl.span.from;
    }
    for (const d of result.placed) out.push(d);
  }

  /** Checks the model. */
  model(
    text: string,
    ast: A.ModelAst,
    parseDiagnostics: readonly Diagnostic[],
    symbolDiagnostics: readonly Diagnostic[],
    functions: FunctionCheck,
  ): M.CheckedModel {
    this.primeItemTypes();
    this.typesKnown = true;
    const table = this.table;
    const f = this.fingerprints;
    const diagnostics: Diagnostic[] = [...parseDiagnostics, ...symbolDiagnostics];
    const tablesOf: Tables[] = [];
    const lineItems: M.CheckedLineItem[] = [];
    for (const item of table.items) {
      const decl = item.decl;
      const previous = this.previous.items.get(decl.id);
      const declared = declaredKey(item.declared);
      const dimension = f.dimension(item.dimension);
      const was = previous?.self;
      // The previous interface itself when every part is the same (no array made).
      const self: Interface =
        was !== undefined &&
        was[0] === item.id &&
        was[1] === item.name &&
        was[2] === item.section &&
        was[3] === declared &&
        was[4] === dimension
          ? was
          : [item.id, item.name, item.section, declared, dimension];
      const r = this.result(decl, self, previous, (c) => c.lineItem(item));
      this.next.items.set(decl.id, r);
      Run.place(r, decl, diagnostics);
      tablesOf.push(r.tables);
      if (r.value.decl !== decl) r.value = movedItem(r.value, decl);
      lineItems.push(r.value);
    }
    const scenarios: M.CheckedScenario[] = [];
    const checks: M.CheckedCheck[] = [];
    let checkCount = 0;
    for (const decl of ast.decls) {
      if (decl.kind === "scenario") {
        const r = this.result(decl, noInterface, this.previous.scenarios.get(decl.id), (c) =>
          c.scenario(decl),
        );
        this.next.scenarios.set(decl.id, r);
        Run.place(r, decl, diagnostics);
        tablesOf.push(r.tables);
        if (r.value.decl !== decl) r.value = { ...r.value, decl };
        scenarios.push(r.value);
      } else if (decl.kind === "check") {
        const ordinal = ++checkCount;
        const r = this.result(decl, [ordinal], this.previous.checks.get(decl.id), (c) =>
          c.check(decl, ordinal),
        );
        this.next.checks.set(decl.id, r);
        Run.place(r, decl, diagnostics);
        tablesOf.push(r.tables);
        if (r.value.decl !== decl) r.value = { ...r.value, decl, span: decl.span };
        checks.push(r.value);
      }
    }
    // A model over the cell limit keeps its diagnostics but offers nothing to evaluate.
    const cells = countCells(table);
    const evaluable = cells <= Limits.maxCells;
    if (!evaluable) {
      const first = table.items[0]?.decl.span ?? makeSpan(0, 0);
      diagnostics.push(
        makeDiagnostic("P1023", makeSpan(first.from, first.to), {
          cells: groupThousands(String(cells)),
          limit: groupThousands(String(Limits.maxCells)),
        }),
      );
    }
    for (const t of functions.tables) {
      tablesOf.push({
        references: noEntries,
        calls: t.calls,
        types: t.types,
        block: idBlock([t.calls, t.types]),
      });
    }
    const blocks = tablesOf.filter((t) => t.block !== undefined);
    blocks.sort((x, y) => (x.block?.[0] ?? 0) - (y.block?.[0] ?? 0));
    const part = <V>(t: Tables, map: ReadonlyMap<A.NodeId, V>): TablePart<V> => {
      const [lo, hi] = t.block ?? [0, -1];
      return { lo, hi, map };
    };
    return {
      text,
      ast,
      title: table.title,
      ...(table.source === undefined ? {} : { source: table.source }),
      periods: table.labels,
      periodYears: table.years,
      dimensions: [...table.dimensions.values()].map((d) => ({
        name: d.name,
        label: d.label,
        members: d.members,
        span: makeSpan(d.decl.span.from, d.decl.span.to),
      })),
      lineItems: evaluable ? lineItems : [],
      lineItemByName: evaluable ? new Map(table.items.map((i) => [i.name, i.id])) : new Map(),
      scenarios: evaluable ? scenarios : [],
      checks: evaluable ? checks : [],
      functions: functions.checked,
      references: new UnionMap(blocks.map((t) => part(t, t.references))),
      calls: new UnionMap(blocks.map((t) => part(t, t.calls))),
      types: new UnionMap(blocks.map((t) => part(t, t.types))),
      diagnostics: sortDiagnostics(diagnostics),
    };
  }
}

/**
 * The line items whose types inferring `item`'s type may ask for, in the order the inference meets
 * them: the names its main formula reads (inputs infer from their values and read nothing). The
 * walk uses its own stack: a formula may nest as deep as Limits.maxOperations.
 */
function itemsReadForType(item: ItemInfo, table: SymbolTable): ItemInfo[] {
  const decl = item.decl;
  if (decl.kind !== "calc") return [];
  const main = decl.rules[decl.rules.length - 1];
  if (main === undefined) return [];
  const out: ItemInfo[] = [];
  const pending: A.Expr[] = [main.expr];
  while (pending.length > 0) {
    const e = pending.pop() as A.Expr;
    switch (e.kind) {
      case "ref": {
        const read = table.itemsByName.get(e.name.name);
        if (read !== undefined) out.push(read);
        break;
      }
      case "unary":
        pending.push(e.operand);
        break;
      case "binary":
        pending.push(e.right, e.left);
        break;
      case "conditional":
        pending.push(e.otherwise, e.then, e.condition);
        break;
      case "call":
        for (let i = e.args.length - 1; i >= 0; i--) pending.push(e.args[i] as A.Expr);
        break;
      case "paren":
        pending.push(e.inner);
        break;
      case "within":
        pending.push(e.tolerance, e.right, e.left);
        break;
      case "number":
      case "blank":
      case "string":
      case "boolean":
      case "period":
      case "error-expr":
        break;
    }
  }
  return out;
}

/** How many values the model's line items hold: each item's members (or one) × the periods. */
function countCells(table: SymbolTable): number {
  let perPeriod = 0;
  for (const item of table.items) perPeriod += item.dimension?.members.length ?? 1;
  return perPeriod * table.labels.length;
}

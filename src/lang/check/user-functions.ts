/**
 * User functions (`function interest(balance (£), rate (%)) (£) = balance * rate`): checked once
 * per check of the model, after the names and before any line item, in an order where a function
 * comes after those it calls. Each gets a {@link FunctionSig}: its parameters' and result's types,
 * whether its definition is broken, and a key of those, which the incremental front end records
 * when a line item calls it. A function's body reads only its parameters, one period and member
 * at a time (P2040-P2042), and no function calls itself (P2043), so a call is its body with the
 * arguments in place of the parameters and the engine compiles it so (engine/eval/compile-expr.ts).
 */
import type * as A from "../ast";
import { makeDiagnostic } from "../diagnostics";
import type { Diagnostic } from "../diagnostics";
import type * as M from "../model";
import type { SymbolTable } from "../resolve/symbols";
import { shiftDiagnostic } from "../syntax/incremental";
import { checkExpr, toValueType, tyText } from "./expressions";
import type { CheckState, Ty } from "./expressions";
import { declaredUnit, isTextUnit, sameUnit } from "./units";
import { typeKey } from "../incremental/interfaces";

/** One parameter as a call is checked against it. */
export interface ParamSig {
  readonly name: string;
  readonly ty: Ty;
}

/** A user function as its callers see it. */
export interface FunctionSig {
  readonly name: string;
  readonly decl: A.FunctionDecl;
  readonly params: readonly ParamSig[];
  readonly result: Ty;
  /** The definition has an error: calls of it are errors (P2044), and nothing is evaluated. */
  readonly broken: boolean;
  /** It calls itself, directly or through others (P2043 on its name, no P2044 inside the loop). */
  readonly cyclic: boolean;
  /** Everything a caller's check reads of it, as text (see incremental/interfaces.ts). */
  readonly key: string;
  /** Reference node id in the body → the position of the parameter it reads. */
  readonly parameters: ReadonlyMap<A.NodeId, number>;
}

/** What checking the functions of one model gives. */
export interface FunctionCheck {
  /** By name, in source order. */
  readonly sigs: ReadonlyMap<string, FunctionSig>;
  /** Absolute spans. */
  readonly diagnostics: readonly Diagnostic[];
  /** The side tables of the bodies, one per function, for the model's tables. */
  readonly tables: readonly {
    readonly calls: ReadonlyMap<A.NodeId, string>;
    readonly types: ReadonlyMap<A.NodeId, M.ValueType>;
  }[];
  readonly checked: readonly M.CheckedFunction[];
}

const unknownTy: Ty = { kind: "unknown" };

/** The functions a period-by-period body may not call: they read other periods. */
export const periodWiseFunctions: ReadonlySet<string> = new Set([
  "cumsum",
  "prev",
  "npv",
  "irr",
  "payback",
  "first_period_where",
  "loan_opening",
  "loan_interest",
  "loan_principal",
  "loan_closing",
  "mrp",
]);

/** The type a declared unit gives a value: text, a date, or a number in the unit. */
function tyOfUnit(unit: A.UnitExpr): Ty {
  const d = declaredUnit(unit);
  if (isTextUnit(d.unit)) return { kind: "text" };
  return { kind: "number", unit: d.unit, percent: d.percent };
}

/** The user functions a body calls, each once, in the order met. Walks with a stack. */
function calleesOf(body: A.Expr, known: ReadonlyMap<string, A.FunctionDecl>): string[] {
  const out: string[] = [];
  const stack: A.Expr[] = [body];
  for (let e = stack.pop(); e !== undefined; e = stack.pop()) {
    switch (e.kind) {
      case "call":
        if (known.has(e.callee.name) && !out.includes(e.callee.name)) out.push(e.callee.name);
        for (let i = e.args.length - 1; i >= 0; i--) stack.push(e.args[i] as A.Expr);
        break;
      case "unary":
        stack.push(e.operand);
        break;
      case "binary":
        stack.push(e.right, e.left);
        break;
      case "conditional":
        stack.push(e.otherwise, e.then, e.condition);
        break;
      case "paren":
        stack.push(e.inner);
        break;
      case "within":
        stack.push(e.tolerance, e.right, e.left);
        break;
      case "ref":
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

/**
 * The functions in an order where each comes after the ones it calls, and the loop each function
 * in a cycle is on (`f → g → f`). Depth-first with an explicit stack: a chain of functions may be
 * as long as the model.
 */
function callOrder(decls: ReadonlyMap<string, A.FunctionDecl>): {
  order: string[];
  loops: Map<string, string>;
} {
  const order: string[] = [];
  const loops = new Map<string, string>();
  const state = new Map<string, "open" | "done">();
  const callees = new Map<string, string[]>();
  for (const [name, decl] of decls) callees.set(name, calleesOf(decl.body, decls));
  for (const root of decls.keys()) {
    if (state.has(root)) continue;
    const path: { name: string; next: number }[] = [{ name: root, next: 0 }];
    state.set(root, "open");
    while (path.length > 0) {
      const top = path[path.length - 1] as { name: string; next: number };
      const child = callees.get(top.name)?.[top.next];
      if (child === undefined) {
        path.pop();
        state.set(top.name, "done");
        order.push(top.name);
        continue;
      }
      top.next++;
      const seen = state.get(child);
      if (seen === undefined) {
        state.set(child, "open");
        path.push({ name: child, next: 0 });
      } else if (seen === "open") {
        const from = path.findIndex((p) => p.name === child);
        const names = path.slice(from).map((p) => p.name);
        names.forEach((n, i) => {
          // Each function's loop is told from itself: g → f → g for g.
          const turn = [...names.slice(i), ...names.slice(0, i), n];
          if (!loops.has(n)) loops.set(n, turn.join(" → "));
        });
      }
    }
  }
  return { order, loops };
}

/** Checks every user function of the model `table` describes. */
export function checkFunctions(table: SymbolTable): FunctionCheck {
  const decls = new Map(table.functionDecls.map((d) => [d.name.name, d]));
  const sigs = new Map<string, FunctionSig>();
  if (decls.size === 0) return { sigs, diagnostics: [], tables: [], checked: [] };
  const { order, loops } = callOrder(decls);
  const view: SymbolTable = { ...table, functions: sigs };
  // A function on a loop is met before it is checked: it stands as broken until then.
  for (const name of loops.keys()) {
    const decl = decls.get(name) as A.FunctionDecl;
    sigs.set(name, {
      name,
      decl,
      params: decl.params.map((p) => ({
        name: p.name.name,
        ty: p.unit === undefined ? unknownTy : tyOfUnit(p.unit),
      })),
      result: decl.unit === undefined ? unknownTy : tyOfUnit(decl.unit),
      broken: true,
      cyclic: true,
      key: "",
      parameters: new Map(),
    });
  }
  const diagnostics: Diagnostic[] = [];
  const tables = new Map<string, FunctionCheck["tables"][number]>();
  for (const name of order) {
    const decl = decls.get(name) as A.FunctionDecl;
    const own: Diagnostic[] = [];
    const { sig, state } = checkOne(view, decl, loops.get(name), own);
    sigs.set(name, sig);
    tables.set(name, { calls: state.calls, types: state.types });
    for (const d of own) diagnostics.push(shiftDiagnostic(d, decl.span.from));
  }
  // Source order, so that two checks of the same text list them alike.
  const inOrder = new Map<string, FunctionSig>();
  for (const name of decls.keys()) inOrder.set(name, sigs.get(name) as FunctionSig);
  const list = [...inOrder.values()];
  return {
    sigs: inOrder,
    diagnostics,
    tables: list.map((s) => tables.get(s.name) as FunctionCheck["tables"][number]),
    checked: list.map((s) => ({
      name: s.name,
      decl: s.decl,
      params: s.params.map((p) => p.name),
      result: toValueType(s.result),
      parameters: s.parameters,
      broken: s.broken,
    })),
  };
}

function checkOne(
  table: SymbolTable,
  decl: A.FunctionDecl,
  loop: string | undefined,
  diagnostics: Diagnostic[],
): { sig: FunctionSig; state: CheckState } {
  const name = decl.name.name;
  const parameters = new Map<A.NodeId, number>();
  const state: CheckState = {
    table,
    diagnostics,
    references: new Map(),
    calls: new Map(),
    types: new Map(),
    itemType: () => unknownTy,
    parameters,
  };
  const params = new Map<string, { index: number; ty: Ty }>();
  const list: ParamSig[] = [];
  decl.params.forEach((p, index) => {
    const param = p.name.name;
    let ty: Ty = unknownTy;
    if (p.unit === undefined)
      diagnostics.push(makeDiagnostic("P2045", p.name.span, { name: param }));
    else ty = tyOfUnit(p.unit);
    list.push({ name: param, ty });
    if (params.has(param)) diagnostics.push(makeDiagnostic("P2002", p.name.span, { name: param }));
    else params.set(param, { index, ty });
  });
  if (loop !== undefined)
    diagnostics.push(makeDiagnostic("P2043", decl.name.span, { function: name, cycle: loop }));
  const body = checkExpr(state, decl.body, { firstPeriod: 0, params, fn: name });
  let result: Ty = body;
  if (decl.unit !== undefined) {
    result = tyOfUnit(decl.unit);
    const fits =
      body.kind === "unknown" ||
      (body.kind === "number" && result.kind === "number" && sameUnit(body.unit, result.unit)) ||
      (body.kind === "text" && result.kind === "text");
    if (!fits) {
      diagnostics.push(
        makeDiagnostic("P3002", decl.body.span, {
          name,
          declared: tyText(result),
          inferred: tyText(body),
        }),
      );
    }
  }
  const broken = loop !== undefined || diagnostics.some((d) => d.severity === "error");
  const key = `${list.map((p) => typeKey(p.ty)).join("\u0001")}\u0000${typeKey(result)}\u0000${broken ? 1 : 0}`;
  return {
    sig: {
      name,
      decl,
      params: list,
      result,
      broken,
      cyclic: loop !== undefined,
      key,
      parameters,
    },
    state,
  };
}

/**
 * What one declaration's check read from the rest of the model, and how to tell whether it still
 * reads the same. A check looks the model up only through a {@link recordingTable} and the
 * `itemType` callback; each lookup is recorded as a key (what was asked) and a fingerprint (the
 * *interface* of the answer: a line item's id, kind, opening, dimension and declared unit; a
 * dimension's members; an item's inferred type). A declaration whose recorded lookups all give
 * the same fingerprints again would check to the same result, so it is not checked again.
 */
import type { DimensionInfo, ItemInfo, SymbolTable } from "../resolve/symbols";
import type { Ty } from "../check/expressions";
import type { DeclaredUnit } from "../check/units";
import type { FunctionSig } from "../check/user-functions";
import { unitText } from "../check/units";

/**
 * Recorded lookups in the order made: key → fingerprint. Keys: `i<name>` a line item, `t<name>` a
 * line item's type, `d<name>` a dimension, `o<name>` another kind of name (check, scenario),
 * `f<name>` a user function (its parameters' and result's types, and whether it is broken); `I`,
 * `D`, `O`, `F` the names of all of one kind (for "did you mean"), `J` every line item's interface.
 */
export type Lookups = Map<string, string>;

const sep = "\u0000";

/** Texts made once per declared unit or type object (pure functions of immutable objects). */
const declaredKeys = new WeakMap<DeclaredUnit, string>();
const typeKeys = new WeakMap<Ty, string>();

/** A declared unit as text: everything checking reads of it. */
export function declaredKey(u: DeclaredUnit | undefined): string {
  if (u === undefined) return "";
  let key = declaredKeys.get(u);
  if (key === undefined) {
    key = `${u.display}${sep}${u.scaleExp}${sep}${u.percent}${sep}${unitText(u.unit)}`;
    declaredKeys.set(u, key);
  }
  return key;
}

/** A type as text. */
export function typeKey(t: Ty): string {
  let key = typeKeys.get(t);
  if (key === undefined) {
    key = makeTypeKey(t);
    typeKeys.set(t, key);
  }
  return key;
}

function makeTypeKey(t: Ty): string {
  switch (t.kind) {
    case "number":
      return `n${unitText(t.unit)}${sep}${t.percent}${sep}${t.dimension ?? ""}`;
    case "boolean":
      return `b${t.dimension ?? ""}`;
    case "period":
    case "text":
    case "unknown":
      return t.kind;
  }
}

/** Fingerprints of one symbol table's answers, each made once. */
export class Fingerprints {
  private readonly items = new Map<ItemInfo, string>();
  private readonly dims = new Map<DimensionInfo, string>();
  private readonly sets = new Map<string, string>();

  constructor(readonly table: SymbolTable) {}

  dimension(d: DimensionInfo | undefined): string {
    if (d === undefined) return "";
    let key = this.dims.get(d);
    if (key === undefined) {
      key = `${d.name}${sep}${d.label}`;
      for (const m of d.members) key += `${sep}${m.name}\u0001${m.label}`;
      this.dims.set(d, key);
    }
    return key;
  }

  item(v: ItemInfo | undefined): string {
    if (v === undefined) return "";
    let key = this.items.get(v);
    if (key === undefined) {
      const opening = v.decl.kind === "calc" && v.decl.opening !== undefined ? 1 : 0;
      key = `${v.id}${sep}${v.decl.kind}${sep}${opening}${sep}${declaredKey(v.declared)}${sep}${this.dimension(v.dimension)}`;
      this.items.set(v, key);
    }
    return key;
  }

  /** `I`, `D`, `O` or `J`: see {@link Lookups}. */
  set(which: string): string {
    let key = this.sets.get(which);
    if (key === undefined) {
      const t = this.table;
      if (which === "I") key = [...t.itemsByName.keys()].join(sep);
      else if (which === "D") key = [...t.dimensions.keys()].join(sep);
      else if (which === "O") key = [...t.otherNames].map(([n, k]) => `${n}\u0001${k}`).join(sep);
      else if (which === "F") key = [...t.functions.keys()].join(sep);
      else key = t.items.map((i) => `${i.name}\u0001${this.item(i)}`).join(sep);
      this.sets.set(which, key);
    }
    return key;
  }

  /** The fingerprint now of the lookup whose key is `kind` + `name` (types through `typeOf`). */
  current(kind: string, name: string, typeOf: (item: ItemInfo) => Ty): string {
    const t = this.table;
    if (kind === "i") return this.item(t.itemsByName.get(name));
    if (kind === "t") {
      const item = t.itemsByName.get(name);
      return item === undefined ? "\u0001none" : typeKey(typeOf(item));
    }
    if (kind === "d") return this.dimension(t.dimensions.get(name));
    if (kind === "o") return t.otherNames.get(name) ?? "";
    if (kind === "f") return t.functions.get(name)?.key ?? "";
    return this.set(kind + name);
  }
}

/** A map that records every lookup in `lookups`. */
class RecordingMap<V> implements ReadonlyMap<string, V> {
  constructor(
    private readonly inner: ReadonlyMap<string, V>,
    private readonly kind: string,
    private readonly all: string,
    private readonly fingerprint: (v: V | undefined) => string,
    private readonly fingerprints: Fingerprints,
    private readonly lookups: Lookups,
  ) {}

  private record(name: string): V | undefined {
    const v = this.inner.get(name);
    const key = this.kind + name;
    if (!this.lookups.has(key)) this.lookups.set(key, this.fingerprint(v));
    return v;
  }

  private recordAll(which: string): void {
    if (!this.lookups.has(which)) this.lookups.set(which, this.fingerprints.set(which));
  }

  get(name: string): V | undefined {
    return this.record(name);
  }
  has(name: string): boolean {
    return this.record(name) !== undefined;
  }
  get size(): number {
    this.recordAll(this.all);
    return this.inner.size;
  }
  keys(): MapIterator<string> {
    this.recordAll(this.all);
    return this.inner.keys();
  }
  values(): MapIterator<V> {
    this.recordAll(this.all === "I" ? "J" : this.all);
    return this.inner.values();
  }
  entries(): MapIterator<[string, V]> {
    this.recordAll(this.all === "I" ? "J" : this.all);
    return this.inner.entries();
  }
  forEach(callback: (value: V, key: string, map: ReadonlyMap<string, V>) => void): void {
    this.recordAll(this.all === "I" ? "J" : this.all);
    this.inner.forEach((v, k) => callback(v, k, this));
  }
  [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries();
  }
}

/**
 * A view of the symbol table that records every lookup in `lookups`. The periods (`years`,
 * `labels`) are not recorded: a change of periods re-checks every declaration.
 */
export function recordingTable(f: Fingerprints, lookups: Lookups): SymbolTable {
  const t = f.table;
  const items = new RecordingMap(t.itemsByName, "i", "I", (v) => f.item(v), f, lookups);
  const dimensions = new RecordingMap(t.dimensions, "d", "D", (v) => f.dimension(v), f, lookups);
  const otherNames = new RecordingMap(t.otherNames, "o", "O", (v) => v ?? "", f, lookups);
  const functions = new RecordingMap(t.functions, "f", "F", (v) => v?.key ?? "", f, lookups);
  return {
    title: t.title,
    years: t.years,
    labels: t.labels,
    get items() {
      if (!lookups.has("J")) lookups.set("J", f.set("J"));
      return t.items;
    },
    itemsByName: items,
    dimensions,
    otherNames,
    functionDecls: t.functionDecls,
    functions,
  };
}

/**
 * True when every lookup except an inferred type (`t`) gives the same fingerprint from `now` as
 * from `before`: the same line items in the same places (name, kind, opening, declared unit,
 * dimension), the same dimensions, functions (by interface) and other names, in the same order. One pass of
 * comparisons, so that an edit inside one declaration's formula or values need not re-validate the
 * recorded lookups of every other declaration.
 */
export function sameWorld(before: Fingerprints, now: Fingerprints): boolean {
  const a = before.table;
  const b = now.table;
  if (a.items.length !== b.items.length) return false;
  for (let i = 0; i < a.items.length; i++) {
    const x = a.items[i] as ItemInfo;
    const y = b.items[i] as ItemInfo;
    if (
      x.name !== y.name ||
      x.decl.kind !== y.decl.kind ||
      hasOpening(x) !== hasOpening(y) ||
      x.dimension?.name !== y.dimension?.name ||
      (x.declared !== y.declared && declaredKey(x.declared) !== declaredKey(y.declared))
    ) {
      return false;
    }
  }
  if (a.dimensions.size !== b.dimensions.size) return false;
  const dims = b.dimensions.values();
  for (const x of a.dimensions.values()) {
    const y = dims.next().value as DimensionInfo;
    if (x !== y && before.dimension(x) !== now.dimension(y)) return false;
  }
  if (a.functions.size !== b.functions.size) return false;
  const fns = b.functions.values();
  for (const x of a.functions.values()) {
    const y = fns.next().value as FunctionSig;
    if (x.name !== y.name || x.key !== y.key) return false;
  }
  if (a.otherNames.size !== b.otherNames.size) return false;
  const others = b.otherNames.entries();
  for (const [name, kind] of a.otherNames) {
    const [n, k] = others.next().value as [string, string];
    if (name !== n || kind !== k) return false;
  }
  return true;
}

const hasOpening = (v: ItemInfo): boolean => v.decl.kind === "calc" && v.decl.opening !== undefined;

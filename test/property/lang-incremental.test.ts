import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseModel } from "../../src/lang";
import { absoluteDecls, chunkStarts, IncrementalParser } from "../../src/lang/syntax/incremental";
import { tokenSoupArb } from "../support/lang-arbitraries";

const seed = 20261122;
const examplesDir = join(__dirname, "..", "..", "examples");
const examples = readdirSync(examplesDir)
  .filter((f) => f.endsWith(".precept"))
  .map((f) => readFileSync(join(examplesDir, f), "utf8"));

/** A tree without its node ids, which are numbered differently by the incremental parse. */
function withoutIds(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutIds);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([k]) => k !== "id")
      .map(([k, v]) => [k, withoutIds(v)]),
  );
}

function ids(value: unknown, out: number[] = []): number[] {
  if (Array.isArray(value)) for (const v of value) ids(v, out);
  else if (typeof value === "object" && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      if (k === "id" && typeof v === "number") out.push(v);
      else ids(v, out);
    }
  }
  return out;
}

/**
 * The incremental parse (by `parser`, which keeps its chunks from text to text) equals the whole
 * parse once its declaration-relative spans are made absolute, its node ids are unique, and its
 * chunks are those a scan of the whole text gives.
 */
function agrees(text: string, parser = new IncrementalParser()): void {
  const incremental = parser.parse(text);
  const absolute = {
    ...incremental,
    ast: { ...incremental.ast, decls: absoluteDecls(incremental.ast.decls) },
  };
  expect(withoutIds(absolute)).toEqual(withoutIds(parseModel(text)));
  const all = ids(incremental.ast);
  expect(new Set(all).size).toBe(all.length);
  // The chunk starts found from the previous parse's are those of a scan of the whole text.
  if (parser.starts.length > 0) expect(parser.starts).toEqual(chunkStarts(text));
}

type Edit =
  | { readonly kind: "delete"; readonly at: number }
  | { readonly kind: "duplicate"; readonly at: number }
  | { readonly kind: "insert"; readonly at: number; readonly line: string }
  | { readonly kind: "type"; readonly at: number; readonly text: string };

const line = fc.oneof(
  tokenSoupArb.map((s) => s.replace(/\n/g, " ")),
  fc.constantFrom(
    "x = 1",
    "  | 2020/21 : 5",
    "table",
    "north 1 2",
    "north (1) 2",
    "}",
    "scenario s {",
    '  "unterminated {',
    "# { comment",
    "then 2",
    "## Section",
    "and y",
    "x (£m) = y + z",
    "",
  ),
);
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("duplicate" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), line }),
  fc.record({
    kind: fc.constant("type" as const),
    at: fc.nat(),
    text: fc.constantFrom("1", "{", "}", '"', "#", "\n", " ", "(", "x", "\r\n", "£"),
  }),
);

function apply(text: string, e: Edit): string {
  if (e.kind === "type") {
    const at = e.at % (text.length + 1);
    return text.slice(0, at) + e.text + text.slice(at);
  }
  const lines = text.split("\n");
  const at = e.at % lines.length;
  if (e.kind === "delete") lines.splice(at, 1);
  else if (e.kind === "duplicate") lines.splice(at, 0, lines[at] ?? "");
  else lines.splice(at, 0, e.line);
  return lines.join("\n");
}

describe("incremental parsing", () => {
  it("parses every example as the whole-text parser does", () => {
    for (const text of examples) agrees(text);
  });

  it("agrees with the whole-text parser on token soup", () => {
    fc.assert(
      fc.property(tokenSoupArb, (t) => agrees(t)),
      { seed, numRuns: 1000 },
    );
  });

  it("agrees with the whole-text parser on arbitrary text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 300 }), (t) => agrees(t)),
      {
        seed,
        numRuns: 300,
      },
    );
  });

  it("agrees after every edit of random edit sequences on the examples", () => {
    fc.assert(
      fc.property(
        fc.nat(examples.length - 1),
        fc.array(edit, { minLength: 1, maxLength: 15 }),
        (which, edits) => {
          const parser = new IncrementalParser();
          let text = examples[which] ?? "";
          agrees(text, parser);
          for (const e of edits) {
            text = apply(text, e);
            agrees(text, parser);
          }
        },
      ),
      { seed, numRuns: 60 },
    );
  }, 300_000);
});

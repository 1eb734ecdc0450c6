import { describe, expect, it } from "vitest";
import {
  FakeDisk,
  FakeStorageAdapter,
  Limits,
  PersistCodes,
  Workspace,
  backupFormat,
  parseBackup,
} from "../../../src/persist";
import { jsonDepth, type BackupProbe } from "../../../src/persist/backup";
import { probeModelText } from "../../../src/service";
import { makeIds, value } from "./support";

function makeWorkspace(prefix = "m") {
  const disk = new FakeDisk();
  let t = 1000;
  const workspace = new Workspace(new FakeStorageAdapter(disk), {
    now: () => (t += 1),
    newId: makeIds(prefix),
  });
  return { disk, workspace };
}

const backupOf = (models: unknown) =>
  JSON.stringify({ format: backupFormat, schemaVersion: 2, exportedAt: 1, models });
const oneModel = (extra: Record<string, unknown> = {}) =>
  backupOf([
    {
      name: "A",
      createdAt: 1,
      versions: [{ rev: 1, savedAt: 1, kind: "explicit", text: "a\n" }],
      ...extra,
    },
  ]);

/** A probe that takes any text: these tests are about the file's structure, not its models. */
const anyText: BackupProbe = () => null;

describe("workspace backup", () => {
  it("export then import into another workspace keeps every model, version, label and text", async () => {
    const source = makeWorkspace();
    value(await source.workspace.createModel("Council tax", "v1\n"));
    await source.workspace.saveModel("m1", "v2\n", 1, { kind: "explicit", label: "Budget" });
    await source.workspace.saveModel("m1", "v3\n", 2, { kind: "autosave" });
    value(await source.workspace.createModel("Capital", "c\n"));
    value(await source.workspace.createModel("Trashed", "t\n"));
    value(await source.workspace.deleteModel("m3"));
    const json = value(await source.workspace.exportBackup());

    const target = makeWorkspace("n");
    value(await target.workspace.createModel("Council tax", "unrelated\n"));
    const imported = value(await target.workspace.importBackup(json, anyText));
    // The trashed model is not exported; the clashing name gets a suffix; nothing is overwritten.
    expect(imported.map((m) => [m.name, m.rev])).toEqual([
      ["Council tax (2)", 3],
      ["Capital", 1],
    ]);
    expect(value(await target.workspace.openModel("n1")).text).toBe("unrelated\n");
    const id = imported[0]?.id ?? "";
    expect(value(await target.workspace.openModel(id)).text).toBe("v3\n");
    const versions = value(await target.workspace.listVersions(id));
    expect(versions.map((v) => [v.rev, v.kind, v.label ?? null])).toEqual([
      [3, "autosave", null],
      [2, "explicit", "Budget"],
      [1, "explicit", null],
    ]);
    const texts = await Promise.all(
      versions.map(async (v) => value(await target.workspace.readVersion(id, v.id))),
    );
    expect(texts).toEqual(["v3\n", "v2\n", "v1\n"]);
  });

  // Each rejected file must leave the database exactly as it was (P10).
  const hostile: [string, string][] = [
    [
      "a __proto__ key",
      oneModel({ __proto__: { polluted: true } }).replace(
        '"name"',
        '"__proto__":{"polluted":true},"name"',
      ),
    ],
    ["a constructor key", oneModel({ constructor: { prototype: { polluted: true } } })],
    [
      "a prototype key deep inside",
      backupOf([
        {
          name: "A",
          createdAt: 1,
          versions: [{ rev: 1, savedAt: 1, kind: "explicit", text: "a", prototype: 1 }],
        },
      ]),
    ],
    ["100k-deep JSON", `${"[".repeat(100_000)}${"]".repeat(100_000)}`],
    ["invalid JSON", "{ not json"],
    ["a JSON array", "[]"],
    [
      "a newer schema",
      JSON.stringify({ format: backupFormat, schemaVersion: 99, exportedAt: 1, models: [] }),
    ],
    ["a model with no versions", backupOf([{ name: "A", createdAt: 1, versions: [] }])],
    [
      "versions out of order",
      backupOf([
        {
          name: "A",
          createdAt: 1,
          versions: [
            { rev: 2, savedAt: 1, kind: "explicit", text: "b" },
            { rev: 1, savedAt: 1, kind: "explicit", text: "a" },
          ],
        },
      ]),
    ],
    [
      "a bidi control in a text",
      backupOf([
        {
          name: "A",
          createdAt: 1,
          versions: [{ rev: 1, savedAt: 1, kind: "explicit", text: "a\u202Eb" }],
        },
      ]),
    ],
    [
      "a NUL in a text",
      backupOf([
        {
          name: "A",
          createdAt: 1,
          versions: [{ rev: 1, savedAt: 1, kind: "explicit", text: "a\u0000b" }],
        },
      ]),
    ],
    [
      "a 3 MB text",
      backupOf([
        {
          name: "A",
          createdAt: 1,
          versions: [{ rev: 1, savedAt: 1, kind: "explicit", text: "x".repeat(3_000_000) }],
        },
      ]),
    ],
  ];
  it.each(hostile)("rejects %s with P5008 and changes nothing", async (_label, text) => {
    const { disk, workspace } = makeWorkspace();
    value(await workspace.createModel("Keep", "k\n"));
    const before = JSON.stringify(disk.dump());
    const result = await workspace.importBackup(text, anyText);
    expect(result).toMatchObject({ ok: false, reason: "invalid", code: PersistCodes.badBackup });
    expect(JSON.stringify(disk.dump())).toBe(before);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });

  it("accepts nesting up to Limits.maxBackupDepth (8) and rejects one more", () => {
    // The backup object, models array, model, versions array and version are 5 levels; an
    // unknown field holding [[[1]]] adds 3 more (8), [[[[1]]]] adds 4 (9).
    const withExtra = (extra: unknown) =>
      backupOf([
        {
          name: "A",
          createdAt: 1,
          versions: [{ rev: 1, savedAt: 1, kind: "explicit", text: "a", extra }],
        },
      ]);
    expect(Limits.maxBackupDepth).toBe(8);
    expect(jsonDepth(oneModel(), 100)).toBe(5);
    expect(parseBackup(withExtra([[[1]]]), 1).ok).toBe(true);
    expect(parseBackup(withExtra([[[[1]]]]), 1)).toMatchObject({
      ok: false,
      code: PersistCodes.badBackup,
    });
    // Brackets inside strings, and escaped quotes, do not count.
    expect(jsonDepth('{"a":"[[[[[[[[[[[[[[[[\\"]]]"}', 100)).toBe(1);
  });
});

describe("importBackup checks dates and test-evaluates every text (issue 16)", () => {
  const model = (body: string) => `model "M"\nperiods 2019/20 .. 2020/21\n${body}`;
  const year2100 = Date.UTC(2100, 0, 1);
  const backupAt = (dates: { exportedAt?: number; createdAt?: number; savedAt?: number }) =>
    JSON.stringify({
      format: backupFormat,
      schemaVersion: 3,
      exportedAt: dates.exportedAt ?? 1,
      models: [
        {
          name: "A",
          createdAt: dates.createdAt ?? 1,
          versions: [
            { rev: 1, savedAt: 1, kind: "explicit", text: model("input a = 1\n") },
            { rev: 2, savedAt: dates.savedAt ?? 2, kind: "autosave", text: model("input a = 2\n") },
          ],
        },
      ],
    });

  it.each([
    ["a version saved in 2100", { savedAt: year2100 }],
    ["a model created in 2100", { createdAt: year2100 }],
    ["a backup exported in 2100", { exportedAt: year2100 }],
  ])("refuses %s with P5008 and changes nothing", async (_label, dates) => {
    const { disk, workspace } = makeWorkspace();
    value(await workspace.createModel("Keep", "k\n"));
    const before = JSON.stringify(disk.dump());
    const result = await workspace.importBackup(backupAt(dates), probeModelText);
    expect(result).toMatchObject({ ok: false, reason: "invalid", code: PersistCodes.badBackup });
    expect(result.ok ? "" : result.message).toContain("2100-01-01");
    expect(JSON.stringify(disk.dump())).toBe(before);
  });

  it("accepts a date a little after the importing clock (another computer's clock runs fast)", () => {
    const now = Date.UTC(2026, 0, 1);
    const hourAhead = now + 60 * 60 * 1000;
    expect(parseBackup(backupAt({ savedAt: hourAhead }), now).ok).toBe(true);
    expect(parseBackup(backupAt({ savedAt: now + Limits.maxClockSkewMs + 1 }), now).ok).toBe(false);
  });

  it("refuses a backup with a text that is not a model, even in an old version, and changes nothing", async () => {
    const { disk, workspace } = makeWorkspace();
    value(await workspace.createModel("Keep", "k\n"));
    const before = JSON.stringify(disk.dump());
    const text = JSON.stringify({
      format: backupFormat,
      schemaVersion: 3,
      exportedAt: 1,
      models: [
        {
          name: "Web page",
          createdAt: 1,
          versions: [
            { rev: 1, savedAt: 1, kind: "explicit", text: "<html><script>alert(1)</script>" },
            { rev: 2, savedAt: 2, kind: "explicit", text: model("input a = 1\n") },
          ],
        },
      ],
    });
    const result = await workspace.importBackup(text, probeModelText);
    expect(result).toMatchObject({ ok: false, reason: "invalid", code: PersistCodes.badBackup });
    expect(result.ok ? "" : result.message).toContain("version 1");
    expect(JSON.stringify(disk.dump())).toBe(before);
  });

  it("imports a backup whose every text is a model, with its errors as they are", async () => {
    const { workspace } = makeWorkspace();
    const text = backupAt({});
    const imported = value(await workspace.importBackup(text, probeModelText));
    expect(imported.map((m) => [m.name, m.rev])).toEqual([["A", 2]]);
    // A model with an error diagnostic is still a model: it is imported, as a file import would.
    const broken = text.replace("input a = 2", "x = a +");
    expect(value(await workspace.importBackup(broken, probeModelText))).toHaveLength(1);
  });
});

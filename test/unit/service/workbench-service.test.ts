import { describe, expect, it } from "vitest";
import { FakeDisk, FakeStorageAdapter, Workspace } from "../../../src/persist";
import { workbenchMethods, type Reply, type WorkbenchApi } from "../../../src/protocol";
import { makeTemplates, makeWorkbenchService } from "../../../src/service";

const councilTax = `# A small council tax projection.
model "Council tax"
periods 2019/20 .. 2020/21
input taxbase (properties) = 250,000
input band_d (£ per property) = £1,500
income (£m) = taxbase * band_d
`;

function makeService(disk = new FakeDisk()) {
  let clock = 1_000;
  const now = () => (clock += 1);
  const workspace = new Workspace(new FakeStorageAdapter(disk, {}, now), { now });
  const service = makeWorkbenchService({
    workspace,
    templates: makeTemplates({ "../../examples/council-tax.precept": councilTax }),
    elapsed: () => 0,
    storageStatus: () => Promise.resolve({ persisted: false, usage: null, quota: null }),
  });
  return { service, disk, workspace };
}

async function value<T>(reply: Promise<Reply<T>>): Promise<T> {
  const settled = await reply;
  if (!settled.ok) throw new Error(`unexpected failure: ${settled.message}`);
  return settled.value;
}

describe("the workbench service", () => {
  it("formulas() gives each calculated line's formulas as written and the one each period uses", async () => {
    const { service } = makeService();
    const startup = await value(service.start());
    const text = `${startup.open.text}net (£m) =\n  | 2019/20 : income - £1m\n  | 2020/21 : income\n`;
    await value(service.evaluate(2, text));
    const formulas = await value(service.formulas(2));
    expect(formulas.revision).toBe(2);
    // Inputs have no formulas; net's main formula is the last period's, the first an exception.
    expect(formulas.lines).toEqual([
      { name: "income", rules: ["taxbase * band_d"], ruleOf: [0, 0] },
      { name: "net", rules: ["income - £1m", "income"], ruleOf: [0, 1] },
    ]);
  });
  it("start() creates a model from a template on first use, so a new user sees numbers", async () => {
    const { service } = makeService();
    const startup = await value(service.start());
    expect(startup.models).toHaveLength(1);
    expect(startup.open.text).toBe(councilTax);
    const evaluation = await value(service.evaluate(1, startup.open.text));
    // The first evaluation of an opened model carries every line.
    const income = evaluation.lines?.find((l) => l.key === "income");
    // 250,000 properties × £1,500 = £375,000,000.
    expect(income?.cells[0]?.value).toBe("375000000");
    expect(evaluation.revision).toBe(1);
  });

  it("evaluate() answers with the revision it was asked for", async () => {
    const { service } = makeService();
    const startup = await value(service.start());
    await value(service.evaluate(6, startup.open.text));
    const later = await value(service.evaluate(7, startup.open.text.replace("£1,500", "£1,600")));
    expect(later.revision).toBe(7);
    // After the first evaluation only the changed lines travel, as a delta on revision 6.
    expect(later.delta?.base).toBe(6);
    expect(later.delta?.lines.map((l) => l.key).sort()).toEqual(["band_d", "income"]);
    expect(later.delta?.lines.find((l) => l.key === "income")?.cells[1]?.value).toBe("400000000");
    const whole = await value(service.fullEvaluation(8));
    expect(whole.lines.map((l) => l.key)).toEqual(["taxbase", "band_d", "income"]);
  });

  it("a save on a stale revision is a conflict that returns the other text and writes nothing", async () => {
    const { service } = makeService();
    const { open } = await value(service.start());
    const first = await value(
      service.save(open.model.id, `${open.text}# one\n`, open.model.rev, { kind: "explicit" }),
    );
    expect(first.ok).toBe(true);
    const stale = await value(
      service.save(open.model.id, `${open.text}# two\n`, open.model.rev, { kind: "explicit" }),
    );
    expect(stale).toMatchObject({
      ok: false,
      reason: "conflict",
      current: { text: `${open.text}# one\n` },
    });
    const reopened = await value(service.openModel(open.model.id));
    expect(reopened.text).toBe(`${open.text}# one\n`);
  });

  it("importing a binary file fails with a code and adds no model", async () => {
    const { service } = makeService();
    await value(service.start());
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    const result = await value(service.importFile("evil.precept", png.buffer));
    expect(result.ok).toBe(false);
    expect((await value(service.listModels())).length).toBe(1);
  });

  it("importing text that is not a model fails and adds no model", async () => {
    const { service } = makeService();
    await value(service.start());
    const bytes = new TextEncoder().encode("<html><script>alert(1)</script></html>");
    const result = await value(service.importFile("page.precept", bytes.buffer));
    expect(result).toMatchObject({ ok: false, code: "P5002" });
    expect((await value(service.listModels())).length).toBe(1);
  });

  it("importing a model never overwrites one with the same name", async () => {
    const { service } = makeService();
    await value(service.start());
    const bytes = new TextEncoder().encode(councilTax);
    const result = await value(service.importFile("Council tax.precept", bytes.buffer));
    expect(result.ok).toBe(true);
    const names = (await value(service.listModels())).map((m) => m.name).sort();
    expect(names).toEqual(["Council tax", "Council tax (2)"]);
  });

  it("a bug inside a request becomes an internal failure reply, and the service keeps working", async () => {
    const { service } = makeService();
    const failed = await service.selfTestFailure();
    expect(failed).toMatchObject({ ok: false, kind: "internal" });
    expect((await service.start()).ok).toBe(true);
  });

  it("securitySelfCheck() tries code from text in the worker and says whether it was refused", async () => {
    const { service } = makeService();
    // Node has no Content-Security-Policy, so here the code runs; a browser worker served with
    // the header refuses it (test/e2e/csp-hosting.spec.ts).
    expect(await value(service.securitySelfCheck())).toEqual({ blocked: false, error: "" });
  });

  it("restoring a version makes a new version and keeps the later ones", async () => {
    const { service } = makeService();
    const { open } = await value(service.start());
    const id = open.model.id;
    const saved = await value(
      service.save(id, `${open.text}# edited\n`, open.model.rev, { kind: "explicit" }),
    );
    if (!saved.ok) throw new Error("save failed");
    const versions = await value(service.listVersions(id));
    const original = versions.find((v) => v.rev === open.model.rev);
    if (!original) throw new Error("no original version");
    const restored = await value(service.restoreVersion(id, original.id));
    expect(restored.text).toBe(open.text);
    expect(restored.model.rev).toBe(saved.rev + 1);
    const after = await value(service.listVersions(id));
    expect(after.map((v) => v.rev).sort((a, b) => a - b)).toEqual([1, 2, 3]);
  });
});

it("the service offers every method of the worker API", () => {
  const service: WorkbenchApi = makeService().service;
  // Beyond the protocol, only what the worker itself calls (settleDrafts, P4).
  const offered = Object.keys(service).filter((k) => k !== "settleDrafts");
  expect(offered.sort()).toEqual([...workbenchMethods].sort());
});

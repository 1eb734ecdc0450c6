// @vitest-environment jsdom
import { render } from "solid-js/web";
import { afterEach, describe, expect, test } from "vitest";
import { ChecksList, MasterCheckBadge } from "../../../../src/ui/checks";
import type { CheckDto } from "../../../../src/protocol";
import { makeHost, must } from "../dom";

let dispose: (() => void) | undefined;
afterEach(() => {
  dispose?.();
  document.body.innerHTML = "";
});

function badge(m: { passed: boolean; failed: number; known: number }, onOpen?: () => void) {
  const host = makeHost();
  dispose?.();
  dispose = render(
    () => <MasterCheckBadge masterCheck={m} {...(onOpen ? { onOpen } : {})} />,
    host,
  );
  const el = must(host.querySelector<HTMLElement>(".pc-badge"));
  return { state: el.dataset["state"], text: el.textContent, el };
}

describe("MasterCheckBadge", () => {
  test("all passing", () => {
    expect(badge({ passed: true, failed: 0, known: 0 })).toMatchObject({
      state: "passed",
      text: "✓Checks pass",
    });
  });
  test("passing with known findings", () => {
    expect(badge({ passed: true, failed: 0, known: 2 })).toMatchObject({
      state: "known",
      text: "✓Checks pass · 2 known findings",
    });
  });
  test("failures, singular and plural, with known findings", () => {
    expect(badge({ passed: false, failed: 1, known: 1 })).toMatchObject({
      state: "failed",
      text: "✗1 check failed · 1 known finding",
    });
    expect(badge({ passed: false, failed: 3, known: 0 })).toMatchObject({
      state: "failed",
      text: "✗3 checks failed",
    });
  });
  test("a failed master check with no count still reads as failed", () => {
    expect(badge({ passed: false, failed: 0, known: 0 }).state).toBe("failed");
  });
  test("is a button only when it can open the list", () => {
    expect(badge({ passed: true, failed: 0, known: 0 }).el.tagName).toBe("SPAN");
    let opened = 0;
    const b = badge({ passed: true, failed: 0, known: 0 }, () => (opened += 1));
    expect(b.el.tagName).toBe("BUTTON");
    b.el.click();
    expect(opened).toBe(1);
  });
  test("a model with errors shows their count apart, and its checks are never green", () => {
    const host = makeHost();
    let shown = 0;
    dispose = render(
      () => (
        <MasterCheckBadge
          masterCheck={{ passed: true, failed: 0, known: 0 }}
          errors={2}
          onShowErrors={() => (shown += 1)}
        />
      ),
      host,
    );
    const [errors, checks] = [...host.querySelectorAll<HTMLElement>(".pc-badge")];
    expect(errors?.dataset["state"]).toBe("error");
    expect(errors?.textContent).toBe("✗2 errors");
    expect(checks?.dataset["state"]).toBe("unproven");
    expect(checks?.textContent).not.toContain("pass");
    errors?.click();
    expect(shown).toBe(1);
  });
  test("failed checks stay red beside errors", () => {
    const host = makeHost();
    dispose = render(
      () => <MasterCheckBadge masterCheck={{ passed: false, failed: 1, known: 0 }} errors={1} />,
      host,
    );
    const states = [...host.querySelectorAll<HTMLElement>(".pc-badge")].map(
      (b) => `${b.dataset["state"] ?? ""}:${b.textContent}`,
    );
    expect(states).toEqual(["error:1 error", "failed:✗1 check failed"]);
  });
  test("announces changes through a status region", () => {
    const host = makeHost();
    dispose = render(
      () => <MasterCheckBadge masterCheck={{ passed: true, failed: 0, known: 0 }} />,
      host,
    );
    expect(host.querySelector('[role="status"]')).not.toBeNull();
  });
});

describe("ChecksList", () => {
  const check = (name: string, passed: boolean, extra: Partial<CheckDto> = {}): CheckDto => ({
    name,
    label: name,
    passed,
    failures: [],
    from: 0,
    to: 0,
    ...extra,
  });
  const checks = [
    check("ok_one", true),
    check("ties", false, {
      from: 5,
      to: 9,
      failures: [{ period: "2021/22", left: "£404.723m", right: "£404.730m", message: "Differs." }],
    }),
    check("explained", false, { known: "Reported net of parishes.", failures: [] }),
  ];
  test("groups failed, known and passed checks, failures with period and both sides", () => {
    const host = makeHost();
    const revealed: string[] = [];
    dispose = render(
      () => <ChecksList checks={checks} onReveal={(f, t) => revealed.push(`${f}..${t}`)} />,
      host,
    );
    const group = (kind: string) =>
      [...host.querySelectorAll(`[data-group="${kind}"] .pc-check-head button`)].map(
        (b) => b.textContent,
      );
    expect(group("failed")).toEqual(["ties"]);
    expect(group("known")).toEqual(["explained"]);
    expect(group("passed")).toEqual(["ok_one"]);
    const cells = [...host.querySelectorAll('[data-group="failed"] tbody td')].map(
      (td) => td.textContent,
    );
    expect(cells).toEqual(["2021/22", "£404.723m", "£404.730m", "Differs."]);
    expect(must(host.querySelector(".pc-check-known")).textContent).toContain(
      "Reported net of parishes.",
    );
    must(host.querySelector<HTMLElement>('[data-group="failed"] .pc-check-head button')).click();
    expect(revealed).toEqual(["5..9"]);
  });
});

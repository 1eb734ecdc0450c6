import { describe, expect, it } from "vitest";
import { readStorageStatus, requestPersistence } from "../../../src/persist";

describe("storage status (P7)", () => {
  it("reports persisted, usage and quota from the storage manager", async () => {
    const manager = {
      persisted: () => Promise.resolve(true),
      estimate: () => Promise.resolve({ usage: 1234, quota: 5_000_000 }),
    };
    expect(await readStorageStatus(manager)).toEqual({
      persisted: true,
      usage: 1234,
      quota: 5_000_000,
    });
  });

  it("reports unknown usage as null, not zero, and a missing manager as not persisted", async () => {
    expect(
      await readStorageStatus({
        persisted: () => Promise.resolve(false),
        estimate: () => Promise.reject(new Error("no")),
      }),
    ).toEqual({
      persisted: false,
      usage: null,
      quota: null,
    });
    expect(await readStorageStatus(undefined)).toEqual({
      persisted: false,
      usage: null,
      quota: null,
    });
  });

  it("requestPersistence returns the browser's answer, and false where persist() is missing or throws", async () => {
    expect(await requestPersistence({ persist: () => Promise.resolve(true) })).toBe(true);
    expect(await requestPersistence({ persist: () => Promise.resolve(false) })).toBe(false);
    expect(await requestPersistence({})).toBe(false);
    expect(await requestPersistence({ persist: () => Promise.reject(new Error("denied")) })).toBe(
      false,
    );
  });
});

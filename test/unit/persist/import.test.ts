import { describe, expect, it } from "vitest";
import {
  Limits,
  PersistCodes,
  nameFromFileName,
  uniqueName,
  validateImport,
} from "../../../src/persist";

const utf8 = (text: string) => new TextEncoder().encode(text);

describe("validateImport (P10)", () => {
  it("accepts UTF-8 text, drops a BOM, turns CRLF into LF and takes the name from the file", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("a = 1\r\nb = 2\rc = 3\n")]);
    expect(validateImport("C:\\models\\Council tax.precept", bytes)).toEqual({
      ok: true,
      text: "a = 1\nb = 2\nc = 3\n",
      name: "Council tax",
    });
  });

  it("NFC-normalises: a decomposed 'Café' becomes the composed one", () => {
    const nfd = "Cafe\u0301 = 1\n";
    const result = validateImport("cafe\u0301.precept", nfd);
    expect(result).toEqual({ ok: true, text: "Caf\u00e9 = 1\n", name: "caf\u00e9" });
  });

  it("accepts exactly the byte cap and rejects one byte more (P5001)", () => {
    const atCap = "x".repeat(Limits.maxImportBytes);
    expect(validateImport("big.precept", atCap).ok).toBe(true);
    const over = validateImport("big.precept", utf8(`${atCap}y`));
    expect(over).toMatchObject({ ok: false, code: PersistCodes.fileTooLarge });
    // Multi-byte characters count as bytes, not characters: 2^20 "é" are 2 MiB + 2 bytes over.
    expect(
      validateImport("e.precept", "\u00e9".repeat(Limits.maxImportBytes / 2 + 1)),
    ).toMatchObject({
      code: PersistCodes.fileTooLarge,
    });
  });

  it("rejects a 5 MB string without decoding it", () => {
    expect(validateImport("huge.precept", "a".repeat(5_000_000))).toMatchObject({
      code: PersistCodes.fileTooLarge,
    });
  });

  it.each([
    ["invalid UTF-8 (a lone continuation byte)", new Uint8Array([0x61, 0x80, 0x62])],
    ["a NUL byte", new Uint8Array([0x61, 0x00, 0x62])],
    ["UTF-16LE text", new Uint8Array([0xff, 0xfe, 0x61, 0x00])],
    ["a PNG header", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])],
    ["a lone surrogate in a string", "a = \ud800\n"],
    ["an escape character", "a = 1\u001b[31m\n"],
  ])("rejects %s as not text (P5002)", (_label, input) => {
    expect(validateImport("bad.precept", input)).toMatchObject({
      ok: false,
      code: PersistCodes.notText,
    });
  });

  it("rejects bidirectional controls with the offset of the first one (Trojan Source)", () => {
    const text = "x = 1\nadmin = \u202Eyes\n";
    const result = validateImport("t.precept", text);
    // "x = 1\n" is 6 code units, "admin = " 8 more: the override is at offset 14.
    expect(result).toMatchObject({ ok: false, code: PersistCodes.bidiControl, from: 14, to: 15 });
    if (!result.ok) expect(result.message).toContain("line 2, column 9");
    for (const c of ["\u2066", "\u2069", "\u200F", "\u061C"]) {
      expect(validateImport("t.precept", `a${c}b`)).toMatchObject({
        code: PersistCodes.bidiControl,
      });
    }
  });

  it("accepts tabs and right-to-left letters, which are text", () => {
    expect(validateImport("r.precept", "\ta = 1 # \u05e9\u05dc\u05d5\u05dd\n").ok).toBe(true);
  });
});

describe("model names from files and clashes", () => {
  it.each([
    ["Council tax.precept", "Council tax"],
    ["dir/sub/MTFP 2025.PRECEPT", "MTFP 2025"],
    ["notes.txt", "notes"],
    ["   .precept", "Imported model"],
    ["evil\u202Egnp.precept", "evilgnp"],
    ["tab\tand\nnewline.precept", "tab and newline"],
  ])("%j is named %j", (file, name) => {
    expect(nameFromFileName(file)).toBe(name);
  });

  it("caps a long name", () => {
    expect(nameFromFileName(`${"a".repeat(500)}.precept`)).toHaveLength(Limits.maxNameLength);
  });

  it("uniqueName adds the first free number, case-insensitively, counting on from an existing one", () => {
    expect(uniqueName("Council tax", [])).toBe("Council tax");
    expect(uniqueName("Council tax", ["council tax"])).toBe("Council tax (2)");
    expect(uniqueName("Council tax", ["Council tax", "Council tax (2)"])).toBe("Council tax (3)");
    expect(uniqueName("Council tax (2)", ["Council tax (2)"])).toBe("Council tax (3)");
    expect(uniqueName("Caf\u00e9", ["Cafe\u0301"])).toBe("Caf\u00e9 (2)");
  });
});

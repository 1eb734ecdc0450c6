/**
 * Validation of an imported model file (P10), before the language parses it. Pure: it touches no
 * storage, so a rejected import changes nothing.
 */
import { PersistCodes } from "./codes";
import { Limits } from "./limits";
import { cleanName, findBidiControl } from "./names";

/** The outcome of `validateImport`. `from`/`to` locate the offending character when there is one. */
export type ImportResult =
  | { readonly ok: true; readonly text: string; readonly name: string }
  | {
      readonly ok: false;
      readonly code: (typeof PersistCodes)[keyof typeof PersistCodes];
      readonly message: string;
      readonly from?: number;
      readonly to?: number;
    };

/** The name a model file gets: the file name without folders and without `.precept`/`.txt`. */
export function nameFromFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/u).pop() ?? "";
  const stem = base.replace(/\.(precept|txt)$/iu, "");
  return cleanName(stem) || "Imported model";
}

// Controls that never occur in a text model: everything below U+0020 except tab, LF and CR, and
// DEL. A NUL byte is the usual sign of a binary file (or UTF-16 read as UTF-8).
// eslint-disable-next-line no-control-regex
const binaryPattern = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/u;
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;

/** The 1-based line and column of `offset` in `text`, for messages. */
function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split("\n");
  return `line ${before.length}, column ${(before[before.length - 1]?.length ?? 0) + 1}`;
}

const toBytes = (input: Uint8Array | ArrayBuffer): Uint8Array =>
  input instanceof Uint8Array ? input : new Uint8Array(input);

/**
 * Checks an imported file: at most `Limits.maxImportBytes` UTF-8 bytes, valid UTF-8 (a BOM is
 * dropped), no NUL or other binary controls, no lone surrogates, no bidirectional controls.
 * Returns the text NFC-normalised with CRLF and CR line ends turned into LF, and the model name
 * taken from the file name.
 */
export function validateImport(
  fileName: string,
  input: Uint8Array | ArrayBuffer | string,
): ImportResult {
  const size =
    typeof input === "string" ? new TextEncoder().encode(input).byteLength : input.byteLength;
  if (size > Limits.maxImportBytes) {
    const mib = (Limits.maxImportBytes / (1024 * 1024)).toString();
    return {
      ok: false,
      code: PersistCodes.fileTooLarge,
      message: `'${fileName}' is ${size.toString()} bytes; a model file may be at most ${mib} MB. Split the model or remove unused data.`,
    };
  }
  let decoded: string;
  if (typeof input === "string") {
    decoded = input.startsWith("\uFEFF") ? input.slice(1) : input;
    const surrogate = loneSurrogate.exec(decoded);
    if (surrogate !== null) return notText(fileName, decoded, surrogate.index);
  } else {
    try {
      decoded = new TextDecoder("utf-8", { fatal: true }).decode(toBytes(input));
    } catch {
      return {
        ok: false,
        code: PersistCodes.notText,
        message: `'${fileName}' is not UTF-8 text. Save it as UTF-8 plain text and import it again.`,
      };
    }
  }
  const binary = binaryPattern.exec(decoded);
  if (binary !== null) return notText(fileName, decoded, binary.index);
  const bidi = findBidiControl(decoded);
  if (bidi >= 0) {
    const code = decoded.codePointAt(bidi)?.toString(16).toUpperCase().padStart(4, "0") ?? "";
    return {
      ok: false,
      code: PersistCodes.bidiControl,
      message: `'${fileName}' contains the invisible text-direction control U+${code} at ${lineAndColumn(decoded, bidi)}; it can make text read differently from how it runs. Remove it and import again.`,
      from: bidi,
      to: bidi + 1,
    };
  }
  const text = decoded.replace(/\r\n?/gu, "\n").normalize("NFC");
  return { ok: true, text, name: nameFromFileName(fileName) };
}

function notText(fileName: string, text: string, offset: number): ImportResult {
  return {
    ok: false,
    code: PersistCodes.notText,
    message: `'${fileName}' is not a text model file: it has a binary character at ${lineAndColumn(text, offset)}. Import the .precept text file instead.`,
    from: offset,
    to: offset + 1,
  };
}

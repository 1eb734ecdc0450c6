/**
 * Messages between the UI and the engine worker. Plain, structured-clone data only: decimals are
 * strings, errors are `{ code, message }` records, never class instances. Every reply that
 * describes a model's values carries the `revision` it was computed for; the client drops replies
 * older than what it has already shown.
 */

import type {
  CellSnapshot,
  CheckReader,
  CheckSnapshot,
  DiagnosticSnapshot,
  ErrorInfo,
  ExplainNode,
  LineSnapshot,
} from "../engine";

/** The version of the worker protocol; bumped when a message shape changes. */
export const protocolVersion = 1;

// The shapes the engine produces cross the boundary as they are (they are plain data already),
// so the protocol names them instead of copying them: the two can never drift apart.

/** A diagnostic; `from`/`to` are UTF-16 offsets into the model text. */
export type DiagnosticDto = DiagnosticSnapshot;
/** An evaluation error value: its code, message, and the line item and period where it started. */
export type ErrorDto = ErrorInfo;
/** One cell of the grid; `display` is already formatted in the line's display unit. */
export type CellDto = CellSnapshot;
/**
 * One line of the grid: a line item, or one member of a dimensioned line item (`key`
 * `name[member]`). The engine's span (`from`/`to`) is not part of it: an edit above a line moves
 * it, and sending every moved line would make each keystroke cost the whole model. Text
 * positions reach the UI through diagnostics, checks and lineage, which are current.
 */
export type LineDto = Omit<LineSnapshot, "from" | "to">;
/** The result of one check, and whether a failure is a known, explained finding. */
export type CheckDto = CheckSnapshot;
/** A check that reads a line item, with its span in the model text. */
export type CheckReaderDto = CheckReader;
/** A node of a derivation tree, the same tree as `precept explain`. */
export type ExplainNodeDto = ExplainNode;

/** An exact decimal in base units (pounds, not £m; 2.99% as "0.0299"). */
export type DecimalString = string;

/** A whole evaluated model, as the grid and the checks panel show it. */
export interface EvaluationDto {
  readonly revision: number;
  readonly title: string;
  readonly scenario: string | null;
  readonly scenarios: readonly { readonly name: string; readonly label: string }[];
  readonly periods: readonly string[];
  readonly lines: readonly LineDto[];
  readonly checks: readonly CheckDto[];
  /** All checks pass (known findings count as passed but are listed). */
  readonly masterCheck: {
    readonly passed: boolean;
    readonly failed: number;
    readonly known: number;
  };
  readonly diagnostics: readonly DiagnosticDto[];
  /** Milliseconds the worker spent, for the status bar. */
  readonly elapsedMs: number;
}

/**
 * The cells of one line that changed, when nothing else about the line did: `cells[i]` is the
 * new cell in period column `cols[i]` (0-based, ascending).
 */
export interface CellsDeltaDto {
  readonly key: string;
  readonly cols: readonly number[];
  readonly cells: readonly CellDto[];
}

/**
 * How the lines of one evaluation differ from those of evaluation `base`, which the UI shows:
 * drop `removed`, replace or add `lines` (whole: new lines, or lines whose label, unit, kind,
 * section or scalar value changed), set the changed `cells` of the others, and order the result
 * by `order` when it is given (else keep the previous order, new lines last). An edit that
 * changes a few figures sends those figures and nothing about the rest of the model.
 */
export interface LinesDeltaDto {
  readonly base: number;
  readonly order?: readonly string[];
  readonly lines: readonly LineDto[];
  readonly cells: readonly CellsDeltaDto[];
  readonly removed: readonly string[];
}

/** An evaluation as the worker sends it: with every line, or with only what changed. */
export type EvaluationUpdateDto =
  | (Omit<EvaluationDto, "lines"> & { readonly lines: readonly LineDto[]; readonly delta?: never })
  | (Omit<EvaluationDto, "lines"> & { readonly lines?: never; readonly delta: LinesDeltaDto });

/** Lineage of one cell: its derivation and the lines that use it. */
export interface LineageDto {
  readonly revision: number;
  readonly tree: ExplainNodeDto;
  readonly dependents: readonly { readonly key: string; readonly label: string }[];
  /** The checks that read the cell's line item: they use it too. */
  readonly checks: readonly CheckReaderDto[];
}

/**
 * The formulas of the calculated line items as written, for the grid's "show formulas" view:
 * `rules` are a line's distinct formulas and `ruleOf[t]` the one period column `t` uses (-1: none).
 * Every member of a line by a dimension shares its line's formulas (`name` is the line's name).
 */
export interface FormulasDto {
  readonly revision: number;
  readonly lines: readonly {
    readonly name: string;
    readonly rules: readonly string[];
    readonly ruleOf: readonly number[];
  }[];
}

/** Two scenarios side by side, line by line. */
export interface ComparisonDto {
  readonly revision: number;
  readonly left: string | null;
  readonly right: string | null;
  readonly periods: readonly string[];
  readonly rows: readonly {
    readonly key: string;
    readonly label: string;
    readonly unit: string;
    readonly left: readonly string[];
    readonly right: readonly string[];
    readonly difference: readonly string[];
    /** The same values as exact decimals in base units (null where a value is an error). */
    readonly exact: {
      readonly left: readonly (DecimalString | null)[];
      readonly right: readonly (DecimalString | null)[];
      readonly difference: readonly (DecimalString | null)[];
    };
    readonly changed: boolean;
  }[];
}

/** A model in the workspace list. */
export interface ModelSummaryDto {
  readonly id: string;
  readonly name: string;
  readonly updatedAt: number;
  readonly rev: number;
}

/** A saved version of a model. */
export interface VersionDto {
  readonly id: number;
  readonly modelId: string;
  readonly rev: number;
  readonly savedAt: number;
  readonly label?: string;
  readonly size: number;
}

/** The outcome of a save. "Saved" is shown only for `ok: true`. */
export type SaveResultDto =
  | { readonly ok: true; readonly rev: number; readonly savedAt: number }
  | {
      readonly ok: false;
      readonly reason: "conflict" | "quota" | "storage" | "invalid";
      readonly message: string;
      /** The persistence code (P5xxx), e.g. P5006 when the save needs `confirmEmpty`. */
      readonly code?: string;
      /** On conflict: the revision and text another tab saved. */
      readonly current?: { readonly rev: number; readonly text: string };
    };

/** Whether unsaved text is kept as the model's crash draft (P18), and why not when it is not. */
export type DraftResultDto =
  { readonly kept: true } | { readonly kept: false; readonly message: string };

/** The persistence status shown in the storage panel. */
/**
 * The engine worker's own security self-check: whether the worker's Content-Security-Policy
 * refused to compile code from a string. A worker takes its policy from the HTTP header its
 * script was served with, never from the page's <meta> tag (docs/hosting.md).
 */
export interface SecurityCheckDto {
  readonly blocked: boolean;
  /** The error the browser raised when it refused (`EvalError`), or "" when the code ran. */
  readonly error: string;
}

export interface StorageStatusDto {
  readonly persisted: boolean;
  readonly usage: number | null;
  readonly quota: number | null;
}

/**
 * A failed request: `internal` is a bug in Precept (the worker stays alive); `failed` is a problem
 * to show the user as it is (a name already used, a model deleted in another tab, storage full).
 */
export interface InternalFailureDto {
  readonly kind: "internal" | "failed";
  readonly message: string;
}

export type * from "./api";
export type * from "./analysis";
export { workbenchMethods } from "./api";

/**
 * What the worker's storage connection reports, posted to its own tab outside comlink's replies
 * (`{ kind: storageEventMessage, event }`): `blocked` (an upgrade waits for other tabs to close)
 * and `versionchange` (another tab upgrades the database, so this tab's connection closed).
 */
export interface StorageEventDto {
  readonly kind: "blocked" | "versionchange";
}

/** The `kind` of the worker's raw message carrying a `StorageEventDto` to its tab. */
export const storageEventMessage = "precept-storage-event";

/** The BroadcastChannel on which workers announce committed saves to every tab of the origin. */
export const workspaceChannel = "precept-workspace";

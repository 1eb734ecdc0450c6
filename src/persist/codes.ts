/**
 * Diagnostic codes of the persistence and import phase (P5xxx), by meaning. The catalog in
 * src/lang/diagnostics/codes.ts holds their message templates; P5006 to P5010 are proposed there.
 * A retired code is never reused.
 */
export const PersistCodes = {
  /** The imported file is larger than `Limits.maxImportBytes`. */
  fileTooLarge: "P5001",
  /** The imported file is not UTF-8 text (invalid UTF-8, NUL or other binary control bytes). */
  notText: "P5002",
  /** The browser refused the write because storage is full (QuotaExceededError). */
  storageFull: "P5003",
  /** Another tab saved the model first: the save was compare-and-set on `rev` and lost. */
  conflict: "P5004",
  /** The database failed (connection lost, transaction aborted) even after one reconnect. */
  storageFailure: "P5005",
  /**
   * The imported file contains bidirectional control characters (Trojan Source). The same code
   * the lexer uses for them.
   */
  bidiControl: "P1008",
  /** The save would replace a substantial model with empty text and was not confirmed. */
  emptyReplace: "P5006",
  /** The model or version does not exist (or is in the trash). */
  notFound: "P5007",
  /** The workspace backup file is malformed or unsafe (depth, forbidden keys, shape). */
  badBackup: "P5008",
  /** A newer Precept in another tab upgraded the database; this tab must reload. */
  upgradedElsewhere: "P5009",
  /** The name is empty or already used by another model. */
  badName: "P5010",
} as const;

/** One of the codes above. */
export type PersistCode = (typeof PersistCodes)[keyof typeof PersistCodes];

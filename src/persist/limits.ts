/**
 * Tunables of the persistence layer. Byte sizes are UTF-8 bytes; times are milliseconds.
 */
export const Limits = {
  /** The largest model file `validateImport` accepts (2 MiB). */
  maxImportBytes: 2 * 1024 * 1024,
  /** The largest workspace backup `parseBackup` accepts (64 MiB). */
  maxBackupBytes: 64 * 1024 * 1024,
  /** The deepest nesting of arrays and objects a backup may have. */
  maxBackupDepth: 8,
  /** The longest model name, in UTF-16 code units; longer names are cut. */
  maxNameLength: 120,
  /**
   * A model with at least this many non-blank lines is "substantial": a save that would replace
   * it with near-empty text needs `confirmEmpty` (P9).
   */
  substantialLines: 5,
  /** A text with at most this many non-blank lines is "near-empty". */
  nearEmptyLines: 1,
  /** How long a model stays in the trash before `purgeTrash()` removes it (30 days). */
  trashRetentionMs: 30 * 24 * 60 * 60 * 1000,
  /** `pruneVersions()` keeps this many of the newest unlabelled versions by default. */
  keepVersions: 50,
  /**
   * The history rule applied after every autosave (P18): the newest this-many unnamed autosave
   * versions are kept; named versions, explicit saves and the current revision are always kept.
   */
  keepAutosaves: 30,
  /**
   * When another tab upgrades the database, this tab's connection stays open up to this long for
   * its last writes (`IdbAdapterOptions.beforeClose`: the newest crash draft) before closing (P4).
   */
  closeGraceMs: 2_000,
  /**
   * A backup's dates (`exportedAt`, `createdAt`, `savedAt`) may be this far after the clock of
   * the workspace importing it (another computer's clock may run a little fast); a later date is
   * refused, since history is ordered and pruned by date (one day).
   */
  maxClockSkewMs: 24 * 60 * 60 * 1000,
} as const;

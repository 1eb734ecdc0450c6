/**
 * Persistence: the workspace of models, their history and trash in IndexedDB, import
 * validation, cross-tab notifications and storage status. Runs in the worker.
 */

export type { StorageAdapter, StorageTx, StorageEvent, StoreName, TxOptions } from "./adapter";
export {
  IdbStorageAdapter,
  databaseName,
  dumpDatabase,
  type IdbAdapterOptions,
} from "./idb-adapter";
export {
  FakeDisk,
  FakeStorageAdapter,
  SimulatedCrash,
  makeFault,
  type FaultKind,
  type FaultPlan,
} from "./fake-adapter";
export {
  Workspace,
  isDegradingSave,
  type OpenedModel,
  type Result,
  type SaveOptions,
  type SaveResult,
  type TrashedModel,
  type VersionInfo,
  type WorkspaceOptions,
} from "./workspace";
export type { SaveKind, DraftGeneration } from "./records";
export { autosavesToPrune, type DraftOffer, type DraftWrite } from "./drafts";
export { PersistCodes, type PersistCode } from "./codes";
export { classifyError, StorageClosedError, type PersistFailure } from "./errors";
export { Limits } from "./limits";
export {
  headSchemaVersion,
  migrateDump,
  migrations,
  type Dump,
  type Migration,
} from "./migrations";
export {
  backupFormat,
  parseBackup,
  type Backup,
  type BackupModel,
  type BackupProbe,
  type BackupResult,
  type BackupVersion,
} from "./backup";
export { validateImport, nameFromFileName, type ImportResult } from "./import";
export { cleanName, uniqueName } from "./names";
export {
  makeChannelNotifier,
  silentNotifier,
  channelName,
  type ChangeNotifier,
  type ChannelLike,
  type WorkspaceMessage,
} from "./notify";
export { readStorageStatus, requestPersistence, type StorageManagerLike } from "./storage-status";

/**
 * Numbered schema migrations. The schema version is the IndexedDB database version. A migration
 * is a pure function over a dump of every store (so the same code migrates IndexedDB inside its
 * `upgradeneeded` transaction, the fake adapter, and backups), plus the structural change
 * (stores and indexes) it needs. Released migrations are never edited; add a new one instead.
 *
 * Schema 1 (released as the first prototype): one store `models`, keyPath `id`, records
 * `{ id, name, source }` with no revisions or history.
 * Schema 2: `models` records `{ id, name, text, rev, createdAt, updatedAt, deletedAt }`;
 * `versions` (keyPath `id`, auto-increment, index `byModel` on `modelId`) holds version metadata;
 * `versionTexts` (keyPath `id`) holds each version's text under the version's id.
 * Schema 3: adds `drafts` (keyPath `id` = the model id): the crash draft of each model's unsaved
 * text, kept apart from the saved versions (P18), as a two-generation ring (P9). Every schema-2
 * record is kept unchanged.
 */

/** The schema version this code reads and writes. */
export const headSchemaVersion = 3;

/** The records of every store, by store name, at one schema version. */
export interface Dump {
  readonly schemaVersion: number;
  readonly stores: Readonly<Record<string, readonly unknown[]>>;
}

/** How a store is declared: its key path, whether keys are generated, and its indexes. */
export interface StoreShape {
  readonly keyPath: string;
  readonly autoIncrement: boolean;
  readonly indexes: readonly { readonly name: string; readonly keyPath: string }[];
}

/** One numbered migration from schema `to - 1` to schema `to`. */
export interface Migration {
  readonly to: number;
  readonly description: string;
  /** Stores this migration creates. */
  readonly createStores: Readonly<Record<string, StoreShape>>;
  /** Converts every record. Never drops data: records it cannot read are kept as new models. */
  readonly migrate: (stores: Dump["stores"], now: number) => Dump["stores"];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** A stable text for a record a migration could not read, so that no data is lost. */
function recoverText(value: unknown): string {
  try {
    // JSON.stringify returns undefined for undefined and functions, whatever its type says.
    const json = JSON.stringify(value, null, 2) as string | undefined;
    return json ?? String(value);
  } catch {
    return String(value);
  }
}

const migrateTo2: Migration = {
  to: 2,
  description: "Add revisions, the trash and version history",
  createStores: {
    versions: {
      keyPath: "id",
      autoIncrement: true,
      indexes: [{ name: "byModel", keyPath: "modelId" }],
    },
    versionTexts: { keyPath: "id", autoIncrement: false, indexes: [] },
  },
  migrate(stores, now) {
    const models: unknown[] = [];
    const versions: unknown[] = [];
    const versionTexts: unknown[] = [];
    const seen = new Set<string>();
    let recovered = 0;
    for (const old of stores["models"] ?? []) {
      let id: string;
      let name: string;
      let text: string;
      if (isRecord(old) && typeof old["id"] === "string" && typeof old["source"] === "string") {
        id = old["id"];
        name = typeof old["name"] === "string" && old["name"].trim() !== "" ? old["name"] : id;
        text = old["source"];
      } else {
        recovered += 1;
        id = `recovered-${recovered}`;
        name = `Recovered record ${recovered}`;
        text = recoverText(old);
      }
      while (seen.has(id)) id = `${id}-dup`;
      seen.add(id);
      const versionId = versions.length + 1;
      models.push({ id, name, text, rev: 1, createdAt: now, updatedAt: now, deletedAt: null });
      versions.push({
        id: versionId,
        modelId: id,
        rev: 1,
        savedAt: now,
        kind: "explicit",
        size: new TextEncoder().encode(text).byteLength,
        label: "Before upgrade",
      });
      versionTexts.push({ id: versionId, text });
    }
    return { models, versions, versionTexts };
  },
};

const migrateTo3: Migration = {
  to: 3,
  description: "Keep crash drafts apart from saved versions",
  createStores: { drafts: { keyPath: "id", autoIncrement: false, indexes: [] } },
  migrate(stores) {
    // Additive: every store and record of schema 2 is kept as it is (P8).
    return { ...stores, drafts: [] };
  },
};

/** Every migration, in order; `migrations[i].to === i + 2`. */
export const migrations: readonly Migration[] = [migrateTo2, migrateTo3];

/** The stores of schema 1, created when a database is made from nothing. */
export const schema1Stores: Readonly<Record<string, StoreShape>> = {
  models: { keyPath: "id", autoIncrement: false, indexes: [] },
};

/** The migrations that take schema `from` to head, in order. */
export function migrationsFrom(from: number): readonly Migration[] {
  return migrations.filter((m) => m.to > from);
}

/**
 * Migrates a dump from its schema to head. A dump of schema 0 (a new database) becomes an empty
 * head dump. A dump newer than head is returned as is: the caller must refuse to write it.
 */
export function migrateDump(dump: Dump, now: number): Dump {
  if (dump.schemaVersion === 0) return { schemaVersion: headSchemaVersion, stores: emptyStores() };
  let stores = dump.stores;
  let version = dump.schemaVersion;
  for (const migration of migrationsFrom(dump.schemaVersion)) {
    stores = migration.migrate(stores, now);
    version = migration.to;
  }
  return { schemaVersion: version, stores };
}

/** The stores of an empty head database. */
export function emptyStores(): Record<string, unknown[]> {
  return { models: [], versions: [], versionTexts: [], drafts: [] };
}

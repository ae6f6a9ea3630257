import Dexie, { type EntityTable, type Transaction } from 'dexie';
import { boundStoredPaper } from '../bounds';
import { LIMITS } from '../limits';
import type { PaperId, PaperLinks } from '../paper';
import type { SiteName } from '../sites/types';
import { paperWords } from './search';
import { snapshotBeforeUpgrade } from './snapshots';

/**
 * The Shelfmark database. Only the background and extension pages (popup, options) import this
 * module: a content script's IndexedDB would belong to the host site's origin, not to Shelfmark.
 */

/** One paper, stored the first time the user acts on it. */
export interface PaperRecord {
  id: PaperId;
  title: string;
  authors: string[];
  authorCount?: number;
  organization?: string;
  abstract?: string;
  /** ISO date (YYYY-MM-DD) the site associates with the paper. */
  date?: string;
  version?: number;
  primaryCategory?: string;
  categories?: string[];
  journalRef?: string;
  paperComments?: string;
  links: PaperLinks;
  /** Where and when the paper was last seen on a page. */
  seen?: { site: SiteName; url: string; at: number };

  // User state. Flags are timestamps: booleans are not indexable (they drop out of orderBy).
  starredAt?: number;
  readAt?: number;
  /** Position in the reading queue (smaller first); absent when not queued. */
  queuePos?: number;
  queuedAt?: number;
  /** The note as written; '' when there is none. Never indexed (notes can be long). */
  note: string;
  /** When the note last changed, present only while there is a note (indexes the Notes view). */
  noteUpdatedAt?: number;

  createdAt: number;
  updatedAt: number;
  /** When each group of fields last changed, so a merge (backup import) keeps the newer change per field. */
  changedAt: FieldTimes;
  /** Folded words of title, authors and note: the search index. */
  words: string[];
}

export interface FieldTimes {
  meta?: number;
  star?: number;
  read?: number;
  queue?: number;
  note?: number;
}

export type ShelfmarkDB = Dexie & { papers: EntityTable<PaperRecord, 'id'> };

export const DB_NAME = 'shelfmark';

/** One version of the schema: the tables it changes and how records written before it are brought up to it. */
export interface SchemaVersion {
  version: number;
  stores: Record<string, string>;
  upgrade?: (tx: Transaction) => Promise<unknown>;
}

/**
 * Every version of the schema, oldest first. A schema change adds the next version (never edits one
 * that has shipped) with its upgrade, a fixture of a populated database of the version before it,
 * and its case in test/unit/db-migrations.test.ts; lib/export/backup.ts says which backup version
 * describes its records (BACKUP_VERSION_OF_SCHEMA).
 */
export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: { papers: 'id, starredAt, readAt, queuePos, noteUpdatedAt, createdAt, updatedAt, *words' },
  },
  {
    // Same tables. Records written before the caps and the cleaning (security audit rows 4, 5, 7):
    // page text without invisible characters and within CAPS, links only to the paper itself,
    // `seen` only at an http(s) URL, search words recomputed. User state and change times are kept.
    version: 2,
    stores: {},
    upgrade: (tx) =>
      tx
        .table<PaperRecord, PaperId>('papers')
        .toCollection()
        .modify((record, ref) => {
          ref.value = boundRecord(record);
        }),
  },
];

/** The version this code opens the database at. */
export const DB_VERSION = SCHEMA_VERSIONS.at(-1)!.version;

/** Run before an existing database is opened at a newer version than it has (lib/store/snapshots.ts keeps a copy). */
export type BeforeUpgrade = (name: string, version: number) => Promise<unknown>;

/**
 * Opens (or creates) the database at `version` (the newest unless told: tests build earlier ones).
 * `beforeUpgrade` runs once, before Dexie first opens it, so that it can read the database as the
 * previous version left it; its failure is logged and the database opens all the same.
 */
export function openDatabase(name = DB_NAME, options: { version?: number; beforeUpgrade?: BeforeUpgrade } = {}): ShelfmarkDB {
  const { version = DB_VERSION, beforeUpgrade } = options;
  const db = new Dexie(name) as ShelfmarkDB;
  for (const schema of SCHEMA_VERSIONS) {
    if (schema.version > version) break;
    const declared = db.version(schema.version).stores(schema.stores);
    if (schema.upgrade) declared.upgrade(schema.upgrade);
  }
  if (beforeUpgrade) {
    // Dexie opens on first use by calling db.open(): every way in passes here first.
    const open = db.open.bind(db);
    let prepared: Promise<unknown> | undefined;
    db.open = () => {
      prepared ??= Dexie.ignoreTransaction(() => beforeUpgrade(name, version)).catch((error: unknown) =>
        console.error('[Shelfmark] could not keep a snapshot before upgrading the database', error),
      );
      return Dexie.Promise.resolve(prepared).then(open);
    };
  }
  return db;
}

/** A record as version 2 keeps it (the upgrade above; imports go through the same bounds). */
export function boundRecord(record: PaperRecord): PaperRecord {
  const bounded = boundStoredPaper(record);
  if (bounded.seen && !(bounded.seen.url.length <= LIMITS.url && /^https?:\/\//i.test(bounded.seen.url))) delete bounded.seen;
  bounded.words = paperWords(bounded);
  return bounded;
}

let shared: ShelfmarkDB | undefined;

/** The database of this extension context, opened on first use (after a snapshot, if it is about to be upgraded). */
export function getDatabase(): ShelfmarkDB {
  shared ??= openDatabase(DB_NAME, { beforeUpgrade: snapshotBeforeUpgrade });
  return shared;
}

import Dexie, { type EntityTable, type Table } from 'dexie';
import type { PaperId, PaperLinks } from '../paper';
import type { SiteName } from '../sites/types';
import { CATALOG_TABLE, catalogMiddleware, type CatalogRow } from './catalog';

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

export type ShelfmarkDB = Dexie & {
  papers: EntityTable<PaperRecord, 'id'>;
  /** What extension pages load of every paper at once: lib/store/catalog.ts. */
  catalog: Table<CatalogRow, CatalogRow['id']>;
};

export const DB_NAME = 'shelfmark';

/**
 * Opens (or creates) the database. Every schema change bumps the version and keeps the earlier
 * versions and their upgrades forever; test/unit/db-migrations.test.ts opens each one.
 */
export function openDatabase(name = DB_NAME): ShelfmarkDB {
  const db = new Dexie(name) as ShelfmarkDB;
  db.version(1).stores({
    papers: 'id, starredAt, readAt, queuePos, noteUpdatedAt, createdAt, updatedAt, *words',
  });
  // The catalog (lib/store/catalog.ts): built from the records on first read, then kept by its middleware.
  db.version(2).stores({ [CATALOG_TABLE]: 'id' });
  db.use(catalogMiddleware(db));
  return db;
}

let shared: ShelfmarkDB | undefined;

/** The database of this extension context, opened on first use. */
export function getDatabase(): ShelfmarkDB {
  shared ??= openDatabase();
  return shared;
}

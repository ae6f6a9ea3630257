import Dexie, { type EntityTable, type Table } from 'dexie';
import type { PaperId, PaperLinks } from '../paper';
import type { SiteName } from '../sites/types';

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
  /**
   * When each group of fields last changed, so a merge (backup import, sync) keeps the newer change
   * per group. Times of the hybrid logical clock (lib/store/clock.ts): milliseconds, never behind a
   * change this device has seen.
   */
  changedAt: FieldTimes;
  /** Which device made each group's last change: the tie-break of sync's merge (lib/store/merge.ts). */
  changedBy?: Partial<Record<keyof FieldTimes, string>>;
  /** When each metadata field last changed (`links.abs` for a link), so sync merges metadata field by field. */
  metaAt?: Partial<Record<string, number>>;
  /** The note this one replaced (its change time and device): tells sync whether its writer had seen a note it overwrites. */
  noteBase?: Stamp;
  /**
   * Notes another device's note replaced without having seen them (sync conflicts), kept on the
   * paper on every device until the user dismisses them. Merged as a set: a note is never dropped.
   */
  keptNotes?: KeptNote[];
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

/** One change of the hybrid logical clock: its time and the device that made it. */
export interface Stamp {
  at: number;
  by: string;
}

/** The kinds of change the outbox tracks: the groups of fields, and a paper's removal. */
export type ChangeKind = keyof FieldTimes | 'deleted' | 'kept';

/** A local change not yet pushed to the sync folder, written in the same transaction as the change. */
export interface OutboxRow {
  id: PaperId;
  kind: ChangeKind;
  /** The change's clock time: a push removes the row only if no later change replaced it meanwhile. */
  at: number;
}

/**
 * A paper's removal: when it was removed (the merge's deletion stamp) and, while it stays removed,
 * what was known of it (metadata and the times of its groups, user state cleared), so that a
 * change made elsewhere after the removal brings it back whole. A paper brought back keeps its
 * row without `paper`: a change older than the removal must still not revive what it cleared.
 */
export interface TombstoneRecord {
  id: PaperId;
  deleted: Stamp;
  /** The paper as it was when removed, without the search index; absent while a later change keeps it in the library. */
  paper?: Omit<PaperRecord, 'words'>;
}

/** A note that lost to a newer note from another device that had not seen it. */
export interface KeptNote {
  text: string;
  /** When the kept text was written, and on which device: its identity. */
  written: Stamp;
  /** Dismissed by the user (kept as a mark, so that merging cannot bring it back). */
  dismissed?: true;
}

/** Small rows of sync bookkeeping by key: the clock, the remote folder's state, the status shown to the user. */
export interface SyncStateRow {
  key: string;
  [field: string]: unknown;
}

export type ShelfmarkDB = Dexie & {
  papers: EntityTable<PaperRecord, 'id'>;
  outbox: Table<OutboxRow, [PaperId, ChangeKind]>;
  tombstones: EntityTable<TombstoneRecord, 'id'>;
  syncState: EntityTable<SyncStateRow, 'key'>;
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
  // Sync (lib/sync): the outbox of local changes, tombstones of removed papers, and sync
  // bookkeeping. Every paper already stored is a change not yet pushed anywhere.
  db.version(2)
    .stores({ outbox: '[id+kind], id', tombstones: 'id', syncState: 'key' })
    .upgrade(async (tx) => {
      const rows: OutboxRow[] = [];
      await tx.table<PaperRecord, PaperId>('papers').each((paper) => {
        for (const [kind, at] of Object.entries(paper.changedAt)) if (at !== undefined) rows.push({ id: paper.id, kind: kind as ChangeKind, at });
      });
      await tx.table<OutboxRow>('outbox').bulkPut(rows);
    });
  return db;
}

let shared: ShelfmarkDB | undefined;

/** The database of this extension context, opened on first use. */
export function getDatabase(): ShelfmarkDB {
  shared ??= openDatabase();
  return shared;
}

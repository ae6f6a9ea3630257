import Dexie, { type EntityTable, type Table, type Transaction } from 'dexie';
import { boundStoredPaper } from '../bounds';
import { LIMITS } from '../limits';
import type { PaperId, PaperLinks } from '../paper';
import type { SiteName } from '../sites/types';
import { CATALOG_TABLE, catalogMiddleware, type CatalogRow } from './catalog';
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
  /** Where it was published, as a page named it ("Proceedings of ACL 2024"), and the year. */
  venue?: string;
  year?: number;
  links: PaperLinks;
  /**
   * The paper's other ids (its DOI beside its arXiv id, its dblp key, its Scholar cluster), learned
   * from the cards the user acted on; a card met under any of them finds this record. Absent when
   * none. The id and aliases are lib/paper.ts `namePaper` of all of them; merged as a set.
   */
  aliases?: PaperId[];
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
   * Notes another device's note replaced without having seen them (sync conflicts), and notes of
   * two records that a card showed to be one paper (the older one), kept on the paper on every
   * device until the user dismisses them. Merged as a set: a note is never dropped.
   */
  keptNotes?: KeptNote[];
  /**
   * The paper's tags, one entry per tag (by tagKey, sorted), each with the stamp of its last change
   * and, once taken off, `removed`: sync and backup import merge tags one by one (lib/store/merge.ts),
   * so adding one tag on one device and removing another on a second keeps both changes.
   */
  tags?: TagEntry[];
  /**
   * When the user acted for each user group's current value, set by an action from a page: actions
   * are ordered by it, whatever order they arrive in (lib/store/library.ts). Local bookkeeping, never
   * exported or synced; a group changed any other way has none, and is ordered by its `changedAt`.
   */
  actedAt?: Partial<Record<'star' | 'read' | 'queue' | 'note', number>>;
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

/** One tag of a paper: its name as shown, and when (and on which device) it was last put on or taken off. */
export interface TagEntry extends Stamp {
  name: string;
  /** Taken off at the stamp (kept so that the removal reaches other devices and wins over an older add). */
  removed?: true;
}

/** One change of the hybrid logical clock: its time and the device that made it. */
export interface Stamp {
  at: number;
  by: string;
}

/** The kinds of change the outbox tracks: the groups of fields, tags, a paper's removal, its kept notes, its ids. */
export type ChangeKind = keyof FieldTimes | 'tags' | 'deleted' | 'kept' | 'aliases';

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

/**
 * A paper the user opened (an abstract, PDF or HTML page, a paper page of a site Shelfmark reads),
 * one row per paper, kept on this device only: never synced, never in a backup (lib/store/history.ts).
 */
export interface HistoryEntry {
  id: PaperId;
  /** The title the page gave when last opened (the library's own when it holds the paper). */
  title: string;
  authors: string[];
  /** Where it was last opened: the page's address. */
  url: string;
  /** When it was last opened, and first. */
  openedAt: number;
  firstOpenedAt: number;
  /** How many times it was opened. */
  opens: number;
  /** Folded words of title and authors: the search index. */
  words: string[];
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
  /** What extension pages load of every paper at once: lib/store/catalog.ts. */
  catalog: Table<CatalogRow, CatalogRow['id']>;
  history: EntityTable<HistoryEntry, 'id'>;
};

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
  {
    // Sync (lib/sync): the outbox of local changes, tombstones of removed papers, and sync
    // bookkeeping. Every paper already stored is a change not yet pushed anywhere.
    version: 3,
    stores: { outbox: '[id+kind], id', tombstones: 'id', syncState: 'key' },
    upgrade: async (tx) => {
      const rows: OutboxRow[] = [];
      await tx.table<PaperRecord, PaperId>('papers').each((paper) => {
        for (const [kind, at] of Object.entries(paper.changedAt)) if (at !== undefined) rows.push({ id: paper.id, kind: kind as ChangeKind, at });
      });
      await tx.table<OutboxRow>('outbox').bulkPut(rows);
    },
  },
  {
    // The catalog (lib/store/catalog.ts), empty: the first page to read it builds it from the
    // records, then its middleware keeps it in every write's transaction.
    version: 4,
    stores: { [CATALOG_TABLE]: 'id' },
  },
  {
    // Papers known by more than one id (lib/paper.ts `identify`: a DOI beside an arXiv id, a dblp
    // key) are found by any of them, and so are removed ones (a change made elsewhere under an
    // alias must meet the removal: lib/sync/engine.ts). Records written before have no aliases and
    // need no change: a record without the field is simply not in the new indexes.
    version: 5,
    stores: {
      papers: 'id, starredAt, readAt, queuePos, noteUpdatedAt, createdAt, updatedAt, *words, *aliases',
      tombstones: 'id, *paper.aliases',
    },
  },
  {
    // History (lib/store/history.ts): papers opened, by when they were last opened, searchable by
    // their words. A new table; no record changes.
    version: 6,
    stores: { history: 'id, openedAt, *words' },
  },
  {
    // Tags (lib/tags.ts): records may hold `tags`, searched through `words` (`tag:` words, no new
    // index). Nothing to rewrite: a record written before has none. The version tells a snapshot's
    // records apart (BACKUP_VERSION_OF_SCHEMA): from here they may carry tags.
    version: 7,
    stores: {},
  },
];

/** The version this code opens the database at. */
export const DB_VERSION = SCHEMA_VERSIONS.at(-1)!.version;

/** Run before an existing database is opened at a newer version than it has (lib/store/snapshots.ts keeps a copy). */
export type BeforeUpgrade = (name: string, version: number) => Promise<unknown>;

/**
 * Opens (or creates) the database at `version` (the newest unless told: tests build earlier ones).
 * `beforeUpgrade` runs once, before Dexie first opens it, so that it can read the database as the
 * previous version left it; its failure is logged and the database opens all the same. It is skipped
 * where `versionNote` says the database was opened at `version` already.
 */
export function openDatabase(
  name = DB_NAME,
  options: { version?: number; beforeUpgrade?: BeforeUpgrade; versionNote?: VersionNote } = {},
): ShelfmarkDB {
  const { version = DB_VERSION, versionNote } = options;
  // Noted at this version: no upgrade is due, so nothing to run before one.
  const noted = versionNote?.getItem(versionNoteKey(name)) === String(version);
  const beforeUpgrade = noted ? undefined : options.beforeUpgrade;
  const db = new Dexie(name) as ShelfmarkDB;
  for (const schema of SCHEMA_VERSIONS) {
    if (schema.version > version) break;
    const declared = db.version(schema.version).stores(schema.stores);
    if (schema.upgrade) declared.upgrade(schema.upgrade);
  }
  db.use(catalogMiddleware(db));
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
  if (versionNote && !noted) db.on('ready', () => versionNote.setItem(versionNoteKey(name), String(version)));
  return db;
}

/**
 * Where an extension page notes the version it opened the database at: localStorage, which answers
 * at once. Asking IndexedDB whether an upgrade is due (`indexedDB.databases()`) held the popup's
 * first rows back by about 20 ms. The note can be trusted: a database never goes back to an older
 * version, and one deleted since is created anew, with nothing in it to keep.
 */
export type VersionNote = Pick<Storage, 'getItem' | 'setItem'>;

const versionNoteKey = (name: string) => `shelfmark:opened:${name}`;

/** A record as version 2 keeps it (the upgrade above; imports go through the same bounds). */
export function boundRecord(record: PaperRecord): PaperRecord {
  const bounded = boundStoredPaper(record);
  if (bounded.seen && !(bounded.seen.url.length <= LIMITS.url && /^https?:\/\//i.test(bounded.seen.url))) delete bounded.seen;
  bounded.words = paperWords(bounded);
  return bounded;
}

let shared: ShelfmarkDB | undefined;

/**
 * The database of this extension context, opened on first use (after a snapshot, if it is about to be
 * upgraded). Pages note the version they opened; the background has no localStorage and asks IndexedDB.
 */
export function getDatabase(): ShelfmarkDB {
  shared ??= openDatabase(DB_NAME, { beforeUpgrade: snapshotBeforeUpgrade, versionNote: globalThis.localStorage });
  return shared;
}

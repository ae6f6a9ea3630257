import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  DB_VERSION,
  openDatabase,
  SCHEMA_VERSIONS,
  type HistoryEntry,
  type OutboxRow,
  type PaperRecord,
  type ShelfmarkDB,
  type SyncStateRow,
  type TombstoneRecord,
} from '@/lib/store/db';
import { BACKUP_VERSION_OF_SCHEMA, backupPaper } from '@/lib/export/backup';
import { FORMATS } from '@/lib/export/formats';
import { CAPS } from '@/lib/limits';
import { buildCatalog, catalogEntry, entryKeys, libraryCounts, readCatalog, type CatalogBucket } from '@/lib/store/catalog';
import { paperWords, queryTokens } from '@/lib/store/search';
import { SearchIndex } from '@/lib/store/search-index';
import { getStates, removePapers, setStarred, setTagged, tombstonesOf } from '@/lib/store/library';
import { papersWithTag } from '@/lib/store/tags';
import { recordOpened } from '@/lib/store/history';
import { openSnapshots, snapshotBackup, snapshotBeforeUpgrade, listSnapshots } from '@/lib/store/snapshots';
import { VIEW_NAMES, VIEWS } from '@/lib/store/views';
import JSZip from 'jszip';

/*
 * Upgrades: a populated database of every earlier schema version, built from a committed fixture
 * (test/fixtures/db/v<N>.json: records exactly as version N stored them, and from version 3 its
 * sync tables; from version 4 its catalog is built as version 4 built it), then opened with the current code. Every record must come through intact (or changed exactly as its case says), every
 * index must answer for every record, and a snapshot of the old records must be kept first.
 *
 * A schema change (version N+1) adds: a fixture v<N>.json of a populated database of version N,
 * written by version N's code, with every field it uses; and a case below. Earlier cases stay:
 * each opens its fixture with the current code, through every upgrade since.
 */

interface UpgradeCase {
  /** The schema version that stored the fixture. */
  version: number;
  fixture: string;
  /** Records the upgrades change, by id: what the current code holds instead. Others must be exactly as stored. */
  changed: Record<string, (stored: PaperRecord) => Partial<PaperRecord>>;
}

const CASES: UpgradeCase[] = [
  {
    version: 1,
    fixture: 'v1.json',
    changed: {
      // Version 2 bounds what was stored from pages before the caps and the cleaning (security audit rows 4, 5, 7).
      'arxiv:2407.21783': (stored) => ({ authors: stored.authors.slice(0, CAPS.authors), authorCount: 150 }),
      'arxiv:2402.01234': (stored) => ({
        title: 'Invoice gnp.exe and zerowidth tricks',
        authors: ['Mallory yrollaM', 'Eve Hidden'],
        organization: 'Evil Corp',
        abstract: `${stored.abstract!.slice(0, CAPS.abstract - 1)}…`,
        paperComments: 'See https://evil.example',
        links: { pdf: 'https://arxiv.org/pdf/2402.01234' }, // the off-site abstract and the login page are gone
        note: 'My own note keeps its \u202Eexact\u202C text.',
      }),
    },
  },
  {
    // Version 3 (sync) adds tables and changes no record.
    version: 2,
    fixture: 'v2.json',
    changed: {},
  },
  {
    // Version 4 adds the catalog (lib/store/catalog.ts) and changes no record.
    version: 3,
    fixture: 'v3.json',
    changed: {},
  },
  {
    // Version 5 adds the aliases indexes (issue 11): records stored before have no aliases and are kept as they were.
    version: 4,
    fixture: 'v4.json',
    changed: {},
  },
  {
    // Version 6 (history of papers opened, issue 12) adds a table and changes no record.
    version: 5,
    fixture: 'v5.json',
    changed: {},
  },
  {
    // Version 7 (tags) changes no record: one written before has none.
    version: 6,
    fixture: 'v6.json',
    changed: {},
  },
];

/** The tables sync added in version 3, as a fixture of version 3 or later holds them. */
interface SyncTables {
  outbox: OutboxRow[];
  tombstones: TombstoneRecord[];
  syncState: SyncStateRow[];
}
const SYNC_TABLES = ['outbox', 'tombstones', 'syncState'] as const;

type Fixture = { papers: PaperRecord[]; history?: HistoryEntry[] } & Partial<SyncTables>;

function readFixture(name: string): Fixture {
  return JSON.parse(readFileSync(resolve(__dirname, '../fixtures/db', name), 'utf8')) as Fixture;
}

function fixture(name: string): PaperRecord[] {
  return readFixture(name).papers;
}

/** What a fixture holds besides its papers: sync's tables, empty before version 3. */
function syncTables(name: string): SyncTables {
  const file = readFixture(name);
  return { outbox: file.outbox ?? [], tombstones: file.tombstones ?? [], syncState: file.syncState ?? [] };
}

/** The papers opened, as a fixture of version 6 or later holds them. */
function historyRows(name: string): HistoryEntry[] {
  return readFixture(name).history ?? [];
}

let counter = 0;
/** A database of schema `version` holding `records` (and sync's rows, from version 3; its history, from version 6) as they were stored, closed. */
async function buildOldDatabase(version: number, records: readonly PaperRecord[], sync?: SyncTables, history?: readonly HistoryEntry[]): Promise<string> {
  const name = `shelfmark-migration-${version}-${++counter}`;
  const old = openDatabase(name, { version });
  await old.papers.bulkAdd(records as PaperRecord[]);
  if (sync) for (const table of SYNC_TABLES) await old.table(table).bulkAdd(sync[table]);
  if (history) await old.history.bulkAdd(history as HistoryEntry[]);
  // From version 4, the catalog as the first extension page to read it built it (its meta names version 4).
  if (version >= 4) await buildCatalog(old);
  expect(old.verno).toBe(version);
  old.close();
  return name;
}

/** The catalog's entries by paper id. */
function catalogEntries(buckets: readonly CatalogBucket[]) {
  return new Map(
    buckets.flatMap((bucket) =>
      bucket.ids.map((id, i) => [id, { id, words: bucket.words[i]!, keys: [...entryKeys(bucket, i)], cite: bucket.cites[i]! }] as const),
    ),
  );
}

/** Every index of the current schema, answered by the database, against what the records say it should hold. */
async function checkIndexes(db: ShelfmarkDB, records: readonly PaperRecord[]): Promise<string[]> {
  const checked: string[] = [];
  for (const index of db.papers.schema.indexes) {
    const field = index.name as keyof PaperRecord;
    const entries = records
      .flatMap((record) => {
        const value = record[field];
        if (value === undefined) return [];
        return (index.multi ? (value as (string | number)[]) : [value as string | number]).map((key) => ({ key, id: record.id }));
      })
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    expect(await db.papers.orderBy(index.name).primaryKeys(), `index ${index.name}`).toEqual(entries.map((entry) => entry.id));
    expect(await db.papers.orderBy(index.name).keys(), `index ${index.name}`).toEqual(entries.map((entry) => entry.key));
    checked.push(index.name);
  }
  return checked;
}

describe.each(CASES)('a database of schema version $version, opened with the current code', ({ version, fixture: file, changed }) => {
  const stored = fixture(file);
  const sync = version >= 3 ? syncTables(file) : undefined;
  const history = version >= 6 ? historyRows(file) : undefined;

  it('keeps every record, changed only as the upgrades say', async () => {
    const name = await buildOldDatabase(version, stored, sync, history);
    const db = openDatabase(name);
    try {
      const now = await db.papers.orderBy('id').toArray();
      expect(db.verno).toBe(DB_VERSION);
      expect(now.map((record) => record.id)).toEqual(stored.map((record) => record.id).sort());
      for (const before of stored) {
        const after = now.find((record) => record.id === before.id)!;
        const change = changed[before.id]?.(before);
        const expected = { ...before, ...change };
        if (change) expected.words = paperWords(expected);
        expect(after, before.id).toEqual(expected);
      }
      // Sync's rows (version 3 on): the outbox of changes not pushed yet, tombstones, the clock and the remote's state, as stored.
      if (sync) for (const table of SYNC_TABLES) expect(await db.table(table).toArray(), table).toEqual(sync[table]);
      // The papers opened (version 6 on), as stored; empty before.
      expect(await db.history.orderBy('id').toArray()).toEqual(history ?? []);
    } finally {
      await db.delete();
    }
  });

  it('gains the catalog: built from its records on first read, then kept by every write', async () => {
    const db = openDatabase(await buildOldDatabase(version, stored, sync, history));
    try {
      // Not built yet: counts and searches wait for the first page that reads it.
      expect(await readCatalog(db)).toBeNull();
      expect(await libraryCounts(db)).toBeUndefined();
      const buckets = await buildCatalog(db);
      const records = await db.papers.toArray();
      expect(catalogEntries(buckets)).toEqual(new Map(records.map((record) => [record.id, catalogEntry(record)])));
      const counts = Object.fromEntries(VIEW_NAMES.map((view) => [view, records.filter((record) => record[VIEWS[view].index] !== undefined).length]));
      expect(await libraryCounts(db)).toEqual(counts);
      const index = new SearchIndex(buckets);
      const found = Array.from(index.search(queryTokens('emile'), { key: 'createdAt', newestFirst: true }), (slot) => index.idAt(slot));
      expect(found.sort()).toEqual(['arxiv:2402.05672', 'arxiv:hep-th/9711200']);
      // From now on the middleware keeps it, in each write's transaction.
      await setStarred(db, 'arxiv:0704.0001', true, { now: 5 });
      const starred = (await db.papers.get('arxiv:0704.0001'))!;
      expect(catalogEntries((await readCatalog(db))!).get(starred.id)).toEqual(catalogEntry(starred));
      expect((await libraryCounts(db))?.starred).toBe(records.filter((record) => record.starredAt !== undefined && record.id !== starred.id).length + 1);
    } finally {
      await db.delete();
    }
  });

  it('answers every index for every record', async () => {
    const name = await buildOldDatabase(version, stored, sync, history);
    const db = openDatabase(name);
    try {
      const records = await db.papers.toArray();
      expect(await checkIndexes(db, records)).toEqual(['starredAt', 'readAt', 'queuePos', 'noteUpdatedAt', 'createdAt', 'updatedAt', 'words', 'aliases']);
      // The queries the library is read with: the queue in order, a word's prefix, a note's word.
      expect(await db.papers.orderBy('queuePos').primaryKeys()).toEqual(['arxiv:2407.21783', 'arxiv:2402.05672']);
      expect(await db.papers.where('words').startsWith('superconf').primaryKeys()).toEqual(['arxiv:hep-th/9711200']);
      expect(await db.papers.where('words').startsWith('emile').primaryKeys()).toEqual(['arxiv:2402.05672', 'arxiv:hep-th/9711200']);
      expect(await db.papers.where('starredAt').above(0).count()).toBe(stored.filter((record) => record.starredAt !== undefined).length);
      // Tags work on an upgraded record: one put on is found by its `tag:` word, case ignored.
      await setTagged(db, 'arxiv:hep-th/9711200', 'String theory', true);
      expect(await papersWithTag(db, 'STRING THEORY')).toEqual(['arxiv:hep-th/9711200']);
      // History (version 6 on) keeps what was stored, and answers by its indexes once written to (the library's title names the paper).
      const opened = history ?? [];
      expect(await db.history.orderBy('id').toArray()).toEqual(opened);
      await recordOpened(db, { id: 'arxiv:2407.21783', title: 'Opened', authors: [] }, 'https://arxiv.org/pdf/2407.21783', { now: 5_000 });
      const others = opened.filter((entry) => entry.id !== 'arxiv:2407.21783').sort((a, b) => a.openedAt - b.openedAt);
      expect(await db.history.orderBy('openedAt').primaryKeys()).toEqual(['arxiv:2407.21783', ...others.map((entry) => entry.id)]);
      expect(await db.history.where('words').startsWith('llama').primaryKeys()).toEqual(['arxiv:2407.21783']);
      expect((await db.history.get('arxiv:2407.21783'))?.opens).toBe((opened.find((entry) => entry.id === 'arxiv:2407.21783')?.opens ?? 0) + 1);
    } finally {
      await db.delete();
    }
  });

  it('keeps a snapshot of the records as they were before upgrading', async () => {
    const name = await buildOldDatabase(version, stored, sync, history);
    const snapshots = openSnapshots(`${name}-snapshots`);
    const db = openDatabase(name, { beforeUpgrade: (database, to) => snapshotBeforeUpgrade(database, to, snapshots, 1_000) });
    try {
      expect(await db.papers.count()).toBe(stored.length); // the first read opens (and upgrades) the database
      const [info] = await listSnapshots(snapshots);
      expect(info).toEqual({
        id: `upgrade-${version}-to-${DB_VERSION}`,
        kind: 'upgrade',
        takenAt: 1_000,
        paperCount: stored.length,
        schemaVersion: version,
        lastChange: Math.max(...stored.map((record) => record.updatedAt)),
      });
      const backup = await snapshotBackup(snapshots, info!.id);
      expect(backup?.version).toBe(BACKUP_VERSION_OF_SCHEMA[version]);
      const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
      expect(backup?.papers).toEqual(stored.map(backupPaper).sort(byId));
      // Opened again: already upgraded, no second snapshot.
      db.close();
      await openDatabase(name, { beforeUpgrade: (database, to) => snapshotBeforeUpgrade(database, to, snapshots, 2_000) }).papers.count();
      expect(await listSnapshots(snapshots)).toHaveLength(1);
    } finally {
      await db.delete();
      await snapshots.delete();
    }
  });
});

describe('the upgrade path itself', () => {
  it('has a case for every earlier version, and a backup version for every version', () => {
    const earlier = SCHEMA_VERSIONS.map((schema) => schema.version).filter((version) => version < DB_VERSION);
    expect(CASES.map((c) => c.version)).toEqual(earlier);
    for (const { version } of SCHEMA_VERSIONS) expect(BACKUP_VERSION_OF_SCHEMA[version], `database version ${version}`).toBeDefined();
  });

  it('a new database takes no snapshot (there is nothing to keep)', async () => {
    const snapshots = openSnapshots(`fresh-snapshots-${++counter}`);
    const db = openDatabase(`fresh-${counter}`, { beforeUpgrade: (database, to) => snapshotBeforeUpgrade(database, to, snapshots) });
    try {
      expect(await db.papers.count()).toBe(0);
      expect(await listSnapshots(snapshots)).toEqual([]);
    } finally {
      await db.delete();
      await snapshots.delete();
    }
  });

  it('a page that noted the version it opened at skips the check before an upgrade; an older note does not', async () => {
    const name = await buildOldDatabase(1, fixture('v1.json'));
    const check = vi.fn(async () => null);
    const key = `shelfmark:opened:${name}`;
    localStorage.setItem(key, String(DB_VERSION - 1));
    const db = openDatabase(name, { beforeUpgrade: check, versionNote: localStorage });
    try {
      expect(await db.papers.count()).toBe(fixture('v1.json').length);
      expect(check).toHaveBeenCalledTimes(1);
      expect(localStorage.getItem(key)).toBe(String(DB_VERSION));
      db.close();
      // Noted at this version: opened again, nothing is asked before.
      const again = openDatabase(name, { beforeUpgrade: check, versionNote: localStorage });
      expect(await again.papers.count()).toBe(fixture('v1.json').length);
      expect(check).toHaveBeenCalledTimes(1);
      again.close();
    } finally {
      localStorage.removeItem(key);
      await db.delete();
    }
  });

  it('opens all the same when the snapshot cannot be taken', async () => {
    const name = await buildOldDatabase(1, fixture('v1.json'));
    const db = openDatabase(name, { beforeUpgrade: () => Promise.reject(new Error('disk full')) });
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      expect(await db.papers.count()).toBe(fixture('v1.json').length);
      expect(logged).toHaveBeenCalledWith('[Shelfmark] could not keep a snapshot before upgrading the database', expect.any(Error));
    } finally {
      logged.mockRestore();
      await db.delete();
    }
  });
});

/** An export as text: the zipped Markdown vault's notes one after the other. */
async function exportedText(data: string | Uint8Array): Promise<string> {
  if (typeof data === 'string') return data;
  const zip = await JSZip.loadAsync(data);
  return (await Promise.all(Object.values(zip.files).map((file) => file.async('string')))).join('\n');
}

describe('version 3 (sync)', () => {
  it('every paper stored before sync waits in the outbox, each group with its time; no tombstone, no sync state yet', async () => {
    const stored = fixture('v2.json');
    const db = openDatabase(await buildOldDatabase(2, stored));
    try {
      const expected = stored
        .flatMap((record) => Object.entries(record.changedAt).map(([kind, at]) => [record.id, kind, at]))
        .sort((a, b) => (`${a[0]} ${a[1]}` < `${b[0]} ${b[1]}` ? -1 : 1));
      expect(expected.length).toBeGreaterThan(stored.length);
      expect((await db.outbox.toArray()).map((row) => [row.id, row.kind, row.at])).toEqual(expected);
      expect(await db.tombstones.count()).toBe(0);
      expect(await db.syncState.count()).toBe(0);
      // And the upgraded library works: an edit is stamped after every time the paper holds, and waits in the outbox.
      const paper = stored[0]!;
      await setStarred(db, paper.id, paper.starredAt === undefined, { now: 10 });
      const after = (await db.papers.get(paper.id))!;
      expect(after.changedAt.star).toBeGreaterThan(Math.max(...Object.values(paper.changedAt).map((at) => at ?? 0)));
      expect(await db.outbox.get([paper.id, 'star'])).toEqual({ id: paper.id, kind: 'star', at: after.changedAt.star });
    } finally {
      await db.delete();
    }
  });
});

describe('records stored before the cleaning', () => {
  it('export clean in every format; the note keeps what the user typed', async () => {
    const stored = fixture('v1.json');
    const db = openDatabase(await buildOldDatabase(1, stored));
    try {
      const papers = await db.papers.toArray();
      const note = stored.find((record) => record.id === 'arxiv:2402.01234')!.note;
      const invisible = /[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF\u00AD]/g;
      for (const format of FORMATS) {
        // CSV starts with a byte order mark on purpose (spreadsheets read UTF-8 by it).
        const text = (await exportedText(await format.serialize(papers, { scope: 'all', now: new Date(0) }))).replace(/^\uFEFF/, '');
        expect(text, format.format).toContain('Invoice gnp.exe and zerowidth tricks');
        // RIS and CSL-JSON write the name's parts ("yrollaM, Mallory", family and given).
        expect(text, format.format).toMatch(/Mallory yrollaM|yrollaM, Mallory|"family": "yrollaM",\s+"given": "Mallory"/);
        // The only invisible characters left are the two the user typed in their note.
        expect(text.match(invisible), format.format).toEqual(note.match(invisible));
      }
    } finally {
      await db.delete();
    }
  });
});

describe('aliases (schema version 5) on a database stored before them', () => {
  it.each(CASES)('a record of version $version gains an alias when a card shows one, and is found by it; removed, it is found by it too', async ({ version, fixture: file }) => {
    const stored = fixture(file);
    const db = openDatabase(await buildOldDatabase(version, stored, version >= 3 ? syncTables(file) : undefined, version >= 6 ? historyRows(file) : undefined));
    const alias = 'dblp:journals/corr/abs-2407-21783';
    try {
      const before = stored.find((record) => record.id === 'arxiv:2407.21783')!;
      expect(await db.papers.where('aliases').anyOf([alias]).count()).toBe(0);
      await setStarred(db, { id: 'arxiv:2407.21783', title: before.title, aliases: [alias] }, true);
      expect(await db.papers.where('aliases').equals(alias).primaryKeys()).toEqual(['arxiv:2407.21783']);
      expect((await getStates(db, [alias]))[alias]).toMatchObject({
        starred: true,
        read: before.readAt !== undefined,
        queued: before.queuePos !== undefined,
        note: before.note,
      });
      expect(await db.outbox.get(['arxiv:2407.21783', 'aliases'])).toBeDefined();
      // Removed, the paper is found under its alias among the removals (sync meets a change made elsewhere under it).
      await removePapers(db, ['arxiv:2407.21783']);
      expect((await tombstonesOf(db, [alias])).map((tombstone) => tombstone.id)).toEqual(['arxiv:2407.21783']);
      // Tombstones stored before version 5 keep answering by id.
      for (const tombstone of version >= 3 ? syncTables(file).tombstones : []) {
        expect((await tombstonesOf(db, [tombstone.id])).map((found) => found.id)).toEqual([tombstone.id]);
      }
    } finally {
      await db.delete();
    }
  });
});

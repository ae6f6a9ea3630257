// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PaperRecord, ShelfmarkDB } from '@/lib/store/db';
import { BACKUP_FORMAT, BACKUP_VERSION, backupPaper } from '@/lib/export/backup';
import { applyImport, parseBackup } from '@/lib/export/backup-import';
import {
  buildCatalog,
  catalogEntry,
  entryKeys,
  libraryCounts,
  readCatalog,
  type CatalogBucket,
  type CatalogEntry,
} from '@/lib/store/catalog';
import { changeTables } from '@/lib/store/outbox';
import { dismissKeptNote, removePapers, setNote, setQueued, setRead, setStarred } from '@/lib/store/library';
import { moveAfter, moveToTop, respace } from '@/lib/store/queue';
import { VIEW_NAMES, VIEWS, type ViewCounts } from '@/lib/store/views';
import { queryTokens } from '@/lib/store/search';
import { SearchIndex } from '@/lib/store/search-index';
import { openSnapshots, snapshotLibrary } from '@/lib/store/snapshots';
import { restoreSnapshot } from '@/lib/store/restore';
import { applyBibtexImport, papersFromBibtex } from '@/lib/export/bibtex-import';
import { parseBibtex } from '@/lib/export/bibtex-read';
import { syncOnce } from '@/lib/sync/engine';
import { WebDavClient } from '@/lib/sync/webdav';
import { freshDatabase, paperRef } from '../db-helpers';
import { startServer, type DavServer } from '../servers/webdav-servers';

/** The catalog's entries by id, as the buckets hold them. */
function entriesOf(buckets: readonly CatalogBucket[]): Map<string, CatalogEntry> {
  const entries = new Map<string, CatalogEntry>();
  for (const bucket of buckets) {
    bucket.ids.forEach((id, i) =>
      entries.set(id, { id, words: bucket.words[i]!, keys: [...entryKeys(bucket, i)], cite: bucket.cites[i]! }),
    );
  }
  return entries;
}

/** What the catalog must hold: an entry per record, and each view's count as its index counts it. */
async function expectInStep(db: ShelfmarkDB): Promise<void> {
  const records = await db.papers.toArray();
  const buckets = await readCatalog(db);
  expect(buckets, 'the catalog is current').not.toBeNull();
  expect(entriesOf(buckets!)).toEqual(new Map(records.map((record) => [record.id, catalogEntry(record)])));
  const counted = Object.fromEntries(
    await Promise.all(VIEW_NAMES.map(async (view) => [view, await db.papers.orderBy(VIEWS[view].index).count()])),
  ) as ViewCounts;
  expect(await libraryCounts(db)).toEqual(counted);
}

describe('the catalog', () => {
  it('is built from the records on first read, then follows every write in its transaction', async () => {
    const db = freshDatabase();
    expect(await readCatalog(db)).toBeNull(); // never built
    await setStarred(db, paperRef(1, { title: 'Attention Is All You Need', authors: ['Ashish Vaswani'] }), true, { now: 10 });
    expect(await libraryCounts(db)).toBeUndefined();
    await buildCatalog(db);
    await expectInStep(db);

    // The operations of the pages, the popup and the options page.
    for (const n of [2, 3, 4]) await setQueued(db, paperRef(n, { title: `Queued paper ${n}`, authors: ['Émile Borel'] }), true, { now: 10 + n });
    await setNote(db, 'arxiv:2401.00002', 'Compare with the zebrafish data');
    await setRead(db, 'arxiv:2401.00003', true);
    await setStarred(db, 'arxiv:2401.00001', false);
    await moveToTop(db, 'arxiv:2401.00004');
    await moveAfter(db, 'arxiv:2401.00002', 'arxiv:2401.00004');
    await respace(db, 1);
    await expectInStep(db);

    // A deletion (nothing in the product deletes yet; the catalog follows all the same).
    await db.papers.delete('arxiv:2401.00003');
    await expectInStep(db);
  });

  it('follows an import of many papers in one transaction', async () => {
    const db = freshDatabase();
    await buildCatalog(db);
    await setNote(db, paperRef(1), 'mine');
    const papers = Array.from({ length: 120 }, (_, i): PaperRecord => ({
      id: paperRef(i + 1).id,
      title: `Imported ${i}`,
      authors: ['Zoë Müller'],
      links: {},
      note: i % 3 === 0 ? 'imported note' : '',
      ...(i % 3 === 0 ? { noteUpdatedAt: 5 } : {}),
      ...(i % 2 === 0 ? { starredAt: 7 } : {}),
      createdAt: 1,
      updatedAt: 1,
      changedAt: { meta: 1, star: 7, note: 5 },
      words: [],
    }));
    const parsed = parseBackup(
      JSON.stringify({ format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: '2024-08-05T12:00:00.000Z', papers: papers.map(backupPaper) }),
    );
    if (!parsed.ok) throw new Error(parsed.error);
    await applyImport(db, parsed.backup);
    await expectInStep(db);
    expect((await libraryCounts(db))?.all).toBe(120);
  });

  it('changes with its transaction, or not at all', async () => {
    const db = freshDatabase();
    await buildCatalog(db);
    await setStarred(db, paperRef(1), true);
    await expect(
      db.transaction('rw', changeTables(db), async () => {
        await setStarred(db, paperRef(2), true);
        throw new Error('stop');
      }),
    ).rejects.toThrow('stop');
    await expectInStep(db);
    expect((await libraryCounts(db))?.starred).toBe(1);
  });

  it('follows the library emptied and filled again in one transaction (a snapshot restored)', async () => {
    const db = freshDatabase();
    await buildCatalog(db);
    for (const n of [1, 2, 3]) await setStarred(db, paperRef(n), true);
    const kept = (await db.papers.get(paperRef(2).id))!;
    await db.transaction('rw', db.papers, async () => {
      await db.papers.clear();
      await db.papers.bulkAdd([{ ...kept, starredAt: undefined, readAt: 9 }].map(({ starredAt: _, ...record }) => record));
    });
    await expectInStep(db);
    expect(await libraryCounts(db)).toEqual({ queue: 0, starred: 0, notes: 0, read: 1, all: 1 });
  });

  it('is rebuilt after a write it could not follow (a range of records deleted)', async () => {
    const db = freshDatabase();
    await buildCatalog(db);
    for (const n of [1, 2, 3]) await setStarred(db, paperRef(n), true);
    await db.papers.where(':id').below('arxiv:2401.00003').delete();
    expect(await readCatalog(db)).toBeNull();
    await buildCatalog(db);
    await expectInStep(db);
    expect((await libraryCounts(db))?.all).toBe(1);
  });
});

/** The ids a search of the catalog finds, as the popup's index answers it. */
async function found(db: ShelfmarkDB, query: string): Promise<string[]> {
  const index = new SearchIndex((await readCatalog(db))!);
  return Array.from(index.search(queryTokens(query), { key: 'createdAt', newestFirst: true }), (slot) => index.idAt(slot)).sort();
}

describe('the catalog follows the write paths of sync, restores and imports', () => {
  // Sync between two fake-indexeddb devices through the webdav-server package, in process.
  let server: DavServer;
  let folders = 0;
  beforeAll(async () => {
    server = await startServer('webdav-server');
  }, 30_000);
  afterAll(() => server?.stop());

  function devices() {
    const url = `${server.url}catalog-${++folders}/`;
    return ['A', 'B'].map((name) => {
      const db = freshDatabase();
      const dav = new WebDavClient({ url, username: server.username, password: server.password });
      return { db, sync: () => syncOnce(db, dav, { deviceName: name, retry: { sleep: async () => {} } }) };
    });
  }

  it('a pull: papers added, changed and removed elsewhere, a note kept from a conflict, then dismissed', async () => {
    const [a, b] = devices();
    for (let n = 1; n <= 8; n++) await setStarred(a!.db, paperRef(n, { title: `Shared paper ${n}` }), true, { now: 1_000 + n });
    await buildCatalog(a!.db); // the popup was opened on A: from now on the middleware keeps it
    await a!.sync();
    await b!.sync();
    // On B: a new paper queued, one read, one unstarred, one removed, a note written over A's unseen one.
    await setNote(a!.db, paperRef(3).id, 'A: the proof in section 2', { now: 2_000 });
    await setQueued(b!.db, paperRef(20, { title: 'Zebrafish regeneration atlas', authors: ['Ngozi Adeyemi'] }), true, { now: 3_000 });
    await setRead(b!.db, paperRef(1).id, true, { now: 3_001 });
    await setStarred(b!.db, paperRef(2).id, false, { now: 3_002 });
    await setNote(b!.db, paperRef(3).id, 'B: compare with the zebrafish atlas', { now: 3_003 });
    await removePapers(b!.db, [paperRef(4).id], { now: 3_004 });
    await b!.sync();
    expect((await a!.sync()).changed.sort()).toEqual([1, 2, 3, 4, 20].map((n) => paperRef(n).id));

    await expectInStep(a!.db);
    expect(await libraryCounts(a!.db)).toEqual({ queue: 1, starred: 6, notes: 1, read: 1, all: 8 });
    expect(await found(a!.db, 'zebrafish')).toEqual([paperRef(3).id, paperRef(20).id]);
    expect(await found(a!.db, 'shared paper 4')).toEqual([]);
    const [kept] = (await a!.db.papers.get(paperRef(3).id))!.keptNotes!;
    expect(kept?.text).toBe('A: the proof in section 2');

    await dismissKeptNote(a!.db, paperRef(3).id, kept!.written);
    await expectInStep(a!.db);
    // Paper 4 met again on B and noted, after its removal: back on A, in the catalog again.
    await setNote(b!.db, paperRef(4, { title: 'Shared paper 4' }), 'B: keep this one after all', { now: 4_000 });
    await b!.sync();
    await a!.sync();
    await expectInStep(a!.db);
    expect(await found(a!.db, 'shared paper 4')).toEqual([paperRef(4).id]);
    expect(await libraryCounts(a!.db)).toEqual({ queue: 1, starred: 6, notes: 2, read: 1, all: 9 });
  });

  it('a removal here, a snapshot restored over the library, and a BibTeX import', async () => {
    const db = freshDatabase();
    await buildCatalog(db);
    for (let n = 1; n <= 5; n++) await setQueued(db, paperRef(n), true, { now: 1_000 + n });
    const snapshots = openSnapshots(`catalog-snapshots-${++folders}`);
    try {
      const then = await snapshotLibrary(db, snapshots, 'weekly', 2_000);
      await removePapers(db, [paperRef(1).id, paperRef(2).id], { now: 2_100 });
      await setStarred(db, paperRef(9, { title: 'Written after the snapshot' }), true, { now: 2_200 });
      await expectInStep(db);
      expect(await libraryCounts(db)).toMatchObject({ queue: 3, starred: 1, all: 4 });

      await restoreSnapshot(db, snapshots, then!.id, 3_000);
      await expectInStep(db);
      expect(await libraryCounts(db)).toMatchObject({ queue: 5, starred: 0, all: 5 });
    } finally {
      await snapshots.delete();
    }

    const read = await parseBibtex(
      '@article{vaswani2017, title={Attention Is All You Need}, author={Vaswani, Ashish}, eprint={1706.03762}, archivePrefix={arXiv}}\n' +
        `@article{again, title={Paper number 3}, eprint={${paperRef(3).id.slice('arxiv:'.length)}}, archivePrefix={arXiv}}\n`,
    );
    if (!read.ok) throw new Error(read.error);
    await applyBibtexImport(db, papersFromBibtex(read.bibtex), { star: true, queue: false }, 4_000);
    await expectInStep(db);
    expect(await libraryCounts(db)).toMatchObject({ queue: 5, starred: 2, all: 6 });
    expect(await found(db, 'attention')).toEqual(['arxiv:1706.03762']);
  });
});

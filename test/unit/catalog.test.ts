import { describe, expect, it } from 'vitest';
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
import { setNote, setQueued, setRead, setStarred } from '@/lib/store/library';
import { moveAfter, moveToTop, respace } from '@/lib/store/queue';
import { VIEW_NAMES, VIEWS, type ViewCounts } from '@/lib/store/views';
import { freshDatabase, paperRef } from '../db-helpers';

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
      db.transaction('rw', db.papers, async () => {
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

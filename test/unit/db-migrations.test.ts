import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { openDatabase, type PaperRecord } from '@/lib/store/db';
import { buildCatalog, catalogEntry, entryKeys, libraryCounts, readCatalog, type CatalogBucket } from '@/lib/store/catalog';
import { setStarred } from '@/lib/store/library';
import { queryTokens } from '@/lib/store/search';
import { SearchIndex } from '@/lib/store/search-index';
import { VIEW_NAMES, VIEWS } from '@/lib/store/views';
import { LLAMA, MALDACENA, TRICKY, TRICKY_TWIN } from './export-fixtures';

/*
 * Upgrades: a populated database of an earlier schema version, opened with the current code.
 *
 * Version 2 adds the catalog (lib/store/catalog.ts), empty: the first page to read it builds it
 * from the records. (Written before the other cases of this file landed: when merging, fold it
 * into their table of cases and use their version 1 fixture.)
 */

let counter = 0;

/** The catalog's entries by id. */
function entries(buckets: readonly CatalogBucket[]) {
  return new Map(
    buckets.flatMap((bucket) =>
      bucket.ids.map((id, i) => [id, { id, words: bucket.words[i]!, keys: [...entryKeys(bucket, i)], cite: bucket.cites[i]! }] as const),
    ),
  );
}

describe('a database of schema version 1 (papers only), opened with the current code', () => {
  const stored: PaperRecord[] = [LLAMA, MALDACENA, TRICKY, TRICKY_TWIN];

  async function versionOne(): Promise<string> {
    const name = `shelfmark-migration-1-${++counter}`;
    const old = new Dexie(name);
    old.version(1).stores({ papers: 'id, starredAt, readAt, queuePos, noteUpdatedAt, createdAt, updatedAt, *words' });
    await old.table('papers').bulkAdd(stored);
    old.close();
    return name;
  }

  it('keeps every record and gains the catalog, built from them on first read, then kept by every write', async () => {
    const db = openDatabase(await versionOne());
    try {
      expect(await db.papers.orderBy('id').toArray()).toEqual([...stored].sort((a, b) => (a.id < b.id ? -1 : 1)));
      expect(db.verno).toBe(2);
      // Not built yet: counts and searches wait for the first page that reads it.
      expect(await readCatalog(db)).toBeNull();
      expect(await libraryCounts(db)).toBeUndefined();
      // A write before the build is not lost: the build reads the records as they are then.
      await setStarred(db, MALDACENA.id, true, { now: 5 });

      const buckets = await buildCatalog(db);
      const records = await db.papers.toArray();
      expect(entries(buckets)).toEqual(new Map(records.map((record) => [record.id, catalogEntry(record)])));
      const counted = Object.fromEntries(VIEW_NAMES.map((view) => [view, records.filter((record) => record[VIEWS[view].index] !== undefined).length]));
      expect(await libraryCounts(db)).toEqual(counted);
      expect(counted).toEqual({ queue: 1, starred: 3, notes: 2, read: 1, all: 4 });
      const index = new SearchIndex(buckets);
      const search = (query: string) => Array.from(index.search(queryTokens(query), { key: 'createdAt', newestFirst: true }), (slot) => index.idAt(slot));
      expect(search('llama herd')).toEqual([LLAMA.id]);

      // From now on the middleware keeps it, in each write's transaction.
      await setStarred(db, LLAMA.id, false, { now: 6 });
      expect((await libraryCounts(db))?.starred).toBe(2);
      expect(entries((await readCatalog(db))!).get(LLAMA.id)).toEqual(catalogEntry((await db.papers.get(LLAMA.id))!));
    } finally {
      await db.delete();
    }
  });
});

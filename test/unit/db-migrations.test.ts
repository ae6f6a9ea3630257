import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { openDatabase, type PaperRecord } from '@/lib/store/db';
import { setStarred } from '@/lib/store/library';

/*
 * Every schema version upgrades a populated database of each earlier version (lib/store/db.ts).
 * Each case writes a database the way that version's Shelfmark did, with plain Dexie and that
 * version's schema, then opens it with today's code.
 */

const V1_STORES = { papers: 'id, starredAt, readAt, queuePos, noteUpdatedAt, createdAt, updatedAt, *words' };

function v1Paper(n: number, fields: Partial<PaperRecord> = {}): PaperRecord {
  return {
    id: `arxiv:2401.${String(n).padStart(5, '0')}`,
    title: `Paper ${n}`,
    authors: ['A. Author'],
    links: {},
    note: '',
    createdAt: 1_000 + n,
    updatedAt: 1_000 + n,
    changedAt: { meta: 1_000 + n },
    words: ['paper', String(n)],
    ...fields,
  };
}

describe('database migrations', () => {
  it('version 1 → 2 (sync): papers kept as they were; each one’s groups wait in the outbox for the first push', async () => {
    const name = `migration-v1-${Math.random().toString(36).slice(2)}`;
    const old = new Dexie(name);
    old.version(1).stores(V1_STORES);
    const papers = [
      v1Paper(1, { starredAt: 2_000, changedAt: { meta: 1_001, star: 2_000 } }),
      v1Paper(2, { queuePos: 1, queuedAt: 3_000, note: 'A note from version 1', noteUpdatedAt: 3_100, changedAt: { meta: 1_002, queue: 3_000, note: 3_100 } }),
      v1Paper(3),
    ];
    await old.table('papers').bulkPut(papers);
    old.close();

    const db = openDatabase(name);
    try {
      expect(await db.papers.orderBy('id').toArray()).toEqual(papers);
      expect(db.verno).toBe(2);
      expect((await db.outbox.toArray()).map((row) => [row.id, row.kind, row.at])).toEqual([
        [papers[0]!.id, 'meta', 1_001],
        [papers[0]!.id, 'star', 2_000],
        [papers[1]!.id, 'meta', 1_002],
        [papers[1]!.id, 'note', 3_100],
        [papers[1]!.id, 'queue', 3_000],
        [papers[2]!.id, 'meta', 1_003],
      ]);
      expect(await db.tombstones.count()).toBe(0);
      // And the upgraded database works: an edit is stamped after every time it holds.
      await setStarred(db, papers[2]!.id, true, { now: 10 });
      expect((await db.papers.get(papers[2]!.id))!.changedAt.star).toBeGreaterThan(1_003);
    } finally {
      await db.delete();
    }
  });
});

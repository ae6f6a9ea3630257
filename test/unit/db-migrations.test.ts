import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '@/lib/store/db';
import { getStates, setStarred } from '@/lib/store/library';
import { viewRecords } from '@/lib/store/views';
import { matchingIds } from '@/lib/store/search';

/**
 * Every earlier schema version, populated as that version wrote it, opened by the current code:
 * nothing is lost and every index works. One case per version.
 */

const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

/** A database as schema version 1 made it (arXiv ids only, no aliases index), with the given records. */
async function versionOneDatabase(records: object[]): Promise<string> {
  const name = `shelfmark-v1-${names.length}-${Math.random().toString(36).slice(2)}`;
  names.push(name);
  const old = new Dexie(name);
  old.version(1).stores({ papers: 'id, starredAt, readAt, queuePos, noteUpdatedAt, createdAt, updatedAt, *words' });
  await old.table('papers').bulkPut(records);
  old.close();
  return name;
}

const V1_RECORDS = [
  {
    id: 'arxiv:2407.21783',
    title: 'The Llama 3 Herd of Models',
    authors: ['Abhimanyu Dubey'],
    links: { abs: 'https://arxiv.org/abs/2407.21783' },
    note: 'Read §3 first',
    noteUpdatedAt: 300,
    starredAt: 100,
    queuePos: 1,
    queuedAt: 200,
    createdAt: 100,
    updatedAt: 300,
    changedAt: { star: 100, queue: 200, note: 300, meta: 100 },
    words: ['the', 'llama', '3', 'herd', 'of', 'models', 'abhimanyu', 'dubey', 'read', 'first'],
  },
  {
    id: 'arxiv:hep-th/9711200',
    title: 'The Large N Limit of Superconformal Field Theories and Supergravity',
    authors: ['Juan M. Maldacena'],
    links: {},
    note: '',
    readAt: 400,
    createdAt: 400,
    updatedAt: 400,
    changedAt: { read: 400 },
    words: ['the', 'large', 'n', 'limit', 'juan', 'maldacena'],
  },
];

describe('database migrations', () => {
  it('version 1 → 2 (aliases): every record and index kept, the new aliases index works', async () => {
    const name = await versionOneDatabase(V1_RECORDS);
    const db = openDatabase(name);
    try {
      expect(db.verno).toBe(2);
      expect(await db.papers.orderBy('id').toArray()).toEqual([...V1_RECORDS].sort((a, b) => (a.id < b.id ? -1 : 1)));
      expect((await viewRecords(db, 'queue')).map((record) => record.id)).toEqual(['arxiv:2407.21783']);
      expect((await viewRecords(db, 'read')).map((record) => record.id)).toEqual(['arxiv:hep-th/9711200']);
      expect([...(await matchingIds(db, ['maldacena']))]).toEqual(['arxiv:hep-th/9711200']);
      expect(await db.papers.where('aliases').anyOf(['doi:10.1000/x']).count()).toBe(0);

      // The old record gains an alias when a card shows one, and is then found by it.
      await setStarred(db, { id: 'arxiv:2407.21783', title: 'The Llama 3 Herd of Models', aliases: ['dblp:journals/corr/abs-2407-21783'] }, true);
      expect(await getStates(db, ['dblp:journals/corr/abs-2407-21783'])).toEqual({
        'dblp:journals/corr/abs-2407-21783': { starred: true, read: false, queued: true, note: 'Read §3 first' },
      });
    } finally {
      db.close();
    }
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PaperRecord, ShelfmarkDB } from '@/lib/store/db';
import { buildCatalog, CATALOG_KEYS, catalogEntry, readCatalog, titleSortKey } from '@/lib/store/catalog';
import { setNote, setQueued, setRead, setStarred, type PaperTarget } from '@/lib/store/library';
import { changeTables } from '@/lib/store/outbox';
import { moveToTop } from '@/lib/store/queue';
import { paperWords, queryTokens } from '@/lib/store/search';
import { SearchIndex, type ListOrder } from '@/lib/store/search-index';
import { VIEW_NAMES, VIEWS } from '@/lib/store/views';
import { freshDatabase, paperRef } from '../db-helpers';

/*
 * The in-memory search against the semantics of the `*words` index it replaces, written as plainly
 * as possible: a paper matches when every query token starts one of its stored words; a list holds
 * the papers having its key, in the key's order, ties by id, as IndexedDB orders an index (newest
 * first: the exact reverse).
 */
function reference(records: readonly PaperRecord[], order: ListOrder, tokens: readonly string[]): string[] {
  const sign = order.newestFirst ? -1 : 1;
  const key = (record: PaperRecord) => catalogEntry(record).keys[CATALOG_KEYS.indexOf(order.key)]!;
  return records
    .filter((record) => (order.all || !Number.isNaN(key(record))) && tokens.every((token) => record.words.some((word) => word.startsWith(token))))
    .sort((a, b) => {
      const ka = key(a);
      const kb = key(b);
      // An order of every paper puts those without the key last.
      if (Number.isNaN(ka) !== Number.isNaN(kb)) return Number.isNaN(ka) ? 1 : -1;
      if (ka !== kb && !Number.isNaN(ka)) return ka < kb ? -sign : sign;
      return a.id < b.id ? -sign : a.id > b.id ? sign : 0;
    })
    .map((record) => record.id);
}

const ORDERS: ListOrder[] = [
  ...VIEW_NAMES.map((view) => ({ key: VIEWS[view].index, newestFirst: VIEWS[view].newestFirst })),
  { key: 'updatedAt', newestFirst: true }, // the options page's library, and its sorts
  { key: 'createdAt', newestFirst: true, all: true },
  { key: 'readAt', newestFirst: true, all: true },
  { key: 'date', newestFirst: true, all: true },
  { key: 'title', newestFirst: false, all: true },
];

const ids = (index: SearchIndex, slots: Uint32Array) => Array.from(slots, (slot) => index.idAt(slot));

/** The index as a page keeps it: made from the catalog, then given every bucket again after changes. */
async function indexOf(db: ShelfmarkDB): Promise<SearchIndex> {
  return new SearchIndex((await readCatalog(db)) ?? (await buildCatalog(db)));
}
async function refresh(db: ShelfmarkDB, index: SearchIndex): Promise<void> {
  for (const bucket of (await readCatalog(db))!) index.setBucket(bucket);
}

async function expectSameAnswers(db: ShelfmarkDB, index: SearchIndex, queries: readonly string[]): Promise<void> {
  const records = await db.papers.toArray();
  for (const order of ORDERS) {
    // The whole list, as IndexedDB itself orders the key's index (the sorts of every paper: as written above).
    const stored = order.all ? reference(records, order, []) : await db.papers.orderBy(order.key).primaryKeys();
    expect(ids(index, index.search([], order)), `${order.key} order`).toEqual(order.newestFirst && !order.all ? stored.reverse() : stored);
    for (const query of queries) {
      const tokens = queryTokens(query);
      expect(ids(index, index.search(tokens, order)), `${order.key}: "${query}"`).toEqual(reference(records, order, tokens));
    }
  }
}

const WORDS = ['graph', 'graphs', 'gradient', 'neural', 'Émile', 'emily', 'Zoë', 'zebra', 'a', 'ab', 'Transformer', 'trans', 'x1', '日本語', 'über', '𝔘nicode'];
const word = fc.constantFrom(...WORDS);
const text = (max: number) => fc.array(word, { maxLength: max }).map((words) => words.join(' '));
/** A query: a few words or word beginnings, sometimes nothing that matches. */
const query = fc.array(
  fc.oneof(word, word.map((w) => w.slice(0, 1 + (w.length >> 1))), fc.constantFrom('zzz', 'É', 'GRA', '-')),
  { minLength: 1, maxLength: 3 },
).map((words) => words.join(' '));

const paperArb = fc.record({
  title: text(5),
  authors: fc.array(text(2), { maxLength: 3 }),
  note: fc.option(text(4), { nil: undefined }),
  star: fc.boolean(),
  read: fc.boolean(),
  queue: fc.boolean(),
  // A few distinct times: ties in a view's key are common, and ordered by id.
  at: fc.integer({ min: 1, max: 4 }),
  date: fc.option(fc.constantFrom('2024-01-02', '2023-05-06', '1999-12-31'), { nil: undefined }),
});

type Change =
  | { kind: 'star' | 'read' | 'queue'; n: number; value: boolean; at: number }
  | { kind: 'note'; n: number; text: string; at: number }
  | { kind: 'top'; n: number }
  | { kind: 'delete'; n: number }
  | { kind: 'new'; n: number; title: string; at: number };
const changeArb: fc.Arbitrary<Change> = fc.oneof(
  fc.record({ kind: fc.constantFrom('star' as const, 'read' as const, 'queue' as const), n: fc.nat(14), value: fc.boolean(), at: fc.integer({ min: 1, max: 6 }) }),
  fc.record({ kind: fc.constant('note' as const), n: fc.nat(14), text: text(3), at: fc.integer({ min: 1, max: 6 }) }),
  fc.record({ kind: fc.constant('top' as const), n: fc.nat(14) }),
  fc.record({ kind: fc.constant('delete' as const), n: fc.nat(14) }),
  fc.record({ kind: fc.constant('new' as const), n: fc.integer({ min: 15, max: 30 }), title: text(4), at: fc.integer({ min: 1, max: 6 }) }),
);

async function apply(db: ShelfmarkDB, change: Change): Promise<void> {
  const id = paperRef(change.n).id;
  const target: PaperTarget = change.kind === 'new' ? paperRef(change.n, { title: change.title || 'Untitled' }) : id;
  switch (change.kind) {
    case 'star':
      return void (await setStarred(db, target, change.value, { now: change.at }));
    case 'read':
      return void (await setRead(db, target, change.value, { now: change.at }));
    case 'queue':
      return void (await setQueued(db, target, change.value, { now: change.at }));
    case 'note':
      return void (await setNote(db, target, change.text, { now: change.at }));
    case 'new':
      return void (await setStarred(db, target, true, { now: change.at }));
    case 'top':
      return void (await moveToTop(db, id, { now: 7 }));
    case 'delete':
      return void (await db.papers.delete(id));
  }
}

describe('the library’s title order', () => {
  it('sorts by the first ten letters and digits, case, accents and punctuation aside', () => {
    const titles = ['Zebra crossings', '"Attention" is all you need', 'Émil 3 bears', 'attention is all YOU need (v2)', '3D scenes', 'emil 2 bears', ''];
    const sorted = [...titles].sort((a, b) => titleSortKey(a) - titleSortKey(b));
    expect(sorted).toEqual(['', '3D scenes', '"Attention" is all you need', 'attention is all YOU need (v2)', 'emil 2 bears', 'Émil 3 bears', 'Zebra crossings']);
    expect(titleSortKey('"Attention" is all you need')).toBe(titleSortKey('attention is all YOU need (v2)')); // alike for ten letters: a tie
    expect(Number.isSafeInteger(titleSortKey('zzzzzzzzzzzzzzz'))).toBe(true);
  });
});

describe('the in-memory search', () => {
  it('answers as the words index did, in every view and the library, through any changes', { timeout: 60_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(paperArb, { minLength: 1, maxLength: 15 }),
        fc.array(query, { minLength: 1, maxLength: 6 }),
        fc.array(changeArb, { maxLength: 12 }),
        async (papers, queries, changes) => {
          const db = freshDatabase();
          const records = papers.map((paper, i): PaperRecord => {
            const record: PaperRecord = {
              id: paperRef(i).id,
              title: paper.title,
              authors: paper.authors,
              links: {},
              note: paper.note ?? '',
              createdAt: paper.at,
              updatedAt: paper.at,
              changedAt: {},
              words: [],
            };
            if (paper.note) record.noteUpdatedAt = paper.at;
            if (paper.date) record.date = paper.date;
            if (paper.star) record.starredAt = paper.at;
            if (paper.read) record.readAt = paper.at;
            if (paper.queue) record.queuePos = paper.at + i / 100;
            record.words = paperWords(record);
            return record;
          });
          await db.papers.bulkAdd(records);
          const index = await indexOf(db);
          await expectSameAnswers(db, index, queries);
          for (const change of changes) await apply(db, change);
          await refresh(db, index);
          await expectSameAnswers(db, index, queries);
          await db.delete();
        },
      ),
      { numRuns: 40 },
    );
  });

  it('keeps answering as papers keep changing: postings rebuilt, orders patched and re-sorted', { timeout: 60_000 }, async () => {
    const db = freshDatabase();
    await buildCatalog(db);
    for (let n = 1; n <= 400; n++) {
      await setQueued(db, paperRef(n, { title: `${WORDS[n % WORDS.length]} study ${n}`, authors: [`${WORDS[(n * 7) % WORDS.length]} Author`] }), true, { now: n % 9 });
    }
    const index = await indexOf(db);
    const queries = ['gra', 'émile study', 'a', 'trans 1', 'zebra neu'];
    await expectSameAnswers(db, index, queries);
    // Many at once (more than any patching): notes on 300 papers, then a few moves, one at a time.
    await db.transaction('rw', changeTables(db), async () => {
      for (let n = 1; n <= 300; n++) await setNote(db, paperRef(n).id, `note about ${WORDS[(n * 3) % WORDS.length]}`, { now: 100 + (n % 5) });
    });
    await refresh(db, index);
    await expectSameAnswers(db, index, [...queries, 'note gradient', 'about über', 'no']);
    // Words that went away no longer match, through the postings built before (two letters are not checked against the words).
    for (let n = 1; n <= 300; n += 2) await setNote(db, paperRef(n).id, '', { now: 150 });
    await refresh(db, index);
    await expectSameAnswers(db, index, ['no', 'ab', 'n']);
    for (const n of [5, 250, 399]) {
      await moveToTop(db, paperRef(n).id, { now: 200 });
      await setRead(db, paperRef(n + 1).id, true, { now: 201 });
      await refresh(db, index);
      await expectSameAnswers(db, index, queries);
    }
  });
});

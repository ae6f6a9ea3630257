import { describe, expect, it } from 'vitest';
import { CAPS } from '@/lib/limits';
import type { PaperRecord, ShelfmarkDB } from '@/lib/store/db';
import { setNote, setQueued, setRead, setStarred } from '@/lib/store/library';
import { excerpt, foldText, highlightParts, matchingIds, paperWords, queryTokens, tokenize, wordsMatch } from '@/lib/store/search';
import { searchView, viewCounts, viewIds, viewPage, VIEW_NAMES, type ViewName } from '@/lib/store/views';
import { freshDatabase, paperRef } from '../db-helpers';

describe('tokens', () => {
  it('folds case and accents, precomposed or not', () => {
    expect(foldText('Émile ZOË naïve')).toBe('emile zoe naive');
    expect(foldText('Zoe\u0308')).toBe('zoe');
    expect(tokenize('GPT-4o: Émile & Zoë, émile')).toEqual(['gpt', '4o', 'emile', 'zoe']);
  });

  it('indexes title, authors and note', () => {
    expect(paperWords({ title: 'Diffusion Models', authors: ['Ada Łukasiewicz'], note: 'Read §3' })).toEqual([
      'diffusion', 'models', 'ada', 'łukasiewicz', 'read', '3',
    ]);
  });

  it('reads a query: folded words, longest first, dropping a word that only starts another', () => {
    expect(queryTokens('  Lang  LANGUAGE mod ')).toEqual(['language', 'mod']);
    expect(queryTokens('Énergie')).toEqual(['energie']);
    expect(queryTokens(' -- ')).toEqual([]);
  });

  it('matches when every query word starts a word of the paper', () => {
    const words = tokenize('Scaling Transformers for Language Modelling');
    expect(wordsMatch(words, ['trans'])).toBe(true);
    expect(wordsMatch(words, ['trans', 'lang'])).toBe(true);
    expect(wordsMatch(words, ['former'])).toBe(false); // inside a word, not at its start
    expect(wordsMatch(words, ['trans', 'vision'])).toBe(false);
  });
});

describe('highlighting', () => {
  const marked = (text: string, query: string) =>
    highlightParts(text, queryTokens(query))
      .filter((part) => part.match)
      .map((part) => part.text);

  it('marks the typed part of each matching word, whatever the case and accents', () => {
    expect(marked('Transformers for TRANSLATION', 'trans')).toEqual(['Trans', 'TRANS']);
    expect(marked('Émile Borel and Zoë', 'emi zoe')).toEqual(['Émi', 'Zoë']);
    // Decomposed accents stay with their letter.
    expect(marked('Zoe\u0308 Smith', 'zoe')).toEqual(['Zoe\u0308']);
    expect(marked('Unrelated words', 'trans')).toEqual([]);
    expect(marked('retransmission', 'trans')).toEqual([]);
  });

  it('gives back the text unchanged when the parts are joined, markup included', () => {
    const text = 'A <b>bold</b> claim & an “ﬁne” ligature, Émile';
    for (const query of ['bold', 'fine', 'emile', 'b', '']) {
      expect(highlightParts(text, queryTokens(query)).map((part) => part.text).join('')).toBe(text);
    }
    expect(marked(text, 'fine')).toEqual(['ﬁne']);
  });

  it('cuts long notes around the first match', () => {
    const note = `${'Background words here. '.repeat(20)}The key result is in Table 4. ${'More words after. '.repeat(10)}`;
    expect(excerpt(note, [])).toMatch(/^Background words here\..*…$/);
    const cut = excerpt(note, queryTokens('table'));
    expect(cut).toMatch(/^….*Table 4.*…$/);
    expect(cut.length).toBeLessThanOrEqual(162);
    expect(excerpt('Short note', queryTokens('short'))).toBe('Short note');
  });
});

describe('searching the library by index', () => {
  async function library(): Promise<ShelfmarkDB> {
    const db = freshDatabase();
    await setQueued(db, paperRef(1, { title: 'Attention Is All You Need', authors: ['Ashish Vaswani', 'Noam Shazeer'] }), true, { now: 10 });
    await setQueued(db, paperRef(2, { title: 'Élan vital: Energy-based Models', authors: ['Émile Durand'] }), true, { now: 20 });
    await setStarred(db, paperRef(3, { title: 'Diffusion Models Beat GANs', authors: ['Prafulla Dhariwal'] }), true, { now: 30 });
    await setNote(db, paperRef(4, { title: 'A Paper Without Much', authors: [] }), 'Compare with the ATTENTION sink trick', { now: 40 });
    await setRead(db, paperRef(5, { title: 'Attention sinks in streaming models', authors: ['Guangxuan Xiao'] }), true, { now: 50 });
    return db;
  }
  const titles = async (db: ShelfmarkDB, view: ViewName, query: string) => {
    const ids = await searchView(db, view, queryTokens(query));
    const papers = await db.papers.bulkGet(ids);
    return papers.map((paper) => paper!.title);
  };

  it('finds by title, author and note words, by prefix, in any case and accents', async () => {
    const db = await library();
    expect(await titles(db, 'all', 'ATTENT')).toEqual([
      'Attention sinks in streaming models',
      'A Paper Without Much',
      'Attention Is All You Need',
    ]);
    expect(await titles(db, 'all', 'emile')).toEqual(['Élan vital: Energy-based Models']);
    expect(await titles(db, 'all', 'élan')).toEqual(['Élan vital: Energy-based Models']);
    expect(await titles(db, 'all', 'shaz')).toEqual(['Attention Is All You Need']);
    expect(await titles(db, 'all', 'sink trick')).toEqual(['A Paper Without Much']);
    expect(await titles(db, 'all', 'models')).toEqual([
      'Attention sinks in streaming models',
      'Diffusion Models Beat GANs',
      'Élan vital: Energy-based Models',
    ]);
    expect(await titles(db, 'all', 'odels')).toEqual([]);
  });

  it('keeps each view to its own papers and order', async () => {
    const db = await library();
    expect(await titles(db, 'queue', 'attention')).toEqual(['Attention Is All You Need']);
    expect(await titles(db, 'notes', 'attention')).toEqual(['A Paper Without Much']);
    expect(await titles(db, 'read', 'attention')).toEqual(['Attention sinks in streaming models']);
    expect(await titles(db, 'starred', 'attention')).toEqual([]);
    expect(await titles(db, 'queue', '')).toEqual(['Attention Is All You Need', 'Élan vital: Energy-based Models']);
    expect(await viewCounts(db)).toEqual({ queue: 2, starred: 1, notes: 1, read: 1, all: 5 });
  });

  it('follows changes: a note edited away stops matching', async () => {
    const db = await library();
    await setNote(db, 'arxiv:2401.00004', 'Nothing to see');
    expect(await titles(db, 'all', 'sink')).toEqual(['Attention sinks in streaming models']);
    expect(await titles(db, 'notes', 'nothing')).toEqual(['A Paper Without Much']);
  });

  it('gives the same answer by every route, with thousands of papers', async () => {
    const db = freshDatabase();
    // Words chosen so that some queries are rare (records sorted in memory) and some common (walking the keys).
    const vocabulary = ['graph', 'neural', 'network', 'language', 'model', 'vision', 'transformer', 'diffusion', 'retrieval', 'agent'];
    const records: PaperRecord[] = Array.from({ length: 4_000 }, (_, i) => {
      const title = `${vocabulary[i % 10]} ${vocabulary[(i * 7) % 10]} ${vocabulary[(i * 3 + 1) % 10]} study ${i}`;
      const note = i % 97 === 0 ? `rare zebra note ${i}` : '';
      const record: PaperRecord = {
        id: paperRef(i).id,
        title,
        authors: [`Author ${i % 13}`],
        links: {},
        note,
        createdAt: 1_000 + ((i * 7919) % 4_000),
        updatedAt: 1,
        changedAt: {},
        words: [],
      };
      if (i % 2 === 0) record.queuePos = 4_000 - i;
      if (i % 3 === 0) record.starredAt = 100 + (i % 500);
      if (i % 5 === 0) record.readAt = 200 + i;
      if (note) record.noteUpdatedAt = 300 + i;
      record.words = paperWords(record);
      return record;
    });
    await db.papers.bulkAdd(records);
    const wordsOf = new Map(records.map((record) => [record.id, record.words]));

    for (const view of VIEW_NAMES) {
      const order = await viewIds(db, view);
      expect(order).toEqual((await viewPage(db, view, 0, 10_000)).map((paper) => paper.id));
      for (const query of ['graph', 'gr', 'zebra', 'graph neural', 'study 12', 'author 3', 'nomatch', 'n']) {
        const tokens = queryTokens(query);
        const expected = order.filter((paperId) => wordsMatch(wordsOf.get(paperId)!, tokens));
        expect(await searchView(db, view, tokens), `${view}: ${query}`).toEqual(expected);
      }
    }
    expect((await matchingIds(db, queryTokens('zebra'))).size).toBe(42);
  }, 30_000); // thousands of papers on fake-indexeddb: seconds when the whole suite runs beside it
});

describe('paperWords: the search index of a record', () => {
  it('is the distinct words of title, authors and note, in that order, cut to the cap', () => {
    const note = Array.from({ length: 5_000 }, (_, i) => `Wörd${i} wörd${i % 7}`).join(' ');
    const paper = { title: 'Émile’s Transformers', authors: ['Zoë Ångström', 'Wei Zhang'], note };
    const words = paperWords(paper);
    expect(words).toEqual(tokenize(`${paper.title} ${paper.authors.join(' ')} ${paper.note}`).slice(0, CAPS.words));
    expect(words).toHaveLength(CAPS.words);
    expect(words.slice(0, 8)).toEqual(['emile', 's', 'transformers', 'zoe', 'angstrom', 'wei', 'zhang', 'word0']);
  });
});

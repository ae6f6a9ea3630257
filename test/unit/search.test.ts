import { describe, expect, it } from 'vitest';
import { CAPS } from '@/lib/limits';
import type { ShelfmarkDB } from '@/lib/store/db';
import { buildCatalog, catalogBuckets, libraryCounts, readCatalog } from '@/lib/store/catalog';
import { setNote, setQueued, setRead, setStarred } from '@/lib/store/library';
import { excerpt, foldText, highlightParts, libraryFilter, paperWords, queryTokens, tokenize } from '@/lib/store/search';
import { SearchIndex } from '@/lib/store/search-index';
import { VIEWS, type ViewName } from '@/lib/store/views';
import { freshDatabase, paperRef } from '../db-helpers';
import { AUTOML, LLAMA, MALDACENA, PROMPT_WORTH, TRICKY, TRICKY_TWIN } from './export-fixtures';

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

// The in-memory search, by example (test/unit/search-index.test.ts checks it against the words index's semantics).
describe('searching the library', () => {
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
    const index = new SearchIndex((await readCatalog(db)) ?? (await buildCatalog(db)));
    const slots = index.search(queryTokens(query), { key: VIEWS[view].index, newestFirst: VIEWS[view].newestFirst });
    const ids = Array.from(slots, (slot) => index.idAt(slot));
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
    expect(await libraryCounts(db)).toEqual({ queue: 2, starred: 1, notes: 1, read: 1, all: 5 });
  });

  it('follows changes: a note edited away stops matching', async () => {
    const db = await library();
    await setNote(db, 'arxiv:2401.00004', 'Nothing to see');
    expect(await titles(db, 'all', 'sink')).toEqual(['Attention sinks in streaming models']);
    expect(await titles(db, 'notes', 'nothing')).toEqual(['A Paper Without Much']);
  });
});

describe("the options page's filter", () => {
  it('filters the library by word prefixes of title, authors and note, or by id, most recently changed first', () => {
    const papers = [LLAMA, MALDACENA, TRICKY, TRICKY_TWIN, PROMPT_WORTH, AUTOML];
    const index = new SearchIndex(catalogBuckets(papers));
    const byChange = [...papers].sort((a, b) => b.updatedAt - a.updatedAt || (a.id < b.id ? 1 : -1)).map((paper) => paper.id);
    const ids = (query: string) => {
      const filter = libraryFilter(query);
      const slots = index.search(filter?.tokens ?? [], { key: 'updatedAt', newestFirst: true }, filter?.alsoId);
      return Array.from(slots, (slot) => index.idAt(slot));
    };
    expect(libraryFilter('  ')).toBeNull();
    expect(ids('')).toEqual(byChange);
    expect(ids('llam her')).toEqual([LLAMA.id]);
    expect(ids('Maldacena')).toEqual([MALDACENA.id]);
    expect(ids('emile')).toEqual(byChange.filter((id) => id === TRICKY.id || id === TRICKY_TWIN.id));
    expect(ids('Émile braces')).toEqual([TRICKY.id]); // "braces" is in the note
    expect(ids('2407.217')).toEqual([LLAMA.id]);
    expect(ids('arXiv:hep-th/9711')).toEqual([MALDACENA.id]);
    // Ids of every scheme, by what follows the scheme.
    expect(ids('naacl-main.208')).toEqual([PROMPT_WORTH.id]);
    expect(ids('doi:10.1109/ESEM56')).toEqual([AUTOML.id]);
    expect(ids('10.1109/esem')).toEqual([AUTOML.id]);
    expect(ids('nothing matches')).toEqual([]);
  });
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

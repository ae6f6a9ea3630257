import { describe, expect, it } from 'vitest';
import { clearHistory, historyPage, historyPapers, HISTORY_LIMIT, recordOpened } from '@/lib/store/history';
import { setStarred } from '@/lib/store/library';
import { queryTokens } from '@/lib/store/search';
import { freshDatabase, paperRef } from '../db-helpers';

describe('history of papers opened', () => {
  it('keeps one row per paper: where and when it was last opened, first opened, how often', async () => {
    const db = freshDatabase();
    await recordOpened(db, paperRef(1, { authors: ['Ada Lovelace'] }), 'https://arxiv.org/abs/2401.00001', { now: 1_000 });
    // Opened again as a PDF: no title or authors of its own, the ones seen before stay.
    await recordOpened(db, paperRef(1, { title: 'arXiv:2401.00001' }), 'https://arxiv.org/pdf/2401.00001', { now: 5_000, titled: false });
    expect(await db.history.toArray()).toEqual([
      {
        id: 'arxiv:2401.00001',
        title: 'Paper number 1',
        authors: ['Ada Lovelace'],
        url: 'https://arxiv.org/pdf/2401.00001',
        openedAt: 5_000,
        firstOpenedAt: 1_000,
        opens: 2,
        words: ['paper', 'number', '1', 'ada', 'lovelace'],
      },
    ]);
  });

  it('names a paper of the library by the library’s title, and writes nothing to the library or the outbox', async () => {
    const db = freshDatabase();
    await setStarred(db, paperRef(2, { title: 'The real title', authors: ['Alan Turing'] }), true, { now: 1 });
    const outbox = await db.outbox.count();
    await recordOpened(db, paperRef(2, { title: '2401.00002v1.pdf' }), 'https://arxiv.org/pdf/2401.00002v1', { now: 2 });
    expect(await db.history.get('arxiv:2401.00002')).toMatchObject({ title: 'The real title', authors: ['Alan Turing'] });
    expect(await db.outbox.count()).toBe(outbox);
    expect((await db.papers.get('arxiv:2401.00002'))?.updatedAt).toBe(1);
  });

  it('lists the most recent first, searches titles and authors by word prefixes, and counts every match', async () => {
    const db = freshDatabase();
    await recordOpened(db, paperRef(1, { title: 'Attention is all you need' }), 'https://arxiv.org/abs/2401.00001', { now: 1 });
    await recordOpened(db, paperRef(2, { title: 'Language models are few-shot learners', authors: ['Tom Brown'] }), 'https://arxiv.org/abs/2401.00002', { now: 2 });
    await recordOpened(db, paperRef(3, { title: 'Attention over attention' }), 'https://huggingface.co/papers/2401.00003', { now: 3 });
    const ids = async (query: string, limit = 10) => {
      const page = await historyPage(db, queryTokens(query), limit);
      return { ids: page.entries.map((entry) => entry.id), total: page.total };
    };
    expect(await ids('')).toEqual({ ids: ['arxiv:2401.00003', 'arxiv:2401.00002', 'arxiv:2401.00001'], total: 3 });
    expect(await ids('atten')).toEqual({ ids: ['arxiv:2401.00003', 'arxiv:2401.00001'], total: 2 });
    expect(await ids('brown lang')).toEqual({ ids: ['arxiv:2401.00002'], total: 1 });
    expect(await ids('atten', 1)).toEqual({ ids: ['arxiv:2401.00003'], total: 2 });
    expect(await ids('transformer')).toEqual({ ids: [], total: 0 });
  });

  it('exports as papers: the library’s record where it has one, else one made from the entry', async () => {
    const db = freshDatabase();
    await setStarred(db, paperRef(1), true, { now: 1 });
    await recordOpened(db, paperRef(1), 'https://arxiv.org/abs/2401.00001', { now: 2 });
    await recordOpened(db, paperRef(2), 'https://huggingface.co/papers/2401.00002', { now: 3 });
    const papers = await historyPapers(db);
    expect(papers.map((paper) => paper.id)).toEqual(['arxiv:2401.00002', 'arxiv:2401.00001']);
    expect(papers[1]!.starredAt).toBe(1);
    expect(papers[0]).toMatchObject({ title: 'Paper number 2', note: '', links: { abs: 'https://arxiv.org/abs/2401.00002' } });
  });

  it(`keeps at most ${HISTORY_LIMIT.toLocaleString('en')} papers, dropping the least recently opened`, async () => {
    const db = freshDatabase();
    await db.history.bulkPut(
      Array.from({ length: HISTORY_LIMIT }, (_, i) => ({
        id: `arxiv:2401.${String(i + 1).padStart(5, '0')}`,
        title: 't',
        authors: [],
        url: 'https://arxiv.org/',
        openedAt: i + 10,
        firstOpenedAt: i + 10,
        opens: 1,
        words: [],
      })),
    );
    await recordOpened(db, { id: 'arxiv:2502.00001', title: 'Newest' }, 'https://arxiv.org/abs/2502.00001', { now: 1e9 });
    expect(await db.history.count()).toBe(HISTORY_LIMIT);
    expect(await db.history.get('arxiv:2401.00001')).toBeUndefined();
    expect(await db.history.get('arxiv:2401.00002')).toBeDefined();
    expect(await db.history.get('arxiv:2502.00001')).toBeDefined();
  });

  it('clears everything with one call, and nothing of the library', async () => {
    const db = freshDatabase();
    await setStarred(db, paperRef(1), true);
    await recordOpened(db, paperRef(1), 'https://arxiv.org/abs/2401.00001');
    await clearHistory(db);
    expect(await db.history.count()).toBe(0);
    expect(await db.papers.count()).toBe(1);
  });
});

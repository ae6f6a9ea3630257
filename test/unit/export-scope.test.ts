import { describe, expect, it } from 'vitest';
import { papersInScope } from '@/lib/export/scope';
import { setNote, setQueued, setRead, setStarred } from '@/lib/store/library';
import { freshDatabase, paperRef } from '../db-helpers';

describe('export scopes', () => {
  it('selects each scope in the order a reader expects', async () => {
    const db = freshDatabase();
    await setStarred(db, paperRef(1), true, { now: 10 });
    await setQueued(db, paperRef(2), true, { now: 20 });
    await setStarred(db, paperRef(3), true, { now: 30 });
    await setNote(db, paperRef(4), 'a note', { now: 40 });
    await setQueued(db, paperRef(1), true, { now: 50 });
    await setNote(db, paperRef(2), 'later note', { now: 60 });
    await setRead(db, paperRef(5), true, { now: 70 });

    const ids = async (scope: Parameters<typeof papersInScope>[1], search?: string[]) =>
      (await papersInScope(db, scope, search)).map((paper) => Number(paper.id.slice(-5)));
    expect(await ids('queue')).toEqual([2, 1]);
    expect(await ids('starred')).toEqual([3, 1]);
    expect(await ids('notes')).toEqual([2, 4]);
    expect(await ids('read')).toEqual([5]);
    expect(await ids('all')).toEqual([5, 4, 3, 2, 1]);
    expect(await ids('search', ['arxiv:2401.00004', 'arxiv:2401.99999', 'arxiv:2401.00001'])).toEqual([4, 1]);
  });
});

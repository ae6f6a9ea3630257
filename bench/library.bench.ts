import { it } from 'vitest';
import { openDatabase } from '@/lib/store/db';
import { getStates, setStarred } from '@/lib/store/library';
import { measure, report } from './stats';

// How long the background takes to answer one page's state request, by page size.
it('getStates for one page', async () => {
  const db = openDatabase('bench-library');
  await db.papers.clear();
  for (let n = 0; n < 2_000; n += 3) {
    await setStarred(db, { id: `arxiv:2401.${String(n + 1).padStart(5, '0')}`, title: `Paper ${n}` }, true);
  }
  const ids = (count: number) => Array.from({ length: count }, (_, n) => `arxiv:2401.${String(n + 1).padStart(5, '0')}`);
  const samples = [];
  for (const count of [50, 500, 2_000]) {
    const page = ids(count);
    samples.push({ name: `${count} cards`, runs: await measure(() => getStates(db, page)), note: '1 in 3 stored (fake-indexeddb)' });
  }
  report('Background: state of a whole page in one request', samples);
  await db.delete();
});

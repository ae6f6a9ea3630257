import { it } from 'vitest';
import { handleMessage } from '@/lib/background/handle-message';
import { LIMITS } from '@/lib/limits';
import { openDatabase } from '@/lib/store/db';
import { getStates, setStarred } from '@/lib/store/library';
import { farOverAct, typicalAct, worstAcceptedAct } from './hostile-messages';
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

// One message in the background, the worst a page can send (security audit row 5: one click used to
// store a 6 MB record in 26–35 s). The handler as the background runs it (counting, validation,
// clipping, the transaction), on fake-indexeddb; the messages are built before the clock starts.
// bench/background.bench.ts has the figures in real Chromium, through the browser's messaging.
it('one message, typical and worst', async () => {
  const db = openDatabase('bench-messages');
  await db.papers.clear();
  const none = () => {};
  let n = 0;
  const nextId = () => `arxiv:2402.${String(++n).padStart(5, '0')}`;
  /** Handles `count + 3` prebuilt messages (3 to warm up), timing each. */
  const handle = async (count: number, make: (i: number) => unknown) => {
    const messages = Array.from({ length: count + 3 }, (_, i) => make(i));
    let next = 0;
    return measure(() => handleMessage(db, messages[next++], none), count, 3);
  };
  const ids = Array.from({ length: LIMITS.idsPerRequest }, (_, i) => `arxiv:2402.${String(i + 1).padStart(5, '0')}`);
  const samples = [
    { name: 'typical click (new paper)', runs: await handle(15, () => typicalAct(nextId())) },
    { name: 'worst accepted (new paper)', runs: await handle(10, () => worstAcceptedAct(nextId())) },
    {
      name: 'worst accepted (same paper again)',
      runs: await handle(10, (i) => worstAcceptedAct('arxiv:2402.00001', `s${i}`)),
      note: 'a new note of distinct words each time',
    },
    { name: 'far over the limits: refused', runs: await handle(10, () => farOverAct(nextId())), note: '4 MB of text, 500,003 authors' },
    { name: `getStates, ${LIMITS.idsPerRequest} ids`, runs: await handle(15, () => ({ type: 'getStates', ids })) },
  ];
  report('Background: one message (handler only, fake-indexeddb; goal: under 50 ms)', samples);
  await db.delete();
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyAction, applyToPapers, EMPTY_STATE, getStates, removePapers, restorePapers, setNote, setQueued, setRead, setStarred, setTagged, stampGroup } from '@/lib/store/library';
import { readClock, stampLocalChange } from '@/lib/store/clock';
import { changeTables } from '@/lib/store/outbox';
import { readNextId, restoreQueuePlace, unreadQueued } from '@/lib/store/queue';
import { waitingFor } from '@/lib/ui/time-ago';

const A = 'arxiv:2401.00001';
import { viewRecords } from '@/lib/store/views';
import { freshDatabase, paperRef } from '../db-helpers';

/** A state's flags and note, without the versions. */
/** A state without its versions and tags (checked on their own). */
const shown = (state: { versions?: unknown; tags?: unknown; tagsAt?: unknown } | null | undefined) => {
  const { versions: _, tags: _tags, tagsAt: _tagsAt, ...rest } = state ?? {};
  return rest;
};

describe('library operations', () => {
  it('stores a paper when the user first stars it, with its metadata', async () => {
    const db = freshDatabase();
    const ref = paperRef(1, { authors: ['Ada Lovelace', 'Émile Borel'], links: { abs: 'https://arxiv.org/abs/2401.00001' } });
    const state = await setStarred(db, ref, true, { now: 1000, seen: { site: 'huggingface', url: 'https://huggingface.co/papers' } });
    expect(state).toEqual({ ...EMPTY_STATE, starred: true, versions: { ...EMPTY_STATE.versions, star: 1000 } });
    const record = await db.papers.get(ref.id);
    expect(record).toMatchObject({
      id: 'arxiv:2401.00001',
      title: 'Paper number 1',
      authors: ['Ada Lovelace', 'Émile Borel'],
      starredAt: 1000,
      createdAt: 1000,
      seen: { site: 'huggingface', url: 'https://huggingface.co/papers', at: 1000 },
      changedAt: { star: 1000, meta: 1000 },
    });
    expect(record!.words).toEqual(expect.arrayContaining(['paper', 'number', 'ada', 'lovelace', 'emile', 'borel']));
  });

  it('stores nothing when the user turns off what was never on', async () => {
    const db = freshDatabase();
    expect(await setStarred(db, paperRef(1), false)).toEqual(EMPTY_STATE);
    expect(await setQueued(db, paperRef(2), false)).toEqual(EMPTY_STATE);
    expect(await setNote(db, paperRef(3), '')).toEqual(EMPTY_STATE);
    expect(await db.papers.count()).toBe(0);
  });

  it('is idempotent: the same request twice leaves one change; starring again keeps when it was starred', async () => {
    const db = freshDatabase();
    const star = { kind: 'star', value: true, at: 1000 } as const;
    await applyAction(db, paperRef(1), star, { now: 1500 });
    const once = await db.papers.get('arxiv:2401.00001');
    await applyAction(db, paperRef(1), star, { now: 2000 }); // retried after the service worker restarted
    expect(await db.papers.get('arxiv:2401.00001')).toEqual({ ...once, updatedAt: 2000 });
    // Starred when the user acted; stamped by the clock when it landed.
    expect(once).toMatchObject({ starredAt: 1000, actedAt: { star: 1000 }, changedAt: { star: 1500 } });
    // A later action meaning the same is the group's latest: it keeps the star's time, records its own
    // (an extension page's action has no time of its own: it is ordered by its stamp).
    await setStarred(db, paperRef(1), true, { now: 3000 });
    const again = await db.papers.get('arxiv:2401.00001');
    expect(again).toMatchObject({ starredAt: 1000, changedAt: { star: 3000 } });
    expect(again!.actedAt).toBeUndefined();
  });

  it('unstars, keeping when that happened and dropping the flag', async () => {
    const db = freshDatabase();
    await setStarred(db, paperRef(1), true, { now: 1000 });
    await setStarred(db, 'arxiv:2401.00001', false, { now: 2000 });
    const record = await db.papers.get('arxiv:2401.00001');
    expect(record).not.toHaveProperty('starredAt');
    expect(record!.changedAt.star).toBe(2000);
    expect(await viewRecords(db, 'starred')).toEqual([]);
  });

  it('acts on a stored paper by id, and does nothing for an unknown id', async () => {
    const db = freshDatabase();
    await setStarred(db, paperRef(1), true);
    expect(await setRead(db, 'arxiv:2401.00001', true)).toMatchObject({ starred: true, read: true });
    expect(await setRead(db, 'arxiv:2401.99999', true)).toBeNull();
    expect(await db.papers.count()).toBe(1);
  });

  it('keeps each field independent: star, read, queue and note', async () => {
    const db = freshDatabase();
    const ref = paperRef(1);
    await setStarred(db, ref, true);
    await setQueued(db, ref, true);
    await setNote(db, ref, 'Read section 3 again');
    expect(shown((await getStates(db, [ref.id]))[ref.id])).toEqual({ starred: true, read: false, queued: true, note: 'Read section 3 again' });
    await setRead(db, ref, false);
    expect(shown((await getStates(db, [ref.id]))[ref.id])).toEqual({ starred: true, read: false, queued: true, note: 'Read section 3 again' });
    await setStarred(db, ref, false);
    expect(shown((await getStates(db, [ref.id]))[ref.id])).toEqual({ starred: false, read: false, queued: true, note: 'Read section 3 again' });
  });

  it('takes a paper marked read out of the queue, and keeps it out when marked unread', async () => {
    const db = freshDatabase();
    const ref = paperRef(1);
    await setQueued(db, ref, true, { now: 1 });
    expect(await setRead(db, ref, true, { now: 2 })).toMatchObject({ read: true, queued: false });
    const record = await db.papers.get(ref.id);
    expect(record!.changedAt).toMatchObject({ read: 2, queue: 2 });
    expect(await setRead(db, ref, false, { now: 3 })).toMatchObject({ read: false, queued: false });
  });

  it('puts a read paper in the queue unread again: the queue holds unread papers only', async () => {
    const db = freshDatabase();
    const ref = paperRef(1);
    await setRead(db, ref, true, { now: 1 });
    expect(await setQueued(db, ref, true, { now: 2 })).toMatchObject({ read: false, queued: true });
    expect((await db.papers.get(ref.id))!.changedAt).toMatchObject({ read: 2, queue: 2 });
    // Taking it out of the queue leaves it unread; marking it read takes it out again.
    expect(await setQueued(db, ref, false, { now: 3 })).toMatchObject({ read: false, queued: false });
    await setQueued(db, ref, true, { now: 4 });
    expect(await setRead(db, ref, true, { now: 5 })).toMatchObject({ read: true, queued: false });
  });

  it('applies one action to a selection in one go, skipping papers not stored', async () => {
    const db = freshDatabase();
    for (const n of [1, 2, 3]) await setStarred(db, paperRef(n), true, { now: n });
    await setRead(db, paperRef(2), true, { now: 4 });
    const changed = await applyToPapers(db, ['arxiv:2401.00001', 'arxiv:2401.00002', 'arxiv:2401.09999'], { kind: 'queue', value: true }, { now: 10 });
    expect(changed).toEqual(['arxiv:2401.00001', 'arxiv:2401.00002']);
    expect((await viewRecords(db, 'queue')).map((paper) => [paper.id, paper.readAt])).toEqual([['arxiv:2401.00001', undefined], ['arxiv:2401.00002', undefined]]);
    // Again: nothing left to change.
    expect(await applyToPapers(db, ['arxiv:2401.00001'], { kind: 'queue', value: true })).toEqual([]);
    expect((await db.outbox.toArray()).filter((row) => row.kind === 'queue').map((row) => row.id)).toEqual(['arxiv:2401.00001', 'arxiv:2401.00002']);
  });

  it('lists starred papers newest first', async () => {
    const db = freshDatabase();
    await setStarred(db, paperRef(1), true, { now: 1000 });
    await setStarred(db, paperRef(2), true, { now: 3000 });
    await setStarred(db, paperRef(3), true, { now: 2000 });
    await setQueued(db, paperRef(4), true, { now: 4000 });
    expect((await viewRecords(db, 'starred')).map((paper) => paper.title)).toEqual(['Paper number 2', 'Paper number 3', 'Paper number 1']);
  });

  it('answers the state of a whole page in one call, unknown papers as empty', async () => {
    const db = freshDatabase();
    await setStarred(db, paperRef(2), true, { now: 5 });
    const states = await getStates(db, ['arxiv:2401.00001', 'arxiv:2401.00002', 'arxiv:2401.00001']);
    expect(states).toEqual({
      'arxiv:2401.00001': EMPTY_STATE,
      'arxiv:2401.00002': { ...EMPTY_STATE, starred: true, versions: { ...EMPTY_STATE.versions, star: 5 } },
    });
  });

  it('updates metadata from a later card, never blanking what it knew', async () => {
    const db = freshDatabase();
    await setStarred(db, paperRef(1, { authors: ['A. Author'], abstract: 'First abstract' }), true, { now: 1 });
    await setRead(db, paperRef(1, { title: 'Paper number 1 (v2)', authors: [] }), true, { now: 2 });
    const record = await db.papers.get('arxiv:2401.00001');
    expect(record).toMatchObject({ title: 'Paper number 1 (v2)', authors: ['A. Author'], abstract: 'First abstract' });
    expect(record!.changedAt.meta).toBe(2);
  });

  it('appends to the queue in order', async () => {
    const db = freshDatabase();
    for (const n of [3, 1, 2]) await setQueued(db, paperRef(n), true);
    const queue = await db.papers.orderBy('queuePos').toArray();
    expect(queue.map((paper) => paper.id)).toEqual(['arxiv:2401.00003', 'arxiv:2401.00001', 'arxiv:2401.00002']);
  });

  it('two concurrent actions on one paper both land', async () => {
    const db = freshDatabase();
    const ref = paperRef(1);
    await Promise.all([
      applyAction(db, ref, { kind: 'star', value: true }),
      applyAction(db, ref, { kind: 'queue', value: true }),
      applyAction(db, ref, { kind: 'note', text: 'both' }),
    ]);
    expect(shown((await getStates(db, [ref.id]))[ref.id])).toEqual({ starred: true, read: false, queued: true, note: 'both' });
  });
});

describe('ordered and exact: the last action wins, whatever order the messages arrive in', () => {
  const kinds = ['star', 'read', 'queue', 'note'] as const;
  /** One user action: a kind, a value, and when it was made (distinct times, or the same millisecond). */
  const actionArb = fc.record({
    kind: fc.constantFrom(...kinds),
    on: fc.boolean(),
    text: fc.constantFrom('', 'a', 'b'),
    at: fc.integer({ min: 1, max: 40 }),
  });
  const toAction = (a: { kind: (typeof kinds)[number]; on: boolean; text: string; at: number }) =>
    a.kind === 'note' ? ({ kind: 'note', text: a.text, at: a.at } as const) : ({ kind: a.kind, value: a.on, at: a.at } as const);

  it('any arrival order of the same actions ends in the same state (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(actionArb, { minLength: 1, maxLength: 12 }), fc.integer({ min: 0, max: 1_000 }), async (actions, seed) => {
        // First a star, so the paper is stored whatever comes next; then the actions in time order, and shuffled.
        const first = { kind: 'star', value: true, at: 0 } as const;
        const sorted = [...actions].sort((a, b) => a.at - b.at);
        const shuffled = [...actions].sort((a, b) => ((a.at * 7919 + seed) % 97) - ((b.at * 7919 + seed) % 97));
        const inOrder = freshDatabase();
        const outOfOrder = freshDatabase();
        await applyAction(inOrder, paperRef(1), first, { now: 100 });
        await applyAction(outOfOrder, paperRef(1), first, { now: 100 });
        for (const action of sorted) await applyAction(inOrder, paperRef(1), toAction(action), { now: 100 });
        for (const action of shuffled) await applyAction(outOfOrder, paperRef(1), toAction(action), { now: 100 });
        const [a] = Object.values(await getStates(inOrder, ['arxiv:2401.00001']));
        const [b] = Object.values(await getStates(outOfOrder, ['arxiv:2401.00001']));
        expect(b).toEqual(a);
      }),
      { numRuns: 60 },
    );
  }, 30_000);

  it('an older action arriving late changes nothing; the answer says what stands, with its version', async () => {
    const db = freshDatabase();
    await applyAction(db, paperRef(1), { kind: 'star', value: true, at: 10 }, { now: 100 });
    await applyAction(db, paperRef(1), { kind: 'star', value: false, at: 30 }, { now: 100 });
    const late = await applyAction(db, paperRef(1), { kind: 'star', value: true, at: 20 }, { now: 100 });
    expect(late).toMatchObject({ starred: false, versions: { star: 30 } });
  });

  it('marking read takes the paper out of the queue only if no later queue action came first', async () => {
    const db = freshDatabase();
    await applyAction(db, paperRef(1), { kind: 'queue', value: true, at: 20 }, { now: 100 });
    // Read at 10, queued at 20, arriving the other way round: queued after it was read, so unread and
    // queued, as in the user's order (queueing makes a paper unread).
    expect(await applyAction(db, paperRef(1), { kind: 'read', value: true, at: 10 }, { now: 100 })).toMatchObject({ read: false, queued: true });
  });

  it('at the same millisecond, on wins over off and the later text over the earlier, in every order', async () => {
    for (const order of [[false, true], [true, false]]) {
      const db = freshDatabase();
      await applyAction(db, paperRef(1), { kind: 'queue', value: true, at: 1 }, { now: 100 });
      for (const value of order) await applyAction(db, paperRef(1), { kind: 'star', value, at: 50 }, { now: 100 });
      expect((await getStates(db, ['arxiv:2401.00001']))['arxiv:2401.00001']!.starred).toBe(true);
    }
  });

  it('an extension page\'s actions (no time: now) apply in the order they come, even within one millisecond', async () => {
    const db = freshDatabase();
    await applyAction(db, paperRef(1), { kind: 'queue', value: true }, { now: 100 });
    await applyAction(db, paperRef(1), { kind: 'queue', value: false }, { now: 100 });
    expect((await getStates(db, ['arxiv:2401.00001']))['arxiv:2401.00001']).toMatchObject({ queued: false, versions: { queue: 101 } });
    await applyAction(db, paperRef(1), { kind: 'queue', value: true }, { now: 100 });
    expect((await getStates(db, ['arxiv:2401.00001']))['arxiv:2401.00001']!.queued).toBe(true);
  });

  it('orders by when the user acted, not by when the action landed: a later action that lands late still wins', async () => {
    // Both clicks reach the background long after they were made (a busy or restarting worker): the
    // first one's stamp (1,000) is later than the second click (20); the second click still wins.
    const db = freshDatabase();
    await applyAction(db, paperRef(1), { kind: 'star', value: true, at: 10 }, { now: 1_000 });
    expect(await applyAction(db, paperRef(1), { kind: 'star', value: false, at: 20 }, { now: 1_000 })).toMatchObject({ starred: false, versions: { star: 20 } });
    // And the other way round: the older click arriving last changes nothing.
    expect(await applyAction(db, paperRef(1), { kind: 'star', value: true, at: 15 }, { now: 1_001 })).toMatchObject({ starred: false, versions: { star: 20 } });
    expect((await db.papers.get('arxiv:2401.00001'))!.starredAt).toBeUndefined();
  });

  it('the action that wins is stamped by the clock (later than every stamp before, this device) and lands in the outbox; one that loses neither', async () => {
    const db = freshDatabase();
    await applyAction(db, paperRef(1), { kind: 'note', text: 'first', at: 10 }, { now: 100 });
    const first = (await db.papers.get('arxiv:2401.00001'))!;
    const { deviceId, newest } = await readClock(db);
    // The wall clock went back (now 50): the stamp is still later than the clock's newest time.
    await applyAction(db, paperRef(1), { kind: 'note', text: 'second', at: 40 }, { now: 50 });
    const second = (await db.papers.get('arxiv:2401.00001'))!;
    expect(second.note).toBe('second');
    expect(second.changedAt.note).toBe(newest + 1);
    expect(second.changedBy).toMatchObject({ note: deviceId });
    expect(second.actedAt).toEqual({ note: 40 });
    expect(second.noteBase).toEqual({ at: first.changedAt.note, by: deviceId }); // what it replaced, for sync
    expect(await db.outbox.get(['arxiv:2401.00001', 'note'])).toMatchObject({ at: newest + 1 });
    // Older than what stands: no change, no new stamp, nothing more for sync.
    await db.outbox.clear();
    await applyAction(db, paperRef(1), { kind: 'note', text: 'stale', at: 30 }, { now: 200 });
    const after = (await db.papers.get('arxiv:2401.00001'))!;
    expect(after).toMatchObject({ note: 'second', changedAt: { note: newest + 1 } });
    expect(await db.outbox.count()).toBe(0);
  });

  it('a group changed any other way (an import, a merge) is ordered by its stamp: older actions arriving late lose', async () => {
    const db = freshDatabase();
    await applyAction(db, paperRef(1), { kind: 'star', value: false, at: 10 }, { now: 100 });
    await applyAction(db, paperRef(1), { kind: 'queue', value: true, at: 10 }, { now: 100 });
    const record = (await db.papers.get('arxiv:2401.00001'))!;
    // What a BibTeX import does to a group it sets (lib/export/bibtex-import.ts: applyChoice).
    await db.transaction('rw', changeTables(db), async () => {
      stampGroup(record, 'queue', await stampLocalChange(db, 5_000));
      await db.papers.put(record);
    });
    expect(record.actedAt).toEqual({ read: 10 }); // the queue's came from the click the stamp replaced; the read is the queueing's own (unread)
    expect((await getStates(db, [record.id]))[record.id]!.versions.queue).toBe(5_000);
    expect(await applyAction(db, paperRef(1), { kind: 'queue', value: false, at: 4_000 }, { now: 6_000 })).toMatchObject({ queued: true });
    expect(await applyAction(db, paperRef(1), { kind: 'queue', value: false, at: 5_500 }, { now: 6_000 })).toMatchObject({ queued: false, versions: { queue: 5_500 } });
  });

  it('an action time in the future counts as now', async () => {
    const db = freshDatabase();
    await applyAction(db, paperRef(1), { kind: 'star', value: true, at: 10_000 }, { now: 100 });
    expect((await db.papers.get('arxiv:2401.00001'))!.changedAt.star).toBe(100);
    await applyAction(db, paperRef(1), { kind: 'star', value: false, at: 150 }, { now: 200 });
    expect((await db.papers.get('arxiv:2401.00001'))!.starredAt).toBeUndefined();
  });
});

describe('removing papers, and undoing it', () => {
  it('puts removed papers back as they were, later than the removal (sync brings them back too)', async () => {
    const db = freshDatabase();
    await setStarred(db, paperRef(1), true, { now: 1 });
    await setNote(db, paperRef(1), 'kept', { now: 2 });
    await setTagged(db, paperRef(1), 'LLM', true, { now: 3 });
    const before = (await db.papers.get(A))!;
    expect(await removePapers(db, [A], { now: 10 })).toEqual([A]);
    expect(await db.papers.count()).toBe(0);
    expect(await restorePapers(db, [before], { now: 20 })).toEqual([A]);
    const back = (await db.papers.get(A))!;
    expect(back).toMatchObject({ starredAt: 1, note: 'kept', noteUpdatedAt: 2, tags: [{ name: 'LLM' }] });
    const removal = (await db.tombstones.get(A))!.deleted;
    // Every group and tag now wins over the removal; the tombstone keeps only its time.
    for (const at of [back.changedAt.star, back.changedAt.note, back.tags![0]!.at]) expect(at).toBeGreaterThan(removal.at);
    expect(await db.tombstones.get(A)).toEqual({ id: A, deleted: removal });
    expect((await db.outbox.toArray()).filter((row) => row.id === A).map((row) => row.kind).sort()).toEqual(['deleted', 'note', 'star', 'tags']);
    // Undone twice, or after the paper came back another way: nothing more.
    expect(await restorePapers(db, [before], { now: 30 })).toEqual([]);
  });
});

describe('the queue’s undo, Read next and the badge', () => {
  it('puts a paper back at its place in the queue, with how long it had waited', async () => {
    const db = freshDatabase();
    for (const n of [1, 2, 3]) await setQueued(db, paperRef(n), true, { now: n });
    const second = (await db.papers.get(paperRef(2).id))!;
    await setQueued(db, paperRef(2).id, false, { now: 5 });
    expect(await restoreQueuePlace(db, second.id, { queuePos: second.queuePos!, queuedAt: second.queuedAt }, { now: 6 })).toBe(true);
    expect((await viewRecords(db, 'queue')).map((paper) => [paper.id, paper.queuedAt])).toEqual([
      [paperRef(1).id, 1], [paperRef(2).id, 2], [paperRef(3).id, 3],
    ]);
    // Not when it was read (or queued again) since.
    await setRead(db, paperRef(3).id, true, { now: 7 });
    expect(await restoreQueuePlace(db, paperRef(3).id, { queuePos: 3 })).toBe(false);
  });

  it('Read next and the badge skip a paper both read and queued (two devices’ changes, merged)', async () => {
    const db = freshDatabase();
    for (const n of [1, 2]) await setQueued(db, paperRef(n), true, { now: n });
    expect(await readNextId(db)).toBe(paperRef(1).id);
    expect(await unreadQueued(db)).toBe(2);
    // As sync's merge may leave it: read on one device, queued on another.
    await db.papers.update(paperRef(1).id, { readAt: 9 });
    expect(await readNextId(db)).toBe(paperRef(2).id);
    expect(await unreadQueued(db)).toBe(1);
  });

  it('says how long a paper has waited', () => {
    const day = 86_400_000;
    expect([0, 1, 3, 20, 100, 800].map((days) => waitingFor(0, days * day + 1000))).toEqual([
      'added today', 'waiting 1 day', 'waiting 3 days', 'waiting 2 weeks', 'waiting 3 months', 'waiting 2 years',
    ]);
  });
});

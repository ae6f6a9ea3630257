import { describe, expect, it } from 'vitest';
import { applyAction, applyToPapers, EMPTY_STATE, getStates, removePapers, restorePapers, setNote, setQueued, setRead, setStarred, setTagged } from '@/lib/store/library';
import { readNextId, restoreQueuePlace, unreadQueued } from '@/lib/store/queue';
import { waitingFor } from '@/lib/ui/time-ago';

const A = 'arxiv:2401.00001';
import { viewRecords } from '@/lib/store/views';
import { freshDatabase, paperRef } from '../db-helpers';

describe('library operations', () => {
  it('stores a paper when the user first stars it, with its metadata', async () => {
    const db = freshDatabase();
    const ref = paperRef(1, { authors: ['Ada Lovelace', 'Émile Borel'], links: { abs: 'https://arxiv.org/abs/2401.00001' } });
    const state = await setStarred(db, ref, true, { now: 1000, seen: { site: 'huggingface', url: 'https://huggingface.co/papers' } });
    expect(state).toEqual({ ...EMPTY_STATE, starred: true });
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

  it('is idempotent: the same request twice leaves one change', async () => {
    const db = freshDatabase();
    await setStarred(db, paperRef(1), true, { now: 1000 });
    await setStarred(db, paperRef(1), true, { now: 2000 });
    const record = await db.papers.get('arxiv:2401.00001');
    expect(record!.starredAt).toBe(1000);
    expect(record!.changedAt.star).toBe(1000);
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
    expect((await getStates(db, [ref.id]))[ref.id]).toEqual({ starred: true, read: false, queued: true, note: 'Read section 3 again' });
    await setRead(db, ref, false);
    expect((await getStates(db, [ref.id]))[ref.id]).toEqual({ starred: true, read: false, queued: true, note: 'Read section 3 again' });
    await setStarred(db, ref, false);
    expect((await getStates(db, [ref.id]))[ref.id]).toEqual({ starred: false, read: false, queued: true, note: 'Read section 3 again' });
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
    await setStarred(db, paperRef(2), true);
    const states = await getStates(db, ['arxiv:2401.00001', 'arxiv:2401.00002', 'arxiv:2401.00001']);
    expect(states).toEqual({ 'arxiv:2401.00001': EMPTY_STATE, 'arxiv:2401.00002': { ...EMPTY_STATE, starred: true } });
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
    expect((await getStates(db, [ref.id]))[ref.id]).toEqual({ starred: true, read: false, queued: true, note: 'both' });
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

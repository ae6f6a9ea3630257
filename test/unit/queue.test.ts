import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ShelfmarkDB } from '@/lib/store/db';
import { setNote, setQueued, setRead, setStarred } from '@/lib/store/library';
import { moveAfter, moveBefore, moveToTop, queueIds, respace } from '@/lib/store/queue';
import { freshDatabase, paperRef } from '../db-helpers';

const id = (n: number) => paperRef(n).id;

async function queueOf(db: ShelfmarkDB, ...ns: number[]) {
  for (const n of ns) await setQueued(db, paperRef(n), true);
}

async function order(db: ShelfmarkDB): Promise<number[]> {
  return (await queueIds(db)).map((paperId) => Number(paperId.slice(-5)));
}

/** Positions strictly increase along the queue (no two papers share one). */
async function positionsAreDistinct(db: ShelfmarkDB): Promise<boolean> {
  const positions = (await db.papers.orderBy('queuePos').toArray()).map((paper) => paper.queuePos!);
  return positions.every((position, i) => i === 0 || position > positions[i - 1]!);
}

describe('queue order', () => {
  it('adds at the end, once', async () => {
    const db = freshDatabase();
    await queueOf(db, 3, 1, 2);
    await setQueued(db, paperRef(3), true);
    expect(await order(db)).toEqual([3, 1, 2]);
  });

  it('moves a paper to the top, and moving it again changes nothing', async () => {
    const db = freshDatabase();
    await queueOf(db, 1, 2, 3);
    await setNote(db, id(3), 'keep me');
    await setStarred(db, id(3), true);
    expect(await moveToTop(db, id(3), { now: 5000 })).toBe(true);
    expect(await order(db)).toEqual([3, 1, 2]);
    const moved = await db.papers.get(id(3));
    expect(moved).toMatchObject({ note: 'keep me', updatedAt: 5000 });
    // Stamped by the hybrid clock: later than the note and star it follows, though `now` is earlier.
    expect(moved!.changedAt.queue).toBeGreaterThan(Math.max(moved!.changedAt.note!, moved!.changedAt.star!));
    expect(moved!.starredAt).toBeDefined();

    expect(await moveToTop(db, id(3), { now: 6000 })).toBe(false);
    expect((await db.papers.get(id(3)))!.updatedAt).toBe(5000);
    expect(await order(db)).toEqual([3, 1, 2]);
  });

  it('moves a paper before or after another, idempotently', async () => {
    const db = freshDatabase();
    await queueOf(db, 1, 2, 3, 4, 5);
    expect(await moveBefore(db, id(5), id(2))).toBe(true);
    expect(await order(db)).toEqual([1, 5, 2, 3, 4]);
    expect(await moveBefore(db, id(5), id(2))).toBe(false);
    expect(await moveAfter(db, id(1), id(3))).toBe(true);
    expect(await order(db)).toEqual([5, 2, 3, 1, 4]);
    expect(await moveAfter(db, id(1), id(3))).toBe(false);
    // Before the first, after the last.
    expect(await moveBefore(db, id(4), id(5))).toBe(true);
    expect(await moveAfter(db, id(4), id(1))).toBe(true);
    expect(await order(db)).toEqual([5, 2, 3, 1, 4]);
    expect(await positionsAreDistinct(db)).toBe(true);
  });

  it('refuses moves that make no sense, changing nothing', async () => {
    const db = freshDatabase();
    await queueOf(db, 1, 2);
    await setStarred(db, paperRef(9), true); // stored, not queued
    expect(await moveBefore(db, id(1), id(1))).toBe(false);
    expect(await moveBefore(db, id(9), id(1))).toBe(false);
    expect(await moveAfter(db, id(1), id(9))).toBe(false);
    expect(await moveAfter(db, id(1), 'arxiv:2401.99999')).toBe(false);
    expect(await moveToTop(db, id(9))).toBe(false);
    expect(await order(db)).toEqual([1, 2]);
    expect((await db.papers.get(id(9)))!.queuePos).toBeUndefined();
  });

  it('takes a paper marked read out of the queue, the rest keeping their order', async () => {
    const db = freshDatabase();
    await queueOf(db, 1, 2, 3, 4);
    await moveToTop(db, id(4));
    await setRead(db, id(2), true);
    expect(await order(db)).toEqual([4, 1, 3]);
    expect((await db.papers.get(id(2)))!.readAt).toBeDefined();
    // Moving a paper that left the queue does nothing.
    expect(await moveToTop(db, id(2))).toBe(false);
  });

  it('removes a paper from the queue; queued again, it goes to the end', async () => {
    const db = freshDatabase();
    await queueOf(db, 1, 2, 3);
    await moveToTop(db, id(3));
    await setQueued(db, id(3), false);
    expect(await order(db)).toEqual([1, 2]);
    await setQueued(db, id(3), true);
    expect(await order(db)).toEqual([1, 2, 3]);
    // Removing twice is harmless.
    await setQueued(db, id(1), false);
    await setQueued(db, id(1), false);
    expect(await order(db)).toEqual([2, 3]);
  });

  it('keeps placing papers in the same gap: positions are spread out again when it gets too narrow', async () => {
    const db = freshDatabase();
    await queueOf(db, ...Array.from({ length: 50 }, (_, i) => i + 1));
    // Each paper from the end goes to just after paper 1: the gap after paper 1 halves every time.
    const expected = Array.from({ length: 50 }, (_, i) => i + 1);
    for (let round = 0; round < 60; round++) {
      const last = expected.pop()!;
      expected.splice(1, 0, last);
      expect(await moveAfter(db, id(last), id(1))).toBe(true);
    }
    expect(await order(db)).toEqual(expected);
    expect(await positionsAreDistinct(db)).toBe(true);
    // Without spreading, 60 halvings of a gap of 1 would be below what a double can tell apart.
    const positions = (await db.papers.orderBy('queuePos').toArray()).map((paper) => paper.queuePos!);
    const smallestGap = Math.min(...positions.slice(1).map((position, i) => position - positions[i]!));
    expect(smallestGap).toBeGreaterThan(1e-7);
  });

  it('spreads out only queue positions, keeping the order and every other field', async () => {
    const db = freshDatabase();
    await queueOf(db, 1, 2, 3, 4);
    await setNote(db, id(2), 'note', { now: 777 });
    const before = await db.papers.orderBy('queuePos').toArray();
    await respace(db, before[1]!.queuePos!);
    const after = await db.papers.orderBy('queuePos').toArray();
    expect(after.map((paper) => paper.id)).toEqual(before.map((paper) => paper.id));
    after.forEach((paper, i) => expect({ ...paper, queuePos: 0 }).toEqual({ ...before[i]!, queuePos: 0 }));
  });

  it('agrees with a plain list under any sequence of operations, with many papers', async () => {
    const size = 300;
    const op = fc.oneof(
      fc.record({ kind: fc.constant('top' as const), a: fc.nat(size - 1) }),
      fc.record({ kind: fc.constantFrom('before' as const, 'after' as const), a: fc.nat(size - 1), b: fc.nat(size - 1) }),
      fc.record({ kind: fc.constantFrom('read' as const, 'remove' as const, 'add' as const), a: fc.nat(size + 20) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 60 }), async (ops) => {
        const db = freshDatabase();
        await db.papers.bulkAdd(
          Array.from({ length: size }, (_, i) => ({
            id: id(i),
            title: `Paper ${i}`,
            authors: [],
            links: {},
            note: '',
            createdAt: 1,
            updatedAt: 1,
            changedAt: {},
            words: [],
            queuePos: i + 1,
            queuedAt: 1,
          })),
        );
        const model = Array.from({ length: size }, (_, i) => i);
        for (const step of ops) {
          const at = model.indexOf(step.a);
          if (step.kind === 'top') {
            await moveToTop(db, id(step.a));
            if (at > 0) model.unshift(...model.splice(at, 1));
          } else if (step.kind === 'before' || step.kind === 'after') {
            const anchorQueued = model.includes(step.b);
            await (step.kind === 'before' ? moveBefore : moveAfter)(db, id(step.a), id(step.b));
            if (at >= 0 && anchorQueued && step.a !== step.b) {
              model.splice(at, 1);
              const anchor = model.indexOf(step.b);
              model.splice(step.kind === 'before' ? anchor : anchor + 1, 0, step.a);
            }
          } else if (step.kind === 'read' || step.kind === 'remove') {
            if (step.kind === 'read') await setRead(db, paperRef(step.a), true);
            else await setQueued(db, id(step.a), false);
            if (at >= 0) model.splice(at, 1);
          } else {
            await setQueued(db, paperRef(step.a), true);
            if (at < 0) model.push(step.a);
          }
        }
        expect(await order(db)).toEqual(model);
        expect(await positionsAreDistinct(db)).toBe(true);
      }),
      { numRuns: 25 },
    );
  }, 30_000); // 25 runs of up to 60 operations on 300 papers in fake-indexeddb: 1 to 5 s on a loaded machine

  it('concurrent moves each land whole: no paper is lost or shares a position', async () => {
    const db = freshDatabase();
    await queueOf(db, ...Array.from({ length: 20 }, (_, i) => i + 1));
    await Promise.all([
      moveToTop(db, id(10)),
      moveBefore(db, id(15), id(3)),
      moveAfter(db, id(2), id(18)),
      moveToTop(db, id(20)),
      setQueued(db, id(5), false),
    ]);
    const now = await order(db);
    expect(now).toHaveLength(19);
    expect(new Set(now).size).toBe(19);
    expect(now).not.toContain(5);
    expect(await positionsAreDistinct(db)).toBe(true);
  });

  it('handles a queue of 5,000 papers by index', async () => {
    const db = freshDatabase();
    await db.papers.bulkAdd(
      Array.from({ length: 5_000 }, (_, i) => ({
        id: id(i),
        title: `Paper ${i}`,
        authors: [],
        links: {},
        note: '',
        createdAt: 1,
        updatedAt: 1,
        changedAt: {},
        words: [],
        queuePos: i + 1,
      })),
    );
    await moveToTop(db, id(4_999));
    await moveAfter(db, id(0), id(2_500));
    await moveBefore(db, id(1), id(4_998));
    await setQueued(db, paperRef(7_000), true);
    const now = await order(db);
    expect(now.slice(0, 3)).toEqual([4_999, 2, 3]);
    expect(now.slice(2_499, 2_503)).toEqual([2_500, 0, 2_501, 2_502]);
    expect(now.slice(-3)).toEqual([1, 4_998, 7_000]);
    expect(now).toHaveLength(5_001);
  });
});

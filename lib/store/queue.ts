import type { PaperRecord, ShelfmarkDB } from './db';
import type { PaperId } from '../paper';
import { stampLocalChange, wallClock } from './clock';
import { changeTables, recordChanges } from './outbox';

/**
 * The order of the reading queue. Each queued paper has a `queuePos` (indexed, smaller first);
 * a move gives the paper a position between its new neighbours (fractional), so one move writes
 * one record, whatever the queue's length. When neighbours get too close, the positions around
 * them are spread out again (see `respace`).
 *
 * Every operation says where the user wants the paper ("before Y", "to the top"), not how far to
 * shift it, so repeating one is harmless: it returns false and changes nothing. Each runs in one
 * transaction that awaits only Dexie, stamped by the clock and recorded in the outbox for sync like
 * every change. Adding to and removing from the queue are lib/store/library.ts's setQueued (a paper
 * joins at the end).
 */

/** Closest two neighbours may get before the positions around them are spread out. */
const MIN_GAP = 1e-6;
/** Gap the spread-out positions get when they are bounded on both sides. */
const MIN_SPREAD = 1e-3;

type Options = { now?: number };

/** Moves a queued paper to the top ("read next"). */
export function moveToTop(db: ShelfmarkDB, id: PaperId, options: Options = {}): Promise<boolean> {
  return db.transaction('rw', changeTables(db), async () => {
    const paper = await db.papers.get(id);
    if (paper?.queuePos === undefined) return false;
    const first = await db.papers.orderBy('queuePos').first();
    if (!first || first.id === id) return false;
    await placeAt(db, id, first.queuePos! - 1, options.now);
    return true;
  });
}

/** Moves a queued paper to just before another queued paper. */
export function moveBefore(db: ShelfmarkDB, id: PaperId, beforeId: PaperId, options: Options = {}): Promise<boolean> {
  return move(db, id, beforeId, 'before', options.now);
}

/** Moves a queued paper to just after another queued paper. */
export function moveAfter(db: ShelfmarkDB, id: PaperId, afterId: PaperId, options: Options = {}): Promise<boolean> {
  return move(db, id, afterId, 'after', options.now);
}

/**
 * "Read next": the first paper of the queue that is not read. Marking read takes a paper out of the
 * queue and queueing makes it unread, so that is the first one, unless sync merged a read on one
 * device with a queueing on another (both kept: the queue then skips it). Reads the queue's
 * records from the start until one is unread.
 */
export async function readNextId(db: ShelfmarkDB): Promise<PaperId | undefined> {
  return (await db.papers.orderBy('queuePos').filter((paper) => paper.readAt === undefined).first())?.id;
}

/** How many papers of the queue are unread: the toolbar badge. */
export function unreadQueued(db: ShelfmarkDB): Promise<number> {
  return db.papers.orderBy('queuePos').filter((paper) => paper.readAt === undefined).count();
}

/** The queued papers' ids, first to last. Reads keys only (no records). */
export async function queueIds(db: ShelfmarkDB): Promise<PaperId[]> {
  return db.papers.orderBy('queuePos').primaryKeys();
}

function move(db: ShelfmarkDB, id: PaperId, anchorId: PaperId, side: 'before' | 'after', now?: number): Promise<boolean> {
  if (id === anchorId) return Promise.resolve(false);
  return db.transaction('rw', changeTables(db), async () => {
    const [paper, anchor] = await db.papers.bulkGet([id, anchorId]);
    if (paper?.queuePos === undefined || anchor?.queuePos === undefined) return false;
    let neighbour = await neighbourOf(db, anchor.queuePos, side);
    // Already where the user wants it.
    if (neighbour?.id === id) return false;
    if (neighbour && Math.abs(neighbour.queuePos! - anchor.queuePos) < MIN_GAP) {
      await respace(db, anchor.queuePos);
      const anchorPos = (await db.papers.get(anchorId))!.queuePos!;
      neighbour = await neighbourOf(db, anchorPos, side);
      return placeBeside(db, id, anchorPos, neighbour, side, now);
    }
    return placeBeside(db, id, anchor.queuePos, neighbour, side, now);
  });
}

async function placeBeside(
  db: ShelfmarkDB,
  id: PaperId,
  anchorPos: number,
  neighbour: PaperRecord | undefined,
  side: 'before' | 'after',
  now?: number,
): Promise<boolean> {
  // The paper itself may be the neighbour's neighbour; its old position is free once it moves.
  const position = neighbour ? (anchorPos + neighbour.queuePos!) / 2 : side === 'before' ? anchorPos - 1 : anchorPos + 1;
  await placeAt(db, id, position, now);
  return true;
}

/** The queued paper just before (or after) a position, if any. */
function neighbourOf(db: ShelfmarkDB, position: number, side: 'before' | 'after'): Promise<PaperRecord | undefined> {
  return side === 'before'
    ? db.papers.where('queuePos').below(position).last()
    : db.papers.where('queuePos').above(position).first();
}

/** Writes only the queue fields: the rest of the record stays as other writers left it. */
async function placeAt(db: ShelfmarkDB, id: PaperId, position: number, now = wallClock()): Promise<void> {
  const paper = await db.papers.get(id);
  const stamp = await stampLocalChange(db, now, [paper?.changedAt.queue]);
  await db.papers.update(id, { queuePos: position, updatedAt: now, 'changedAt.queue': stamp.at, 'changedBy.queue': stamp.by });
  await recordChanges(db, id, ['queue'], stamp);
}

/**
 * Spreads out the positions around `position` when neighbours got too close to put anything
 * between them. It renumbers a window of papers around the crowded spot between the papers just
 * outside the window (whose positions stay), widening the window until the gaps are comfortable;
 * the order never changes. Only `queuePos` is written: this is bookkeeping, not a user's change, so
 * it is not stamped nor sent to other devices (they keep their own spacing of the same order).
 */
export async function respace(db: ShelfmarkDB, position: number): Promise<void> {
  for (let reach = 16; ; reach *= 4) {
    const before = await db.papers.where('queuePos').below(position).reverse().limit(reach + 1).toArray();
    const after = await db.papers.where('queuePos').aboveOrEqual(position).limit(reach + 1).toArray();
    const lower = before.length > reach ? before[reach]!.queuePos! : undefined;
    const upper = after.length > reach ? after[reach]!.queuePos! : undefined;
    const window = [...before.slice(0, reach).reverse(), ...after.slice(0, reach)];
    const count = window.length;
    let positions: number[];
    if (lower !== undefined && upper !== undefined) {
      const step = (upper - lower) / (count + 1);
      if (step < MIN_SPREAD) continue; // crowded further out too: take a wider window
      positions = window.map((_, i) => lower + step * (i + 1));
    } else if (lower !== undefined) {
      positions = window.map((_, i) => Math.floor(lower) + 1 + i);
    } else if (upper !== undefined) {
      positions = window.map((_, i) => Math.ceil(upper) - count + i);
    } else {
      positions = window.map((_, i) => i + 1);
    }
    await Promise.all(window.map((paper, i) => db.papers.update(paper.id, { queuePos: positions[i] })));
    return;
  }
}

/**
 * Undoes taking a paper out of the queue: it goes back to the place it had (`queuePos`) and keeps
 * how long it has waited (`queuedAt`), unless it was queued again or read since. Returns true when it did.
 */
export function restoreQueuePlace(db: ShelfmarkDB, id: PaperId, place: { queuePos: number; queuedAt?: number }, options: Options = {}): Promise<boolean> {
  return db.transaction('rw', changeTables(db), async () => {
    const paper = await db.papers.get(id);
    if (!paper || paper.queuePos !== undefined || paper.readAt !== undefined) return false;
    const now = options.now ?? wallClock();
    const stamp = await stampLocalChange(db, now, [paper.changedAt.queue]);
    await db.papers.update(id, {
      queuePos: place.queuePos,
      queuedAt: place.queuedAt ?? now,
      updatedAt: now,
      'changedAt.queue': stamp.at,
      'changedBy.queue': stamp.by,
    });
    await recordChanges(db, id, ['queue'], stamp);
    return true;
  });
}

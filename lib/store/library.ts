import type { PaperRecord, ShelfmarkDB, Stamp } from './db';
import type { PaperId, PaperRef } from '../paper';
import { isLater, NO_VERSIONS, type StateGroup, type StateVersions } from '../state-order';
import { paperWords } from './search';
import type { SiteName } from '../sites/types';
import { stampLocalChange, wallClock } from './clock';
import { groupStamp, mergeKeptNotes, setStamp, settle, touchMetadata, type MetaKey } from './merge';
import { changedKinds, changeTables, recordChanges } from './outbox';

/**
 * The operations on the library, shared by the background (messages from pages) and the extension
 * pages (popup, options). Each says what the user wants, not what to flip (`setStarred(id, true)`),
 * so a retried message is harmless; each runs in one transaction and changes only the fields it owns.
 * Each change is stamped by the hybrid logical clock (lib/store/clock.ts) and recorded in the
 * outbox (lib/store/outbox.ts) in the same transaction, for sync.
 */

/** What a page needs to draw a card's controls, and the version of each group (pages keep the newest). */
export interface PaperState {
  starred: boolean;
  read: boolean;
  queued: boolean;
  note: string;
  versions: StateVersions;
}

export const EMPTY_STATE: PaperState = Object.freeze({ starred: false, read: false, queued: false, note: '', versions: NO_VERSIONS });

export function stateOf(record: PaperRecord | undefined): PaperState {
  if (!record) return EMPTY_STATE;
  return {
    starred: record.starredAt !== undefined,
    read: record.readAt !== undefined,
    queued: record.queuePos !== undefined,
    note: record.note,
    versions: { star: orderTime(record, 'star'), read: orderTime(record, 'read'), queue: orderTime(record, 'queue'), note: orderTime(record, 'note') },
  };
}

/**
 * When a group last changed, as actions are ordered (0: never): when the user acted, for a value set
 * by a page's action; else its stamp. Never after the stamp, and never goes back: an action takes a
 * group only later than this, and any other change stamps it later than its last stamp.
 */
export function orderTime(record: PaperRecord, group: StateGroup): number {
  return record.actedAt?.[group] ?? record.changedAt[group] ?? 0;
}

/**
 * A user group changed locally: stamped by the clock (sync's merge orders by the stamp), with when
 * the user acted if an action set it (`acted`), or without (ordered by the stamp from now on).
 */
export function stampGroup(record: PaperRecord, group: StateGroup, stamp: Stamp, acted?: number): void {
  setStamp(record, group, stamp);
  const { [group]: _previous, ...others } = record.actedAt ?? {};
  record.actedAt = acted === undefined ? others : { ...others, [group]: acted };
  if (Object.keys(record.actedAt).length === 0) delete record.actedAt;
}

/** Where the user was when acting: the page the card was on. */
export interface SeenAt {
  site: SiteName;
  url: string;
}

/** A paper to act on: its card's metadata (which creates the record if needed), or the id of a stored one. */
export type PaperTarget = PaperRef | PaperId;

/**
 * What the user wants (the value they meant, never "toggle"), and `at`: when they acted (ms since the
 * epoch; now when absent). Per group, the action with the latest `at` wins, whatever order they arrive in.
 */
export type UserAction = (
  | { kind: 'star'; value: boolean }
  | { kind: 'read'; value: boolean }
  | { kind: 'queue'; value: boolean }
  | { kind: 'note'; text: string }
) & { at?: number };

/** The states of the given papers, unknown ones as EMPTY_STATE; one read for the whole page. */
export async function getStates(db: ShelfmarkDB, ids: readonly PaperId[]): Promise<Record<PaperId, PaperState>> {
  const unique = [...new Set(ids)];
  const records = await db.papers.bulkGet(unique);
  const states: Record<PaperId, PaperState> = {};
  unique.forEach((id, i) => {
    states[id] = stateOf(records[i]);
  });
  return states;
}

/**
 * Applies one user action in one transaction and returns the paper's new state, or null when the
 * target is an id that is not stored (nothing to change: an action on an unknown paper by id is a no-op).
 */
export async function applyAction(
  db: ShelfmarkDB,
  target: PaperTarget,
  action: UserAction,
  options: { seen?: SeenAt; now?: number } = {},
): Promise<PaperState | null> {
  const now = options.now ?? wallClock();
  return db.transaction('rw', changeTables(db), async () => {
    const id = typeof target === 'string' ? target : target.id;
    const existing = await db.papers.get(id);
    if (!existing && typeof target === 'string') return null;
    // A paper enters the library when the user first acts on it; turning off what was never on stores nothing.
    if (!existing && isClearing(action)) return EMPTY_STATE;

    // Later than what it replaces, whatever this device's clock says.
    const stamp = await stampLocalChange(db, now, existing ? Object.values(existing.changedAt) : []);
    const record = existing ? { ...existing, changedAt: { ...existing.changedAt } } : newRecord(target as PaperRef, now, stamp);
    if (existing && typeof target !== 'string') mergeMetadata(record, target, stamp);
    if (options.seen) record.seen = { ...options.seen, at: now };

    /**
     * Whether the action comes after the group's last change; if so the group takes it, changed or
     * not (a later action that repeats the value still outranks an earlier one arriving late), stamped
     * by the clock for sync. A page's action is ordered by when the user acted (never later than now:
     * a clock ahead must not block later changes); one without a time (an extension page's) by its
     * stamp, later than everything stored.
     */
    const acted = action.at === undefined ? undefined : Math.min(action.at, now);
    const takes = (group: StateGroup, value: boolean | string, current: boolean | string): boolean => {
      if (!isLater(acted ?? stamp.at, value, orderTime(record, group), current)) return false;
      stampGroup(record, group, stamp, acted);
      return true;
    };
    const at = acted ?? now; // what the fields record: when starred, queued, noted
    switch (action.kind) {
      case 'star':
        if (takes('star', action.value, record.starredAt !== undefined)) record.starredAt = action.value ? (record.starredAt ?? at) : undefined;
        break;
      case 'read':
        if (takes('read', action.value, record.readAt !== undefined)) record.readAt = action.value ? (record.readAt ?? at) : undefined;
        // A paper read is done: it leaves the reading queue (and stays in the read history). This is
        // also a queue action of its own time, ordered among the queue's, even if a later read won.
        if (action.value && takes('queue', false, record.queuePos !== undefined)) {
          record.queuePos = undefined;
          record.queuedAt = undefined;
        }
        break;
      case 'queue':
        if (takes('queue', action.value, record.queuePos !== undefined)) {
          if (!action.value) {
            record.queuePos = undefined;
            record.queuedAt = undefined;
          } else if (record.queuePos === undefined) {
            record.queuePos = await nextQueuePosition(db);
            record.queuedAt = at;
          }
        }
        break;
      case 'note':
        if (takes('note', action.text, record.note)) {
          // What this note replaced: sync tells from it whether the writer had seen a note it overwrites.
          record.noteBase = existing ? groupStamp(existing, 'note') : undefined;
          if (action.text !== record.note) {
            record.note = action.text;
            record.noteUpdatedAt = action.text.trim() === '' ? undefined : at;
          }
        }
        break;
    }
    record.updatedAt = now;
    record.words = paperWords(record);
    await db.papers.put(stripUndefined(record));
    await recordChanges(db, id, changedKinds(existing, record), stamp);
    // Back in the library after a removal: the tombstone keeps only its time (see TombstoneRecord).
    if (!existing) {
      const tombstone = await db.tombstones.get(id);
      if (tombstone?.paper) await db.tombstones.put({ id, deleted: tombstone.deleted });
    }
    return stateOf(record);
  });
}

/**
 * Removes papers from the library. Each leaves a tombstone (its removal time, and the paper with
 * its user state cleared), recorded in the outbox for sync: a removal is a change like any other,
 * and a change made elsewhere after it brings the paper back. Returns the ids removed.
 */
export async function removePapers(db: ShelfmarkDB, ids: readonly PaperId[], options: { now?: number } = {}): Promise<PaperId[]> {
  const now = options.now ?? wallClock();
  return db.transaction('rw', changeTables(db), async () => {
    const records = await db.papers.bulkGet([...ids]);
    const removed: PaperId[] = [];
    for (const record of records) {
      if (!record) continue;
      const stamp = await stampLocalChange(db, now, Object.values(record.changedAt));
      const { words: _index, actedAt: _acted, ...paper } = record;
      await db.tombstones.put({ id: record.id, deleted: stamp, paper: settle(paper, stamp).paper });
      await recordChanges(db, record.id, ['deleted'], stamp);
      removed.push(record.id);
    }
    await db.papers.bulkDelete(removed);
    return removed;
  });
}

/**
 * Changes every group of a paper now, later than `after` (a removal) and than its own times: the
 * paper then wins over that removal everywhere (restored from a backup, or kept past the removal
 * guard). Inside a transaction over changeTables; the caller stores the record.
 */
export async function renewChanges(
  db: ShelfmarkDB,
  record: PaperRecord,
  now: number,
  after?: Stamp,
  groups: readonly (keyof PaperRecord["changedAt"])[] = Object.keys(record.changedAt) as (keyof PaperRecord["changedAt"])[],
): Promise<void> {
  const stamp = await stampLocalChange(db, now, [after?.at, ...Object.values(record.changedAt)]);
  for (const group of groups) {
    if (group === 'meta') setStamp(record, group, stamp);
    else stampGroup(record, group, stamp);
  }
  delete record.metaAt;
  await recordChanges(db, record.id, groups, stamp);
}

/** The user dismisses a note kept from a sync conflict: it stays dismissed on every device. */
export async function dismissKeptNote(db: ShelfmarkDB, id: PaperId, written: Stamp, options: { now?: number } = {}): Promise<void> {
  await db.transaction('rw', changeTables(db), async () => {
    const record = await db.papers.get(id);
    if (!record?.keptNotes) return;
    const stamp = await stampLocalChange(db, options.now ?? wallClock());
    record.keptNotes = mergeKeptNotes(record.keptNotes, [{ text: '', written, dismissed: true }]);
    await db.papers.put(stripUndefined(record));
    await recordChanges(db, id, ['kept'], stamp);
  });
}

export const setStarred = (db: ShelfmarkDB, target: PaperTarget, value: boolean, options?: { seen?: SeenAt; now?: number }) =>
  applyAction(db, target, { kind: 'star', value }, options);
export const setRead = (db: ShelfmarkDB, target: PaperTarget, value: boolean, options?: { seen?: SeenAt; now?: number }) =>
  applyAction(db, target, { kind: 'read', value }, options);
export const setQueued = (db: ShelfmarkDB, target: PaperTarget, value: boolean, options?: { seen?: SeenAt; now?: number }) =>
  applyAction(db, target, { kind: 'queue', value }, options);
export const setNote = (db: ShelfmarkDB, target: PaperTarget, text: string, options?: { seen?: SeenAt; now?: number }) =>
  applyAction(db, target, { kind: 'note', text }, options);

function isClearing(action: UserAction): boolean {
  return action.kind === 'note' ? action.text === '' : !action.value;
}

async function nextQueuePosition(db: ShelfmarkDB): Promise<number> {
  const last = await db.papers.orderBy('queuePos').last();
  return last?.queuePos === undefined ? 1 : Math.floor(last.queuePos) + 1;
}

/** A paper's first record, made from its card's metadata at `stamp`. */
export function newRecord(ref: PaperRef, now: number, stamp: Stamp): PaperRecord {
  const record: PaperRecord = {
    id: ref.id,
    title: ref.title,
    authors: [],
    links: {},
    note: '',
    createdAt: now,
    updatedAt: now,
    changedAt: {},
    words: [],
  };
  mergeMetadata(record, ref, stamp);
  return record;
}

/** Fields a card may tell us about its paper; a later card's value replaces an earlier one, blanks never do. */
const META_FIELDS = [
  'title', 'authorCount', 'organization', 'abstract', 'date', 'version',
  'primaryCategory', 'journalRef', 'paperComments',
] as const satisfies readonly (keyof PaperRef & keyof PaperRecord)[];

function mergeMetadata(record: PaperRecord, ref: PaperRef, stamp: Stamp): void {
  const changed: MetaKey[] = [];
  const target = record as unknown as Record<string, unknown>;
  for (const field of META_FIELDS) {
    const value = ref[field];
    if (value !== undefined && value !== '' && value !== target[field]) {
      target[field] = value;
      changed.push(field);
    }
  }
  if (ref.authors?.length && ref.authors.join('\n') !== record.authors.join('\n')) {
    record.authors = [...ref.authors];
    changed.push('authors');
  }
  if (ref.categories?.length && ref.categories.join(' ') !== record.categories?.join(' ')) {
    record.categories = [...ref.categories];
    changed.push('categories');
  }
  if (ref.links) {
    for (const [kind, href] of Object.entries(ref.links) as [keyof PaperRecord['links'], string | undefined][]) {
      if (href && record.links[kind] !== href) {
        record.links = { ...record.links, [kind]: href };
        changed.push(`links.${kind}`);
      }
    }
  }
  if (changed.length > 0) touchMetadata(record, changed, stamp);
}

/** IndexedDB stores `undefined` properties as present; dropping them keeps records and backups clean. */
export function stripUndefined<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[]) {
    if (value[key] === undefined) delete value[key];
  }
  return value;
}

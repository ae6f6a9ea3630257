import type { FieldTimes, PaperRecord, ShelfmarkDB } from './db';
import type { PaperId, PaperRef } from '../paper';
import { isLater, NO_VERSIONS, type StateGroup, type StateVersions } from '../state-order';
import { paperWords } from './search';
import type { SiteName } from '../sites/types';

/**
 * The operations on the library, shared by the background (messages from pages) and the extension
 * pages (popup, options). Each says what the user wants, not what to flip (`setStarred(id, true)`),
 * so a retried message is harmless; each runs in one transaction and changes only the fields it owns.
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
  const { star = 0, read = 0, queue = 0, note = 0 } = record.changedAt;
  return {
    starred: record.starredAt !== undefined,
    read: record.readAt !== undefined,
    queued: record.queuePos !== undefined,
    note: record.note,
    versions: { star, read, queue, note },
  };
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
  const now = options.now ?? Date.now();
  return db.transaction('rw', db.papers, async () => {
    const id = typeof target === 'string' ? target : target.id;
    const existing = await db.papers.get(id);
    if (!existing && typeof target === 'string') return null;
    // A paper enters the library when the user first acts on it; turning off what was never on stores nothing.
    if (!existing && isClearing(action)) return EMPTY_STATE;

    const record = existing ? { ...existing, changedAt: { ...existing.changedAt } } : newRecord(target as PaperRef, now);
    if (existing && typeof target !== 'string') mergeMetadata(record, target, now);
    if (options.seen) record.seen = { ...options.seen, at: now };

    /**
     * Whether the action comes after the group's last change; if so the group records it, changed or
     * not. A page's action is ordered by when the user acted (never later than now: a clock ahead
     * must not block later changes); one without a time (an extension page's) is now, after
     * everything stored, even within the same millisecond.
     */
    const takes = (group: StateGroup, value: boolean | string, current: boolean | string): boolean => {
      const last = record.changedAt[group] ?? 0;
      const at = action.at === undefined ? Math.max(now, last + 1) : Math.min(action.at, now);
      if (!isLater(at, value, last, current)) return false;
      touch(record.changedAt, group, at);
      return true;
    };
    const at = Math.min(action.at ?? now, now);
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
        if (takes('note', action.text, record.note) && action.text !== record.note) {
          record.note = action.text;
          record.noteUpdatedAt = action.text.trim() === '' ? undefined : at;
        }
        break;
    }
    record.updatedAt = now;
    record.words = paperWords(record);
    await db.papers.put(stripUndefined(record));
    return stateOf(record);
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

function newRecord(ref: PaperRef, now: number): PaperRecord {
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
  mergeMetadata(record, ref, now);
  return record;
}

/** Fields a card may tell us about its paper; a later card's value replaces an earlier one, blanks never do. */
const META_FIELDS = [
  'title', 'authorCount', 'organization', 'abstract', 'date', 'version',
  'primaryCategory', 'journalRef', 'paperComments',
] as const satisfies readonly (keyof PaperRef & keyof PaperRecord)[];

function mergeMetadata(record: PaperRecord, ref: PaperRef, now: number): void {
  let changed = false;
  const target = record as unknown as Record<string, unknown>;
  for (const field of META_FIELDS) {
    const value = ref[field];
    if (value !== undefined && value !== '' && value !== target[field]) {
      target[field] = value;
      changed = true;
    }
  }
  if (ref.authors?.length && ref.authors.join('\n') !== record.authors.join('\n')) {
    record.authors = [...ref.authors];
    changed = true;
  }
  if (ref.categories?.length && ref.categories.join(' ') !== record.categories?.join(' ')) {
    record.categories = [...ref.categories];
    changed = true;
  }
  if (ref.links) {
    for (const [kind, href] of Object.entries(ref.links) as [keyof PaperRecord['links'], string | undefined][]) {
      if (href && record.links[kind] !== href) {
        record.links = { ...record.links, [kind]: href };
        changed = true;
      }
    }
  }
  if (changed) touch(record.changedAt, 'meta', now);
}

function touch(times: FieldTimes, field: keyof FieldTimes, now: number): void {
  times[field] = now;
}

/** IndexedDB stores `undefined` properties as present; dropping them keeps records and backups clean. */
export function stripUndefined<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[]) {
    if (value[key] === undefined) delete value[key];
  }
  return value;
}

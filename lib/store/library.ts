import type { FieldTimes, PaperRecord, ShelfmarkDB } from './db';
import { MAX_ALIASES, preferredId, type PaperId, type PaperRef } from '../paper';
import { paperWords } from './search';
import type { SiteName } from '../sites/types';

/**
 * The operations on the library, shared by the background (messages from pages) and the extension
 * pages (popup, options). Each says what the user wants, not what to flip (`setStarred(id, true)`),
 * so a retried message is harmless; each runs in one transaction and changes only the fields it owns.
 */

/** What a page needs to draw a card's controls. */
export interface PaperState {
  starred: boolean;
  read: boolean;
  queued: boolean;
  note: string;
}

export const EMPTY_STATE: PaperState = Object.freeze({ starred: false, read: false, queued: false, note: '' });

export function stateOf(record: PaperRecord | undefined): PaperState {
  if (!record) return EMPTY_STATE;
  return {
    starred: record.starredAt !== undefined,
    read: record.readAt !== undefined,
    queued: record.queuePos !== undefined,
    note: record.note,
  };
}

/** Where the user was when acting: the page the card was on. */
export interface SeenAt {
  site: SiteName;
  url: string;
}

/** A paper to act on: its card's metadata (which creates the record if needed), or the id of a stored one. */
export type PaperTarget = PaperRef | PaperId;

export type UserAction =
  | { kind: 'star'; value: boolean }
  | { kind: 'read'; value: boolean }
  | { kind: 'queue'; value: boolean }
  | { kind: 'note'; text: string };

/**
 * The states of the given papers, unknown ones as EMPTY_STATE; one read for the whole page. A card
 * is found under its own id or any of its `aliases` (its other ids), and a stored record is found
 * under its id or any of its own aliases. When a card's ids reach two records (the same paper
 * stored twice before a card showed both ids), its state is theirs together, as acting on it will
 * make them one record (see applyAction).
 */
export async function getStates(
  db: ShelfmarkDB,
  ids: readonly PaperId[],
  aliases: Readonly<Record<PaperId, readonly PaperId[]>> = {},
): Promise<Record<PaperId, PaperState>> {
  const unique = [...new Set(ids)];
  const cardIds = new Map(unique.map((id) => [id, [id, ...(Object.hasOwn(aliases, id) ? aliases[id]! : [])]]));
  const all = [...new Set([...cardIds.values()].flat())];
  const [direct, byAlias] = await Promise.all([db.papers.bulkGet(all), db.papers.where('aliases').anyOf(all).toArray()]);
  const found = new Map<PaperId, PaperRecord[]>();
  const add = (key: PaperId, record: PaperRecord) => {
    const list = found.get(key);
    if (!list) found.set(key, [record]);
    else if (!list.includes(record)) list.push(record);
  };
  all.forEach((id, i) => {
    if (direct[i]) add(id, direct[i]!);
  });
  for (const record of byAlias) for (const alias of record.aliases ?? []) add(alias, record);
  const states: Record<PaperId, PaperState> = {};
  for (const [id, names] of cardIds) {
    const records = [...new Set(names.flatMap((name) => found.get(name) ?? []))];
    states[id] = records.length > 1 ? stateOf(mergeRecords(records, Date.now())) : stateOf(records[0]);
  }
  return states;
}

/**
 * The states of the records the given ids reach, under every id of each record (its own and its
 * aliases), and EMPTY_STATE for ids that reach none: what open pages are told after a change, so
 * that a card showing the paper under any of its ids follows.
 */
export async function statesUnderEveryId(db: ShelfmarkDB, ids: readonly PaperId[]): Promise<Record<PaperId, PaperState>> {
  const records = await recordsOf(db, ids);
  const states: Record<PaperId, PaperState> = {};
  for (const id of ids) states[id] = EMPTY_STATE;
  for (const record of records) {
    const state = stateOf(record);
    for (const id of [record.id, ...(record.aliases ?? [])]) states[id] = state;
  }
  return states;
}

/** The stored records that are the paper known by any of `ids`: under their own id first, then under an alias. */
async function recordsOf(db: ShelfmarkDB, ids: readonly PaperId[]): Promise<PaperRecord[]> {
  const unique = [...new Set(ids)];
  const aliased = unique.length === 1 ? db.papers.where('aliases').equals(unique[0]!) : db.papers.where('aliases').anyOf(unique);
  const [direct, byAlias] = await Promise.all([db.papers.bulkGet(unique), aliased.toArray()]);
  const records = new Map<PaperId, PaperRecord>();
  for (const record of [...direct, ...byAlias]) if (record && !records.has(record.id)) records.set(record.id, record);
  return [...records.values()];
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
    const card = typeof target === 'string' ? null : target;
    const found = await recordsOf(db, card ? [card.id, ...(card.aliases ?? [])] : [target as PaperId]);
    if (found.length === 0 && !card) return null;
    // A paper enters the library when the user first acts on it; turning off what was never on stores nothing.
    if (found.length === 0 && isClearing(action)) return EMPTY_STATE;

    // Records the card shows to be one paper become one, named by the best of all their ids.
    const record = found.length ? mergeRecords(found, now) : newRecord(card!, now);
    if (card) {
      addIds(record, card.id, card.aliases ?? []);
      if (found.length) mergeMetadata(record, card, now);
    }
    if (options.seen) record.seen = { ...options.seen, at: now };

    switch (action.kind) {
      case 'star':
        if (action.value !== (record.starredAt !== undefined)) {
          record.starredAt = action.value ? now : undefined;
          touch(record.changedAt, 'star', now);
        }
        break;
      case 'read':
        if (action.value !== (record.readAt !== undefined)) {
          record.readAt = action.value ? now : undefined;
          touch(record.changedAt, 'read', now);
        }
        // A paper read is done: it leaves the reading queue (and stays in the read history).
        if (action.value && record.queuePos !== undefined) {
          record.queuePos = undefined;
          record.queuedAt = undefined;
          touch(record.changedAt, 'queue', now);
        }
        break;
      case 'queue':
        if (action.value !== (record.queuePos !== undefined)) {
          if (action.value) {
            record.queuePos = await nextQueuePosition(db);
            record.queuedAt = now;
          } else {
            record.queuePos = undefined;
            record.queuedAt = undefined;
          }
          touch(record.changedAt, 'queue', now);
        }
        break;
      case 'note':
        if (action.text !== record.note) {
          record.note = action.text;
          record.noteUpdatedAt = action.text.trim() === '' ? undefined : now;
          touch(record.changedAt, 'note', now);
        }
        break;
    }
    record.updatedAt = now;
    record.words = paperWords(record);
    const replaced = found.filter((old) => old.id !== record.id).map((old) => old.id);
    if (replaced.length) await db.papers.bulkDelete(replaced);
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
  'primaryCategory', 'journalRef', 'paperComments', 'venue', 'year',
] as const satisfies readonly (keyof PaperRef & keyof PaperRecord)[];

/**
 * Gives the record another copy's ids (a card's, a backup's): the best of all becomes its id
 * (lib/paper.ts `identify` order), the others its aliases, the record's own first.
 */
export function addIds(record: PaperRecord, id: PaperId, aliases: readonly PaperId[]): void {
  const all = [record.id, ...(record.aliases ?? []), id, ...aliases];
  const best = all.reduce(preferredId);
  record.id = best;
  const others = [...new Set(all)].filter((other) => other !== best).slice(0, MAX_ALIASES);
  record.aliases = others.length ? others : undefined;
}

/** Notes of two records of one paper, both kept: the one of the record keeping its id first. */
const NOTE_SEPARATOR = '\n\n';

/**
 * Stored records that turn out to be one paper (a card showed their ids together), as one record.
 * Nothing is lost: starred, read or queued if any of them was (the earliest time, the first place
 * in the queue), every note kept (one after the other, when they differ), metadata from the first
 * with blanks filled from the others, every id kept. The record whose id is best comes first (it
 * keeps its id), the others follow oldest first. Groups that change take `now` as their change
 * time, so the merged state wins later merges of older copies (a backup).
 */
export function mergeRecords(records: readonly PaperRecord[], now: number): PaperRecord {
  const first = records.find((record) => record.id === records.map((other) => other.id).reduce(preferredId))!;
  const others = records.filter((record) => record !== first).sort((a, b) => a.createdAt - b.createdAt);
  const merged: PaperRecord = { ...first, links: { ...first.links }, changedAt: { ...first.changedAt } };
  if (others.length === 0) return merged;
  const target = merged as unknown as Record<string, unknown>;
  const ids: PaperId[] = [];
  for (const other of others) {
    ids.push(other.id, ...(other.aliases ?? []));
    for (const field of [...META_FIELDS, 'categories'] as const) {
      const value = target[field];
      if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) target[field] = other[field];
    }
    if (merged.authors.length === 0) merged.authors = other.authors;
    merged.links = { ...other.links, ...merged.links };
    if (other.seen && (!merged.seen || other.seen.at > merged.seen.at)) merged.seen = other.seen;
    merged.createdAt = Math.min(merged.createdAt, other.createdAt);
    merged.starredAt = earliest(merged.starredAt, other.starredAt);
    merged.readAt = earliest(merged.readAt, other.readAt);
    if (other.queuePos !== undefined && (merged.queuePos === undefined || other.queuePos < merged.queuePos)) {
      merged.queuePos = other.queuePos;
      merged.queuedAt = other.queuedAt;
    }
    if (other.note.trim() !== '' && !merged.note.includes(other.note.trim())) {
      merged.note = merged.note.trim() === '' ? other.note : `${merged.note}${NOTE_SEPARATOR}${other.note}`;
      merged.noteUpdatedAt = Math.max(merged.noteUpdatedAt ?? 0, other.noteUpdatedAt ?? 0) || undefined;
    }
    for (const group of ['meta', 'star', 'read', 'queue', 'note'] as const) {
      const time = Math.max(merged.changedAt[group] ?? -1, other.changedAt[group] ?? -1);
      if (time >= 0) merged.changedAt[group] = time;
    }
  }
  const changed = (group: keyof FieldTimes, a: unknown, b: unknown) => {
    if (a !== b) touch(merged.changedAt, group, now);
  };
  changed('star', first.starredAt, merged.starredAt);
  changed('read', first.readAt, merged.readAt);
  changed('queue', first.queuePos, merged.queuePos);
  changed('note', first.note, merged.note);
  touch(merged.changedAt, 'meta', now);
  addIds(merged, first.id, ids);
  merged.words = paperWords(merged);
  return merged;
}

function earliest(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined ? b : b === undefined ? a : Math.min(a, b);
}

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

import type { OutboxRow, PaperRecord, ShelfmarkDB, Stamp, TombstoneRecord } from './db';
import type { PaperId, PaperRef } from '../paper';
import { isLater, NO_VERSIONS, type StateGroup, type StateVersions } from '../state-order';
import { paperWords } from './search';
import type { SiteName } from '../sites/types';
import { stampLocalChange, wallClock } from './clock';
import { foldPapers, groupStamp, idsOf, mergeKeptNotes, nameOf, setStamp, settle, touchMetadata, type MetaKey, type Paper } from './merge';
import { changedKinds, changeTables, moveChanges, recordChanges } from './outbox';
import { tagNameInLibrary, withTag } from './tags';
import { tagKey, tagNames } from '../tags';

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
  /** The paper's tags, as shown, and the time of the latest change to any of them (the newest list wins on a page). */
  tags: readonly string[];
  tagsAt: number;
}

export const EMPTY_STATE: PaperState = Object.freeze({ starred: false, read: false, queued: false, note: '', versions: NO_VERSIONS, tags: [], tagsAt: 0 });

export function stateOf(record: PaperRecord | undefined): PaperState {
  if (!record) return EMPTY_STATE;
  return {
    starred: record.starredAt !== undefined,
    read: record.readAt !== undefined,
    queued: record.queuePos !== undefined,
    note: record.note,
    versions: { star: orderTime(record, 'star'), read: orderTime(record, 'read'), queue: orderTime(record, 'queue'), note: orderTime(record, 'note') },
    tags: tagNames(record),
    tagsAt: Math.max(0, ...(record.tags ?? []).map((entry) => entry.at)),
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
  /** Put a tag on (`value` true) or take it off; matched by tagKey, named as the library already names it. */
  | { kind: 'tag'; name: string; value: boolean }
) & { at?: number };

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
  const missing = [...cardIds.values()].filter((names) => !names.some((name) => found.has(name)));
  const removedAt = await removalTimes(db, missing.flat());
  const states: Record<PaperId, PaperState> = {};
  for (const [id, names] of cardIds) {
    const records = [...new Set(names.flatMap((name) => found.get(name) ?? []))];
    states[id] = records.length > 0 ? stateOf(foldRecords(records)) : removedState(names.map((name) => removedAt.get(name)));
  }
  return states;
}

/**
 * The state of a paper not in the library: empty, and as new as its latest removal under any of
 * its ids, so that a page showing it starred takes it; EMPTY_STATE when it was never removed.
 */
function removedState(times: readonly (number | undefined)[]): PaperState {
  const known = times.filter((at) => at !== undefined);
  if (known.length === 0) return EMPTY_STATE;
  const at = Math.max(...known);
  return { ...EMPTY_STATE, versions: { star: at, read: at, queue: at, note: at }, tagsAt: at };
}

/** When each of `ids` was last removed (a tombstone under it, or naming it as an alias). */
async function removalTimes(db: ShelfmarkDB, ids: readonly PaperId[]): Promise<Map<PaperId, number>> {
  const removedAt = new Map<PaperId, number>();
  if (ids.length === 0) return removedAt;
  for (const tombstone of await tombstonesOf(db, ids)) {
    for (const name of tombstone.paper ? idsOf(tombstone.paper) : [tombstone.id]) {
      removedAt.set(name, Math.max(removedAt.get(name) ?? 0, tombstone.deleted.at));
    }
  }
  return removedAt;
}

/**
 * The states of the records the given ids reach, under every id of each record (its own and its
 * aliases), and for ids that reach none the state of a paper not in the library (as new as its
 * removal, if any): what open pages are told after a change, so that a card showing the paper under
 * any of its ids follows, a removal included.
 */
export async function statesUnderEveryId(db: ShelfmarkDB, ids: readonly PaperId[]): Promise<Record<PaperId, PaperState>> {
  const records = await recordsOf(db, ids);
  const removedAt = await removalTimes(db, ids);
  const states: Record<PaperId, PaperState> = {};
  for (const id of ids) states[id] = removedState([removedAt.get(id)]);
  for (const record of records) {
    const state = stateOf(record);
    for (const id of idsOf(record)) states[id] = state;
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
  const now = options.now ?? wallClock();
  return db.transaction('rw', changeTables(db), async () => {
    const card = typeof target === 'string' ? null : target;
    const found = await recordsOf(db, card ? [card.id, ...(card.aliases ?? [])] : [target as PaperId]);
    if (found.length === 0 && !card) return null;
    // A paper enters the library when the user first acts on it; turning off what was never on stores nothing.
    if (found.length === 0 && isClearing(action)) return EMPTY_STATE;

    // Later than what it replaces, whatever this device's clock says.
    const stamp = await stampLocalChange(db, now, found.flatMap(changeTimes));
    // Records the card shows to be one paper become one (foldPapers), named by the best of all their ids.
    const existing = found.length > 0 ? foldRecords(found) : undefined;
    const record: PaperRecord = existing ? { ...existing, changedAt: { ...existing.changedAt } } : newRecord(card!, now, stamp);
    if (card) {
      // A paper removed before, under ids this card shows, comes back under all the ids it had.
      const removed = existing ? [] : await tombstonesOf(db, [card.id, ...(card.aliases ?? [])]);
      const known = removed.flatMap((tombstone) => (tombstone.paper ? idsOf(tombstone.paper) : []));
      Object.assign(record, nameOf([...idsOf(record), card.id, ...(card.aliases ?? []), ...known]));
      if (existing) mergeMetadata(record, card, stamp);
    }
    if (options.seen) record.seen = { ...options.seen, at: now };
    const named = await withLibraryName(db, action);
    const queueEnd = action.kind === 'queue' && action.value ? await lastQueuePosition(db) : 0;
    changeRecord(record, named, now, stamp, () => queueEnd + 1);
    record.updatedAt = now;
    record.words = paperWords(record);
    await replaceRecords(db, found, stripUndefined(record));
    await recordChanges(db, record.id, changedKinds(found.find((old) => old.id === record.id), record), stamp);
    return stateOf(record);
  });
}

/**
 * What a user action does to a record (in memory): the read and queue rules in one place, for every
 * writer (applyAction, a bulk action, the BibTeX import). `nextQueuePos` gives the end of the queue
 * when the paper joins it. Changes only what the action owns.
 *
 * Each group takes the action only if it comes after the group's last change; then it takes it,
 * changed or not (a later action that repeats the value still outranks an earlier one arriving
 * late), stamped by the clock for sync. A page's action is ordered by when the user acted (`at`,
 * never later than now: a clock ahead must not block later changes); one without a time (an
 * extension page's) by its stamp, later than everything stored. Tags are stamped per tag.
 *
 * Read and queue are one model: marking read is also a queue action of its own time (the paper
 * leaves the queue: it is done); putting in the queue is also a read action of its own time (the
 * paper is unread again: the user means to read it again). So, in the user's order, the queue holds
 * unread papers.
 */
export function changeRecord(record: PaperRecord, action: UserAction, now: number, stamp: Stamp, nextQueuePos: () => number): void {
  const acted = action.at === undefined ? undefined : Math.min(action.at, now);
  const takes = (group: StateGroup, value: boolean | string, current: boolean | string): boolean => {
    if (!isLater(acted ?? stamp.at, value, orderTime(record, group), current)) return false;
    stampGroup(record, group, stamp, acted);
    return true;
  };
  const at = acted ?? now; // what the fields record: when starred, read, queued, noted
  const queued = () => record.queuePos !== undefined;
  const read = () => record.readAt !== undefined;
  switch (action.kind) {
    case 'star':
      if (takes('star', action.value, record.starredAt !== undefined)) record.starredAt = action.value ? (record.starredAt ?? at) : undefined;
      break;
    case 'read':
      if (takes('read', action.value, read())) record.readAt = action.value ? (record.readAt ?? at) : undefined;
      if (action.value && takes('queue', false, queued())) {
        record.queuePos = undefined;
        record.queuedAt = undefined;
      }
      break;
    case 'queue':
      if (takes('queue', action.value, queued())) {
        if (!action.value) {
          record.queuePos = undefined;
          record.queuedAt = undefined;
        } else if (record.queuePos === undefined) {
          record.queuePos = nextQueuePos();
          record.queuedAt = at;
        }
      }
      if (action.value && takes('read', false, read())) record.readAt = undefined;
      break;
    case 'note': {
      // What this note replaces: sync tells from it whether the writer had seen a note it overwrites.
      const base = groupStamp(record, 'note');
      if (takes('note', action.text, record.note)) {
        record.noteBase = base;
        if (action.text !== record.note) {
          record.note = action.text;
          record.noteUpdatedAt = action.text.trim() === '' ? undefined : at;
        }
      }
      break;
    }
    case 'tag':
      record.tags = withTag(record.tags, action.name, action.value, stamp);
      break;
  }
}

/** The action with a tag it puts on named as the library already names that tag ("llm" joins "LLM"). Inside a transaction. */
export async function withLibraryName(db: ShelfmarkDB, action: UserAction): Promise<UserAction> {
  return action.kind === 'tag' && action.value ? { ...action, name: await tagNameInLibrary(db, action.name) } : action;
}

/** True when a paper already is what the action asks (a bulk action or an import then leaves it alone). */
export function isAlreadySo(record: PaperRecord, action: UserAction): boolean {
  switch (action.kind) {
    case 'star':
      return (record.starredAt !== undefined) === action.value;
    case 'read':
      return (record.readAt !== undefined) === action.value && (!action.value || record.queuePos === undefined);
    case 'queue':
      return (record.queuePos !== undefined) === action.value && (!action.value || record.readAt === undefined);
    case 'note':
      return record.note === action.text;
    case 'tag':
      return tagNames(record).some((name) => tagKey(name) === tagKey(action.name)) === action.value;
  }
}

/**
 * Applies one action to many stored papers (the library's selection) in one transaction; papers
 * not stored are skipped. Returns the ids it changed.
 */
export async function applyToPapers(db: ShelfmarkDB, ids: readonly PaperId[], action: UserAction, options: { now?: number } = {}): Promise<PaperId[]> {
  const now = options.now ?? wallClock();
  return db.transaction('rw', changeTables(db), async () => {
    const records = await db.papers.bulkGet([...ids]);
    const named = await withLibraryName(db, action);
    let queueEnd = await lastQueuePosition(db);
    const changed: PaperRecord[] = [];
    const changes: OutboxRow[] = [];
    for (const existing of records) {
      if (!existing || isAlreadySo(existing, named)) continue;
      const stamp = await stampLocalChange(db, now, changeTimes(existing));
      const record = { ...existing, changedAt: { ...existing.changedAt } };
      changeRecord(record, named, now, stamp, () => ++queueEnd);
      const kinds = changedKinds(existing, record);
      if (kinds.length === 0) continue;
      record.updatedAt = now;
      record.words = paperWords(record);
      changed.push(stripUndefined(record));
      for (const kind of kinds) changes.push({ id: record.id, kind, at: stamp.at });
    }
    await db.papers.bulkPut(changed);
    await db.outbox.bulkPut(changes);
    return changed.map((record) => record.id);
  });
}

/**
 * Stores `record` in place of `found`, the records it was folded from: those under other ids
 * leave, their unpushed changes moved to it. Removals of the paper under any of its ids keep only
 * their times (it is back in the library: see TombstoneRecord). Inside a transaction over changeTables.
 */
async function replaceRecords(db: ShelfmarkDB, found: readonly PaperRecord[], record: PaperRecord): Promise<void> {
  const replaced = found.filter((old) => old.id !== record.id).map((old) => old.id);
  if (replaced.length > 0) await db.papers.bulkDelete(replaced);
  await db.papers.put(record);
  await moveChanges(db, replaced, record.id);
  if (found.length === 0 || replaced.length > 0 || (await db.tombstones.count()) > 0) {
    for (const tombstone of await tombstonesOf(db, idsOf(record))) {
      if (tombstone.paper) await db.tombstones.put({ id: tombstone.id, deleted: tombstone.deleted });
    }
  }
}

/** The removals of a paper known by any of `ids`: under their own id, or with one of them as an alias. */
export async function tombstonesOf(db: ShelfmarkDB, ids: readonly PaperId[]): Promise<TombstoneRecord[]> {
  const unique = [...new Set(ids)];
  const [direct, byAlias] = await Promise.all([db.tombstones.bulkGet(unique), db.tombstones.where('paper.aliases').anyOf(unique).toArray()]);
  const tombstones = new Map<PaperId, TombstoneRecord>();
  for (const tombstone of [...direct, ...byAlias]) if (tombstone) tombstones.set(tombstone.id, tombstone);
  return [...tombstones.values()];
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
      const stamp = await stampLocalChange(db, now, changeTimes(record));
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
 * Undoes a removal: puts papers back as they were just before it (`records`, what the caller had
 * read), each group stamped now, later than the removal, so the paper is back on every device as
 * sync carries it. A paper already back (acted on since, under any of its ids) keeps what it has. Returns the ids restored.
 */
export async function restorePapers(db: ShelfmarkDB, records: readonly PaperRecord[], options: { now?: number } = {}): Promise<PaperId[]> {
  const now = options.now ?? wallClock();
  return db.transaction('rw', changeTables(db), async () => {
    const restored: PaperId[] = [];
    for (const before of records) {
      // Back already, under its id or any of its aliases (a card met under one since).
      if ((await recordsOf(db, idsOf(before))).length > 0) continue;
      const tombstone = await db.tombstones.get(before.id);
      const record: PaperRecord = { ...before, changedAt: { ...before.changedAt }, updatedAt: now };
      await renewChanges(db, record, now, tombstone?.deleted);
      record.words = paperWords(record);
      await db.papers.put(record);
      if (tombstone) await db.tombstones.put({ id: before.id, deleted: tombstone.deleted });
      restored.push(before.id);
    }
    return restored;
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
  const stamp = await stampLocalChange(db, now, [after?.at, ...changeTimes(record)]);
  for (const group of groups) {
    if (group === 'meta') setStamp(record, group, stamp);
    else stampGroup(record, group, stamp);
  }
  delete record.metaAt;
  if (record.tags) record.tags = record.tags.map((entry) => ({ ...entry, ...stamp }));
  await recordChanges(db, record.id, [...groups, ...(record.tags ? (['tags'] as const) : [])], stamp);
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
export const setTagged = (db: ShelfmarkDB, target: PaperTarget, name: string, value: boolean, options?: { seen?: SeenAt; now?: number }) =>
  applyAction(db, target, { kind: 'tag', name, value }, options);
export const setNote = (db: ShelfmarkDB, target: PaperTarget, text: string, options?: { seen?: SeenAt; now?: number }) =>
  applyAction(db, target, { kind: 'note', text }, options);

function isClearing(action: UserAction): boolean {
  return action.kind === 'note' ? action.text === '' : !action.value;
}

/** The whole-number position at the end of the queue (0 when empty): a paper joining goes one after. */
export async function lastQueuePosition(db: ShelfmarkDB): Promise<number> {
  const last = await db.papers.orderBy('queuePos').last();
  return last?.queuePos === undefined ? 0 : Math.floor(last.queuePos);
}

/** Every time a record's changes carry: a new stamp is later than all of them. */
export function changeTimes(record: PaperRecord): (number | undefined)[] {
  return [...Object.values(record.changedAt), ...(record.tags ?? []).map((entry) => entry.at)];
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
  'primaryCategory', 'journalRef', 'paperComments', 'venue', 'year',
] as const satisfies readonly (keyof PaperRef & keyof PaperRecord)[];

/** Records of one paper (found under its ids) as one record (lib/store/merge.ts foldPapers); one record as it is. */
export function foldRecords(records: readonly [PaperRecord, ...PaperRecord[]] | readonly PaperRecord[]): PaperRecord {
  if (records.length === 1) return records[0]!;
  // When the user acted is local bookkeeping of one record: the folded groups are ordered by their stamps.
  const papers = records.map(({ words: _index, actedAt: _acted, ...paper }) => paper);
  return { ...foldPapers(papers as [Paper, ...Paper[]]), words: [] };
}

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

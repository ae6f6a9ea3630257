import type { ChangeKind, OutboxRow, PaperRecord, ShelfmarkDB, Stamp, TombstoneRecord } from '../store/db';
import { compareStamps, foldPapers, idsOf, mergeKeptNotes, mergeVersions, samePaper, type MergeReport, type Paper, type PaperVersion } from '../store/merge';
import { observeTime, readClock, wallClock } from '../store/clock';
import { renewChanges, tombstonesOf } from '../store/library';
import { changeTables, moveChanges } from '../store/outbox';
import { paperWords } from '../store/search';
import { backupPaper } from '../export/backup';
import { boundStoredPaper } from '../bounds';
import type { PaperId } from '../paper';
import { SyncError } from './errors';
import {
  DeviceFileSchema,
  FormatFileSchema,
  LogFileSchema,
  MAX_LOG_PAPERS,
  MAX_LOGS,
  SnapshotFileSchema,
  SYNC_FORMAT,
  SYNC_VERSION,
  encodeJson,
  gzip,
  paths,
  readFile,
  type DeviceFile,
  type Entry,
} from './format';
import { withRetry, type RetryOptions } from './retry';
import { loadRemoteState, updateStatus, type DeviceSummary, type FileRef, type RemoteState } from './state';
import type { WebDavClient } from './webdav';
import { t } from '../i18n';

/**
 * One sync cycle: pull every other device's new batches and apply them, then push this device's
 * outbox. Crash-safe at every step:
 * - a pull downloads and validates everything first, then applies it and advances the cursor in one
 *   transaction (a crash before leaves nothing applied; the batches are read again next time);
 * - a push records what it is pushing (`pending`), uploads the batch, then the device file, then
 *   removes the pushed outbox rows in one transaction. A crash after the upload but before the device
 *   file leaves a batch nobody reads (readers stop at the device file's head): it is written again.
 *   A crash after the device file is finished next time from `pending`. No change is lost or doubled.
 * A pull that would remove more than 20% of the library or 1,000 papers stops and asks first.
 */

export interface SyncHooks {
  /** After a batch is uploaded, before the device file names it (the test build pauses here). */
  afterUpload?: () => Promise<void>;
  /** After downloads are validated, before they are applied (the test build pauses here). */
  beforeApply?: () => Promise<void>;
}

export interface SyncOptions {
  deviceName: string;
  now?: () => number;
  retry?: RetryOptions;
  hooks?: SyncHooks;
}

export interface SyncResult {
  /** Papers whose stored state changed here (for the open tabs). */
  changed: PaperId[];
  /** Papers received and pushed. */
  pulled: number;
  pushed: number;
  /** A pull stopped by the removal guard, waiting for the user. */
  removalsWaiting: boolean;
}

/** The guard: a pull removing more than this share of the library, or this many papers, asks first. */
export const REMOVAL_GUARD = { share: 0.2, count: 1_000, atLeast: 5 };

export async function syncOnce(db: ShelfmarkDB, dav: WebDavClient, options: SyncOptions): Promise<SyncResult> {
  const now = options.now ?? wallClock;
  const retry = <T>(work: () => Promise<T>) => withRetry(work, options.retry);
  const { deviceId } = await db.transaction('rw', db.syncState, () => readClock(db));
  let state = await loadRemoteState(db, dav.target);
  const result: SyncResult = { changed: [], pulled: 0, pushed: 0, removalsWaiting: false };
  await updateStatus(db, { lastAttemptAt: now() });

  await ensureFolder(dav, retry);
  const folders = await listDevices(dav, retry);
  if (state.head > 0 && !folders.includes(deviceId)) {
    // Our folder is gone (the sync folder was emptied or replaced): start afresh there. Nothing
    // is removed here for it: an empty folder is a new target, never a deletion.
    state = { ...state, head: 0, logs: [], snapshot: undefined, cursors: {}, pending: undefined, fullPush: undefined };
  }
  if (state.fullPush === undefined) {
    // A device that starts with an empty library has nothing the folder lacks: only its later edits go up.
    state = { ...state, fullPush: state.head === 0 && (await db.papers.count()) + (await db.tombstones.count()) > 0 };
    await saveState(db, state);
  }
  if (state.pending) state = await resolvePending(db, dav, state, retry);

  const devices: DeviceSummary[] = [];
  const others: DeviceFile[] = [];
  for (const id of folders) {
    if (id === deviceId) continue;
    const file = await readDeviceFile(dav, id, retry);
    if (file) others.push(file);
  }
  // Newest snapshots first: a fresh device takes most of the library from one file, then skips what it covers.
  others.sort((a, b) => (b.snapshot?.seq ?? 0) - (a.snapshot?.seq ?? 0) || (a.updatedAt < b.updatedAt ? 1 : -1));
  for (const device of others) {
    devices.push({ id: device.deviceId, name: device.name, updatedAt: device.updatedAt, self: false });
    const pulled = await pullDevice(db, dav, device, options, retry);
    if (pulled === 'waiting') result.removalsWaiting = true;
    else {
      result.changed.push(...pulled.changed);
      result.pulled += pulled.received;
    }
    state = await loadRemoteState(db, dav.target);
  }

  const pushed = await push(db, dav, state, deviceId, folders.includes(deviceId), options, retry, now);
  result.pushed = pushed.count;
  devices.unshift({ id: deviceId, name: options.deviceName, updatedAt: pushed.updatedAt ?? new Date(now()).toISOString(), self: true });
  await updateStatus(db, { lastSyncAt: now(), error: undefined, failures: 0, devices, ...(result.removalsWaiting ? {} : { removals: undefined }) });
  return result;
}

// ——— The folder ———

type Retry = <T>(work: () => Promise<T>) => Promise<T>;

/** Makes the folder a sync folder if it is empty or missing; refuses one written by a newer Shelfmark. */
async function ensureFolder(dav: WebDavClient, retry: Retry): Promise<void> {
  let format: Uint8Array<ArrayBuffer> | undefined;
  try {
    format = (await retry(() => dav.get(paths.format))) as Uint8Array<ArrayBuffer>;
  } catch (error) {
    if (!(error instanceof SyncError && error.kind === 'not-found')) throw error;
  }
  if (format) {
    await readFile(format, FormatFileSchema, t('syncFormatFile'));
    return;
  }
  await retry(() => dav.makeFolder());
  await retry(() => dav.put(paths.format, encodeJson({ format: SYNC_FORMAT, version: SYNC_VERSION })));
}

async function listDevices(dav: WebDavClient, retry: Retry): Promise<string[]> {
  try {
    const entries = await retry(() => dav.list(paths.devices));
    return entries.filter((entry) => entry.folder).map((entry) => entry.path.slice(paths.devices.length + 1)).filter((id) => /^[a-z0-9]{1,64}$/.test(id));
  } catch (error) {
    if (!(error instanceof SyncError && error.kind === 'not-found')) throw error;
    await retry(() => dav.mkcol(paths.devices));
    return [];
  }
}

async function readDeviceFile(dav: WebDavClient, id: string, retry: Retry): Promise<DeviceFile | undefined> {
  try {
    const file = await readFile((await retry(() => dav.get(paths.deviceFile(id)))) as Uint8Array<ArrayBuffer>, DeviceFileSchema, t('syncDeviceFileOf', id));
    if (file.deviceId !== id) throw new SyncError('invalid', t('syncDeviceFileOther', id));
    return file;
  } catch (error) {
    // A device that made its folder but has not written its file yet.
    if (error instanceof SyncError && error.kind === 'not-found') return undefined;
    throw error;
  }
}

async function saveState(db: ShelfmarkDB, state: RemoteState): Promise<void> {
  await db.syncState.put(state);
}

// ——— Pull ———

async function pullDevice(
  db: ShelfmarkDB,
  dav: WebDavClient,
  device: DeviceFile,
  options: SyncOptions,
  retry: Retry,
): Promise<{ changed: PaperId[]; received: number } | 'waiting'> {
  const state = await loadRemoteState(db, dav.target);
  const cursor = state.cursors[device.deviceId] ?? 0;
  if (device.head <= cursor) return { changed: [], received: 0 };

  let entries: Entry[];
  let cursors: Record<string, number> = {};
  try {
    ({ entries, cursors } = await download(dav, device, cursor, retry));
  } catch (error) {
    // A batch deleted by compaction while we read: read the device file again, once.
    if (!(error instanceof SyncError && error.kind === 'not-found')) throw error;
    const fresh = await readDeviceFile(dav, device.deviceId, retry);
    if (!fresh) return { changed: [], received: 0 };
    device = fresh;
    ({ entries, cursors } = await download(dav, device, cursor, retry));
  }
  await options.hooks?.beforeApply?.();
  // Metadata from the folder is bounded and cleaned like a card's or a backup's (lib/bounds.ts).
  const bounded = entries.map((entry) => (entry.paper ? { ...entry, paper: boundStoredPaper(entry.paper) } : entry));
  return applyEntries(db, dav.target, device, bounded, cursors);
}

/** Everything after `cursor`: the snapshot if the batches after the cursor are gone, then the batches. */
async function download(dav: WebDavClient, device: DeviceFile, cursor: number, retry: Retry): Promise<{ entries: Entry[]; cursors: Record<string, number> }> {
  const id = device.deviceId;
  const entries: Entry[] = [];
  let cursors: Record<string, number> = {};
  let from = cursor;
  if (device.snapshot && cursor < device.snapshot.seq) {
    const { seq, bytes } = device.snapshot;
    const data = await retry(() => dav.get(paths.snapshot(id, seq), bytes));
    const snapshot = await readFile(data as Uint8Array<ArrayBuffer>, SnapshotFileSchema, t('syncSnapshotFrom', seq, device.name));
    entries.push(...snapshot.entries);
    cursors = snapshot.cursors;
    from = seq;
  }
  const logs = device.logs.filter((log) => log.seq > from).sort((a, b) => a.seq - b.seq);
  if (logs.length > 0 && logs[0]!.seq !== from + 1) {
    throw new SyncError('invalid', t('syncChangesMissing', device.name, from));
  }
  for (const log of logs) {
    const data = await retry(() => dav.get(paths.log(id, log.seq), log.bytes));
    entries.push(...(await readFile(data as Uint8Array<ArrayBuffer>, LogFileSchema, t('syncBatchFrom', log.seq, device.name))).entries);
  }
  return { entries, cursors };
}

/**
 * Merges downloaded papers into the library and advances the cursor, in one transaction. Stops,
 * applying nothing, when it would remove too much of the library without the user's word.
 */
async function applyEntries(
  db: ShelfmarkDB,
  target: string,
  device: DeviceFile,
  entries: readonly Entry[],
  snapshotCursors: Record<string, number>,
): Promise<{ changed: PaperId[]; received: number } | 'waiting'> {
  const outcome = await db.transaction('rw', changeTables(db), async () => {
    const state = await loadRemoteState(db, target);
    const { deviceId } = await readClock(db);
    // The last entry of a paper is its newest state in this pull; merging is idempotent, so earlier ones add nothing.
    const incoming = new Map<PaperId, Entry>();
    for (const entry of entries) incoming.set(entry.id, incoming.has(entry.id) ? combine(incoming.get(entry.id)!, entry) : entry);
    const ids = [...incoming.keys()];
    const papers = await papersMet(db, [...incoming.values()]);
    const localIds = papers.flatMap((paper) => [...paper.records.map((record) => record.id), ...paper.tombstones.map((tombstone) => tombstone.id)]);
    const dirtyNotes = await db.outbox.bulkGet(localIds.map((id) => [id, 'note'] as [PaperId, ChangeKind]));
    const dirty = new Set(dirtyNotes.flatMap((row) => (row ? [row.id] : [])));

    const puts: PaperRecord[] = [];
    const removals: PaperId[] = [];
    /** Records folded into another one (the same paper under other ids), and where to. */
    const folds: { from: PaperId[]; to: PaperId }[] = [];
    const tombstonePuts: TombstoneRecord[] = [];
    const tombstoneDeletes: PaperId[] = [];
    const outboxPuts: OutboxRow[] = [];
    const outboxDeletes: [PaperId, ChangeKind][] = [];
    let newest = 0;
    for (const { entries: met, records, tombstones } of papers) {
      // This device's copies: its records (folded when several), and removals under any of the paper's ids.
      const removed = tombstones.filter((tombstone) => !records.some((record) => record.id === tombstone.id));
      const copies = [...records.map(backupPaper), ...removed.flatMap((tombstone) => (tombstone.paper ? [tombstone.paper] : []))];
      const deleted = tombstones.map((tombstone) => tombstone.deleted).reduce<Stamp | undefined>((a, b) => (compareStamps(a, b) >= 0 ? a : b), undefined);
      const local: PaperVersion = { paper: copies.length > 0 ? foldPapers(copies as [Paper, ...Paper[]]) : undefined, deleted };
      const remote = met.reduce(combine);
      const merged = mergeVersions(local, { paper: remote.paper, deleted: remote.deleted });
      for (const entry of met) {
        newest = Math.max(newest, entry.deleted?.at ?? 0, ...Object.values(entry.paper?.changedAt ?? {}).map((at) => at ?? 0), ...(entry.paper?.tags ?? []).map((tag) => tag.at));
      }
      const id = merged.paper?.id ?? remote.id;
      const stored = records.find((record) => record.id === id);
      const tombstone = tombstones.find((found) => found.id === id);
      const others = records.filter((record) => record.id !== id).map((record) => record.id);
      for (const group of merged.report.fromSecond) outboxDeletes.push([id, group]);
      const lost = merged.report.lostNote;
      if (merged.live && lost && unseen(lost, [...records, ...tombstones].some((copy) => dirty.has(copy.id)))) {
        // Kept on the paper, and pushed: every device shows it until the user dismisses it.
        merged.paper!.keptNotes = mergeKeptNotes(merged.paper!.keptNotes, [{ text: lost.text, written: lost.written }]);
        outboxPuts.push({ id, kind: 'kept', at: lost.written.at });
      }
      if (merged.live) {
        const paper = merged.paper!;
        if (!stored || !samePaper(backupPaper(stored), paper)) puts.push({ ...paper, words: paperWords(paper) });
        if (others.length > 0) folds.push({ from: others, to: id });
        if (merged.deleted && (tombstone?.paper || compareStamps(tombstone?.deleted, merged.deleted) !== 0)) tombstonePuts.push({ id, deleted: merged.deleted });
        else if (!merged.deleted && tombstone) tombstoneDeletes.push(id);
        // Back in the library: its removals under other ids keep only their times (see TombstoneRecord).
        for (const other of tombstones) if (other.id !== id && other.paper) tombstonePuts.push({ id: other.id, deleted: other.deleted });
      } else {
        removals.push(...records.map((record) => record.id));
        if (!tombstone || compareStamps(tombstone.deleted, merged.deleted) !== 0 || !samePaper(tombstone.paper, merged.paper)) {
          tombstonePuts.push({ id, deleted: merged.deleted!, ...(merged.paper ? { paper: merged.paper } : {}) });
        }
      }
    }

    const allowed = state.allowRemovals?.deviceId === device.deviceId && state.allowRemovals.head >= device.head;
    if (!allowed && removals.length >= REMOVAL_GUARD.atLeast) {
      const library = await db.papers.count();
      if (removals.length > REMOVAL_GUARD.count || removals.length > REMOVAL_GUARD.share * library) {
        return { waiting: { deviceId: device.deviceId, deviceName: device.name, head: device.head, ids: removals, library } };
      }
    }

    await db.papers.bulkDelete([...removals, ...folds.flatMap((fold) => fold.from)]);
    await db.papers.bulkPut(puts);
    await db.tombstones.bulkPut(tombstonePuts);
    await db.tombstones.bulkDelete(tombstoneDeletes);
    for (const fold of folds) await moveChanges(db, fold.from, fold.to);
    await db.outbox.bulkDelete(outboxDeletes);
    await db.outbox.bulkPut(outboxPuts);
    await observeTime(db, newest);
    const cursors = { ...state.cursors };
    for (const [other, seq] of Object.entries(snapshotCursors)) if (other !== deviceId) cursors[other] = Math.max(cursors[other] ?? 0, seq);
    cursors[device.deviceId] = device.head;
    await db.syncState.put({ ...state, cursors, allowRemovals: allowed ? undefined : state.allowRemovals });
    return { changed: [...puts.map((record) => record.id), ...removals, ...folds.flatMap((fold) => fold.from)], received: ids.length };
  });
  if ('waiting' in outcome) {
    await updateStatus(db, { removals: outcome.waiting });
    return 'waiting';
  }
  return outcome;
}

/**
 * Whether a note that lost was replaced by a writer who had not seen it (then it is kept): not when
 * the winner replaced exactly that note; yes when this device's note changed since its last push
 * (the other writer cannot have seen it, nor this one the other's); otherwise, yes when the winner
 * replaced a note older than the one that lost.
 */
function unseen(lost: NonNullable<MergeReport['lostNote']>, localNoteDirty: boolean): boolean {
  const order = compareStamps(lost.winnerBase, lost.written);
  return order !== 0 && (localNoteDirty || order < 0);
}

/** One paper met in a pull: its entries, and this device's records and removals of it, under any of its ids. */
interface PaperMet {
  entries: [Entry, ...Entry[]];
  records: PaperRecord[];
  tombstones: TombstoneRecord[];
}

/**
 * Groups a pull's entries with this device's copies of the same papers. A paper may be known by
 * several ids (its aliases): an entry, a record or a removal that shares an id with another is the
 * same paper, and so on from each to the next, until no copy brings a new id.
 */
async function papersMet(db: ShelfmarkDB, entries: readonly Entry[]): Promise<PaperMet[]> {
  const parent = new Map<PaperId, PaperId>();
  const find = (id: PaperId): PaperId => {
    let root = id;
    while (parent.get(root)! !== root) root = parent.get(root)!;
    for (let at = id; at !== root; ) {
      const next = parent.get(at)!;
      parent.set(at, root);
      at = next;
    }
    return root;
  };
  const seen = new Set<PaperId>();
  let frontier: PaperId[] = [];
  const link = (ids: readonly PaperId[]) => {
    for (const id of ids) {
      if (!seen.has(id)) {
        seen.add(id);
        parent.set(id, id);
        frontier.push(id);
      }
    }
    for (const id of ids.slice(1)) {
      const [a, b] = [find(ids[0]!), find(id)];
      if (a !== b) parent.set(b, a);
    }
  };
  for (const entry of entries) link([entry.id, ...(entry.paper ? idsOf(entry.paper) : [])]);
  const records = new Map<PaperId, PaperRecord>();
  const tombstones = new Map<PaperId, TombstoneRecord>();
  while (frontier.length > 0) {
    const ids = frontier;
    frontier = [];
    const [direct, byAlias, removed] = await Promise.all([db.papers.bulkGet(ids), db.papers.where('aliases').anyOf(ids).toArray(), tombstonesOf(db, ids)]);
    for (const record of [...direct, ...byAlias]) {
      if (!record || records.has(record.id)) continue;
      records.set(record.id, record);
      link(idsOf(record));
    }
    for (const tombstone of removed) {
      if (tombstones.has(tombstone.id)) continue;
      tombstones.set(tombstone.id, tombstone);
      link([tombstone.id, ...(tombstone.paper ? idsOf(tombstone.paper) : [])]);
    }
  }
  const papers = new Map<PaperId, PaperMet>();
  for (const entry of entries) {
    const paper = papers.get(find(entry.id));
    if (paper) paper.entries.push(entry);
    else papers.set(find(entry.id), { entries: [entry], records: [], tombstones: [] });
  }
  for (const record of records.values()) papers.get(find(record.id))!.records.push(record);
  for (const tombstone of tombstones.values()) papers.get(find(tombstone.id))!.tombstones.push(tombstone);
  return [...papers.values()];
}

/** Two entries of one paper in one pull, merged into one (the merge does not care about order). */
function combine(a: Entry, b: Entry): Entry {
  const merged = mergeVersions({ paper: a.paper, deleted: a.deleted }, { paper: b.paper, deleted: b.deleted });
  return { id: a.id, ...(merged.paper ? { paper: merged.paper } : {}), ...(merged.deleted ? { deleted: merged.deleted } : {}) };
}


// ——— Removal guard: the user's answer ———

/** The user allows the removals the guard stopped: the next cycle applies them. */
export async function allowRemovals(db: ShelfmarkDB, target: string, deviceId: string, head: number): Promise<void> {
  await db.transaction('rw', db.syncState, async () => {
    const state = await loadRemoteState(db, target);
    await db.syncState.put({ ...state, allowRemovals: { deviceId, head } });
  });
  await updateStatus(db, { removals: undefined });
}

/**
 * The user keeps the papers the guard stopped removing: each is changed now (its groups stamped
 * anew), which is later than the removal, so the next cycle keeps them here and brings them back
 * on the other devices.
 */
export async function keepPapers(db: ShelfmarkDB, ids: readonly PaperId[], now = wallClock()): Promise<void> {
  await db.transaction('rw', changeTables(db), async () => {
    for (const record of await db.papers.bulkGet([...ids])) {
      if (!record) continue;
      await renewChanges(db, record, now);
      await db.papers.put(record);
    }
  });
  await updateStatus(db, { removals: undefined });
}

// ——— Push ———

async function push(
  db: ShelfmarkDB,
  dav: WebDavClient,
  state: RemoteState,
  deviceId: string,
  registered: boolean,
  options: SyncOptions,
  retry: Retry,
  now: () => number,
): Promise<{ count: number; updatedAt?: string }> {
  const { rows, entries, library } = await db.transaction('r', [db.outbox, db.papers, db.tombstones], async () => {
    const rows = await db.outbox.toArray();
    const full = state.fullPush || new Set(rows.map((row) => row.id)).size > MAX_LOG_PAPERS || state.logs.length >= MAX_LOGS;
    if (!full) return { rows, entries: await entriesFor(db, [...new Set(rows.map((row) => row.id))]), library: false };
    // A snapshot: the whole library as this device knows it, tombstones included.
    const [papers, tombstones] = await Promise.all([db.papers.toArray(), db.tombstones.toArray()]);
    const removed = new Map(tombstones.map((tombstone) => [tombstone.id, tombstone]));
    const all: Entry[] = papers.map((record) => entry(record.id, backupPaper(record), removed.get(record.id)?.deleted));
    for (const tombstone of tombstones) if (tombstone.paper) all.push(entry(tombstone.id, tombstone.paper, tombstone.deleted));
    return { rows, entries: all, library: true };
  });
  const updatedAt = new Date(now()).toISOString();
  const deviceFile = (head: number, snapshot: FileRef | undefined, logs: FileRef[]): DeviceFile =>
    ({ format: 'shelfmark-sync-device', version: SYNC_VERSION, deviceId, name: options.deviceName, updatedAt, head, snapshot, logs });
  if (rows.length === 0 && !library) {
    if (registered) return { count: 0 };
    // Nothing to push yet: the device announces itself, so that the others list it.
    await retry(() => dav.mkcol(paths.device(deviceId)));
    await retry(() => dav.put(paths.deviceFile(deviceId), encodeJson(deviceFile(state.head, state.snapshot, state.logs))));
    return { count: 0, updatedAt };
  }

  const seq = state.head + 1;
  const pending = { seq, rows: rows.map(({ id, kind, at }) => ({ id, kind, at })) };
  await saveState(db, { ...state, pending });
  if (!registered) await retry(() => dav.mkcol(paths.device(deviceId)));
  let file: FileRef;
  let logs = state.logs;
  let snapshot = state.snapshot;
  if (library) {
    await retry(() => dav.mkcol(paths.snapshots(deviceId)));
    const body = await gzip(encodeJson({ format: 'shelfmark-sync-snapshot', version: SYNC_VERSION, deviceId, seq, cursors: state.cursors, entries }));
    await retry(() => dav.put(paths.snapshot(deviceId, seq), body, 'application/gzip'));
    file = { seq, bytes: body.length };
    snapshot = file;
    logs = [];
  } else {
    if (state.logs.length === 0) await retry(() => dav.mkcol(paths.logs(deviceId)));
    const body = encodeJson({ format: 'shelfmark-sync-log', version: SYNC_VERSION, deviceId, seq, entries });
    await retry(() => dav.put(paths.log(deviceId, seq), body));
    file = { seq, bytes: body.length };
    logs = [...logs, file];
  }
  await options.hooks?.afterUpload?.();
  await retry(() => dav.put(paths.deviceFile(deviceId), encodeJson(deviceFile(seq, snapshot, logs))));
  await finishPush(db, { ...state, head: seq, logs, snapshot, pending, fullPush: state.fullPush && !library });
  if (library) await removeCompacted(dav, deviceId, state);
  return { count: entries.length, updatedAt };
}

/** The device file names the batch: the rows it carried leave the outbox (unless changed again meanwhile). */
async function finishPush(db: ShelfmarkDB, state: RemoteState): Promise<void> {
  const pending = state.pending!;
  await db.transaction('rw', [db.outbox, db.syncState], async () => {
    const current = await db.outbox.bulkGet(pending.rows.map((row) => [row.id, row.kind] as [PaperId, ChangeKind]));
    const done = pending.rows.filter((row, i) => current[i]?.at === row.at).map((row) => [row.id, row.kind] as [PaperId, ChangeKind]);
    await db.outbox.bulkDelete(done);
    await db.syncState.put({ ...state, pending: undefined });
  });
}

/** After a crash mid-push: if the device file names the pending batch, finish it; otherwise write it again. */
async function resolvePending(db: ShelfmarkDB, dav: WebDavClient, state: RemoteState, retry: Retry): Promise<RemoteState> {
  const { deviceId } = await db.transaction('rw', db.syncState, () => readClock(db));
  const device = await readDeviceFile(dav, deviceId, retry);
  const pending = state.pending!;
  if (device && device.head >= pending.seq) {
    const landed = { ...state, head: device.head, logs: device.logs, snapshot: device.snapshot };
    await finishPush(db, landed);
    return { ...landed, pending: undefined };
  }
  const redo = { ...state, pending: undefined };
  await saveState(db, redo);
  return redo;
}

/** Batches and snapshots a new snapshot replaces. Best effort: a leftover file is harmless. */
async function removeCompacted(dav: WebDavClient, deviceId: string, before: RemoteState): Promise<void> {
  try {
    for (const log of before.logs) await dav.delete(paths.log(deviceId, log.seq));
    if (before.snapshot) await dav.delete(paths.snapshot(deviceId, before.snapshot.seq));
  } catch {
    // Left for the next compaction.
  }
}

async function entriesFor(db: ShelfmarkDB, ids: PaperId[]): Promise<Entry[]> {
  const [records, tombstones] = await Promise.all([db.papers.bulkGet(ids), db.tombstones.bulkGet(ids)]);
  return ids.flatMap((id, i) => {
    const paper = records[i] ? backupPaper(records[i]!) : tombstones[i]?.paper;
    if (!paper && !tombstones[i]) return [];
    return [entry(id, paper, tombstones[i]?.deleted)];
  });
}

function entry(id: PaperId, paper: Paper | undefined, deleted: Stamp | undefined): Entry {
  return { id, ...(paper ? { paper } : {}), ...(deleted ? { deleted } : {}) } as Entry;
}


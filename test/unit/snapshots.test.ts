import { afterEach, describe, expect, it, vi } from 'vitest';
import { BACKUP_VERSION_OF_SCHEMA, backupPaper } from '@/lib/export/backup';
import { setNote, setStarred } from '@/lib/store/library';
import { restoreSnapshot, RestoreError } from '@/lib/store/restore';
import {
  listSnapshots,
  openSnapshots,
  snapshotBackup,
  snapshotLibrary,
  SNAPSHOTS_KEPT,
  takeSnapshot,
  takeWeeklySnapshotIfDue,
  WEEK_MS,
  type SnapshotsDB,
} from '@/lib/store/snapshots';
import type { PaperRecord, ShelfmarkDB } from '@/lib/store/db';
import { freshDatabase } from '../db-helpers';
import { LLAMA, MALDACENA, T0, TRICKY } from './export-fixtures';

let counter = 0;
const opened: SnapshotsDB[] = [];
function freshSnapshots(): SnapshotsDB {
  const snapshots = openSnapshots(`snapshots-test-${++counter}`);
  opened.push(snapshots);
  return snapshots;
}
afterEach(async () => {
  for (const snapshots of opened.splice(0)) await snapshots.delete();
});

/** The library as the user has it: every stored field but the change times, which a restore makes new (for sync). */
const library = async (db: ShelfmarkDB): Promise<Omit<PaperRecord, 'changedAt' | 'changedBy' | 'metaAt'>[]> =>
  (await db.papers.orderBy('id').toArray()).map(({ changedAt: _times, changedBy: _devices, metaAt: _fields, ...paper }) => paper);
const kinds = async (snapshots: SnapshotsDB) => (await listSnapshots(snapshots)).map((info) => `${info.kind}@${info.takenAt}`);

describe('snapshots: taking and keeping', () => {
  it('keeps the last four of each kind, newest first', async () => {
    const snapshots = freshSnapshots();
    for (let week = 1; week <= 6; week++) await takeSnapshot(snapshots, [LLAMA], { kind: 'weekly', schemaVersion: 2, now: week });
    await takeSnapshot(snapshots, [LLAMA, TRICKY], { kind: 'restore', schemaVersion: 2, now: 100 });
    expect(SNAPSHOTS_KEPT).toBe(4);
    expect(await kinds(snapshots)).toEqual(['restore@100', 'weekly@6', 'weekly@5', 'weekly@4', 'weekly@3']);
    // The papers of dropped snapshots go with them.
    expect(await snapshots.snapshotData.count()).toBe(5);
    expect(await snapshotBackup(snapshots, 'weekly-1')).toBeUndefined();
  });

  it('keeps a library as a backup envelope without the search index', async () => {
    const db = freshDatabase();
    const snapshots = freshSnapshots();
    await db.papers.bulkPut([LLAMA, MALDACENA]);
    const info = await snapshotLibrary(db, snapshots, 'weekly', T0);
    expect(info).toEqual({ id: `weekly-${T0}`, kind: 'weekly', takenAt: T0, paperCount: 2, schemaVersion: db.verno, lastChange: MALDACENA.updatedAt });
    expect(await snapshotBackup(snapshots, info!.id)).toEqual({
      format: 'shelfmark-backup',
      version: BACKUP_VERSION_OF_SCHEMA[db.verno],
      exportedAt: new Date(T0).toISOString(),
      papers: [backupPaper(LLAMA), backupPaper(MALDACENA)],
    });
    expect(await snapshotLibrary(freshDatabase(), snapshots, 'weekly')).toBeNull(); // an empty library: nothing to keep
  });

  it('takes the weekly one when a week has passed and the library changed', async () => {
    const db = freshDatabase();
    const snapshots = freshSnapshots();
    expect(await takeWeeklySnapshotIfDue(db, snapshots, T0)).toBeNull(); // empty
    await db.papers.put(LLAMA);
    expect(await takeWeeklySnapshotIfDue(db, snapshots, T0)).toMatchObject({ kind: 'weekly', takenAt: T0 });
    expect(await takeWeeklySnapshotIfDue(db, snapshots, T0 + WEEK_MS - 1)).toBeNull(); // not a week yet
    expect(await takeWeeklySnapshotIfDue(db, snapshots, T0 + WEEK_MS)).toBeNull(); // nothing changed
    await setStarred(db, MALDACENA.id, true, { now: T0 + WEEK_MS }); // an unknown id: changes nothing
    await setNote(db, LLAMA.id, 'changed', { now: T0 + WEEK_MS + 1 });
    expect(await takeWeeklySnapshotIfDue(db, snapshots, T0 + WEEK_MS + 2)).toMatchObject({ kind: 'weekly', takenAt: T0 + WEEK_MS + 2 });
    expect(await kinds(snapshots)).toEqual([`weekly@${T0 + WEEK_MS + 2}`, `weekly@${T0}`]);
  });

  it('an emptied library never pushes the good copies out', async () => {
    const db = freshDatabase();
    const snapshots = freshSnapshots();
    await db.papers.put(LLAMA);
    await takeWeeklySnapshotIfDue(db, snapshots, T0);
    await db.papers.clear();
    for (let week = 1; week <= 5; week++) expect(await takeWeeklySnapshotIfDue(db, snapshots, T0 + week * WEEK_MS)).toBeNull();
    expect(await kinds(snapshots)).toEqual([`weekly@${T0}`]);
  });
});

describe('snapshots: restoring', () => {
  it('replaces the library with the snapshot, after keeping the library as it was', async () => {
    const db = freshDatabase();
    const snapshots = freshSnapshots();
    await db.papers.bulkPut([LLAMA, MALDACENA]);
    const then = await snapshotLibrary(db, snapshots, 'weekly', T0);
    const atSnapshot = await library(db);
    // Later: a mistake (the note gone, a star lost) and a new paper.
    await setNote(db, LLAMA.id, '', { now: T0 + 10 });
    await setStarred(db, LLAMA.id, false, { now: T0 + 10 });
    await db.papers.put(TRICKY);
    const beforeRestore = await library(db);

    const result = await restoreSnapshot(db, snapshots, then!.id, T0 + 20);
    expect(await library(db)).toEqual(atSnapshot);
    expect(result).toMatchObject({ restored: 2, rejected: 0, keptBefore: { kind: 'restore', takenAt: T0 + 20, paperCount: 3 } });
    expect(result.changed.sort()).toEqual([LLAMA.id, MALDACENA.id, TRICKY.id].sort());
    // For sync a restore is a change made now: every group of the restored papers changes then, and
    // the paper the snapshot lacks is removed (a tombstone), so that the other devices follow.
    for (const record of await db.papers.toArray()) {
      for (const at of Object.values(record.changedAt)) expect(at).toBeGreaterThanOrEqual(T0 + 20);
    }
    expect((await db.tombstones.get(TRICKY.id))!.deleted.at).toBeGreaterThanOrEqual(T0 + 20);

    // Nothing is lost: the library as it was before the restore comes back the same way.
    await restoreSnapshot(db, snapshots, result.keptBefore!.id, T0 + 30);
    expect(await library(db)).toEqual(beforeRestore);
  });

  it('a change landing while the copy is taken is kept: the copy is taken again', async () => {
    const db = freshDatabase();
    const snapshots = freshSnapshots();
    await db.papers.put(LLAMA);
    const then = await snapshotLibrary(db, snapshots, 'weekly', T0);
    const take = snapshots.transaction.bind(snapshots) as (...args: unknown[]) => Promise<unknown>;
    vi.spyOn(snapshots, 'transaction').mockImplementationOnce((async (...args: unknown[]) => {
      const done = await take(...args);
      await setNote(db, LLAMA.id, 'typed while restoring', { now: T0 + 5 }); // a tab writes in between
      return done;
    }) as never);
    const result = await restoreSnapshot(db, snapshots, then!.id, T0 + 10);
    const kept = await snapshotBackup(snapshots, result.keptBefore!.id);
    expect(kept?.papers.find((paper) => paper.id === LLAMA.id)?.note).toBe('typed while restoring');
  });

  it('refuses a snapshot that is gone or damaged, changing nothing', async () => {
    const db = freshDatabase();
    const snapshots = freshSnapshots();
    await db.papers.put(LLAMA);
    const before = await library(db);
    await expect(restoreSnapshot(db, snapshots, 'weekly-1', T0)).rejects.toThrow(RestoreError);
    await snapshots.snapshotData.put({ id: 'weekly-2', backup: { format: 'shelfmark-backup', version: 99, exportedAt: 'x', papers: [] } });
    await expect(restoreSnapshot(db, snapshots, 'weekly-2', T0)).rejects.toThrow(/^This snapshot cannot be restored: This backup was made by a newer Shelfmark/);
    expect(await library(db)).toEqual(before);
    expect(await listSnapshots(snapshots)).toEqual([]); // and took no copy for nothing
  });
});

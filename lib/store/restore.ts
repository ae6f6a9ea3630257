import { readBackupData } from '../export/backup-import';
import type { PaperId } from '../paper';
import type { PaperRecord, ShelfmarkDB } from './db';
import { removePapers, renewChanges, stripUndefined } from './library';
import { changeTables } from './outbox';
import { paperWords } from './search';
import { snapshotBackup, snapshotLibrary, type SnapshotInfo, type SnapshotsDB } from './snapshots';
import { t } from '../i18n';

/**
 * Restoring a snapshot replaces the library with it, exactly: stars, queue order, notes and read
 * history as they were then. A merge (as an import does, newer change wins per field) could not
 * undo what a snapshot is restored for (a mistaken import, a slip of the hand): those changes are
 * the newer ones. Nothing is lost all the same: the library as it is now is kept first as a
 * snapshot of its own ("restore"), which can be restored in turn.
 */

export interface RestoreResult {
  /** Papers in the library after restoring. */
  restored: number;
  /** Papers of the snapshot that did not validate (left out, counted). */
  rejected: number;
  /** The library as it was just before, kept as a snapshot; null when it was empty. */
  keptBefore: SnapshotInfo | null;
  /** Papers whose state may have changed: every paper before and after (for the open tabs). */
  changed: PaperId[];
}

export class RestoreError extends Error {}

/** Every group of a paper: a restored paper's are all changed at the time of the restore. */
const ALL_GROUPS = ['meta', 'star', 'read', 'queue', 'note'] as const;

/** Restores snapshot `id` over the library. Throws RestoreError (plain words) when the snapshot cannot be read. */
export async function restoreSnapshot(db: ShelfmarkDB, snapshots: SnapshotsDB, id: string, now = Date.now()): Promise<RestoreResult> {
  const kept = await snapshotBackup(snapshots, id);
  if (!kept) throw new RestoreError(t('restoreGone'));
  // A snapshot is read as the backup it is: validated, and brought up to today's bounds.
  const read = readBackupData(kept);
  if (!read.ok) throw new RestoreError(t('restoreUnreadable', read.error));
  const records = read.backup.papers.map((paper): PaperRecord => stripUndefined({ ...paper, words: paperWords(paper) }));

  // The copy is taken outside the replacing transaction (it is another database): a change that
  // lands in between (a star from a tab) would be in neither, so the replacement checks the
  // library is still as copied, and copies again if not.
  for (let attempt = 1; ; attempt++) {
    const keptBefore = await snapshotLibrary(db, snapshots, 'restore', now);
    const before = await db.transaction('rw', changeTables(db), async () => {
      const [count, latest] = await Promise.all([db.papers.count(), db.papers.orderBy('updatedAt').last()]);
      if (count !== (keptBefore?.paperCount ?? 0) || (latest?.updatedAt ?? 0) !== (keptBefore?.lastChange ?? 0)) return null;
      const ids = await db.papers.toCollection().primaryKeys();
      // For sync, a restore is a change made now: papers not in the snapshot are removed (tombstones),
      // and every group of the others is changed now, so the other devices take the library as restored.
      const restoring = new Set(records.map((record) => record.id));
      await removePapers(db, ids.filter((paperId) => !restoring.has(paperId)), { now });
      await db.papers.clear();
      for (const record of records) await renewChanges(db, record, now, undefined, ALL_GROUPS);
      await db.papers.bulkAdd(records);
      return ids;
    });
    if (before) return result(records, read.backup.rejected.length, keptBefore, before);
    if (attempt === 3) throw new RestoreError(t('restoreKeptChanging'));
  }
}

function result(records: PaperRecord[], rejected: number, keptBefore: SnapshotInfo | null, before: PaperId[]): RestoreResult {
  return {
    restored: records.length,
    rejected,
    keptBefore,
    changed: [...new Set([...before, ...records.map((record) => record.id)])],
  };
}

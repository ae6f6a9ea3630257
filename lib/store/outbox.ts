import type { ChangeKind, PaperRecord, ShelfmarkDB, Stamp } from './db';
import type { PaperId } from '../paper';

/**
 * The outbox: which papers changed here since the last push to the sync folder, one row per paper
 * and kind of change. Every write path records its changes here in the same transaction as the
 * change itself (a crash leaves both or neither), whether or not sync is on: turning sync on later
 * pushes what changed before. A push removes the rows it carried (lib/sync/engine.ts).
 */

/** The tables a write that records its changes must hold in its transaction. */
export function changeTables(db: ShelfmarkDB) {
  return [db.papers, db.outbox, db.syncState, db.tombstones];
}

/** Records that `kinds` of paper `id` changed at `stamp`. Inside a transaction over changeTables. */
export async function recordChanges(db: ShelfmarkDB, id: PaperId, kinds: Iterable<ChangeKind>, stamp: Stamp): Promise<void> {
  const rows = [...new Set(kinds)].map((kind) => ({ id, kind, at: stamp.at }));
  if (rows.length > 0) await db.outbox.bulkPut(rows);
}

/** The kinds whose times differ between two copies of a paper (what a write changed). */
export function changedKinds(before: PaperRecord | undefined, after: PaperRecord): ChangeKind[] {
  const kinds: ChangeKind[] = (Object.keys(after.changedAt) as (keyof PaperRecord['changedAt'])[]).filter(
    (group) => after.changedAt[group] !== before?.changedAt[group],
  );
  if (JSON.stringify(after.tags ?? []) !== JSON.stringify(before?.tags ?? [])) kinds.push('tags');
  return kinds;
}

/** When a kind of change last happened to a paper (its outbox row's time). */
export function changeTime(record: PaperRecord, kind: ChangeKind): number | undefined {
  if (kind === 'tags') return tagsTime(record);
  return kind === 'deleted' || kind === 'kept' ? undefined : record.changedAt[kind];
}

/** The latest change of any of a paper's tags. */
function tagsTime(record: PaperRecord | undefined): number | undefined {
  return record?.tags?.reduce<number | undefined>((latest, entry) => Math.max(latest ?? 0, entry.at), undefined);
}

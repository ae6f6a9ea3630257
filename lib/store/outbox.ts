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

/**
 * What a write changed between two copies of a paper: the groups whose times differ, its tags, its ids
 * (`aliases`: a card showed another id, or records were folded into it) and its kept notes.
 */
export function changedKinds(before: PaperRecord | undefined, after: PaperRecord): ChangeKind[] {
  const kinds: ChangeKind[] = (Object.keys(after.changedAt) as (keyof PaperRecord['changedAt'])[]).filter(
    (group) => after.changedAt[group] !== before?.changedAt[group],
  );
  if (JSON.stringify(after.tags ?? []) !== JSON.stringify(before?.tags ?? [])) kinds.push('tags');
  if (after.aliases && after.aliases.join(' ') !== before?.aliases?.join(' ')) kinds.push('aliases');
  if (after.keptNotes && JSON.stringify(after.keptNotes) !== JSON.stringify(before?.keptNotes)) kinds.push('kept');
  return kinds;
}

/** When a kind of change last happened to a paper (its outbox row's time); the record's last update for kinds without a time of their own. */
export function changeTime(record: PaperRecord, kind: ChangeKind): number {
  if (kind === 'tags') return tagsTime(record) ?? record.updatedAt;
  return kind === 'deleted' || kind === 'kept' || kind === 'aliases' ? record.updatedAt : (record.changedAt[kind] ?? record.updatedAt);
}

/** The latest change of any of a paper's tags. */
function tagsTime(record: PaperRecord | undefined): number | undefined {
  return record?.tags?.reduce<number | undefined>((latest, entry) => Math.max(latest ?? 0, entry.at), undefined);
}

/**
 * Records folded into another one (the same paper under other ids) leave the library: their
 * changes not yet pushed become the record's, whose entry carries them (and their ids, as aliases).
 * Inside a transaction over changeTables.
 */
export async function moveChanges(db: ShelfmarkDB, from: readonly PaperId[], to: PaperId): Promise<void> {
  if (from.length === 0) return;
  const rows = await db.outbox.where('id').anyOf([...from]).toArray();
  if (rows.length === 0) return;
  await db.outbox.bulkDelete(rows.map((row): [PaperId, ChangeKind] => [row.id, row.kind]));
  const current = await db.outbox.bulkGet(rows.map((row): [PaperId, ChangeKind] => [to, row.kind]));
  await db.outbox.bulkPut(rows.filter((row, i) => (current[i]?.at ?? -1) < row.at).map((row) => ({ ...row, id: to })));
}

import Dexie, { type EntityTable } from 'dexie';
import { BACKUP_FORMAT, BACKUP_VERSION_OF_SCHEMA, backupPaper, type Backup } from '../export/backup';
import type { PaperRecord, ShelfmarkDB } from './db';

/**
 * Automatic local snapshots of the library, so that nothing is lost to a bad upgrade, a mistaken
 * import or a slip of the hand:
 * - weekly: the background's daily alarm takes one when the newest weekly one is a week old (and
 *   the library is not empty and changed since);
 * - upgrade: before the database is opened at a newer schema version, the records as the old
 *   version left them (read with plain IndexedDB: Dexie would upgrade them on opening);
 * - restore: the library as it was just before a snapshot was restored over it.
 * The last SNAPSHOTS_KEPT of each kind are kept. They live in their own IndexedDB database, so a
 * schema change of the library never touches them. Each holds a backup envelope (lib/export/backup.ts)
 * with the backup version of the records it holds: restoring one is importing an older backup,
 * validated the same way (lib/store/restore.ts). No Zod here: the popup opens the database too.
 */

export type SnapshotKind = 'weekly' | 'upgrade' | 'restore';

export interface SnapshotInfo {
  id: string;
  kind: SnapshotKind;
  takenAt: number;
  paperCount: number;
  /** The database version that wrote the records. */
  schemaVersion: number;
  /** The newest `updatedAt` among them: a library that has not changed since needs no new snapshot. */
  lastChange: number;
}

interface SnapshotData {
  id: string;
  backup: Backup;
}

export type SnapshotsDB = Dexie & {
  snapshots: EntityTable<SnapshotInfo, 'id'>;
  snapshotData: EntityTable<SnapshotData, 'id'>;
};

export const SNAPSHOTS_DB_NAME = 'shelfmark-snapshots';
/** Snapshots kept of each kind. */
export const SNAPSHOTS_KEPT = 4;
export const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

export function openSnapshots(name = SNAPSHOTS_DB_NAME): SnapshotsDB {
  const db = new Dexie(name) as SnapshotsDB;
  // The list (small) and the papers (large) apart: listing never reads a library.
  db.version(1).stores({ snapshots: 'id, takenAt, kind', snapshotData: 'id' });
  return db;
}

let shared: SnapshotsDB | undefined;

export function getSnapshots(): SnapshotsDB {
  shared ??= openSnapshots();
  return shared;
}

/**
 * Keeps `papers` (records as `schemaVersion` stored them) as a snapshot, and drops the oldest of
 * its kind beyond SNAPSHOTS_KEPT, in one transaction. An upgrade snapshot's id names the versions,
 * so two extension pages upgrading at once keep one copy.
 */
export async function takeSnapshot(
  snapshots: SnapshotsDB,
  papers: readonly PaperRecord[],
  { kind, schemaVersion, now = Date.now(), id = `${kind}-${now}` }: { kind: SnapshotKind; schemaVersion: number; now?: number; id?: string },
): Promise<SnapshotInfo> {
  const backupVersion = BACKUP_VERSION_OF_SCHEMA[schemaVersion];
  if (backupVersion === undefined) throw new Error(`No backup version describes database version ${schemaVersion}`);
  const info: SnapshotInfo = {
    id,
    kind,
    takenAt: now,
    paperCount: papers.length,
    schemaVersion,
    lastChange: papers.reduce((latest, paper) => Math.max(latest, paper.updatedAt ?? 0), 0),
  };
  const backup: Backup = {
    format: BACKUP_FORMAT,
    version: backupVersion,
    exportedAt: new Date(now).toISOString(),
    papers: papers.map(backupPaper),
  };
  await snapshots.transaction('rw', snapshots.snapshots, snapshots.snapshotData, async () => {
    await snapshots.snapshots.put(info);
    await snapshots.snapshotData.put({ id, backup });
    const ofKind = await snapshots.snapshots.where('kind').equals(kind).sortBy('takenAt');
    const dropped = ofKind.slice(0, Math.max(0, ofKind.length - SNAPSHOTS_KEPT)).map((old) => old.id);
    await snapshots.snapshots.bulkDelete(dropped);
    await snapshots.snapshotData.bulkDelete(dropped);
  });
  return info;
}

/** A snapshot of the whole library as it is now, or null when it is empty (nothing to keep). */
export async function snapshotLibrary(db: ShelfmarkDB, snapshots: SnapshotsDB, kind: SnapshotKind, now = Date.now()): Promise<SnapshotInfo | null> {
  const papers = await db.papers.toArray();
  if (papers.length === 0) return null;
  return takeSnapshot(snapshots, papers, { kind, schemaVersion: db.verno, now });
}

/**
 * The weekly snapshot, when due: none yet or the newest a week old, the library not empty, and
 * changed since the newest snapshot of any kind (an unchanged library is already kept; this also
 * keeps an emptied library from pushing the good copies out).
 */
export async function takeWeeklySnapshotIfDue(db: ShelfmarkDB, snapshots: SnapshotsDB, now = Date.now()): Promise<SnapshotInfo | null> {
  const weekly = await snapshots.snapshots.where('kind').equals('weekly').sortBy('takenAt');
  const newestWeekly = weekly.at(-1);
  if (newestWeekly && now - newestWeekly.takenAt < WEEK_MS) return null;
  const [count, latest, newest] = await Promise.all([
    db.papers.count(),
    db.papers.orderBy('updatedAt').last(),
    snapshots.snapshots.orderBy('takenAt').last(),
  ]);
  if (count === 0) return null;
  if (newest && newest.paperCount === count && newest.lastChange === latest?.updatedAt) return null;
  return snapshotLibrary(db, snapshots, 'weekly', now);
}

/** Every snapshot, newest first. */
export async function listSnapshots(snapshots: SnapshotsDB): Promise<SnapshotInfo[]> {
  return snapshots.snapshots.orderBy('takenAt').reverse().toArray();
}

/** A snapshot's papers as the backup envelope it was kept in. */
export async function snapshotBackup(snapshots: SnapshotsDB, id: string): Promise<Backup | undefined> {
  return (await snapshots.snapshotData.get(id))?.backup;
}

/**
 * Before the library's database `name` is opened at `version`: when it exists at an older version
 * with papers, keeps them as an upgrade snapshot. Reads with plain IndexedDB, which opens a
 * database at the version it has; Dexie keeps its version n as IndexedDB version n × 10.
 */
export async function snapshotBeforeUpgrade(name: string, version: number, snapshots = getSnapshots(), now = Date.now()): Promise<SnapshotInfo | null> {
  const installed = (await indexedDB.databases()).find((database) => database.name === name)?.version;
  if (!installed || installed >= version * 10) return null;
  const old = await readOldRecords(name, version * 10);
  if (!old || old.papers.length === 0) return null;
  const from = Math.floor(old.version / 10);
  return takeSnapshot(snapshots, old.papers, { kind: 'upgrade', schemaVersion: from, now, id: `upgrade-${from}-to-${version}` });
}

/** The papers of database `name` if it is still below IndexedDB version `below`, else null. */
function readOldRecords(name: string, below: number): Promise<{ version: number; papers: PaperRecord[] } | null> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name);
    // Deleted meanwhile: create nothing (aborting the creation leaves no database behind).
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onerror = (event) => {
      event.preventDefault();
      resolve(null);
    };
    request.onsuccess = () => {
      const idb = request.result;
      // Another extension page may be upgrading right now: step aside at once.
      idb.onversionchange = () => idb.close();
      if (idb.version >= below || !idb.objectStoreNames.contains('papers')) {
        idb.close();
        resolve(null);
        return;
      }
      const all = idb.transaction('papers', 'readonly').objectStore('papers').getAll();
      all.onsuccess = () => {
        idb.close();
        resolve({ version: idb.version, papers: all.result as PaperRecord[] });
      };
      all.onerror = () => {
        idb.close();
        reject(all.error);
      };
    };
  });
}


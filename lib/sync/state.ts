import type { ChangeKind, ShelfmarkDB, SyncStateRow } from '../store/db';
import type { PaperId } from '../paper';

/**
 * Sync's bookkeeping, in the database (the `syncState` table) so that it changes in the same
 * transaction as what it describes: the cursors advance with the changes they applied, the head
 * with the outbox rows a push removes.
 */

export const REMOTE_KEY = 'remote';
export const STATUS_KEY = 'status';

export interface FileRef {
  seq: number;
  bytes: number;
}

/** This device's view of one sync folder. */
export interface RemoteState extends SyncStateRow {
  key: typeof REMOTE_KEY;
  /** Which folder and account this is about; another one starts afresh. */
  target: string;
  /** The last batch or snapshot this device wrote there (0: none yet). */
  head: number;
  snapshot?: FileRef;
  logs: FileRef[];
  /** How far this device has applied each other device's batches. */
  cursors: Record<string, number>;
  /** A push written but not yet confirmed (a crash between upload and device file): finished or redone next time. */
  pending?: { seq: number; rows: { id: PaperId; kind: ChangeKind; at: number }[] };
  /**
   * The whole library must go up as a snapshot: this device held papers before it first synced
   * with this folder (or its own files there were lost). Unset until the first cycle decides.
   */
  fullPush?: boolean;
  /** Removals the user allowed past the guard: from this device, up to this head. */
  allowRemovals?: { deviceId: string; head: number };
}

export interface DeviceSummary {
  id: string;
  name: string;
  /** When the device last wrote its changes (ISO). */
  updatedAt: string;
  self: boolean;
}

/** What the options page and popup show. */
export interface SyncStatus extends SyncStateRow {
  key: typeof STATUS_KEY;
  /** The last cycle that finished (ms). */
  lastSyncAt?: number;
  lastAttemptAt?: number;
  /** Plain words, when the last cycle failed. */
  error?: string;
  /** Failed cycles in a row: the runtime waits longer after each. */
  failures?: number;
  devices?: DeviceSummary[];
  /** A pull stopped because it would remove many papers: waiting for the user's answer. */
  removals?: { deviceId: string; deviceName: string; head: number; ids: PaperId[]; library: number };
}

export function freshRemoteState(target: string): RemoteState {
  return { key: REMOTE_KEY, target, head: 0, logs: [], cursors: {} };
}

export async function loadRemoteState(db: ShelfmarkDB, target: string): Promise<RemoteState> {
  const row = (await db.syncState.get(REMOTE_KEY)) as RemoteState | undefined;
  return row?.target === target ? row : freshRemoteState(target);
}

export async function loadStatus(db: ShelfmarkDB): Promise<SyncStatus> {
  return ((await db.syncState.get(STATUS_KEY)) as SyncStatus | undefined) ?? { key: STATUS_KEY };
}

export async function updateStatus(db: ShelfmarkDB, change: Partial<Omit<SyncStatus, 'key'>>): Promise<SyncStatus> {
  return db.transaction('rw', db.syncState, async () => {
    const status = { ...(await loadStatus(db)), ...change };
    for (const [field, value] of Object.entries(change)) if (value === undefined) delete (status as Record<string, unknown>)[field];
    await db.syncState.put(status);
    return status;
  });
}

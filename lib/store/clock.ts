import type { ShelfmarkDB, Stamp, SyncStateRow } from './db';

/**
 * The hybrid logical clock that stamps local changes. A change is stamped `max(now, newest + 1)`,
 * where `newest` is the latest time this device has made or seen (sync raises it when it applies
 * remote changes): an edit made after seeing a change therefore wins over it, even on a device whose
 * clock is behind. Times stay milliseconds since 1970, readable as dates.
 */

export const CLOCK_KEY = 'clock';

export interface ClockRow extends SyncStateRow {
  key: typeof CLOCK_KEY;
  /** This device's id: names its folder in the sync folder and breaks ties between equal times. */
  deviceId: string;
  /** The latest clock time made or seen here. */
  newest: number;
}

/** The time for a change made at wall time `now` when the newest time seen is `newest`. */
export function nextTime(now: number, newest: number): number {
  return Math.max(Math.floor(now), newest + 1);
}

/** A new device id: 16 random base-32 letters and digits (safe in a folder name). */
export function newDeviceId(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => alphabet[byte & 31]).join('');
}

let offsetForTests = 0;

/** The wall clock. The test build moves it (test/e2e/sync.test.ts: a device whose clock is behind). */
export function wallClock(): number {
  return Date.now() + offsetForTests;
}

export function setClockOffsetForTests(ms: number): void {
  offsetForTests = ms;
}

/** The clock row, made on first use. Call inside a transaction that includes `syncState`. */
export async function readClock(db: ShelfmarkDB): Promise<ClockRow> {
  const row = (await db.syncState.get(CLOCK_KEY)) as ClockRow | undefined;
  if (row) return row;
  const fresh: ClockRow = { key: CLOCK_KEY, deviceId: newDeviceId(), newest: 0 };
  await db.syncState.put(fresh);
  return fresh;
}

/**
 * Stamps a local change made at wall time `now`, later than every time in `beat` too (the times of
 * what it replaces), and moves the clock on. Call inside a transaction that includes `syncState`.
 */
export async function stampLocalChange(db: ShelfmarkDB, now: number, beat: readonly (number | undefined)[] = []): Promise<Stamp> {
  const clock = await readClock(db);
  const floor = Math.max(clock.newest, ...beat.map((at) => at ?? -1));
  const at = nextTime(now, floor);
  await db.syncState.put({ ...clock, newest: at });
  return { at, by: clock.deviceId };
}

/** Records that times up to `newest` were seen (applied from elsewhere). Inside a transaction with `syncState`. */
export async function observeTime(db: ShelfmarkDB, newest: number): Promise<void> {
  const clock = await readClock(db);
  if (newest > clock.newest) await db.syncState.put({ ...clock, newest });
}

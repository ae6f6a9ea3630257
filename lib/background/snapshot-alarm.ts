import type { ShelfmarkDB } from '../store/db';
import { takeWeeklySnapshotIfDue, type SnapshotsDB } from '../store/snapshots';

/** The alarm that keeps the weekly snapshot (lib/store/snapshots.ts). */
export const SNAPSHOT_ALARM = 'shelfmark-weekly-snapshot';

/**
 * Daily, not weekly: Chrome may drop alarms when the browser restarts and fires a missed one only
 * once, so the alarm only asks, and the snapshot is taken when the newest weekly one is a week old.
 */
const CHECK_EVERY_MINUTES = 24 * 60;

/** Listens for the alarm (synchronously, so the event that wakes the worker is heard) and makes sure it is set. */
export function keepWeeklySnapshots(db: ShelfmarkDB, snapshots: SnapshotsDB): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== SNAPSHOT_ALARM) return;
    takeWeeklySnapshotIfDue(db, snapshots).catch((error: unknown) => console.error('[Shelfmark] weekly snapshot failed', error));
  });
  void browser.alarms
    .get(SNAPSHOT_ALARM)
    .then(async (alarm) => {
      if (!alarm) await browser.alarms.create(SNAPSHOT_ALARM, { delayInMinutes: 1, periodInMinutes: CHECK_EVERY_MINUTES });
    })
    .catch((error: unknown) => console.error('[Shelfmark] could not set the snapshot alarm', error));
}

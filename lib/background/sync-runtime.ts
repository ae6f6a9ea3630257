import type { ShelfmarkDB } from '../store/db';
import type { PaperId } from '../paper';
import { syncOnce, type SyncHooks } from '../sync/engine';
import { describeSyncError } from '../sync/errors';
import { checkFolderUrl, loadSyncSettings, originPattern, SYNC_SETTINGS_KEY } from '../sync/settings';
import { loadStatus, updateStatus, type SyncStatus } from '../sync/state';
import { WebDavClient } from '../sync/webdav';
import { t } from '../i18n';

/**
 * When sync runs, in the background only: every minute (an alarm, which also wakes a stopped service
 * worker), a few seconds after a local edit, when the popup opens, and when the user asks. One cycle
 * at a time; a request during a cycle runs one more after it. After failures the alarm waits longer
 * each time (1, 2, 4 … 30 minutes); the user's "Sync now" does not wait. While sync is off nothing
 * runs and nothing is sent.
 */

export type SyncReason = 'alarm' | 'edit' | 'popup' | 'now' | 'settings';

export interface SyncRuntime {
  /** A local change was made: sync a few seconds later. */
  edited(): void;
  /** Runs a cycle (unless sync is off, or `popup` asked very recently) and answers the status after it. */
  run(reason: SyncReason): Promise<SyncStatus>;
}

export interface SyncRuntimeOptions {
  /** Tells open tabs and the badge what a pull changed. */
  onChanged(ids: PaperId[]): Promise<void>;
  /** The test build's pause points (lib/background/test-hooks.ts). */
  hooks?: SyncHooks;
  /** The period between cycles; the test build shortens it. */
  periodMs?: () => Promise<number>;
}

export const SYNC_ALARM = 'shelfmark-sync';
const AFTER_EDIT_MS = 3_000;
const PERIOD_MS = 60_000;
/** The popup opening syncs at most this often. */
const POPUP_MIN_GAP_MS = 10_000;
const MAX_BACKOFF_MS = 30 * 60_000;

export function startSyncRuntime(db: ShelfmarkDB, options: SyncRuntimeOptions): SyncRuntime {
  let running: Promise<void> | undefined;
  let again = false;
  let editTimer: ReturnType<typeof setTimeout> | undefined;
  let periodTimer: ReturnType<typeof setInterval> | undefined;

  async function cycle(reason: SyncReason): Promise<void> {
    const settings = await loadSyncSettings();
    if (!settings.enabled) return;
    const status = await loadStatus(db);
    const last = status.lastAttemptAt ?? 0;
    if (reason === 'popup' && Date.now() - last < POPUP_MIN_GAP_MS) return;
    if ((reason === 'alarm' || reason === 'edit') && status.failures && Date.now() - last < backoff(status.failures)) return;

    const url = checkFolderUrl(settings.url);
    if (!url.ok) {
      await updateStatus(db, { error: url.error, lastAttemptAt: Date.now() });
      return;
    }
    const allowed = await browser.permissions.contains({ origins: [originPattern(url.url)] });
    if (!allowed) {
      await updateStatus(db, { error: t('syncNotAllowed', url.url.hostname), lastAttemptAt: Date.now() });
      return;
    }
    const dav = new WebDavClient({ url: url.url.href, username: settings.username, password: settings.password });
    try {
      const result = await syncOnce(db, dav, { deviceName: settings.deviceName, hooks: options.hooks });
      if (result.changed.length > 0) await options.onChanged(result.changed);
    } catch (error) {
      console.warn('[Shelfmark] sync failed', error);
      await updateStatus(db, { error: describeSyncError(error), failures: (status.failures ?? 0) + 1, lastAttemptAt: Date.now() });
    }
  }

  function run(reason: SyncReason): Promise<SyncStatus> {
    if (running) {
      again = true;
      return running.then(() => loadStatus(db));
    }
    running = (async () => {
      do {
        again = false;
        await cycle(reason);
      } while (again);
    })().finally(() => (running = undefined));
    return running.then(() => loadStatus(db));
  }

  /** The alarm (and, in the test build, a shorter timer) while sync is on; none while it is off. */
  async function schedule(): Promise<void> {
    const { enabled } = await loadSyncSettings();
    clearInterval(periodTimer);
    periodTimer = undefined;
    if (!enabled) {
      await browser.alarms.clear(SYNC_ALARM);
      return;
    }
    const existing = await browser.alarms.get(SYNC_ALARM);
    if (!existing) await browser.alarms.create(SYNC_ALARM, { periodInMinutes: PERIOD_MS / 60_000 });
    const period = (await options.periodMs?.()) ?? PERIOD_MS;
    if (period < PERIOD_MS) periodTimer = setInterval(() => void run('alarm'), period);
  }

  // Registered synchronously: an alarm that wakes the service worker must find its listener.
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) void run('alarm');
  });
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && SYNC_SETTINGS_KEY in changes) void schedule().then(() => run('settings'));
  });
  void schedule();

  return {
    edited() {
      clearTimeout(editTimer);
      editTimer = setTimeout(() => void run('edit'), AFTER_EDIT_MS);
    },
    run,
  };
}

function backoff(failures: number): number {
  return Math.min(MAX_BACKOFF_MS, PERIOD_MS * 2 ** Math.max(0, failures - 1));
}

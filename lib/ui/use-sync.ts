import { useEffect, useState } from 'preact/hooks';
import type { ShelfmarkDB } from '../store/db';
import { loadSyncSettings, SYNC_SETTINGS_KEY, parseSyncSettings, type SyncSettings } from '../sync/settings';
import { STATUS_KEY, type SyncStatus } from '../sync/state';
import { useLiveQuery } from './use-live-query';

/** The sync settings, kept current when they change in any context. Undefined until read. */
export function useSyncSettings(): SyncSettings | undefined {
  const [settings, setSettings] = useState<SyncSettings | undefined>(undefined);
  useEffect(() => {
    void loadSyncSettings().then(setSettings);
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local' && SYNC_SETTINGS_KEY in changes) setSettings(parseSyncSettings(changes[SYNC_SETTINGS_KEY]!.newValue));
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);
  return settings;
}

/** Sync's status as the background last wrote it (live). */
export function useSyncStatus(db: ShelfmarkDB): SyncStatus | undefined {
  return useLiveQuery(async () => ((await db.syncState.get(STATUS_KEY)) as SyncStatus | undefined) ?? { key: STATUS_KEY }, [db]);
}

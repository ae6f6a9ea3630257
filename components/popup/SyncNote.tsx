import { useEffect } from 'preact/hooks';
import type { ShelfmarkDB } from '@/lib/store/db';
import { sendRequest } from '@/lib/messaging';
import { timeAgo } from '@/lib/ui/time-ago';
import { useSyncSettings, useSyncStatus } from '@/lib/ui/use-sync';
import { t } from '@/lib/i18n';

/**
 * When the library last synced (only while sync is on). Opening the popup asks the background to
 * sync: the library is fresh when the user looks at it.
 */
export function SyncNote({ db }: { db: ShelfmarkDB }) {
  const settings = useSyncSettings();
  const status = useSyncStatus(db);
  const enabled = settings?.enabled === true;
  useEffect(() => {
    if (enabled) void sendRequest({ type: 'sync', reason: 'popup' }).catch(() => undefined);
  }, [enabled]);
  if (!enabled) return null;
  return (
    <p class={status?.error ? 'sync-note error' : 'sync-note'}>
      {status?.error ? t('popupSyncFailed') : status?.lastSyncAt ? t('popupSynced', timeAgo(status.lastSyncAt)) : t('popupSyncing')}
    </p>
  );
}

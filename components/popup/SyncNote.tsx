import { useEffect } from 'preact/hooks';
import type { ShelfmarkDB } from '@/lib/store/db';
import { sendRequest } from '@/lib/messaging';
import { timeAgo } from '@/lib/ui/time-ago';
import { useLiveQuery } from '@/lib/ui/use-live-query';
import { useSyncSettings, useSyncStatus } from '@/lib/ui/use-sync';

/**
 * When the library last synced (only while sync is on), and notes kept from conflicts. Opening the
 * popup asks the background to sync: the library is fresh when the user looks at it.
 */
export function SyncNote({ db }: { db: ShelfmarkDB }) {
  const settings = useSyncSettings();
  const status = useSyncStatus(db);
  const kept = useLiveQuery(() => db.conflicts.count(), [db]);
  const enabled = settings?.enabled === true;
  useEffect(() => {
    if (enabled) void sendRequest({ type: 'sync', reason: 'popup' }).catch(() => undefined);
  }, [enabled]);
  if (!enabled && !kept) return null;
  return (
    <p class={status?.error && enabled ? 'sync-note error' : 'sync-note'}>
      {enabled && (status?.error ? 'Sync failed: see Library.' : status?.lastSyncAt ? `Synced ${timeAgo(status.lastSyncAt)}.` : 'Syncing…')}
      {kept ? ` ${kept === 1 ? 'One note was' : `${kept} notes were`} replaced by another device and kept: see Library.` : ''}
    </p>
  );
}

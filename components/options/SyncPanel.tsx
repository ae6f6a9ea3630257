import type { ShelfmarkDB } from '@/lib/store/db';
import { useSyncSettings, useSyncStatus } from '@/lib/ui/use-sync';
import { SyncRemovalsPrompt } from './SyncRemovalsPrompt';
import { SyncSetupForm } from './SyncSetupForm';
import { SyncStatusView } from './SyncStatusView';
import { t } from '@/lib/i18n';

/** Sync through the user's own WebDAV folder: set it up, or see how it goes. Off until turned on. */
export function SyncPanel({ db }: { db: ShelfmarkDB }) {
  const settings = useSyncSettings();
  const status = useSyncStatus(db);
  return (
    <section class="options-sync" aria-labelledby="sync-title">
      <h2 id="sync-title">{t('syncTitle')}</h2>
      {!settings ? null : settings.enabled ? (
        <>
          {status?.removals && <SyncRemovalsPrompt db={db} settings={settings} removals={status.removals} />}
          <SyncStatusView status={status} settings={settings} />
        </>
      ) : (
        <SyncSetupForm settings={settings} />
      )}
    </section>
  );
}

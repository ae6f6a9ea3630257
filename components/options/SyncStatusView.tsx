import { useEffect, useState } from 'preact/hooks';
import { sendRequest } from '@/lib/messaging';
import { saveSyncSettings, type SyncSettings } from '@/lib/sync/settings';
import type { SyncStatus } from '@/lib/sync/state';
import { timeAgo } from '@/lib/ui/time-ago';
import { SyncDeviceList } from './SyncDeviceList';
import { t } from '@/lib/i18n';

/** Sync is on: where to, when it last synced, the devices, the last error in plain words; sync now, turn off. */
export function SyncStatusView({ status, settings }: { status: SyncStatus | undefined; settings: SyncSettings }) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  const [, tick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => tick((n) => n + 1), 30_000); // "2 minutes ago" stays true
    return () => clearInterval(timer);
  }, []);

  async function syncNow() {
    setBusy(true);
    setMessage('');
    try {
      const result = await sendRequest({ type: 'sync', reason: 'now' });
      setMessage(result.error ? '' : t('syncSynced'));
    } catch (error) {
      setMessage(t('syncCouldNot', error instanceof Error ? error.message : String(error)));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="sync-status">
      <p class="sync-target">
        {t('syncTargetTo')} <span class="sync-url">{settings.url}</span> {t('syncTargetAs', settings.username)}
      </p>
      <p aria-live="polite">
        {status?.lastSyncAt ? t('syncLast', timeAgo(status.lastSyncAt)) : t('syncNotYet')} {message}
      </p>
      {status?.error && (
        <p class="sync-error" role="alert">
          {status.error}
        </p>
      )}
      {status?.devices && <SyncDeviceList devices={status.devices} />}
      <div class="sync-buttons">
        <button type="button" class="primary" onClick={() => void syncNow()} aria-disabled={busy} disabled={busy}>
          {busy ? t('popupSyncing') : t('syncNow')}
        </button>
        <button type="button" onClick={() => void saveSyncSettings({ ...settings, enabled: false, password: '' })}>
          {t('syncTurnOff')}
        </button>
      </div>
      <p class="hint">{t('syncTurnOffHint')}</p>
    </div>
  );
}

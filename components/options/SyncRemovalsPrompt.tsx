import { useState } from 'preact/hooks';
import type { ShelfmarkDB } from '@/lib/store/db';
import { notifyChanged } from '@/lib/ui/extension-actions';
import { sendRequest } from '@/lib/messaging';
import { allowRemovals, keepPapers } from '@/lib/sync/engine';
import type { SyncSettings } from '@/lib/sync/settings';
import type { SyncStatus } from '@/lib/sync/state';
import { targetKey } from '@/lib/sync/webdav';
import { t } from '@/lib/i18n';

/**
 * A pull stopped because another device removed many papers: the user says whether to remove
 * them here too, or keep them (which brings them back on the other devices as well).
 */
export function SyncRemovalsPrompt({ db, settings, removals }: { db: ShelfmarkDB; settings: SyncSettings; removals: NonNullable<SyncStatus['removals']> }) {
  const [busy, setBusy] = useState(false);
  const count = removals.ids.length;

  async function answer(remove: boolean) {
    setBusy(true);
    try {
      if (remove) {
        await allowRemovals(db, targetKey(settings), removals.deviceId, removals.head);
      } else {
        await keepPapers(db, removals.ids);
        await notifyChanged(removals.ids.slice(0, 10_000));
      }
      await sendRequest({ type: 'sync', reason: 'now' });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="sync-removals" role="alertdialog" aria-labelledby="sync-removals-text">
      <p id="sync-removals-text">
        {t('syncRemovals', removals.deviceName, count, removals.library)}
      </p>
      <div class="sync-buttons">
        <button type="button" class="danger" disabled={busy} onClick={() => void answer(true)}>
          {t('syncRemoveToo')}
        </button>
        <button type="button" class="primary" disabled={busy} onClick={() => void answer(false)}>
          {t('syncKeepEverywhere')}
        </button>
      </div>
    </div>
  );
}

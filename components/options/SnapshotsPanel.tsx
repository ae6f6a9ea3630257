import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ShelfmarkDB } from '@/lib/store/db';
import { plainError } from '@/lib/errors';
import { restoreSnapshot, RestoreError } from '@/lib/store/restore';
import { listSnapshots, type SnapshotInfo, type SnapshotKind, type SnapshotsDB } from '@/lib/store/snapshots';
import { notifyChangedInBatches } from '@/lib/ui/extension-actions';
import { useLiveQuery } from '@/lib/ui/use-live-query';
import { requestPersistentStorage, type StorageStatus } from '@/lib/ui/storage';
import { formatDateTime, formatMegabytes, plural, t, type MessageKey } from '@/lib/i18n';

const KIND_LABELS: Record<SnapshotKind, MessageKey> = {
  weekly: 'snapshotWeekly',
  upgrade: 'snapshotBeforeUpgrade',
  restore: 'snapshotBeforeRestore',
};

type Status = { kind: 'idle' } | { kind: 'restoring'; id: string } | { kind: 'done'; text: string } | { kind: 'error'; text: string };

const papers = (n: number) => plural('papers', n);
const when = formatDateTime;

/**
 * The automatic snapshots (lib/store/snapshots.ts), newest first, each restorable after a
 * confirmation; and whether the browser keeps Shelfmark's storage. Restoring replaces the library
 * and keeps the library as it was as a snapshot first, so a restore can itself be undone.
 */
export function SnapshotsPanel({ db, snapshots, paperCount }: { db: ShelfmarkDB; snapshots: SnapshotsDB; paperCount: number | undefined }) {
  const list = useLiveQuery(() => listSnapshots(snapshots), [snapshots]);
  const [confirming, setConfirming] = useState<SnapshotInfo | null>(null);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [storage, setStorage] = useState<StorageStatus | undefined>(undefined);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const restoreButtons = useRef(new Map<string, HTMLButtonElement>());

  useEffect(() => {
    void requestPersistentStorage().then(setStorage);
  }, []);
  // A layout effect, run as soon as the confirmation is drawn: a pending effect could otherwise take
  // the focus to Cancel after Escape has already closed it (and the focus would fall to the page).
  useLayoutEffect(() => {
    if (confirming) cancelButton.current?.focus(); // the safe choice first
  }, [confirming]);

  const closeConfirm = (info: SnapshotInfo) => {
    setConfirming(null);
    restoreButtons.current.get(info.id)?.focus();
  };

  async function restore(info: SnapshotInfo) {
    setConfirming(null);
    setStatus({ kind: 'restoring', id: info.id });
    try {
      const result = await restoreSnapshot(db, snapshots, info.id);
      const sentences = [t('snapshotRestored', when(info.takenAt), papers(result.restored))];
      if (result.rejected) sentences.push(plural('snapshotRejected', result.rejected));
      if (result.keptBefore) sentences.push(t('snapshotKeptAs', t(KIND_LABELS.restore), when(result.keptBefore.takenAt)));
      setStatus({ kind: 'done', text: sentences.join(t('sentenceSeparator')) });
      void notifyChangedInBatches(result.changed);
    } catch (error) {
      console.error('[Shelfmark] restore failed', error);
      const text = error instanceof RestoreError ? error.message : plainError(error, 'errorNotRestored').error;
      setStatus({ kind: 'error', text });
    }
  }

  return (
    <section class="snapshots-panel" aria-labelledby="snapshots-title">
      <h2 id="snapshots-title">{t('snapshotsTitle')}</h2>
      <p class="hint">{t('snapshotsHint')}</p>
      {storage && <p class="hint storage-status">{storageText(storage)}</p>}
      {list === undefined ? (
        <p class="hint">{t('loading')}</p>
      ) : list.length === 0 ? (
        <p class="hint snapshots-empty">{t('snapshotsEmpty')}</p>
      ) : (
        <ul class="snapshot-list" aria-label={t('snapshotsList')}>
          {list.map((info) => (
            <li key={info.id} class="snapshot-row">
              <div class="snapshot-what">
                <span class="snapshot-date">{when(info.takenAt)}</span>
                <span class="snapshot-meta">
                  {t(KIND_LABELS[info.kind])} · {papers(info.paperCount)}
                </span>
              </div>
              <button
                type="button"
                ref={(button) => {
                  if (button) restoreButtons.current.set(info.id, button);
                  else restoreButtons.current.delete(info.id);
                }}
                aria-label={t('snapshotRestoreLabel', when(info.takenAt), t(KIND_LABELS[info.kind]), papers(info.paperCount))}
                disabled={status.kind === 'restoring'}
                onClick={() => setConfirming(info)}
              >
                {status.kind === 'restoring' && status.id === info.id ? t('snapshotRestoring') : t('snapshotRestore')}
              </button>
              {confirming?.id === info.id && (
                <div
                  class="snapshot-confirm"
                  role="group"
                  aria-labelledby={`confirm-${info.id}`}
                  onKeyDown={(event) => {
                    if (event.key === 'Escape') closeConfirm(info);
                  }}
                >
                  <p id={`confirm-${info.id}`}>
                    {paperCount === undefined
                      ? t('snapshotConfirm', when(info.takenAt), papers(info.paperCount))
                      : t('snapshotConfirmNow', when(info.takenAt), papers(info.paperCount), papers(paperCount))}
                  </p>
                  <div class="snapshot-confirm-buttons">
                    <button type="button" class="primary" onClick={() => void restore(info)}>
                      {t('snapshotReplace')}
                    </button>
                    <button type="button" ref={cancelButton} onClick={() => closeConfirm(info)}>
                      {t('cancel')}
                    </button>
                  </div>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {status.kind === 'done' && (
        <p class="snapshot-done" role="status">
          {status.text}
        </p>
      )}
      {status.kind === 'error' && (
        <p class="snapshot-error" role="alert">
          {status.text}
        </p>
      )}
    </section>
  );
}

function storageText({ persisted, usage }: StorageStatus): string {
  const sentences = [t(persisted ? 'storagePersistent' : 'storageNotPersistent')];
  if (usage !== undefined) sentences.push(t('storageUsed', formatMegabytes(usage)));
  sentences.push(t('storageBackupHint'));
  return sentences.join(t('sentenceSeparator'));
}

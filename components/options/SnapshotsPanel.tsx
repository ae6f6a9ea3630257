import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ShelfmarkDB } from '@/lib/store/db';
import { plainError } from '@/lib/errors';
import { restoreSnapshot, RestoreError } from '@/lib/store/restore';
import { listSnapshots, type SnapshotInfo, type SnapshotKind, type SnapshotsDB } from '@/lib/store/snapshots';
import { notifyChangedInBatches } from '@/lib/ui/extension-actions';
import { useLiveQuery } from '@/lib/ui/use-live-query';
import { requestPersistentStorage, type StorageStatus } from '@/lib/ui/storage';

const KIND_LABELS: Record<SnapshotKind, string> = {
  weekly: 'Weekly',
  upgrade: 'Before an upgrade',
  restore: 'Before a restore',
};

type Status = { kind: 'idle' } | { kind: 'restoring'; id: string } | { kind: 'done'; text: string } | { kind: 'error'; text: string };

const plural = (n: number, word: string) => `${n.toLocaleString()} ${word}${n === 1 ? '' : 's'}`;
const when = (time: number) => new Date(time).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

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
      const kept = result.keptBefore ? ` Your library as it was is kept as “${KIND_LABELS.restore}”, ${when(result.keptBefore.takenAt)}.` : '';
      const rejected = result.rejected ? ` ${plural(result.rejected, 'paper')} of it could not be read and were left out.` : '';
      setStatus({ kind: 'done', text: `Restored the snapshot of ${when(info.takenAt)}: ${plural(result.restored, 'paper')}.${rejected}${kept}` });
      void notifyChangedInBatches(result.changed);
    } catch (error) {
      console.error('[Shelfmark] restore failed', error);
      const text = error instanceof RestoreError ? error.message : plainError(error, 'errorNotRestored').error;
      setStatus({ kind: 'error', text });
    }
  }

  return (
    <section class="snapshots-panel" aria-labelledby="snapshots-title">
      <h2 id="snapshots-title">Snapshots</h2>
      <p class="hint">
        Shelfmark keeps copies of your library on this device: every week (the last four), before each upgrade of its
        storage, and before a restore.
      </p>
      {storage && <p class="hint storage-status">{storageText(storage)}</p>}
      {list === undefined ? (
        <p class="hint">Loading…</p>
      ) : list.length === 0 ? (
        <p class="hint snapshots-empty">No snapshots yet: the first weekly one is taken soon after the library has papers.</p>
      ) : (
        <ul class="snapshot-list" aria-label="Snapshots, newest first">
          {list.map((info) => (
            <li key={info.id} class="snapshot-row">
              <div class="snapshot-what">
                <span class="snapshot-date">{when(info.takenAt)}</span>
                <span class="snapshot-meta">
                  {KIND_LABELS[info.kind]} · {plural(info.paperCount, 'paper')}
                </span>
              </div>
              <button
                type="button"
                ref={(button) => {
                  if (button) restoreButtons.current.set(info.id, button);
                  else restoreButtons.current.delete(info.id);
                }}
                aria-label={`Restore the snapshot of ${when(info.takenAt)} (${KIND_LABELS[info.kind]}, ${plural(info.paperCount, 'paper')})`}
                disabled={status.kind === 'restoring'}
                onClick={() => setConfirming(info)}
              >
                {status.kind === 'restoring' && status.id === info.id ? 'Restoring…' : 'Restore…'}
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
                    Replace your library{paperCount === undefined ? '' : ` (${plural(paperCount, 'paper')} now)`} with this
                    snapshot of {when(info.takenAt)} ({plural(info.paperCount, 'paper')})? Your library as it is now is
                    kept as a snapshot first, so you can go back.
                  </p>
                  <div class="snapshot-confirm-buttons">
                    <button type="button" class="primary" onClick={() => void restore(info)}>
                      Replace my library
                    </button>
                    <button type="button" ref={cancelButton} onClick={() => closeConfirm(info)}>
                      Cancel
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
  const used = usage === undefined ? '' : ` ${(usage / (1024 * 1024)).toFixed(1)} MB used.`;
  const state = persisted
    ? 'Storage: persistent, never cleared by the browser to free disk space.'
    : 'Storage: unlimited for Shelfmark, not marked persistent by the browser.';
  return `${state}${used} Snapshots undo mistakes, they do not survive this device: a JSON backup (Export) keeps a copy elsewhere.`;
}

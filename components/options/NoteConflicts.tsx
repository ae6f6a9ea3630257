import type { KeptNote, Stamp } from '@/lib/store/db';
import { timeAgo } from '@/lib/ui/time-ago';
import { t } from '@/lib/i18n';

/**
 * Notes of this paper that a newer note replaced without its writer seeing them (from another
 * device, during sync; or on another record of the same paper, before a card showed they were one):
 * kept here, under the paper, until the user copies what they need and dismisses them.
 */
export function NoteConflicts({ notes, onCopy, onDismiss }: { notes: readonly KeptNote[]; onCopy(text: string): void; onDismiss(written: Stamp): void }) {
  return (
    <ul class="note-conflicts" aria-label={t('conflictsLabel')}>
      {notes.map((conflict) => (
        <li key={`${conflict.written.at} ${conflict.written.by}`} class="note-conflict">
          <p class="note-conflict-why">
            {t('conflictWhy', timeAgo(conflict.written.at))}
          </p>
          <p class="library-note">{conflict.text}</p>
          <div class="sync-buttons">
            <button type="button" onClick={() => onCopy(conflict.text)}>
              {t('conflictCopy')}
            </button>
            <button type="button" onClick={() => onDismiss(conflict.written)}>
              {t('conflictDismiss')}
            </button>
          </div>
        </li>
      ))}
    </ul>
  );
}

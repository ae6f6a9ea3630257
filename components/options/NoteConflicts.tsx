import type { NoteConflict } from '@/lib/store/db';
import { timeAgo } from '@/lib/ui/time-ago';

/**
 * Notes of this paper that a newer note from another device replaced during sync: kept here, under
 * the paper, until the user copies what they need and dismisses them.
 */
export function NoteConflicts({ conflicts, onCopy, onDismiss }: { conflicts: readonly NoteConflict[]; onCopy(text: string): void; onDismiss(n: number): void }) {
  return (
    <ul class="note-conflicts" aria-label="Notes replaced by another device">
      {conflicts.map((conflict) => (
        <li key={conflict.n} class="note-conflict">
          <p class="note-conflict-why">
            Your note from {timeAgo(conflict.written.at)} was replaced by a newer note from another device. It is kept here:
          </p>
          <p class="library-note">{conflict.text}</p>
          <div class="sync-buttons">
            <button type="button" onClick={() => onCopy(conflict.text)}>
              Copy it
            </button>
            <button type="button" onClick={() => onDismiss(conflict.n!)}>
              Dismiss
            </button>
          </div>
        </li>
      ))}
    </ul>
  );
}

import type { KeptNote, Stamp } from '@/lib/store/db';
import { timeAgo } from '@/lib/ui/time-ago';

/**
 * Notes of this paper that a newer note replaced without its writer seeing them (from another
 * device, during sync; or on another record of the same paper, before a card showed they were one):
 * kept here, under the paper, until the user copies what they need and dismisses them.
 */
export function NoteConflicts({ notes, onCopy, onDismiss }: { notes: readonly KeptNote[]; onCopy(text: string): void; onDismiss(written: Stamp): void }) {
  return (
    <ul class="note-conflicts" aria-label="Notes replaced by a newer note">
      {notes.map((conflict) => (
        <li key={`${conflict.written.at} ${conflict.written.by}`} class="note-conflict">
          <p class="note-conflict-why">
            A note from {timeAgo(conflict.written.at)} was replaced by a newer note written without seeing it. It is kept here:
          </p>
          <p class="library-note">{conflict.text}</p>
          <div class="sync-buttons">
            <button type="button" onClick={() => onCopy(conflict.text)}>
              Copy it
            </button>
            <button type="button" onClick={() => onDismiss(conflict.written)}>
              Dismiss
            </button>
          </div>
        </li>
      ))}
    </ul>
  );
}

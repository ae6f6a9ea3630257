import { useId } from 'preact/hooks';
import type { PaperRecord, Stamp } from '@/lib/store/db';
import { bibtexEntry } from '@/lib/export/bibtex';
import { markdownLink, paperUrl } from '@/lib/export/link';
import { formatAuthors, idLabel } from '@/lib/paper';
import { NoteConflicts } from './NoteConflicts';
import { t, type MessageKey } from '@/lib/i18n';

export interface LibraryRowProps {
  paper: PaperRecord;
  /** The paper's key in an export of the whole library, so a copied entry matches the exported file. */
  citationKey(): Promise<string | undefined>;
  /** Puts text on the clipboard and says so. */
  /** Copies `text`; `copied` is the message that says what was copied. */
  onCopy(text: string | Promise<string>, copied: MessageKey): void;
  /** Dismisses a note kept from a sync conflict. */
  onDismissKept(written: Stamp): void;
}

const AUTHORS_SHOWN = 6;

/** One paper of the options page's library: what it is, its state, its note, and copy actions. */
export function LibraryRow({ paper, citationKey, onCopy, onDismissKept }: LibraryRowProps) {
  const kept = paper.keptNotes?.filter((note) => !note.dismissed);
  const titleId = useId();
  const url = paperUrl(paper);
  const authors = formatAuthors(paper.authors, AUTHORS_SHOWN);
  return (
    <li class="library-row" data-paper-id={paper.id}>
      <div class="library-row-main">
        <a id={titleId} class="library-title" href={url} target="_blank" rel="noreferrer">
          {paper.title}
        </a>
        <div class="library-meta">
          {authors && <span>{authors}</span>}
          <span>{idLabel(paper.id)}</span>
          {paper.venue && <span>{paper.venue}</span>}
          {paper.date && <span>{paper.date}</span>}
        </div>
        <ul class="library-state" aria-label={t('libraryState')}>
          {paper.starredAt !== undefined && <li class="badge starred">{t('viewStarred')}</li>}
          {paper.readAt !== undefined && <li class="badge read">{t('viewRead')}</li>}
          {paper.queuePos !== undefined && <li class="badge queued">{t('libraryInQueue')}</li>}
        </ul>
        {paper.note.trim() !== '' && <p class="library-note">{paper.note}</p>}
        {kept && kept.length > 0 && <NoteConflicts notes={kept} onCopy={(text) => onCopy(text, 'libraryCopiedKeptNote')} onDismiss={onDismissKept} />}
      </div>
      {/* Every row has the same buttons: the description says which paper each one copies. */}
      <div class="library-actions">
        <button type="button" aria-describedby={titleId} onClick={() => onCopy(citationKey().then((key) => bibtexEntry(paper, key)), 'libraryCopiedBibtex')}>
          {t('libraryCopyBibtex')}
        </button>
        <button type="button" aria-describedby={titleId} onClick={() => onCopy(markdownLink(paper), 'libraryCopiedLink')}>
          {t('rowCopyLink')}
        </button>
      </div>
    </li>
  );
}

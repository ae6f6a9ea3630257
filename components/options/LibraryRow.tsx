import { useId } from 'preact/hooks';
import type { PaperRecord, Stamp } from '@/lib/store/db';
import { bibtexEntry } from '@/lib/export/bibtex';
import { markdownLink, paperUrl } from '@/lib/export/link';
import { formatAuthors, idLabel } from '@/lib/paper';
import { NoteConflicts } from './NoteConflicts';
import { t, type MessageKey } from '@/lib/i18n';
import { tagNames } from '@/lib/tags';
import type { TagCount } from '@/lib/store/tags';
import { TagChips } from '../shared/TagChips';
import { TagEditor } from '../shared/TagEditor';

export interface LibraryRowProps {
  paper: PaperRecord;
  /** The paper's key in an export of the whole library, so a copied entry matches the exported file. */
  citationKey(): Promise<string | undefined>;
  /** Puts text on the clipboard and says so. */
  /** Copies `text`; `copied` is the message that says what was copied. */
  onCopy(text: string | Promise<string>, copied: MessageKey): void;
  /** Dismisses a note kept from a sync conflict. */
  onDismissKept(written: Stamp): void;
  /** Its place in the list, and whether it is selected. */
  index: number;
  selected: boolean;
  /** Selects or unselects it (with Shift: every row from the last one chosen). */
  onSelect(index: number, range: boolean): void;
  tagging: boolean;
  knownTags: readonly TagCount[] | undefined;
  onToggleTags(): void;
  onTag(names: readonly string[], value: boolean): void;
  onPickTag(name: string): void;
  onRemove(): void;
}

const AUTHORS_SHOWN = 6;

/** One paper of the options page's library: what it is, its state, its note, and copy actions. */
export function LibraryRow(props: LibraryRowProps) {
  const { paper, citationKey, onCopy, onDismissKept, index, selected, onSelect, tagging, knownTags, onToggleTags, onTag, onPickTag, onRemove } = props;
  const tags = tagNames(paper);
  const kept = paper.keptNotes?.filter((note) => !note.dismissed);
  const titleId = useId();
  const url = paperUrl(paper);
  const authors = formatAuthors(paper.authors, AUTHORS_SHOWN);
  return (
    <li class={selected ? 'library-row selected' : 'library-row'} data-paper-id={paper.id} data-index={index}>
      <input
        type="checkbox"
        class="library-select"
        checked={selected}
        aria-label={t('librarySelect', paper.title)}
        // Not prevented: the box shows what the click did, and the state agrees (a range is set as this box now is).
        onClick={(event) => onSelect(index, event.shiftKey)}
      />
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
        {tagging ? (
          <TagEditor
            subject={paper.title}
            current={tags}
            known={knownTags}
            onAdd={(names) => onTag(names, true)}
            onRemove={(name) => onTag([name], false)}
            onClose={onToggleTags}
          />
        ) : (
          <TagChips names={tags} onPick={onPickTag} of={paper.title} />
        )}
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
        <button type="button" aria-describedby={titleId} aria-expanded={tagging} onClick={onToggleTags}>
          {t('tags')}
        </button>
        <button type="button" class="danger" aria-describedby={titleId} onClick={onRemove}>
          {t('remove')}
        </button>
      </div>
    </li>
  );
}

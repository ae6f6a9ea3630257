import { useId } from 'preact/hooks';
import type { PaperRecord, Stamp } from '@/lib/store/db';
import { bibtexEntry } from '@/lib/export/bibtex';
import { markdownLink, paperUrl } from '@/lib/export/link';
import { formatAuthors, idLabel } from '@/lib/paper';
import { NoteConflicts } from './NoteConflicts';
import { tagNames } from '@/lib/tags';
import type { TagCount } from '@/lib/store/tags';
import { TagChips } from '../shared/TagChips';
import { TagEditor } from '../shared/TagEditor';

export interface LibraryRowProps {
  paper: PaperRecord;
  /** The paper's key in an export of the whole library, so a copied entry matches the exported file. */
  citationKey(): Promise<string | undefined>;
  /** Puts text on the clipboard and says so. */
  onCopy(text: string | Promise<string>, what: string): void;
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
        aria-label={`Select ${paper.title}`}
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
        <ul class="library-state" aria-label="State">
          {paper.starredAt !== undefined && <li class="badge starred">Starred</li>}
          {paper.readAt !== undefined && <li class="badge read">Read</li>}
          {paper.queuePos !== undefined && <li class="badge queued">In queue</li>}
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
        {kept && kept.length > 0 && <NoteConflicts notes={kept} onCopy={(text) => onCopy(text, 'kept note')} onDismiss={onDismissKept} />}
      </div>
      {/* Every row has the same buttons: the description says which paper each one copies. */}
      <div class="library-actions">
        <button type="button" aria-describedby={titleId} onClick={() => onCopy(citationKey().then((key) => bibtexEntry(paper, key)), 'BibTeX entry')}>
          Copy BibTeX
        </button>
        <button type="button" aria-describedby={titleId} onClick={() => onCopy(markdownLink(paper), 'Markdown link')}>
          Copy Markdown link
        </button>
        <button type="button" aria-describedby={titleId} aria-expanded={tagging} onClick={onToggleTags}>
          Tags
        </button>
        <button type="button" class="danger" aria-describedby={titleId} onClick={onRemove}>
          Remove
        </button>
      </div>
    </li>
  );
}

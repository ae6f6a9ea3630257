import type { PaperRecord } from '@/lib/store/db';
import { paperPageName, paperUrl } from '@/lib/export/link';
import { formatAuthors, paperLinks, type PaperLinks } from '@/lib/paper';
import { excerpt } from '@/lib/store/search';
import type { ViewName } from '@/lib/store/views';
import { Highlighted } from './Highlighted';
import { Icon } from '../shared/Icon';
import { NoteEditor } from './NoteEditor';
import { formatDate, t } from '@/lib/i18n';
import { memo } from '@/lib/ui/memo';
import { waitingFor } from '@/lib/ui/time-ago';
import { tagNames } from '@/lib/tags';
import type { TagCount } from '@/lib/store/tags';
import { TagChips } from '../shared/TagChips';
import { TagEditor } from '../shared/TagEditor';

/** First authors shown in a row: the popup is narrow. */
const AUTHORS_SHOWN = 3;

/** What a row's buttons (and the keyboard) ask for. */
export type RowCommand = 'read' | 'star' | 'queue' | 'top' | 'note' | 'tag' | 'copy' | 'remove';

interface PaperRowProps {
  paper: PaperRecord;
  view: ViewName;
  /** The search's tokens: matches are highlighted. */
  tokens: readonly string[];
  /** The first paper of the queue. */
  readNext: boolean;
  editingNote: boolean;
  /** The tag editor is open on this row, completing from `knownTags`. */
  tagging: boolean;
  knownTags: readonly TagCount[] | undefined;
  onCommand(command: RowCommand, paper: PaperRecord): void;
  onSaveNote(paper: PaperRecord, text: string): void;
  onCloseNote(paper: PaperRecord): void;
  onTag(paper: PaperRecord, names: readonly string[], value: boolean): void;
  onCloseTags(paper: PaperRecord): void;
  /** Lists the papers having a tag (a tag of the row clicked). */
  onPickTag(name: string): void;
}

/**
 * One paper: title (opens its own page), authors, where and when it was seen, note, actions.
 * Rendered again only when a prop changes (the popup passes the same callbacks every time): a key
 * typed re-renders the popup, and the rows that stay cost nothing.
 */
export const PaperRow = memo(function PaperRow(props: PaperRowProps) {
  const { paper, view, tokens, readNext, editingNote, tagging, knownTags, onCommand, onSaveNote, onCloseNote, onTag, onCloseTags, onPickTag } = props;
  const tags = tagNames(paper);
  const links = openLinks(paper);
  const page = paperPageName(paper.id);
  const queued = paper.queuePos !== undefined;
  const starred = paper.starredAt !== undefined;
  const read = paper.readAt !== undefined;
  const hasNote = paper.note.trim() !== '';
  const command = (name: RowCommand) => () => onCommand(name, paper);
  return (
    <article class="paper" aria-label={paper.title}>
      {view === 'queue' && (
        <span class="grip" draggable title={t('rowDragTitle')} aria-hidden="true">
          <Icon name="grip" />
        </span>
      )}
      <div class="paper-body">
        <a class="paper-title" href={paperUrl(paper)} target="_blank" rel="noreferrer">
          <Highlighted text={paper.title} tokens={tokens} />
        </a>
        {paper.authors.length > 0 ? (
          <div class="paper-authors">
            <Highlighted text={formatAuthors(paper.authors, AUTHORS_SHOWN)} tokens={tokens} />
          </div>
        ) : paper.organization ? (
          <div class="paper-authors">{paper.organization}</div>
        ) : null}
        <div class="paper-meta">
          {readNext && <span class="tag">{t('rowReadNext')}</span>}
          {paper.seen && <span class="seen">{seenText(paper.seen)}</span>}
          {read && view === 'read' && <span class="read-at">{t('rowReadOn', formatDate(paper.readAt!))}</span>}
          {queued && view === 'queue' && paper.queuedAt !== undefined && (
            <span class="waited" title={t('rowQueuedSince', formatDate(paper.queuedAt))}>
              {waitingFor(paper.queuedAt)}
            </span>
          )}
        </div>
        {tagging ? (
          <TagEditor
            subject={paper.title}
            current={tags}
            known={knownTags}
            onAdd={(names) => onTag(paper, names, true)}
            onRemove={(name) => onTag(paper, [name], false)}
            onClose={() => onCloseTags(paper)}
          />
        ) : (
          <TagChips names={tags} onPick={onPickTag} of={paper.title} />
        )}
        {editingNote ? (
          <NoteEditor
            note={paper.note}
            title={paper.title}
            onSave={(text) => onSaveNote(paper, text)}
            onClose={() => onCloseNote(paper)}
          />
        ) : (
          hasNote && (
            <p class={view === 'notes' ? 'paper-note full' : 'paper-note'}>
              <Highlighted text={view === 'notes' ? paper.note : excerpt(paper.note, tokens)} tokens={tokens} />
            </p>
          )
        )}
        <div class="paper-actions" role="group" aria-label={t('rowActions')}>
          <button type="button" class="action read" aria-label={t('controlMarkRead')} aria-pressed={read} title={read ? t('rowReadTitleOn') : t('rowReadTitleOff')} onClick={command('read')}>
            <Icon name="read" />
          </button>
          <button type="button" class="action star" aria-label={t('controlStar')} aria-pressed={starred} title={starred ? t('rowStarTitleOn') : t('rowStarTitleOff')} onClick={command('star')}>
            <Icon name="star" />
          </button>
          <button
            type="button"
            class="action queue"
            aria-label={queued ? t('rowRemoveFromQueue') : t('controlAddToQueue')}
            title={queued ? t('rowRemoveFromQueueTitle') : t('rowAddToQueueTitle')}
            onClick={command('queue')}
          >
            <Icon name={queued ? 'close' : 'queueAdd'} />
          </button>
          {view === 'queue' && !readNext && (
            <button type="button" class="action" aria-label={t('rowMoveToTop')} title={t('rowMoveToTopTitle')} onClick={command('top')}>
              <Icon name="top" />
            </button>
          )}
          <button
            type="button"
            class="action"
            aria-label={hasNote ? t('rowEditNote') : t('rowAddNote')}
            aria-expanded={editingNote}
            title={hasNote ? t('rowEditNoteTitle') : t('rowAddNoteTitle')}
            onClick={command('note')}
          >
            <Icon name="note" />
          </button>
          <button type="button" class="action" aria-label={t('tags')} aria-expanded={tagging} title={t('rowTagsTitle')} onClick={command('tag')}>
            <Icon name="tag" />
          </button>
          <button type="button" class="action" aria-label={t('rowCopyLink')} title={t('rowCopyLinkTitle')} onClick={command('copy')}>
            <Icon name="copy" />
          </button>
          <button type="button" class="action remove" aria-label={t('rowRemove')} title={t('rowRemoveTitle')} onClick={command('remove')}>
            <Icon name="trash" />
          </button>
          <span class="open-links">
            {links.abs && (
              <a href={links.abs} target="_blank" rel="noreferrer" aria-label={page.long} title={page.long}>
                {page.short}
              </a>
            )}
            {links.pdf && (
              <a href={links.pdf} target="_blank" rel="noreferrer" aria-label="PDF" title="PDF">
                PDF
              </a>
            )}
            {links.huggingface && (
              <a href={links.huggingface} target="_blank" rel="noreferrer" aria-label={t('rowHuggingFacePage')} title={t('rowHuggingFacePage')}>
                HF
              </a>
            )}
          </span>
        </div>
      </div>
    </article>
  );
});

/** The pages a paper can be opened at: what its cards linked to, else the standard ones of its id. */
export function openLinks(paper: Pick<PaperRecord, 'id' | 'links'>): PaperLinks {
  const standard = paperLinks(paper.id);
  return {
    abs: paper.links.abs ?? standard.abs,
    pdf: paper.links.pdf ?? standard.pdf,
    huggingface: paper.links.huggingface ?? standard.huggingface,
  };
}

function seenText(seen: NonNullable<PaperRecord['seen']>): string {
  let host: string = seen.site;
  try {
    host = new URL(seen.url).hostname.replace(/^www\./, '');
  } catch {
    // A stored URL that does not parse: the site name says enough.
  }
  return `${host} · ${formatDate(seen.at)}`;
}

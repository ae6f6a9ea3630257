import { useEffect, useState } from 'preact/hooks';
import type { ShelfmarkDB } from '@/lib/store/db';
import type { DeclaredPaper } from '@/lib/sites/declared';
import { adapterFor } from '@/lib/sites';
import { formatAuthors } from '@/lib/paper';
import type { SeenAt, UserAction } from '@/lib/store/library';
import { readTabPaper, type Tab } from '@/lib/tab/read-tab';
import { actOnPaper } from '@/lib/ui/extension-actions';
import { useLiveQuery } from '@/lib/ui/use-live-query';
import { Icon } from '../shared/Icon';
import { NoteEditor } from './NoteEditor';
import { t } from '@/lib/i18n';

interface CurrentPaperProps {
  db: ShelfmarkDB;
  /** The active tab (useActiveTab). */
  tab: Tab | null | undefined;
  /** Runs an action with the popup's feedback (the status line). */
  attempt(work: () => Promise<unknown>, done?: string): Promise<void>;
}

interface Found {
  declared: DeclaredPaper;
  seen?: SeenAt;
}

/**
 * The paper of the active tab, at the popup's top, when the tab shows one (an arXiv abstract, PDF
 * or HTML page, a Hugging Face paper, a page that declares a paper in its meta tags): its title,
 * authors, and the card's four controls. Nothing is drawn for other tabs.
 */
export function CurrentPaper({ db, tab, attempt }: CurrentPaperProps) {
  const [found, setFound] = useState<Found | null>(null);
  const [editing, setEditing] = useState(false);
  useEffect(() => {
    if (!tab?.url) return;
    const url = tab.url;
    readTabPaper(tab).then(
      (declared) => {
        if (!declared) return;
        const adapter = adapterFor(url);
        setFound({ declared, seen: adapter ? { site: adapter.name, url: url.replace(/#.*$/, '') } : undefined });
      },
      (error: unknown) => console.warn('[Shelfmark] could not read the current tab', error),
    );
  }, [tab]);
  const id = found?.declared.paper.id;
  const stored = useLiveQuery(() => (id ? db.papers.get(id) : undefined), [db, id]);
  if (!found) return null;

  const { paper, titled } = found.declared;
  const title = stored?.title ?? paper.title;
  const authors = stored?.authors.length ? stored.authors : (paper.authors ?? []);
  const starred = stored?.starredAt !== undefined;
  const read = stored?.readAt !== undefined;
  const queued = stored?.queuePos !== undefined;
  const note = stored?.note ?? '';
  // A stored paper keeps its title unless the page names the paper itself (a PDF tab's title is a file name).
  const act = (action: UserAction, done: string) =>
    attempt(() => actOnPaper(db, stored && !titled ? paper.id : paper, action, found.seen), done);

  return (
    <section class="current-paper" aria-label={t('currentLabel')}>
      <h2 class="current-heading">{t('currentHeading')}</h2>
      <article class="paper" aria-label={title} data-current-paper={paper.id}>
        <div class="paper-body">
          <div class="paper-title current-title">{title}</div>
          {authors.length > 0 && <div class="paper-authors">{formatAuthors(authors, 3)}</div>}
          {editing && (
            <NoteEditor
              note={note}
              title={title}
              onSave={(text) => void act({ kind: 'note', text }, t('currentNoteSaved'))}
              onClose={() => setEditing(false)}
            />
          )}
          <div class="paper-actions" role="group" aria-label={t('currentActions')}>
            <button type="button" class="action star" aria-label={t('controlStar')} aria-pressed={starred} title={t(starred ? 'currentStarOn' : 'controlStar')} onClick={() => void act({ kind: 'star', value: !starred }, t(starred ? 'popupUnstarred' : 'popupStarred'))}>
              <Icon name="star" />
            </button>
            <button type="button" class="action read" aria-label={t('controlMarkRead')} aria-pressed={read} title={t(read ? 'currentReadOn' : 'controlMarkRead')} onClick={() => void act({ kind: 'read', value: !read }, t(read ? 'popupMarkedUnread' : 'currentMarkedRead'))}>
              <Icon name="read" />
            </button>
            <button
              type="button"
              class="action queue"
              aria-label={t('controlAddToQueue')}
              aria-pressed={queued}
              title={t(queued ? 'currentQueueOn' : 'currentQueueOff')}
              onClick={() => void act({ kind: 'queue', value: !queued }, t(queued ? 'popupUnqueued' : 'popupQueued'))}
            >
              <Icon name="queueAdd" />
            </button>
            <button type="button" class="action" aria-label={t('controlNote')} aria-expanded={editing} title={t(note ? 'currentEditNote' : 'cardNoteEmpty')} onClick={() => setEditing((open) => !open)}>
              <Icon name="note" />
            </button>
          </div>
        </div>
      </article>
    </section>
  );
}

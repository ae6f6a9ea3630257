import type { ShelfmarkDB } from '@/lib/store/db';
import { historyPage } from '@/lib/store/history';
import { formatAuthors } from '@/lib/paper';
import { timeAgo } from '@/lib/ui/time-ago';
import { useLiveQuery } from '@/lib/ui/use-live-query';
import './HistoryList.css';
import { plural, t } from '@/lib/i18n';

/** Entries drawn at once: the most recent; a search finds the others. */
const SHOWN = 100;

interface HistoryListProps {
  db: ShelfmarkDB;
  /** The search's tokens (from `queryTokens`). */
  tokens: readonly string[];
  /** False when the setting is off: said above an empty list. */
  recording: boolean;
  id?: string;
}

/** The papers opened, most recent first: title (opens the page it was read on), authors, where and when. */
export function HistoryList({ db, tokens, recording, id }: HistoryListProps) {
  const page = useLiveQuery(() => historyPage(db, tokens, SHOWN), [db, tokens.join(' ')]);
  if (!page) return <p class="loading" aria-busy="true">{t('loading')}</p>;
  if (page.total === 0) {
    return (
      <div class="empty history-empty">
        <p class="empty-title">{t(tokens.length ? 'historyNoMatch' : 'historyEmpty')}</p>
        <p>
          {t(recording ? 'historyEmptyHint' : 'historyOff')}
        </p>
      </div>
    );
  }
  return (
    <div class="history">
      <ul class="history-list" id={id} aria-label={t(tokens.length ? 'historyListMatching' : 'historyList')}>
        {page.entries.map((entry) => (
          <li key={entry.id} class="history-entry" data-history-id={entry.id}>
            <a class="paper-title" href={entry.url} target="_blank" rel="noreferrer">
              {entry.title}
            </a>
            {entry.authors.length > 0 && <div class="paper-authors">{formatAuthors(entry.authors, 3)}</div>}
            <div class="paper-meta">
              <span>{hostOf(entry.url)}</span>
              <span>{timeAgo(entry.openedAt)}</span>
              {entry.opens > 1 && <span>{plural('historyOpens', entry.opens)}</span>}
            </div>
          </li>
        ))}
      </ul>
      {page.total > page.entries.length && (
        <p class="history-more">
          {t('historyMore', page.entries.length, page.total)}
        </p>
      )}
    </div>
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

import type { ShelfmarkDB } from '@/lib/store/db';
import { historyPage } from '@/lib/store/history';
import { formatAuthors } from '@/lib/paper';
import { timeAgo } from '@/lib/ui/time-ago';
import { useLiveQuery } from '@/lib/ui/use-live-query';
import './HistoryList.css';

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
  if (!page) return <p class="loading" aria-busy="true">Loading…</p>;
  if (page.total === 0) {
    return (
      <div class="empty history-empty">
        <p class="empty-title">{tokens.length ? 'No paper opened matches' : 'No papers opened yet'}</p>
        <p>
          {recording
            ? 'Papers you open (an arXiv abstract, PDF or HTML page, a Hugging Face paper) are listed here, on this device only.'
            : 'History is off: turn it on in the options page to list the papers you open.'}
        </p>
      </div>
    );
  }
  return (
    <div class="history">
      <ul class="history-list" id={id} aria-label={tokens.length ? 'Papers opened, matching the search' : 'Papers opened'}>
        {page.entries.map((entry) => (
          <li key={entry.id} class="history-entry" data-history-id={entry.id}>
            <a class="paper-title" href={entry.url} target="_blank" rel="noreferrer">
              {entry.title}
            </a>
            {entry.authors.length > 0 && <div class="paper-authors">{formatAuthors(entry.authors, 3)}</div>}
            <div class="paper-meta">
              <span>{hostOf(entry.url)}</span>
              <span>{timeAgo(entry.openedAt)}</span>
              {entry.opens > 1 && <span>opened {entry.opens} times</span>}
            </div>
          </li>
        ))}
      </ul>
      {page.total > page.entries.length && (
        <p class="history-more">
          The {page.entries.length} most recent of {page.total.toLocaleString()}: search to find the others.
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

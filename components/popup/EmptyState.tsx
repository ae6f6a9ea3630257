import type { ViewName } from '@/lib/store/views';
import { VIEWS } from '@/lib/store/views';
import { t, type MessageKey } from '@/lib/i18n';

const HF_PAPERS = 'https://huggingface.co/papers';

interface EmptyStateProps {
  view: ViewName;
  /** What the user searched for, when the view is empty only because nothing matched. */
  query?: string;
  onSearchAll?: () => void;
}

/** What an empty view means, and what to do to fill it. */
export function EmptyState({ view, query, onSearchAll }: EmptyStateProps) {
  if (query) {
    return (
      <div class="empty" role="note">
        <p class="empty-title">{t('emptyNoMatch', t(VIEWS[view].label), query)}</p>
        <p>{t('emptySearchHint')}</p>
        {view !== 'all' && onSearchAll && (
          <button type="button" class="text-button" onClick={onSearchAll}>
            {t('emptySearchAll')}
          </button>
        )}
      </div>
    );
  }
  const [title, body] = MESSAGES[view];
  return (
    <div class="empty" role="note">
      <p class="empty-title">{t(title)}</p>
      <p>
        {t(body)} {t('emptyFindOn')}{' '}
        <a href={HF_PAPERS} target="_blank" rel="noreferrer">
          {t('emptyHuggingFacePapers')}
        </a>
        {t('emptyFindOnEnd')}
      </p>
    </div>
  );
}

const MESSAGES: Record<ViewName, [title: MessageKey, body: MessageKey]> = {
  queue: ['emptyQueueTitle', 'emptyQueueBody'],
  starred: ['emptyStarredTitle', 'emptyStarredBody'],
  notes: ['emptyNotesTitle', 'emptyNotesBody'],
  read: ['emptyReadTitle', 'emptyReadBody'],
  all: ['emptyAllTitle', 'emptyAllBody'],
};

import type { ViewName } from '@/lib/store/views';
import { VIEWS } from '@/lib/store/views';

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
        <p class="empty-title">
          No papers in {VIEWS[view].label} match “{query}”
        </p>
        <p>Search looks at the beginnings of words in titles, authors and notes; case and accents do not matter.</p>
        {view !== 'all' && onSearchAll && (
          <button type="button" class="text-button" onClick={onSearchAll}>
            Search all papers
          </button>
        )}
      </div>
    );
  }
  const [title, body] = MESSAGES[view];
  return (
    <div class="empty" role="note">
      <p class="empty-title">{title}</p>
      <p>
        {body} Find papers on{' '}
        <a href={HF_PAPERS} target="_blank" rel="noreferrer">
          Hugging Face papers
        </a>
        .
      </p>
    </div>
  );
}

const MESSAGES: Record<ViewName, [title: string, body: string]> = {
  queue: [
    'Your reading queue is empty',
    'Click “Add to queue” under a paper on a listing page: it joins the end of the queue here, and the first one is what to read next.',
  ],
  starred: ['No starred papers yet', 'Click the star under a paper’s title on a listing page, or here in any view.'],
  notes: ['No notes yet', 'Click the pencil on any paper here to write a note; papers with notes are listed here, note shown.'],
  read: ['Nothing read yet', 'Mark a paper read (✓) and it leaves the queue and shows up here, newest first.'],
  all: ['Your library is empty', 'A paper is kept once you star it, queue it, mark it read or write a note.'],
};

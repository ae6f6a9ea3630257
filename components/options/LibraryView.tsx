import { useEffect, useState } from 'preact/hooks';
import type { PaperRecord, ShelfmarkDB } from '@/lib/store/db';
import { dismissKeptNote } from '@/lib/store/library';
import { notifyChanged } from '@/lib/ui/extension-actions';
import { LibraryRow } from './LibraryRow';

export interface LibraryViewProps {
  /** The papers matching the filter, or undefined while loading. */
  papers: readonly PaperRecord[] | undefined;
  /** How many papers the library holds. */
  total: number | undefined;
  query: string;
  onQuery(query: string): void;
  citationKeys: ReadonlyMap<string, string>;
  db: ShelfmarkDB;
}

/** Rows rendered at a time: a library of thousands stays quick to filter and to scroll. */
const PAGE = 100;

/** The whole library with a filter box; the filter is also the export's "Current search". */
export function LibraryView({ papers, total, query, onQuery, citationKeys, db }: LibraryViewProps) {
  const [limit, setLimit] = useState(PAGE);
  const [status, setStatus] = useState('');
  useEffect(() => setLimit(PAGE), [query]);

  async function copy(text: string, what: string) {
    try {
      await navigator.clipboard.writeText(text);
      setStatus(`Copied the ${what}.`);
    } catch (error) {
      setStatus(`Could not copy the ${what}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  const shown = papers?.slice(0, limit) ?? [];
  return (
    <section class="library" aria-labelledby="library-title">
      <div class="library-head">
        <h2 id="library-title">Library</h2>
        <p class="library-count" aria-live="polite">
          {papers === undefined || total === undefined
            ? 'Loading…'
            : query.trim()
              ? `${papers.length} of ${total} papers match`
              : `${total} ${total === 1 ? 'paper' : 'papers'}`}
        </p>
      </div>
      <input
        type="search"
        class="library-filter"
        aria-label="Filter the library"
        placeholder="Filter by title, author, note or arXiv id"
        value={query}
        onInput={(event) => onQuery(event.currentTarget.value)}
      />
      <p class="library-status" role="status">
        {status}
      </p>
      {total === 0 ? (
        <p class="library-empty">
          Your library is empty. Star, queue or write a note on a paper on Hugging Face or arXiv, or import a backup.
        </p>
      ) : papers?.length === 0 ? (
        <p class="library-empty">No papers match “{query}”.</p>
      ) : (
        <ul class="library-list" aria-label="Papers">
          {shown.map((paper) => (
            <LibraryRow
              key={paper.id}
              paper={paper}
              citationKey={citationKeys.get(paper.id)}
              onCopy={copy}
              onDismissKept={(written) => void dismissKeptNote(db, paper.id, written).then(() => notifyChanged([paper.id]))}
            />
          ))}
        </ul>
      )}
      {papers && papers.length > limit && (
        <button type="button" class="library-more" onClick={() => setLimit(limit + PAGE)}>
          Show {Math.min(PAGE, papers.length - limit)} more of {papers.length - limit}
        </button>
      )}
    </section>
  );
}

import { useEffect, useState } from 'preact/hooks';
import type { PaperRecord, ShelfmarkDB } from '@/lib/store/db';
import { dismissKeptNote } from '@/lib/store/library';
import { notifyChanged } from '@/lib/ui/extension-actions';
import { LibraryRow } from './LibraryRow';
import { plural, t, type MessageKey } from '@/lib/i18n';

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

  /** `copied` says what was copied ("Copied the BibTeX entry."). */
  async function copy(text: string, copied: MessageKey) {
    try {
      await navigator.clipboard.writeText(text);
      setStatus(t(copied));
    } catch (error) {
      setStatus(t('errorWithAdvice', t('errorNotCopied'), error instanceof Error ? error.message : String(error)));
    }
  }

  const shown = papers?.slice(0, limit) ?? [];
  return (
    <section class="library" aria-labelledby="library-title">
      <div class="library-head">
        <h2 id="library-title">{t('popupLibrary')}</h2>
        <p class="library-count" aria-live="polite">
          {papers === undefined || total === undefined
            ? t('loading')
            : query.trim()
              ? plural('libraryMatches', total, papers.length)
              : plural('papers', total)}
        </p>
      </div>
      <input
        type="search"
        class="library-filter"
        aria-label={t('libraryFilterLabel')}
        placeholder={t('libraryFilterPlaceholder')}
        value={query}
        onInput={(event) => onQuery(event.currentTarget.value)}
      />
      <p class="library-status" role="status">
        {status}
      </p>
      {total === 0 ? (
        <p class="library-empty">
          {t('libraryEmpty')}
        </p>
      ) : papers?.length === 0 ? (
        <p class="library-empty">{t('libraryNoMatch', query)}</p>
      ) : (
        <ul class="library-list" aria-label={t('libraryPapers')}>
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
          {t('libraryShowMore', Math.min(PAGE, papers.length - limit), papers.length - limit)}
        </button>
      )}
    </section>
  );
}

import { useState } from 'preact/hooks';
import type { PaperRecord, ShelfmarkDB } from '@/lib/store/db';
import type { PaperId } from '@/lib/paper';
import { dismissKeptNote } from '@/lib/store/library';
import { notifyChanged } from '@/lib/ui/extension-actions';
import { LibraryRow } from './LibraryRow';
import { plural, t, type MessageKey } from '@/lib/i18n';

export interface LibraryViewProps {
  /** The rows to show (the first ones of the library or of the filter's matches), or undefined while loading. */
  papers: readonly PaperRecord[] | undefined;
  /** How many papers the library holds. */
  total: number | undefined;
  /** Whether the filter holds words to look for. */
  filtering: boolean;
  /** Filtering: how many papers match (undefined while the search index loads). */
  matches: number | undefined;
  query: string;
  onQuery(query: string): void;
  /** Shows more rows. */
  onMore(): void;
  /** The paper's key in an export of the whole library, so a copied entry matches the exported file. */
  citationKey(id: PaperId): Promise<string | undefined>;
  db: ShelfmarkDB;
}

/** Rows shown at a time: "Show more" adds as many (a page of them is what the first rows cost to draw). */
export const LIBRARY_PAGE = 50;

/** The whole library with a filter box; the filter is also the export's "Current search". */
export function LibraryView({ papers, total, filtering, matches, query, onQuery, onMore, citationKey, db }: LibraryViewProps) {
  const [status, setStatus] = useState('');

  /** `copied` says what was copied ("Copied the BibTeX entry."). */
  async function copy(text: string | Promise<string>, copied: MessageKey) {
    try {
      await navigator.clipboard.writeText(await text);
      setStatus(t(copied));
    } catch (error) {
      setStatus(t('errorWithAdvice', t('errorNotCopied'), error instanceof Error ? error.message : String(error)));
    }
  }

  const listed = filtering ? matches : total;
  const more = papers && listed !== undefined ? listed - papers.length : 0;
  return (
    <section class="library" aria-labelledby="library-title">
      <div class="library-head">
        <h2 id="library-title">{t('popupLibrary')}</h2>
        <p class="library-count" aria-live="polite">
          {papers === undefined || listed === undefined || total === undefined
            ? t('loading')
            : filtering
              ? plural('libraryMatches', total, listed)
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
      ) : filtering && matches === 0 ? (
        <p class="library-empty">{t('libraryNoMatch', query)}</p>
      ) : (
        <ul class="library-list" aria-label={t('libraryPapers')}>
          {papers?.map((paper) => (
            <LibraryRow
              key={paper.id}
              paper={paper}
              citationKey={() => citationKey(paper.id)}
              onCopy={copy}
              onDismissKept={(written) => void dismissKeptNote(db, paper.id, written).then(() => notifyChanged([paper.id]))}
            />
          ))}
        </ul>
      )}
      {more > 0 && (
        <button type="button" class="library-more" onClick={onMore}>
          {t('libraryShowMore', Math.min(LIBRARY_PAGE, more), more)}
        </button>
      )}
    </section>
  );
}

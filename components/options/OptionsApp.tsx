import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { PaperRecord, ShelfmarkDB } from '@/lib/store/db';
import type { SnapshotsDB } from '@/lib/store/snapshots';
import { settleCitationKeys } from '@/lib/export/bibtex';
import type { PaperId } from '@/lib/paper';
import { libraryCounts } from '@/lib/store/catalog';
import { libraryFilter, withTagTerm } from '@/lib/store/search';
import { useLibraryTags } from '@/lib/ui/use-library-tags';
import { TagsPanel } from './TagsPanel';
import type { ListOrder, SearchIndex } from '@/lib/store/search-index';
import { searchIndexReady, useSearchIndex } from '@/lib/ui/live-search-index';
import { useLiveQuery } from '@/lib/ui/use-live-query';
import { BrandMark } from '../shared/BrandMark';
import { ExportMenu } from '../shared/ExportMenu';
import { BibtexImportPanel } from './BibtexImportPanel';
import { EnabledSites } from './EnabledSites';
import { HistoryPanel } from './HistoryPanel';
import { ImportPanel } from './ImportPanel';
import { LIBRARY_PAGE, LibraryView, type LibrarySort } from './LibraryView';
import { OptionsSettings } from './OptionsSettings';
import { SyncPanel } from './SyncPanel';
import { SnapshotsPanel } from './SnapshotsPanel';
import { t } from '@/lib/i18n';


/** The library's orders (LibraryView's sort menu). The first two are indexes too: their first rows need no search index. */
const LIBRARY_ORDERS: Record<LibrarySort, ListOrder> = {
  changed: { key: 'updatedAt', newestFirst: true },
  added: { key: 'createdAt', newestFirst: true },
  read: { key: 'readAt', newestFirst: true, all: true },
  date: { key: 'date', newestFirst: true, all: true },
  title: { key: 'title', newestFirst: false, all: true },
};
const INDEXED: readonly LibrarySort[] = ['changed', 'added'];

/**
 * The options page: the whole library with its filter, export, import, snapshots and settings. It
 * reads a page of records at a time: the first by the `updatedAt` index, filtered ones by the
 * search index (loaded after the first rows), so a library of 50,000 papers opens as fast as one of 50.
 */
export function OptionsApp({ db, snapshots }: { db: ShelfmarkDB; snapshots: SnapshotsDB }) {
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<LibrarySort>('changed');
  const [limit, setLimit] = useState(LIBRARY_PAGE);
  const filter = useMemo(() => libraryFilter(query), [query]);
  const counts = useLiveQuery(() => libraryCounts(db), [db]);
  const [started, setStarted] = useState(false);
  const indexed = INDEXED.includes(sort);
  const index = useSearchIndex(db, started || filter !== null || !indexed, { cites: true });
  const tags = useLibraryTags(db, started);
  const version = index?.version;
  const order = LIBRARY_ORDERS[sort];
  // Filtered, or in an order that is no index: the search index lists them.
  const matches = useMemo(
    () =>
      (filter || !indexed) && index
        ? Array.from(index.search(filter?.tokens ?? [], order, filter?.alsoId), (slot) => index.idAt(slot))
        : undefined,
    [filter, index, version, order],
  );
  const shown = useLiveQuery(async (): Promise<PaperRecord[] | null> => {
    if (!filter && indexed) return db.papers.orderBy(order.key).reverse().limit(limit).toArray();
    if (!matches) return null; // the search index is loading
    const records = await db.papers.bulkGet(matches.slice(0, limit));
    return records.filter((record): record is PaperRecord => record !== undefined);
  }, [db, filter, indexed, order, matches, limit]);
  useEffect(() => {
    if (!shown) return;
    setStarted(true);
    if (shown.length > 0) performance.mark('shelfmark:first-rows'); // for the benchmark
  }, [shown !== undefined]);

  // BibTeX keys as an export of the whole library gives them: settled across every paper's base key, once per change.
  const keys = useRef<{ index: SearchIndex; version: number; keys: Map<string, string> } | null>(null);
  const citationKey = async (id: PaperId): Promise<string | undefined> => {
    const current = await searchIndexReady(db);
    if (!current) return undefined;
    if (keys.current?.index !== current || keys.current.version !== current.version) {
      const bases = Array.from(current.slots(), (slot) => [current.idAt(slot), current.citeOf(slot)] as const);
      keys.current = { index: current, version: current.version, keys: settleCitationKeys(bases) };
    }
    return keys.current.keys.get(id);
  };

  return (
    <div class="options-page">
      <header class="options-header">
        <h1>
          <BrandMark size={24} />
          Shelfmark
        </h1>
        <a class="options-welcome" href={browser.runtime.getURL('/welcome.html')}>
          {t('optionsGettingStarted')}
        </a>
      </header>
      <div class="options-layout">
        <LibraryView
          papers={shown ?? undefined}
          total={counts?.all}
          filtering={filter !== null}
          matches={matches?.length}
          query={query}
          onQuery={(next) => {
            setQuery(next);
            setLimit(LIBRARY_PAGE);
          }}
          sort={sort}
          onSort={(next) => {
            setSort(next);
            setLimit(LIBRARY_PAGE);
          }}
          tags={tags}
          onMore={() => setLimit((n) => n + LIBRARY_PAGE)}
          citationKey={citationKey}
          db={db}
        />
        <aside class="options-side">
          <section class="options-export" aria-labelledby="export-title">
            <h2 id="export-title">{t('exportTitle')}</h2>
            <p class="hint">
              {filter ? t('optionsExportFiltered') : t('optionsExportHint')}
            </p>
            <ExportMenu db={db} counts={counts} searchIds={filter ? matches : undefined} alwaysOpen />
          </section>
          <TagsPanel db={db} tags={tags} onShow={(name) => setQuery(withTagTerm('', name))} />
          <HistoryPanel db={db} />
          <EnabledSites />
          <SyncPanel db={db} />
          <ImportPanel db={db} />
          <BibtexImportPanel db={db} />
          <SnapshotsPanel db={db} snapshots={snapshots} paperCount={counts?.all} />
          <OptionsSettings />
        </aside>
      </div>
    </div>
  );
}

import { useMemo, useState } from 'preact/hooks';
import type { ShelfmarkDB } from '@/lib/store/db';
import type { SnapshotsDB } from '@/lib/store/snapshots';
import { citationKeys } from '@/lib/export/bibtex';
import { filterPapers } from '@/lib/export/scope';
import { useLiveQuery } from '@/lib/ui/use-live-query';
import { BrandMark } from '../shared/BrandMark';
import { ExportMenu } from '../shared/ExportMenu';
import { BibtexImportPanel } from './BibtexImportPanel';
import { ImportPanel } from './ImportPanel';
import { LibraryView } from './LibraryView';
import { OptionsSettings } from './OptionsSettings';
import { SyncPanel } from './SyncPanel';
import { SnapshotsPanel } from './SnapshotsPanel';
import { t } from '@/lib/i18n';


/** The options page: the whole library with its filter, export, import, snapshots and settings. */
export function OptionsApp({ db, snapshots }: { db: ShelfmarkDB; snapshots: SnapshotsDB }) {
  // A full page may hold every record: thousands of papers are a few megabytes.
  const papers = useLiveQuery(() => db.papers.orderBy('updatedAt').reverse().toArray(), [db]);
  const [query, setQuery] = useState('');
  const filtered = useMemo(() => papers && filterPapers(papers, query), [papers, query]);
  const keys = useMemo(() => citationKeys(papers ?? []), [papers]);
  const searchIds = useMemo(() => (query.trim() && filtered ? filtered.map((paper) => paper.id) : undefined), [query, filtered]);

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
        <LibraryView papers={filtered} total={papers?.length} query={query} onQuery={setQuery} citationKeys={keys} db={db} />
        <aside class="options-side">
          <section class="options-export" aria-labelledby="export-title">
            <h2 id="export-title">{t('exportTitle')}</h2>
            <p class="hint">
              {searchIds
                ? t('optionsExportFiltered')
                : t('optionsExportHint')}
            </p>
            <ExportMenu db={db} searchIds={searchIds} alwaysOpen />
          </section>
          <SyncPanel db={db} />
          <ImportPanel db={db} />
          <BibtexImportPanel db={db} />
          <SnapshotsPanel db={db} snapshots={snapshots} paperCount={papers?.length} />
          <OptionsSettings />
        </aside>
      </div>
    </div>
  );
}

import type { ShelfmarkDB } from '@/lib/db';
import { listStarred } from '@/lib/library';
import { useLiveQuery } from '@/lib/use-live-query';
import { EmptyState } from './EmptyState';
import { ExportMenu } from './ExportMenu';
import { OptionsLink } from './OptionsLink';
import { PaperRow } from './PaperRow';

export function PopupApp({ db }: { db: ShelfmarkDB }) {
  const starred = useLiveQuery(() => listStarred(db), [db]);
  return (
    <main class="popup">
      <header class="popup-header">
        <h1>Shelfmark</h1>
        {starred && <span class="count" aria-label={`${starred.length} starred`}>{starred.length}</span>}
        <OptionsLink />
        <ExportMenu db={db} />
      </header>
      <h2 class="view-title">Starred</h2>
      {starred === undefined ? (
        <p class="loading" aria-busy="true">Loading…</p>
      ) : starred.length === 0 ? (
        <EmptyState />
      ) : (
        <ul class="paper-list" aria-label="Starred papers">
          {starred.map((paper) => (
            <PaperRow key={paper.id} paper={paper} />
          ))}
        </ul>
      )}
    </main>
  );
}

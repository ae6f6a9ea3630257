import type { PaperRecord, ShelfmarkDB } from '../store/db';
import type { PaperId } from '../paper';
import { viewRecords, type ViewName } from '../store/views';
import { t, type MessageKey } from '../i18n';
import { historyPapers } from '../store/history';

/**
 * Which papers an export holds: one of the library's views (lib/store/views.ts: the queue in queue
 * order, the others most recent first), or `search`, whatever the page the user exports from
 * is showing for its search box (the popup's search, the options page's filter): the caller passes its ids;
 * or `history`, the papers opened (lib/store/history.ts), most recent first.
 */
export type ExportScope = ViewName | 'search' | 'history';

export const SCOPES: readonly { scope: ExportScope; label: MessageKey }[] = [
  { scope: 'queue', label: 'scopeQueue' },
  { scope: 'starred', label: 'scopeStarred' },
  { scope: 'notes', label: 'scopeNotes' },
  { scope: 'read', label: 'scopeRead' },
  { scope: 'all', label: 'scopeAll' },
  { scope: 'history', label: 'scopeHistory' },
  { scope: 'search', label: 'scopeSearch' },
];

export function scopeLabel(scope: ExportScope): string {
  return t(SCOPES.find((entry) => entry.scope === scope)!.label);
}

/** The papers of a scope, in its view's order. Reads through the view's index, so a scope costs what it holds. */
export async function papersInScope(
  db: ShelfmarkDB,
  scope: ExportScope,
  searchIds: readonly PaperId[] = [],
): Promise<PaperRecord[]> {
  if (scope === 'history') return historyPapers(db);
  if (scope !== 'search') return viewRecords(db, scope);
  const records = await db.papers.bulkGet([...searchIds]);
  return records.filter((record): record is PaperRecord => record !== undefined);
}

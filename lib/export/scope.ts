import type { PaperRecord, ShelfmarkDB } from '../store/db';
import type { PaperId } from '../paper';
import { viewRecords, type ViewName } from '../store/views';
import { t, type MessageKey } from '../i18n';
import { papersWithTag } from '../store/tags';
import { historyPapers } from '../store/history';

/**
 * Which papers an export holds: one of the library's views (lib/store/views.ts: the queue in queue
 * order, the others most recent first), `tag`, the papers having one tag (most recently added
 * first), `history`, the papers opened (lib/store/history.ts), most recent first, or `search`,
 * whatever the page the user exports from is showing for its search box (the popup's search, the
 * options page's filter), or `selection`, the library's selected papers: the caller passes the ids
 * of these two.
 */
export type ExportScope = ViewName | 'tag' | 'history' | 'search' | 'selection';

export const SCOPES: readonly { scope: ExportScope; label: MessageKey }[] = [
  { scope: 'queue', label: 'scopeQueue' },
  { scope: 'starred', label: 'scopeStarred' },
  { scope: 'notes', label: 'scopeNotes' },
  { scope: 'read', label: 'scopeRead' },
  { scope: 'all', label: 'scopeAll' },
  { scope: 'tag', label: 'scopeTag' },
  { scope: 'history', label: 'scopeHistory' },
  { scope: 'search', label: 'scopeSearch' },
  { scope: 'selection', label: 'scopeSelection' },
];

/** "Starred papers", or for a tag "Papers tagged “LLM”". */
export function scopeLabel(scope: ExportScope, tag?: string): string {
  if (scope === 'tag') return t('scopeTagged', tag ?? '');
  return t(SCOPES.find((entry) => entry.scope === scope)!.label);
}

/** The papers of a scope, in its view's order. Reads through the view's index, so a scope costs what it holds. */
export async function papersInScope(
  db: ShelfmarkDB,
  scope: ExportScope,
  searchIds: readonly PaperId[] = [],
  tag = '',
): Promise<PaperRecord[]> {
  if (scope === 'tag') {
    const records = (await db.papers.bulkGet(await papersWithTag(db, tag))).filter((record): record is PaperRecord => record !== undefined);
    return records.sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1));
  }
  if (scope === 'history') return historyPapers(db);
  if (scope !== 'search' && scope !== 'selection') return viewRecords(db, scope);
  const records = await db.papers.bulkGet([...searchIds]);
  return records.filter((record): record is PaperRecord => record !== undefined);
}

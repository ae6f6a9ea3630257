import type { PaperRecord, ShelfmarkDB } from '../db';
import { arxivIdOf, type PaperId } from '../paper';
import { foldText, tokenize } from '../search';

/**
 * Which papers an export holds. `search` is whatever the page the user exports from is showing
 * for its search box (the popup's search, the options page's filter): the caller passes its ids.
 */
export type ExportScope = 'queue' | 'starred' | 'notes' | 'all' | 'search';

export const SCOPES: readonly { scope: ExportScope; label: string }[] = [
  { scope: 'queue', label: 'Reading queue' },
  { scope: 'starred', label: 'Starred papers' },
  { scope: 'notes', label: 'Papers with notes' },
  { scope: 'all', label: 'Everything' },
  { scope: 'search', label: 'Current search' },
];

export function scopeLabel(scope: ExportScope): string {
  return SCOPES.find((entry) => entry.scope === scope)!.label;
}

/**
 * The papers of a scope, in the order a reader expects: the queue in queue order, starred papers
 * and notes most recent first, everything most recently added first, a search in the caller's order.
 * Reads through the indexes, so a scope costs what it holds, not the whole library.
 */
export async function papersInScope(
  db: ShelfmarkDB,
  scope: ExportScope,
  searchIds: readonly PaperId[] = [],
): Promise<PaperRecord[]> {
  switch (scope) {
    case 'queue':
      return db.papers.orderBy('queuePos').toArray();
    case 'starred':
      return db.papers.orderBy('starredAt').reverse().toArray();
    case 'notes':
      // noteUpdatedAt is present exactly while a paper has a note.
      return db.papers.orderBy('noteUpdatedAt').reverse().toArray();
    case 'all':
      return db.papers.orderBy('createdAt').reverse().toArray();
    case 'search': {
      const records = await db.papers.bulkGet([...searchIds]);
      return records.filter((record): record is PaperRecord => record !== undefined);
    }
  }
}

/** How many papers each scope holds (without the search, which the caller knows). */
export async function scopeCounts(db: ShelfmarkDB): Promise<Record<Exclude<ExportScope, 'search'>, number>> {
  const [queue, starred, notes, all] = await Promise.all([
    db.papers.orderBy('queuePos').count(),
    db.papers.orderBy('starredAt').count(),
    db.papers.orderBy('noteUpdatedAt').count(),
    db.papers.count(),
  ]);
  return { queue, starred, notes, all };
}

/**
 * The options page's filter: every word typed must start a word of the paper's title, authors or
 * note (the stored search tokens, `words`), or the text must occur in its arXiv id ("2407.217").
 */
export function filterPapers<T extends Pick<PaperRecord, 'id' | 'words'>>(papers: readonly T[], query: string): T[] {
  const tokens = tokenize(query);
  const idText = foldText(query.trim()).replace(/^arxiv:\s*/, '');
  if (tokens.length === 0) return [...papers];
  return papers.filter((paper) => {
    const arxivId = arxivIdOf(paper.id);
    if (arxivId && idText.length >= 4 && arxivId.includes(idText)) return true;
    return tokens.every((token) => paper.words.some((word) => word.startsWith(token)));
  });
}

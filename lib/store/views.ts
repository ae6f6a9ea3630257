import type { PaperRecord, ShelfmarkDB } from './db';
import type { PaperId } from '../paper';
import { idsWithPrefix, matchingIds, wordsMatch } from './search';
import type { MessageKey } from '../i18n';

/**
 * The views of the library the popup lists. Each view is one index of the database: a paper is
 * in the view when it has that key, and the view's order is the index order. So a view's count
 * is an index count and a page of it is an index range: nothing loads every record, however many
 * papers are stored.
 */

export type ViewName = 'queue' | 'starred' | 'notes' | 'read' | 'all';

export interface ViewSpec {
  /** Its name, a key of the catalogues (lib/i18n.ts). */
  label: MessageKey;
  index: 'queuePos' | 'starredAt' | 'noteUpdatedAt' | 'readAt' | 'createdAt';
  /** Newest first (history-like views) rather than the index's ascending order (the queue). */
  newestFirst: boolean;
}

export const VIEWS: Readonly<Record<ViewName, ViewSpec>> = {
  queue: { label: 'viewQueue', index: 'queuePos', newestFirst: false },
  starred: { label: 'viewStarred', index: 'starredAt', newestFirst: true },
  notes: { label: 'viewNotes', index: 'noteUpdatedAt', newestFirst: true },
  read: { label: 'viewRead', index: 'readAt', newestFirst: true },
  all: { label: 'viewAll', index: 'createdAt', newestFirst: true },
};

export const VIEW_NAMES = Object.keys(VIEWS) as ViewName[];

export type ViewCounts = Record<ViewName, number>;

/** Up to this many matches, a search sorts their records in memory rather than reading the view's keys. */
const FEW_MATCHES = 200;

function ordered(db: ShelfmarkDB, view: ViewName) {
  const spec = VIEWS[view];
  const collection = db.papers.orderBy(spec.index);
  return spec.newestFirst ? collection.reverse() : collection;
}

/** How many papers each view holds: one index count per view. */
export function viewCounts(db: ShelfmarkDB): Promise<ViewCounts> {
  return db.transaction('r', db.papers, async () => {
    const counts = await Promise.all(VIEW_NAMES.map((view) => db.papers.orderBy(VIEWS[view].index).count()));
    return Object.fromEntries(VIEW_NAMES.map((view, i) => [view, counts[i]!])) as ViewCounts;
  });
}

/** Papers `offset` to `offset + limit` of a view, in its order. */
export function viewPage(db: ShelfmarkDB, view: ViewName, offset: number, limit: number): Promise<PaperRecord[]> {
  return ordered(db, view).offset(offset).limit(limit).toArray();
}

/** Every record of a view, in its order (exports). */
export function viewRecords(db: ShelfmarkDB, view: ViewName): Promise<PaperRecord[]> {
  return ordered(db, view).toArray();
}

/** Every id of a view, in its order. Keys only: one index read, no records. */
export async function viewIds(db: ShelfmarkDB, view: ViewName): Promise<PaperId[]> {
  // Read forward and reverse here: a forward key read is the fast path (getAllKeys) everywhere.
  const ids = await db.papers.orderBy(VIEWS[view].index).primaryKeys();
  return VIEWS[view].newestFirst ? ids.reverse() : ids;
}

export function inView(paper: PaperRecord, view: ViewName): boolean {
  return paper[VIEWS[view].index] !== undefined;
}

/** The view's order for records in memory, the same as its index's (ties by id, as IndexedDB does). */
export function compareInView(view: ViewName): (a: PaperRecord, b: PaperRecord) => number {
  const { index, newestFirst } = VIEWS[view];
  const sign = newestFirst ? -1 : 1;
  return (a, b) => {
    const ka = a[index]!;
    const kb = b[index]!;
    if (ka !== kb) return ka < kb ? -sign : sign;
    return a.id === b.id ? 0 : a.id < b.id ? -sign : sign;
  };
}

/**
 * The ids of a view's papers that match a query (tokens from `queryTokens`, longest first), in
 * the view's order. Reads keys, not records, wherever it can:
 * - the papers matching each word are a range of the `*words` index (keys only), intersected;
 * - a few matches are read and sorted in memory (a rare first word skips the other ranges);
 * - many matches are put in the order of the view's ids: `order` when the caller keeps them
 *   (from `viewIds`, so each key typed reads only its words' ranges), else read here. With
 *   `order` 'later' (the caller is reading them), many matches answer null.
 */
export function searchView(db: ShelfmarkDB, view: ViewName, tokens: readonly string[], order: readonly PaperId[] | 'later'): Promise<PaperId[] | null>;
export function searchView(db: ShelfmarkDB, view: ViewName, tokens: readonly string[], order?: readonly PaperId[]): Promise<PaperId[]>;
export function searchView(
  db: ShelfmarkDB,
  view: ViewName,
  tokens: readonly string[],
  order?: readonly PaperId[] | 'later',
): Promise<PaperId[] | null> {
  return db.transaction('r', db.papers, async () => {
    const [longest, ...rest] = tokens;
    if (longest === undefined) return order && order !== 'later' ? [...order] : viewIds(db, view);
    const inOrder = async (ids: Iterable<PaperId>, words: readonly string[]) => {
      const papers = await db.papers.bulkGet([...ids]);
      return papers
        .filter((paper): paper is PaperRecord => paper !== undefined && inView(paper, view) && wordsMatch(paper.words, words))
        .sort(compareInView(view))
        .map((paper) => paper.id);
    };

    const first = await idsWithPrefix(db, longest);
    if (first.size <= FEW_MATCHES) return inOrder(first, rest);
    const ids = rest.length > 0 ? intersect(first, await matchingIds(db, rest)) : first;
    if (ids.size <= FEW_MATCHES) return inOrder(ids, []);
    if (order === 'later') return null;
    return (order ?? (await viewIds(db, view))).filter((id) => ids.has(id));
  });
}

function intersect<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): Set<T> {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  return new Set([...small].filter((item) => large.has(item)));
}

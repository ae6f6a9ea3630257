import { useRef } from 'preact/hooks';
import type { PaperRecord, ShelfmarkDB } from './db';
import type { PaperId } from './paper';
import { useLiveQuery } from './use-live-query';
import { searchView, viewCounts, viewPage, VIEWS, type ViewCounts, type ViewName } from './views';

/**
 * What the popup lists: one view, maybe narrowed by a search, read a block of rows at a time
 * around what is on screen. Everything is live: a change anywhere (a card's button on a page,
 * another popup) re-runs the queries that read the changed papers.
 */

/** Rows are read in blocks of this many, so scrolling within a block reads nothing. */
export const BLOCK = 40;

export interface PaperListPage {
  view: ViewName;
  /** The query (folded tokens, space-separated) these rows answer; '' for the whole view. */
  query: string;
  total: number;
  offset: number;
  rows: (PaperRecord | undefined)[];
}

export interface LibrarySummary {
  counts: ViewCounts;
  /** The first paper of the queue: "read next". */
  queueHead: PaperId | undefined;
}

/** Counts per view and the head of the queue: index reads only. */
export function useLibrarySummary(db: ShelfmarkDB): LibrarySummary | undefined {
  return useLiveQuery(
    () =>
      db.transaction('r', db.papers, async () => ({
        counts: await viewCounts(db),
        queueHead: (await db.papers.orderBy('queuePos').limit(1).primaryKeys())[0],
      })),
    [db],
  );
}

/**
 * The rows of `view` matching `tokens` (from `queryTokens`) around `visible` (first and last index
 * on screen). Until the first answer, undefined; afterwards the last answer stays while a newer
 * one is read, so the list never flashes empty: check `page.query` to know what it answers.
 */
export function usePaperList(
  db: ShelfmarkDB,
  view: ViewName,
  tokens: readonly string[],
  visible: { first: number; last: number },
): PaperListPage | undefined {
  const query = tokens.join(' ');
  const from = Math.floor(Math.max(0, visible.first) / BLOCK) * BLOCK;
  const to = (Math.floor(Math.max(visible.first, visible.last) / BLOCK) + 1) * BLOCK;

  // Searching: the ordered ids of the matches (keys only) and, in the same query, the records of
  // the block on screen (a new search starts at the top), so a key typed costs one query, not two.
  const block = useRef({ from, to });
  block.current = { from, to };
  const found = useLiveQuery(async () => {
    if (query === '') return null;
    const ids = await searchView(db, view, tokens);
    const { from, to } = block.current;
    return { view, query, ids, page: { view, query, total: ids.length, offset: from, rows: await db.papers.bulkGet(ids.slice(from, to)) } };
  }, [db, view, query]);
  const foundCurrent = found && found.view === view && found.query === query ? found : null;
  const foundCovers = foundCurrent !== null && foundCurrent.page.offset === from && foundCurrent.page.rows.length >= Math.min(to, foundCurrent.ids.length) - from;

  // Without a search: the count and the block on screen, by the view's index. Searching, a block
  // the search did not read (scrolled further) is read here.
  const page = useLiveQuery(async (): Promise<PaperListPage | null> => {
    if (query === '') {
      return db.transaction('r', db.papers, async () => ({
        view,
        query,
        total: await db.papers.orderBy(VIEWS[view].index).count(),
        offset: from,
        rows: await viewPage(db, view, from, to - from),
      }));
    }
    if (!foundCurrent || foundCovers) return null;
    return { view, query, total: foundCurrent.ids.length, offset: from, rows: await db.papers.bulkGet(foundCurrent.ids.slice(from, to)) };
    // The search matters only while searching: without one it must not re-run this query.
  }, [db, view, query, from, to, query === '' ? null : found, foundCovers]);

  return useLastDefined(foundCovers ? foundCurrent.page : page);
}

/** The last value that was not null/undefined. */
function useLastDefined<T>(value: T | null | undefined): T | undefined {
  const last = useRef<T | undefined>(undefined);
  if (value != null) last.current = value;
  return last.current;
}

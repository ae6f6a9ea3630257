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

  // Searching: the ordered ids of the matches (keys only), then the records of the visible block.
  const found = useLiveQuery(
    async () => (query === '' ? null : { view, query, ids: await searchView(db, view, tokens) }),
    [db, view, query],
  );
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
    if (!found || found.view !== view || found.query !== query) return null;
    return { view, query, total: found.ids.length, offset: from, rows: await db.papers.bulkGet(found.ids.slice(from, to)) };
  }, [db, view, query, from, to, found]);

  return useLastDefined(page ?? undefined);
}

/** The last value that was not null/undefined. */
function useLastDefined<T>(value: T | null | undefined): T | undefined {
  const last = useRef<T | undefined>(undefined);
  if (value != null) last.current = value;
  return last.current;
}

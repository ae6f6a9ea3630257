import { useMemo, useRef } from 'preact/hooks';
import type { PaperRecord, ShelfmarkDB } from '../store/db';
import type { PaperId } from '../paper';
import { libraryCounts } from '../store/catalog';
import type { SearchIndex } from '../store/search-index';
import { useLiveQuery } from './use-live-query';
import { viewPage, VIEWS, type ViewCounts, type ViewName } from '../store/views';

/**
 * What the popup lists: one view, maybe narrowed by a search, read a block of rows at a time
 * around what is on screen. Everything is live: a change anywhere (a card's button on a page,
 * another popup) re-runs the queries that read the changed papers.
 *
 * The first rows wait for nothing but their own block (one range of the view's index). A search
 * asks the in-memory index (lib/store/search-index.ts) which papers match, in the view's order,
 * and reads only the records of the block on screen.
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
  /** Searching: every match, in the view's order (what "export the current search" exports). */
  ids?: readonly PaperId[];
}

export interface LibrarySummary {
  /** Papers per view, from the catalog (undefined while it is first built). */
  counts: ViewCounts | undefined;
  /** The first paper of the queue: "read next". */
  queueHead: PaperId | undefined;
}

/** Counts per view and the head of the queue: two small reads, kept live. */
export function useLibrarySummary(db: ShelfmarkDB): LibrarySummary | undefined {
  return useLiveQuery<LibrarySummary>(
    () =>
      db.transaction('r', db.papers, db.catalog, async () => ({
        counts: await libraryCounts(db),
        queueHead: (await db.papers.orderBy('queuePos').limit(1).primaryKeys())[0],
      })),
    [db],
  );
}

interface Block {
  view: ViewName;
  query: string;
  offset: number;
  rows: (PaperRecord | undefined)[];
  ids?: readonly PaperId[];
  /** Exact number of papers listed, when known from the read itself. */
  total?: number;
}

/**
 * The rows of `view` matching `tokens` (from `queryTokens`) around `visible` (first and last index
 * on screen); `counts` (from useLibrarySummary) gives the length of an unsearched view, `index`
 * (useSearchIndex) answers searches. Until the first answer, undefined; afterwards the last answer
 * stays while a newer one is read, so the list never flashes empty: check `page.query` to know
 * what it answers.
 */
export function usePaperList(
  db: ShelfmarkDB,
  view: ViewName,
  tokens: readonly string[],
  visible: { first: number; last: number },
  counts: ViewCounts | undefined,
  index: SearchIndex | undefined,
): PaperListPage | undefined {
  const query = tokens.join(' ');
  const searching = query !== '';
  const from = Math.floor(Math.max(0, visible.first) / BLOCK) * BLOCK;
  const to = (Math.floor(Math.max(visible.first, visible.last) / BLOCK) + 1) * BLOCK;

  // Searching: the matches, in the view's order, from memory (recomputed when the index changes).
  const version = index?.version;
  const found = useMemo(() => {
    if (!searching || !index) return null;
    const slots = index.search(tokens, { key: VIEWS[view].index, newestFirst: VIEWS[view].newestFirst });
    return { view, query, ids: Array.from(slots, (slot) => index.idAt(slot)) };
    // `tokens` is `query` split: the query stands for both.
  }, [index, version, view, query]);

  // The block on screen: a range of the view's index, or the records of the matches there.
  const read = useLiveQuery(async (): Promise<Block | null> => {
    if (!searching) {
      const rows = await viewPage(db, view, from, to - from);
      // A short block is the end of the view: its length is then known exactly.
      return { view, query, offset: from, rows, total: rows.length < to - from ? from + rows.length : undefined };
    }
    if (!found) return null; // the index is still loading: the last answer stays
    const rows = await db.papers.bulkGet(found.ids.slice(from, to));
    return { view, query, offset: from, rows, total: found.ids.length, ids: found.ids };
  }, [db, view, query, from, to, found]);

  const shown = useLastDefined(read);
  const count = shown && shown.query === '' ? counts?.[shown.view] : undefined;
  return useMemo(
    () =>
      shown && {
        view: shown.view,
        query: shown.query,
        offset: shown.offset,
        rows: shown.rows,
        ids: shown.ids,
        total: shown.total ?? Math.max(count ?? 0, shown.offset + shown.rows.length),
      },
    [shown, count],
  );
}

/** The last value that was not null/undefined. */
function useLastDefined<T>(value: T | null | undefined): T | undefined {
  const last = useRef<T | undefined>(undefined);
  if (value != null) last.current = value;
  return last.current;
}

import { useMemo, useRef, useState } from 'preact/hooks';
import type { PaperRecord, ShelfmarkDB } from '../store/db';
import type { PaperId } from '../paper';
import { useLiveQuery } from './use-live-query';
import { searchView, viewCounts, viewIds, viewPage, type ViewCounts, type ViewName } from '../store/views';

/**
 * What the popup lists: one view, maybe narrowed by a search, read a block of rows at a time
 * around what is on screen. Everything is live: a change anywhere (a card's button on a page,
 * another popup) re-runs the queries that read the changed papers.
 *
 * IndexedDB counts and key reads cost time in proportion to the keys they cover (Chromium walks
 * them), so the first rows wait for nothing but their own block: counts come after, and a search
 * reads the view's order once, then only its words' index ranges per key typed.
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
  counts: ViewCounts;
  /** The first paper of the queue: "read next". */
  queueHead: PaperId | undefined;
}

/** Counts per view and the head of the queue, by index; read once `enabled` (after the first rows). */
export function useLibrarySummary(db: ShelfmarkDB, enabled = true): LibrarySummary | undefined {
  return useLiveQuery<LibrarySummary | undefined>(
    () =>
      enabled
        ? db.transaction('r', db.papers, async () => ({
            counts: await viewCounts(db),
            queueHead: (await db.papers.orderBy('queuePos').limit(1).primaryKeys())[0],
          }))
        : undefined,
    [db, enabled],
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
 * on screen); `counts` (from useLibrarySummary) gives the length of an unsearched view. Until the
 * first answer, undefined; afterwards the last answer stays while a newer one is read, so the list
 * never flashes empty: check `page.query` to know what it answers.
 */
export function usePaperList(
  db: ShelfmarkDB,
  view: ViewName,
  tokens: readonly string[],
  visible: { first: number; last: number },
  counts: ViewCounts | undefined,
): PaperListPage | undefined {
  const query = tokens.join(' ');
  const searching = query !== '';
  const from = Math.floor(Math.max(0, visible.first) / BLOCK) * BLOCK;
  const to = (Math.floor(Math.max(visible.first, visible.last) / BLOCK) + 1) * BLOCK;

  // Once a search has started in this view: the view's order (its ids, keys only), read once and
  // kept live, also between searches (so the first key of the next search does not wait for it).
  const [orderWanted, setOrderWanted] = useState<ViewName | null>(null);
  if (searching && orderWanted !== view) setOrderWanted(view);
  const keepOrder = searching || orderWanted === view;
  const order = useLiveQuery(async () => (keepOrder ? { view, ids: await viewIds(db, view) } : null), [db, view, keepOrder]);
  const viewOrder = order && order.view === view ? order.ids : 'later';

  // The ordered ids of the matches and, in the same query, the records of the block on screen
  // (a new search starts at the top): a key typed costs one query.
  const block = useRef({ from, to });
  block.current = { from, to };
  const found = useLiveQuery(async () => {
    if (!searching) return null;
    const ids = await searchView(db, view, tokens, viewOrder);
    if (ids === null) return null; // many matches: answered once the view's order is read
    const { from, to } = block.current;
    const page: Block = { view, query, offset: from, rows: await db.papers.bulkGet(ids.slice(from, to)), total: ids.length, ids };
    return { view, query, ids, page };
  }, [db, view, query, viewOrder]);
  const foundCurrent = found && found.view === view && found.query === query ? found : null;
  const foundCovers =
    foundCurrent !== null &&
    foundCurrent.page.offset === from &&
    foundCurrent.page.rows.length >= Math.min(to, foundCurrent.ids.length) - from;

  // Without a search: the block on screen, by the view's index (its count comes with the summary).
  // Searching, a block the search did not read (scrolled further) is read here.
  const read = useLiveQuery(async (): Promise<Block | null> => {
    if (!searching) {
      const rows = await viewPage(db, view, from, to - from);
      // A short block is the end of the view: its length is then known exactly.
      return { view, query, offset: from, rows, total: rows.length < to - from ? from + rows.length : undefined };
    }
    if (!foundCurrent || foundCovers) return null;
    const ids = foundCurrent.ids;
    return { view, query, offset: from, rows: await db.papers.bulkGet(ids.slice(from, to)), total: ids.length, ids };
    // The search matters only while searching: without one it must not re-run this query.
  }, [db, view, query, from, to, searching ? found : null, foundCovers]);

  const shown = useLastDefined(foundCovers ? foundCurrent.page : read);
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

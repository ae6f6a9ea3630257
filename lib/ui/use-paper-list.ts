import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { PaperRecord, ShelfmarkDB } from '../store/db';
import type { PaperId } from '../paper';
import { libraryCounts } from '../store/catalog';
import { readNextId } from '../store/queue';
import type { SearchIndex } from '../store/search-index';
import { useLiveQuery } from './use-live-query';
import { keepQueueHead, type QueueHead } from './queue-head';
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

/**
 * Rows are read in blocks of this many, so scrolling within a block reads nothing; a search's
 * blocks are smaller (a popup shows about ten rows): a key typed reads only what it shows.
 */
const BLOCK = 40;
const SEARCH_BLOCK = 16;

export interface PaperListPage {
  view: ViewName;
  /** The query (folded tokens, space-separated) these rows answer; '' for the whole view. */
  query: string;
  total: number;
  offset: number;
  rows: (PaperRecord | undefined)[];
  /** Searching: every match, in the view's order (what "export the current search" exports). */
  ids?: readonly PaperId[];
  /** The rows are the queue's head as a popup kept it (lib/ui/queue-head.ts), not yet read from the database. */
  kept?: true;
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
        queueHead: await readNextId(db),
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
  kept?: true;
}

/**
 * The rows of `view` matching `tokens` (from `queryTokens`) around `visible` (first and last index
 * on screen); `counts` (from useLibrarySummary) gives the length of an unsearched view, `index`
 * (useSearchIndex) answers searches. Until the first answer, undefined; afterwards the last answer
 * stays while a newer one is read, so the list never flashes empty: check `page.query` to know
 * what it answers.
 *
 * `head`, in the popup: the queue's first rows as kept by the last popup, shown until the database
 * answers; the first rows of the queue read are kept in turn (lib/ui/queue-head.ts).
 */
export function usePaperList(
  db: ShelfmarkDB,
  view: ViewName,
  tokens: readonly string[],
  visible: { first: number; last: number },
  counts: ViewCounts | undefined,
  index: SearchIndex | undefined,
  head?: { kept: QueueHead | undefined },
): PaperListPage | undefined {
  const query = tokens.join(' ');
  const searching = query !== '';
  const block = searching ? SEARCH_BLOCK : BLOCK;
  const from = Math.floor(Math.max(0, visible.first) / block) * block;
  const to = (Math.floor(Math.max(visible.first, visible.last) / block) + 1) * block;

  // Searching: the matches, in the view's order, from memory (recomputed when a paper is written).
  const version = index?.version;
  const records = useRef<RecordCache>({ records: new Map() });
  const found = useMemo(() => {
    if (!searching || !index) return null;
    const slots = index.search(tokens, { key: VIEWS[view].index, newestFirst: VIEWS[view].newestFirst });
    const ids = Array.from(slots, (slot) => index.idAt(slot));
    const cache = records.current;
    if (cache.index !== index || cache.version !== version) Object.assign(cache, { index, version, records: new Map() });
    // The first block: from the papers the keys before listed, or asked for at once, so the
    // database reads while the page renders the key typed.
    const first = ids.slice(0, SEARCH_BLOCK);
    const firstRows = first.every((id) => cache.records.has(id)) ? first.map((id) => cache.records.get(id)) : undefined;
    return { view, query, ids, firstRows, firstBlock: firstRows ? Promise.resolve(firstRows) : readRecords(db, cache, first) };
    // `tokens` is `query` split: the query stands for both.
  }, [db, index, version, view, query]);

  // Not searching, the block on screen is a range of the view's index, kept live by Dexie.
  const listed = useLiveQuery(async (): Promise<Block | null> => {
    if (searching) return null;
    const rows = await viewPage(db, view, from, to - from);
    // A short block is the end of the view: its length is then known exactly.
    return { view, query, offset: from, rows, total: rows.length < to - from ? from + rows.length : undefined };
  }, [db, view, query, from, to]);

  // Searching, it is the records of the matches there, read at once (no live query's first-run
  // delay on a key typed): `found` changes whenever a paper is written, so they stay live too.
  const [matched, setMatched] = useState<Block | null>(null);
  const firstBlock = found !== null && from === 0 && to === SEARCH_BLOCK;
  useLayoutEffect(() => {
    if (!found || (firstBlock && found.firstRows)) return;
    let current = true;
    const read = firstBlock ? found.firstBlock : readRecords(db, records.current, found.ids.slice(from, to));
    read.then(
      (rows) => current && setMatched({ view, query, offset: from, rows, total: found.ids.length, ids: found.ids }),
      (error: unknown) => console.error('[Shelfmark] could not read the matching papers', error),
    );
    return () => {
      current = false;
    };
  }, [db, found, from, to]);
  const answer =
    found && firstBlock && found.firstRows
      ? { view, query, offset: 0, rows: found.firstRows, total: found.ids.length, ids: found.ids }
      : matched?.query === query && matched.view === view
        ? matched
        : null;

  // The queue's head: the rows kept, until it is read; then what was read is kept (with the
  // queue's length, once counted) for the next popup.
  const kept = head?.kept && view === 'queue' && !searching ? head.kept : undefined;
  const keptBlock = useMemo((): Block | undefined => kept && { view, query, offset: 0, rows: kept.rows, total: kept.total, kept: true as const }, [kept]);
  const queueCount = counts?.queue;
  useEffect(() => {
    if (head && listed && listed.view === 'queue' && listed.query === '' && listed.offset === 0 && queueCount !== undefined) {
      keepQueueHead({ rows: listed.rows.filter((row) => row !== undefined), total: queueCount });
    }
  }, [listed, queueCount]);

  // Until an answer for the current query, the last one stays (the index may still be loading).
  const shown = useLastDefined(searching ? answer : (listed ?? keptBlock));
  const count = shown && shown.query === '' && !shown.kept ? counts?.[shown.view] : undefined;
  return useMemo(
    () =>
      shown && {
        view: shown.view,
        query: shown.query,
        offset: shown.offset,
        rows: shown.rows,
        ids: shown.ids,
        total: shown.total ?? Math.max(count ?? 0, shown.offset + shown.rows.length),
        kept: shown.kept,
      },
    [shown, count],
  );
}

/** Records read for searches, kept while the search index stays at one version (no paper written since). */
interface RecordCache {
  index?: SearchIndex;
  version?: number;
  records: Map<PaperId, PaperRecord>;
}

/** Enough for the first blocks of the last few dozen keys typed. */
const MAX_CACHED_RECORDS = 1_000;

async function readRecords(db: ShelfmarkDB, cache: RecordCache, ids: readonly PaperId[]): Promise<(PaperRecord | undefined)[]> {
  const { index, version } = cache;
  const rows = await db.papers.bulkGet([...ids]);
  // Kept only if no paper was written meanwhile (the read may have come before the write).
  if (cache.index === index && cache.version === version) {
    if (cache.records.size > MAX_CACHED_RECORDS) cache.records.clear();
    for (const row of rows) if (row) cache.records.set(row.id, row);
  }
  return rows;
}

/** The last value that was not null/undefined. */
function useLastDefined<T>(value: T | null | undefined): T | undefined {
  const last = useRef<T | undefined>(undefined);
  if (value != null) last.current = value;
  return last.current;
}

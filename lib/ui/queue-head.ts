import { DB_VERSION, type PaperRecord } from '../store/db';

/**
 * The first rows of the queue as the popup last showed them, kept in the extension's localStorage
 * (read at once, unlike the database): the next popup draws them in its first frame, 20–30 ms before
 * the database answers at 50,000 papers, and its live rows replace them as soon as they are read.
 *
 * A change made from an extension page forgets them (lib/ui/extension-actions.ts), so the popup never
 * opens on rows a page of ours changed since. A change made elsewhere (a card on a site, sync) shows
 * for that moment as it was. Abstracts and search words are left out: no row shows them.
 */
export interface QueueHead {
  rows: PaperRecord[];
  /** How many papers the queue held. */
  total: number;
}

/** Rows kept: more than a popup shows at once. */
export const HEAD_ROWS = 12;

const KEY = 'shelfmark:queue-head';

/** The rows kept, or undefined (none kept, or unreadable). */
export function readQueueHead(storage: Storage | undefined = globalThis.localStorage): QueueHead | undefined {
  try {
    const head = JSON.parse(storage?.getItem(KEY) ?? 'null') as (Partial<QueueHead> & { version?: number }) | null;
    // Rows kept by another schema version may be shaped otherwise.
    if (head?.version !== DB_VERSION || !Array.isArray(head.rows) || head.rows.length === 0 || typeof head.total !== 'number') return undefined;
    return { rows: head.rows.map((row: PaperRecord) => ({ ...row, words: [] })), total: head.total };
  } catch {
    return undefined;
  }
}

/** Keeps the first rows of the queue as read from the database (an empty queue keeps nothing). */
export function keepQueueHead(head: QueueHead, storage: Storage | undefined = globalThis.localStorage): void {
  if (head.rows.length === 0) return forgetQueueHead(storage);
  const rows = head.rows.slice(0, HEAD_ROWS).map(({ abstract: _abstract, words: _words, ...shown }) => shown);
  try {
    storage?.setItem(KEY, JSON.stringify({ version: DB_VERSION, rows, total: head.total }));
  } catch {
    // Storage full or unavailable: the next popup reads the database, as without it.
    forgetQueueHead(storage);
  }
}

export function forgetQueueHead(storage: Storage | undefined = globalThis.localStorage): void {
  storage?.removeItem(KEY);
}

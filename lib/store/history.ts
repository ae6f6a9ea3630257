import type { HistoryEntry, PaperRecord, ShelfmarkDB } from './db';
import { paperLinks, type PaperRef } from '../paper';
import { paperWords } from './search';

/**
 * History: the papers the user opened, with when and where, one row per paper. It stays on this
 * device: no outbox row, no sync, no backup. Recorded by the background when a tab shows a paper's
 * page (lib/background/history-recorder.ts) while the setting is on; cleared by one button.
 */

/** Rows kept; the oldest go first beyond it. */
export const HISTORY_LIMIT = 5_000;

/**
 * Records that `paper` was opened at `url`. Its title and authors are the library's when it holds
 * the paper, else the page's; a title made up from a tab (`titled` false: a PDF's file name, the id)
 * does not replace one a page gave before.
 */
export async function recordOpened(
  db: ShelfmarkDB,
  paper: Pick<PaperRef, 'id' | 'title' | 'authors'>,
  url: string,
  { now = Date.now(), titled = true }: { now?: number; titled?: boolean } = {},
): Promise<void> {
  await db.transaction('rw', db.history, db.papers, async () => {
    const [before, stored] = await Promise.all([db.history.get(paper.id), db.papers.get(paper.id)]);
    const title = stored?.title ?? (titled || !before ? paper.title : before.title);
    const authors = [stored?.authors, paper.authors, before?.authors].find((names) => names?.length) ?? [];
    await db.history.put({
      id: paper.id,
      title,
      authors: [...authors],
      url,
      openedAt: now,
      firstOpenedAt: before?.firstOpenedAt ?? now,
      opens: (before?.opens ?? 0) + 1,
      words: paperWords({ title, authors, note: '' }),
    });
    if (!before && (await db.history.count()) > HISTORY_LIMIT) {
      const oldest = await db.history.orderBy('openedAt').limit((await db.history.count()) - HISTORY_LIMIT).primaryKeys();
      await db.history.bulkDelete(oldest);
    }
  });
}

export function clearHistory(db: ShelfmarkDB): Promise<void> {
  return db.history.clear();
}

/** Up to `limit` entries, most recently opened first, matching the query's tokens (from `queryTokens`), with how many match in all. */
export async function historyPage(db: ShelfmarkDB, tokens: readonly string[], limit: number): Promise<{ entries: HistoryEntry[]; total: number }> {
  return db.transaction('r', db.history, async () => {
    if (tokens.length === 0) {
      const [entries, total] = await Promise.all([db.history.orderBy('openedAt').reverse().limit(limit).toArray(), db.history.count()]);
      return { entries, total };
    }
    // The longest word's range of the index, then every word of the query in each entry's words.
    const [longest, ...rest] = tokens;
    const ids = new Set(await db.history.where('words').startsWith(longest!).primaryKeys());
    const matches = (await db.history.bulkGet([...ids]))
      .filter((entry): entry is HistoryEntry => entry !== undefined && rest.every((token) => entry.words.some((word) => word.startsWith(token))))
      .sort((a, b) => b.openedAt - a.openedAt);
    return { entries: matches.slice(0, limit), total: matches.length };
  });
}

/**
 * History as papers, for the exports (lib/export/scope.ts): the library's record where it holds the
 * paper (its note and state come along), else one made from the entry, most recently opened first.
 */
export async function historyPapers(db: ShelfmarkDB): Promise<PaperRecord[]> {
  const entries = await db.history.orderBy('openedAt').reverse().toArray();
  const stored = await db.papers.bulkGet(entries.map((entry) => entry.id));
  return entries.map((entry, i) => stored[i] ?? asPaper(entry));
}

function asPaper(entry: HistoryEntry): PaperRecord {
  return {
    id: entry.id,
    title: entry.title,
    authors: entry.authors,
    links: { abs: entry.url, ...paperLinks(entry.id) },
    note: '',
    createdAt: entry.firstOpenedAt,
    updatedAt: entry.openedAt,
    changedAt: {},
    words: entry.words,
  };
}

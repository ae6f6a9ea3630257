import type { PaperRecord, ShelfmarkDB } from './db';
import type { MessageKey } from '../i18n';

/**
 * The views of the library the popup lists. Each view is one index of the database: a paper is
 * in the view when it has that key, and the view's order is the index order. So a page of it is an
 * index range: nothing loads every record, however many papers are stored. Counts and searches
 * come from the catalog (lib/store/catalog.ts, lib/store/search-index.ts), in the same order.
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

function ordered(db: ShelfmarkDB, view: ViewName) {
  const spec = VIEWS[view];
  const collection = db.papers.orderBy(spec.index);
  return spec.newestFirst ? collection.reverse() : collection;
}

/** Papers `offset` to `offset + limit` of a view, in its order. */
export function viewPage(db: ShelfmarkDB, view: ViewName, offset: number, limit: number): Promise<PaperRecord[]> {
  return ordered(db, view).offset(offset).limit(limit).toArray();
}

/** Every record of a view, in its order (exports). */
export function viewRecords(db: ShelfmarkDB, view: ViewName): Promise<PaperRecord[]> {
  return ordered(db, view).toArray();
}

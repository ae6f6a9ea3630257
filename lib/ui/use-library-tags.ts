import type { ShelfmarkDB } from '../store/db';
import { libraryTags, type TagCount } from '../store/tags';
import { useLiveQuery } from './use-live-query';

/** The library's tags with their counts, live (one index read of the `tag:` words); read once `enabled`. */
export function useLibraryTags(db: ShelfmarkDB, enabled = true): TagCount[] | undefined {
  return useLiveQuery(() => (enabled ? libraryTags(db) : undefined), [db, enabled]);
}

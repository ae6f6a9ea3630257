import { liveQuery } from 'dexie';
import { useLayoutEffect, useState } from 'preact/hooks';

/**
 * Preact binding for Dexie's liveQuery: re-renders when the data behind `query` changes,
 * in this page or in any other extension context (the background, another popup).
 * Returns undefined until the first result. When `deps` change, the previous result stays until
 * the new query answers, so a list being refined (search as you type) never flashes empty.
 */
export function useLiveQuery<T>(query: () => Promise<T> | T, deps: readonly unknown[]): T | undefined {
  const [result, setResult] = useState<T | undefined>(undefined);
  // Subscribed before the first paint rather than after it: the query starts a frame sooner.
  useLayoutEffect(() => {
    const subscription = liveQuery(query).subscribe({
      // A function result would be taken by setState as an updater.
      next: (value) => setResult(() => value),
      error: (error: unknown) => console.error('[Shelfmark] live query failed', error),
    });
    return () => subscription.unsubscribe();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return result;
}

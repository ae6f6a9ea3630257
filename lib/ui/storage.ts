/**
 * The browser's storage for Shelfmark, from an extension page: whether it is persistent (never
 * cleared to free disk space; with `unlimitedStorage` it is never capped either) and how much is used.
 */

export interface StorageStatus {
  /** True when the browser keeps it; undefined when the browser does not say. */
  persisted: boolean | undefined;
  /** Bytes used by the extension (the library, its snapshots, settings), when the browser says. */
  usage: number | undefined;
}

/** Asks for persistent storage (once granted, asking again is free) and says where things stand. */
export async function requestPersistentStorage(): Promise<StorageStatus> {
  const storage = globalThis.navigator?.storage;
  if (!storage) return { persisted: undefined, usage: undefined };
  const [persisted, estimate] = await Promise.all([
    storage.persist ? storage.persist().catch(() => undefined) : undefined,
    storage.estimate ? storage.estimate().catch(() => undefined) : undefined,
  ]);
  return { persisted, usage: estimate?.usage };
}

import Dexie, { type IntervalTree, type IntervalTreeNode, type ObservabilitySet } from 'dexie';
import { useEffect, useReducer, useState } from 'preact/hooks';
import type { ShelfmarkDB } from '../store/db';
import { buildCatalog, CATALOG_TABLE, emptyBucket, libraryCounts, readCatalog, type CatalogBucket } from '../store/catalog';
import { SearchIndex } from '../store/search-index';

/**
 * An extension page's SearchIndex: loaded from the catalog (built first when it is not current),
 * then kept in step with it. Dexie tells every extension context which rows of a table a write
 * changed (its `storagemutated` event, carried between contexts by a BroadcastChannel), so after a
 * write anywhere (the background, another page) only the buckets it rewrote are read again.
 */
class LiveSearchIndex {
  index: SearchIndex | undefined;
  /** Settles once the index is first loaded. */
  readonly ready: Promise<void>;
  private loaded!: () => void;
  private readonly listeners = new Set<() => void>();
  private readonly part: string;
  private stale = new Set<CatalogBucket['id'] | 'meta'>();
  private reload = true;
  private running: Promise<void> | undefined;

  constructor(
    private readonly db: ShelfmarkDB,
    private readonly cites: boolean,
  ) {
    this.part = `idb://${db.name}/${CATALOG_TABLE}/`;
    this.ready = new Promise((resolve) => (this.loaded = resolve));
    Dexie.on('storagemutated', this.onMutated);
    this.update();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get unused(): boolean {
    return this.listeners.size === 0;
  }

  close(): void {
    Dexie.on('storagemutated').unsubscribe(this.onMutated);
  }

  private readonly onMutated = (parts: ObservabilitySet) => {
    const tree = parts[this.part];
    if ('all' in parts) this.reload = true; // Dexie's own signal that anything may have changed (page shown again)
    else if (tree === undefined) return;
    else if (!collectKeys(tree, this.stale)) this.reload = true;
    this.update();
  };

  /** Reads what changed, one read at a time, so that an older read never lands after a newer one. */
  private update(): void {
    this.running ??= (async () => {
      try {
        while (this.reload || this.stale.size > 0) {
          if (this.reload) {
            this.reload = false;
            this.stale.clear();
            const buckets = (await readCatalog(this.db)) ?? (await buildCatalog(this.db));
            // A task of its own: a key pressed meanwhile is not held up by both the read and the build.
            await new Promise((resolve) => setTimeout(resolve));
            this.index = new SearchIndex(buckets, { cites: this.cites });
            this.loaded();
            performance.mark('shelfmark:search-index'); // for the benchmark: when a search can be answered
          } else {
            const keys = [...this.stale];
            this.stale.clear();
            // The meta row changes with every count; a catalog no longer current must be built again.
            if (keys.includes('meta') && (await libraryCounts(this.db)) === undefined) {
              this.reload = true;
              continue;
            }
            const ids = keys.filter((key): key is number => key !== 'meta');
            const rows = (await this.db.catalog.bulkGet(ids)) as (CatalogBucket | undefined)[];
            ids.forEach((id, i) => this.index?.setBucket(rows[i] ?? emptyBucket(id)));
          }
          for (const listener of this.listeners) listener();
        }
      } catch (error) {
        console.error('[Shelfmark] could not load the search index', error);
        this.reload = true; // tried again at the next change
      } finally {
        this.running = undefined;
      }
    })();
  }
}

/** Adds the single keys of a Dexie range tree to `keys`; false when it holds a range (anything may have changed). */
function collectKeys(tree: IntervalTree, keys: Set<CatalogBucket['id'] | 'meta'>): boolean {
  const nodes: (IntervalTreeNode | null | undefined)[] = ['from' in tree ? tree : undefined];
  while (nodes.length > 0) {
    const node = nodes.pop();
    if (!node) continue;
    if (node.from !== node.to || (typeof node.from !== 'number' && node.from !== 'meta')) return false;
    keys.add(node.from);
    nodes.push(node.l, node.r);
  }
  return true;
}

const live = new Map<ShelfmarkDB, LiveSearchIndex>();

/** The index of a mounted useSearchIndex, once loaded (for work that must wait for it, like a click). */
export function searchIndexReady(db: ShelfmarkDB): Promise<SearchIndex> | undefined {
  const entry = live.get(db);
  return entry?.ready.then(() => entry.index!);
}

/**
 * The page's search index once loaded (undefined before), re-rendering the caller at each change
 * (its `version` changes too). `enabled` false defers loading: the first rows come first.
 * `cites` keeps each paper's BibTeX base key (the options page copies entries).
 */
export function useSearchIndex(db: ShelfmarkDB, enabled = true, options: { cites?: boolean } = {}): SearchIndex | undefined {
  const [, changed] = useReducer((n: number) => n + 1, 0);
  const [source, setSource] = useState<LiveSearchIndex | undefined>(undefined);
  useEffect(() => {
    if (!enabled) return;
    let entry = live.get(db);
    if (!entry) {
      entry = new LiveSearchIndex(db, options.cites ?? false);
      live.set(db, entry);
    }
    const current = entry;
    const unsubscribe = current.subscribe(() => changed(0));
    setSource(current);
    return () => {
      unsubscribe();
      if (current.unused) {
        current.close();
        live.delete(db);
      }
    };
  }, [db, enabled]);
  return source?.index;
}

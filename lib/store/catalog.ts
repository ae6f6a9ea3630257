import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreRangeType, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import type { PaperRecord, ShelfmarkDB } from './db';
import type { PaperId } from '../paper';
import { baseCitationKey } from '../export/bibtex';
import { VIEW_NAMES, VIEWS, type ViewCounts } from './views';
import { foldText } from './search';

/**
 * The catalog: what the extension pages need of every paper without reading its record (its search
 * words, the keys that place it in each view, its BibTeX base key), kept in CATALOG_BUCKETS
 * buckets. A page reads the whole library's catalog in one read of a few megabytes, where the
 * records would be tens (an IndexedDB read costs by the record: 50,000 records take seconds), and
 * a write rewrites one bucket. The `meta` row counts the papers of each view.
 *
 * A middleware (catalogMiddleware) follows every write to `papers` inside its own transaction, so
 * the catalog is never behind. Only when it was not built for the current schema (a new database
 * version, records written before it existed) is it rebuilt from the records, once (buildCatalog).
 */

export const CATALOG_TABLE = 'catalog';
/** 64 buckets: at 50,000 papers, a write rewrites about 800 entries (100 KB) and a page reads 64 rows. */
export const CATALOG_BUCKETS = 64;
/** The entry format; bump it when what an entry holds changes, and every catalog is rebuilt. 2: the library's sort keys `date` and `title`. */
const CATALOG_FORMAT = 2;
const META_ID = 'meta';
/** Dexie's DBCoreRangeType.Any (a const enum: not there at run time): the whole table. */
const ANY_RANGE = 3 as DBCoreRangeType;

/**
 * The keys an entry keeps, in this order: the views' indexes, then the library's orders:
 * `updatedAt`, the paper's `date` (as a time) and its `title` (titleSortKey).
 */
export const CATALOG_KEYS = ['queuePos', 'starredAt', 'noteUpdatedAt', 'readAt', 'createdAt', 'updatedAt', 'date', 'title'] as const;
export type CatalogKey = (typeof CATALOG_KEYS)[number];
const KEY_COUNT = CATALOG_KEYS.length;

/** The papers of one bucket, side by side: entry i is `ids[i]`, `words[i]`, `keys[i * KEY_COUNT …]`, `cites[i]`. */
export interface CatalogBucket {
  id: number;
  ids: PaperId[];
  /** The record's `words`, each after a space (" graph neural émile" folded): a word starts after every space. */
  words: string[];
  /** CATALOG_KEYS per paper; NaN where the record has none (the paper is not in that view). */
  keys: Float64Array;
  /** baseCitationKey of each paper (unique keys are settled across the whole library: lib/export/bibtex.ts). */
  cites: string[];
}

export interface CatalogMeta {
  id: typeof META_ID;
  format: number;
  /** The schema version it was built at: an upgrade may rewrite records without the middleware. */
  schema: number;
  counts: ViewCounts;
}

export type CatalogRow = CatalogBucket | CatalogMeta;

/** One paper's entry. */
export interface CatalogEntry {
  id: PaperId;
  words: string;
  keys: number[];
  cite: string;
}

export function catalogEntry(record: PaperRecord): CatalogEntry {
  return {
    id: record.id,
    words: record.words.map((word) => ` ${word}`).join(''),
    keys: CATALOG_KEYS.map((key) => (key === 'date' ? (record.date ? Date.parse(record.date) : NaN) : key === 'title' ? titleSortKey(record.title) : (record[key] ?? NaN))),
    cite: baseCitationKey(record),
  };
}

/** Letters and digits a title sorts by: the first TITLE_SORT_CHARS of them, folded, make one exact number. */
const TITLE_SORT_CHARS = 10;
const SORT_ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/**
 * A number that sorts as the title does, by its first ten letters and digits (case and accents
 * folded, other characters skipped): base 37 fits ten of them in a float's exact integers. Titles
 * alike that far tie, and ties go by id like every order.
 */
export function titleSortKey(title: string): number {
  let key = 0;
  let count = 0;
  for (const char of foldText(title)) {
    const digit = SORT_ALPHABET.indexOf(char);
    if (digit < 0) continue;
    key = key * 37 + digit + 1;
    if (++count === TITLE_SORT_CHARS) break;
  }
  return key * 37 ** (TITLE_SORT_CHARS - count);
}

/** The bucket of a paper: FNV-1a of its id. */
export function bucketOf(id: PaperId): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % CATALOG_BUCKETS;
}

const KEY_OF_VIEW = VIEW_NAMES.map((view) => CATALOG_KEYS.indexOf(VIEWS[view].index));

function isCurrent(row: CatalogRow | undefined, schema: number): row is CatalogMeta {
  return row !== undefined && row.id === META_ID && row.format === CATALOG_FORMAT && row.schema === schema;
}

/** The number of papers in each view, from the catalog; undefined until it is built. */
export async function libraryCounts(db: ShelfmarkDB): Promise<ViewCounts | undefined> {
  const meta = await db.catalog.get(META_ID);
  return isCurrent(meta, db.verno) ? meta.counts : undefined;
}

/** The whole catalog, or null when it must be built first. */
export function readCatalog(db: ShelfmarkDB): Promise<CatalogBucket[] | null> {
  return db.transaction('r', db.catalog, async () => {
    const rows = await db.catalog.toArray();
    if (!rows.some((row) => isCurrent(row, db.verno))) return null;
    return rows.filter((row): row is CatalogBucket => row.id !== META_ID);
  });
}

/** Records read at a time while building: a few megabytes. */
const BUILD_CHUNK = 2_000;

/**
 * Builds the catalog from every record, unless it is current (another page may have built it
 * meanwhile), and gives it back. One transaction over both tables, so no write lands between the
 * read and the catalog: writes wait for it (a few seconds at 50,000 papers, once per schema version).
 */
export function buildCatalog(db: ShelfmarkDB): Promise<CatalogBucket[]> {
  return db.transaction('rw', db.papers, db.catalog, async () => {
    const rows = await db.catalog.toArray();
    if (rows.some((row) => isCurrent(row, db.verno))) return rows.filter((row): row is CatalogBucket => row.id !== META_ID);
    const buckets = Array.from({ length: CATALOG_BUCKETS }, (_, id) => new BucketEditor(emptyBucket(id)));
    const counts = zeroCounts();
    let last: PaperId | undefined;
    for (;;) {
      const from = last === undefined ? db.papers.orderBy(':id') : db.papers.where(':id').above(last);
      const records = await from.limit(BUILD_CHUNK).toArray();
      if (records.length === 0) break;
      for (const record of records) put(buckets, catalogEntry(record), counts);
      last = records[records.length - 1]!.id;
    }
    await db.catalog.clear();
    const built = buckets.map((bucket) => bucket.done());
    const meta: CatalogMeta = { id: META_ID, format: CATALOG_FORMAT, schema: db.verno, counts };
    await db.catalog.bulkPut([...built, meta]);
    return built;
  });
}

/** The catalog of these records, without a database (tests, benchmarks). */
export function catalogBuckets(records: readonly PaperRecord[]): CatalogBucket[] {
  const buckets = Array.from({ length: CATALOG_BUCKETS }, (_, id) => new BucketEditor(emptyBucket(id)));
  for (const record of records) put(buckets, catalogEntry(record), zeroCounts());
  return buckets.map((bucket) => bucket.done());
}

export function emptyBucket(id: number): CatalogBucket {
  return { id, ids: [], words: [], keys: new Float64Array(0), cites: [] };
}

function zeroCounts(): ViewCounts {
  return Object.fromEntries(VIEW_NAMES.map((view) => [view, 0])) as ViewCounts;
}

function countEntry(counts: ViewCounts, keys: ArrayLike<number>, sign: 1 | -1): void {
  VIEW_NAMES.forEach((view, i) => {
    if (!Number.isNaN(keys[KEY_OF_VIEW[i]!])) counts[view] += sign;
  });
}

/** Puts an entry in its bucket (of `buckets`, by bucket number) and counts it in place of what it replaces. */
function put(buckets: readonly BucketEditor[], entry: CatalogEntry, counts: ViewCounts): void {
  const before = buckets[bucketOf(entry.id)]!.put(entry);
  if (before) countEntry(counts, before, -1);
  countEntry(counts, entry.keys, 1);
}

/** The keys of entry `at` of a bucket. */
export function entryKeys(bucket: CatalogBucket, at: number): Float64Array {
  return bucket.keys.subarray(at * KEY_COUNT, (at + 1) * KEY_COUNT);
}

/** A bucket being changed: its entries in growable arrays, found by id; `done` gives the bucket to store. */
class BucketEditor {
  private readonly ids: PaperId[];
  private readonly words: string[];
  private readonly cites: string[];
  private readonly keys: number[];
  private readonly at = new Map<PaperId, number>();

  constructor(private readonly bucket: CatalogBucket) {
    this.ids = [...bucket.ids];
    this.words = [...bucket.words];
    this.cites = [...bucket.cites];
    this.keys = Array.from(bucket.keys);
    this.ids.forEach((id, i) => this.at.set(id, i));
  }

  /** Adds or replaces an entry; returns the keys it had, if any. */
  put(entry: CatalogEntry): number[] | undefined {
    let at = this.at.get(entry.id);
    const before = at === undefined ? undefined : this.keys.slice(at * KEY_COUNT, (at + 1) * KEY_COUNT);
    if (at === undefined) {
      at = this.ids.length;
      this.ids.push(entry.id);
      this.at.set(entry.id, at);
    }
    this.words[at] = entry.words;
    this.cites[at] = entry.cite;
    entry.keys.forEach((key, k) => (this.keys[at * KEY_COUNT + k] = key));
    return before;
  }

  /** Removes an entry; returns the keys it had, if it was there. */
  remove(id: PaperId): number[] | undefined {
    const at = this.at.get(id);
    if (at === undefined) return undefined;
    const before = this.keys.splice(at * KEY_COUNT, KEY_COUNT);
    this.ids.splice(at, 1);
    this.words.splice(at, 1);
    this.cites.splice(at, 1);
    this.at.clear();
    this.ids.forEach((other, i) => this.at.set(other, i));
    return before;
  }

  done(): CatalogBucket {
    return { id: this.bucket.id, ids: this.ids, words: this.words, keys: Float64Array.from(this.keys), cites: this.cites };
  }
}

/**
 * Keeps the catalog in step with `papers`: every read-write transaction on `papers` also takes the
 * catalog, and each write to `papers` rewrites the buckets of the papers it wrote, in that
 * transaction (all or nothing, like the write). The same approach as dexie-cloud's mutation log.
 */
export function catalogMiddleware(db: { verno: number }): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'ShelfmarkCatalog',
    create(down) {
      const hasCatalog = down.schema.tables.some((table) => table.name === CATALOG_TABLE);
      if (!hasCatalog) return down; // an earlier schema version (tests open them)
      return {
        ...down,
        transaction(stores, mode, options) {
          const widened = mode === 'readwrite' && stores.includes('papers') && !stores.includes(CATALOG_TABLE);
          return down.transaction(widened ? [...stores, CATALOG_TABLE] : stores, mode, options);
        },
        table(name) {
          const table = down.table(name);
          if (name !== 'papers') return table;
          return {
            ...table,
            async mutate(request) {
              const response = await table.mutate(request);
              await followWrite(down.table(CATALOG_TABLE), request, response, db.verno);
              return response;
            },
          };
        },
      };
    },
  };
}

async function followWrite(catalog: DBCoreTable, request: DBCoreMutateRequest, response: DBCoreMutateResponse, schema: number) {
  const trans: DBCoreTransaction & { objectStoreNames?: DOMStringList } = request.trans;
  // A schema upgrade's transaction, before the catalog exists: it will be rebuilt (its `schema` is older).
  if (trans.objectStoreNames && !trans.objectStoreNames.contains(CATALOG_TABLE)) return;
  const [meta] = (await catalog.getMany({ trans, keys: [META_ID] })) as [CatalogRow | undefined];
  if (!isCurrent(meta, schema)) return; // not built: whoever reads it next builds it from the records
  if (request.type === 'deleteRange') {
    if (request.range.type === ANY_RANGE) {
      // Every record gone (clear(), as a snapshot's restore does before it writes the snapshot's): so is every entry.
      await catalog.mutate({ trans, type: 'deleteRange', range: request.range });
      await catalog.mutate({ trans, type: 'put', values: [{ ...meta, counts: zeroCounts() }] });
    } else {
      // Some range of ids: which entries went is not known here. Built again on next read.
      await catalog.mutate({ trans, type: 'delete', keys: [META_ID] });
    }
    return;
  }
  const done = (_: unknown, i: number) => !response.failures[i];
  const written = request.type === 'delete' ? [] : (request.values as PaperRecord[]).filter(done).map(catalogEntry);
  const deleted = request.type === 'delete' ? (request.keys as PaperId[]).filter(done) : [];
  if (written.length === 0 && deleted.length === 0) return;

  const touched = [...new Set([...written.map((entry) => entry.id), ...deleted].map(bucketOf))];
  const rows = (await catalog.getMany({ trans, keys: touched })) as (CatalogBucket | undefined)[];
  const buckets: BucketEditor[] = [];
  touched.forEach((id, i) => (buckets[id] = new BucketEditor(rows[i] ?? emptyBucket(id))));
  const counts = { ...meta.counts };
  for (const entry of written) put(buckets, entry, counts);
  for (const id of deleted) {
    const before = buckets[bucketOf(id)]!.remove(id);
    if (before) countEntry(counts, before, -1);
  }
  const changedCounts = VIEW_NAMES.some((view) => counts[view] !== meta.counts[view]);
  const values: CatalogRow[] = [...touched.map((id) => buckets[id]!.done()), ...(changedCounts ? [{ ...meta, counts }] : [])];
  await catalog.mutate({ trans, type: 'put', values });
}

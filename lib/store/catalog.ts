import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreRangeType, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import type { PaperRecord, ShelfmarkDB } from './db';
import type { PaperId } from '../paper';
import { baseCitationKey } from '../export/bibtex';
import { VIEW_NAMES, VIEWS, type ViewCounts } from './views';

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
/** The entry format; bump it when what an entry holds changes, and every catalog is rebuilt. */
const CATALOG_FORMAT = 1;
const META_ID = 'meta';
/** Dexie's DBCoreRangeType.Any (a const enum: not there at run time): the whole table. */
const ANY_RANGE = 3 as DBCoreRangeType;

/** The keys an entry keeps, in this order: the views' indexes, then `updatedAt` (the library's order). */
export const CATALOG_KEYS = ['queuePos', 'starredAt', 'noteUpdatedAt', 'readAt', 'createdAt', 'updatedAt'] as const;
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
    keys: CATALOG_KEYS.map((key) => record[key] ?? NaN),
    cite: baseCitationKey(record),
  };
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
    const buckets = catalogBuckets([]);
    const counts = zeroCounts();
    let last: PaperId | undefined;
    for (;;) {
      const from = last === undefined ? db.papers.orderBy(':id') : db.papers.where(':id').above(last);
      const records = await from.limit(BUILD_CHUNK).toArray();
      if (records.length === 0) break;
      addToCatalog(buckets, records, counts);
      last = records[records.length - 1]!.id;
    }
    await db.catalog.clear();
    const meta: CatalogMeta = { id: META_ID, format: CATALOG_FORMAT, schema: db.verno, counts };
    await db.catalog.bulkPut([...buckets, meta]);
    return buckets;
  });
}

/** The catalog of these records, without a database (tests, benchmarks). */
export function catalogBuckets(records: readonly PaperRecord[]): CatalogBucket[] {
  const buckets = Array.from({ length: CATALOG_BUCKETS }, (_, id) => emptyBucket(id));
  addToCatalog(buckets, records, zeroCounts());
  return buckets;
}

function addToCatalog(buckets: CatalogBucket[], records: readonly PaperRecord[], counts: ViewCounts): void {
  for (const record of records) {
    const entry = catalogEntry(record);
    putEntry(buckets[bucketOf(entry.id)]!, entry);
    countEntry(counts, entry.keys, 1);
  }
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

/** The keys of entry `at` of a bucket. */
export function entryKeys(bucket: CatalogBucket, at: number): Float64Array {
  return bucket.keys.subarray(at * KEY_COUNT, (at + 1) * KEY_COUNT);
}

/** Adds or replaces an entry in a bucket (in place); returns the keys it had, if any. */
function putEntry(bucket: CatalogBucket, entry: CatalogEntry): Float64Array | undefined {
  let at = bucket.ids.indexOf(entry.id);
  const before = at < 0 ? undefined : entryKeys(bucket, at).slice();
  if (at < 0) {
    at = bucket.ids.length;
    bucket.ids.push(entry.id);
    const keys = new Float64Array(bucket.keys.length + KEY_COUNT);
    keys.set(bucket.keys);
    bucket.keys = keys;
  }
  bucket.words[at] = entry.words;
  bucket.cites[at] = entry.cite;
  bucket.keys.set(entry.keys, at * KEY_COUNT);
  return before;
}

/** Removes an entry from a bucket (in place); returns the keys it had, if it was there. */
function removeEntry(bucket: CatalogBucket, id: PaperId): Float64Array | undefined {
  const at = bucket.ids.indexOf(id);
  if (at < 0) return undefined;
  const before = entryKeys(bucket, at).slice();
  bucket.ids.splice(at, 1);
  bucket.words.splice(at, 1);
  bucket.cites.splice(at, 1);
  const keys = new Float64Array(bucket.keys.length - KEY_COUNT);
  keys.set(bucket.keys.subarray(0, at * KEY_COUNT));
  keys.set(bucket.keys.subarray((at + 1) * KEY_COUNT), at * KEY_COUNT);
  bucket.keys = keys;
  return before;
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
  const buckets = new Map(touched.map((id, i) => [id, rows[i] ?? emptyBucket(id)]));
  const counts = { ...meta.counts };
  for (const entry of written) {
    const before = putEntry(buckets.get(bucketOf(entry.id))!, entry);
    if (before) countEntry(counts, before, -1);
    countEntry(counts, entry.keys, 1);
  }
  for (const id of deleted) {
    const before = removeEntry(buckets.get(bucketOf(id))!, id);
    if (before) countEntry(counts, before, -1);
  }
  const changedCounts = VIEW_NAMES.some((view) => counts[view] !== meta.counts[view]);
  const values: CatalogRow[] = [...buckets.values(), ...(changedCounts ? [{ ...meta, counts }] : [])];
  await catalog.mutate({ trans, type: 'put', values });
}

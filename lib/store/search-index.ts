import type { PaperId } from '../paper';
import { CATALOG_KEYS, entryKeys, type CatalogBucket, type CatalogKey } from './catalog';

/**
 * The library's search, in memory: built from the catalog (lib/store/catalog.ts) and kept in step
 * with it bucket by bucket, so a key typed costs no database query. The semantics are those of the
 * `*words` index it replaces: a paper matches when every query token starts one of its words.
 *
 * Compact at 50,000 papers (about 15 MB): each paper is a slot in flat arrays (its id, its words as
 * one string, its keys in a Float64Array), and the words are indexed by their first three letters
 * (postings: for each prefix, in order, the slots having a word that starts with it). A token of up
 * to three letters is one run of the postings, exact; a longer token's candidates (its first three
 * letters') are checked against their words. Slots changed since the postings were built are
 * checked directly, until there are enough of them to build the postings again.
 *
 * Orders (a view's order, the library's) are arrays of slots, sorted once and then patched as
 * papers change: a search walks its view's order and keeps the slots that matched.
 */

/**
 * A list's order: by one catalog key, ascending (the queue) or newest first; ties by id, as
 * IndexedDB orders an index. Only papers having the key, unless `all`: then those without come last.
 */
export interface ListOrder {
  key: CatalogKey;
  newestFirst: boolean;
  all?: boolean;
}

const KEY_COUNT = CATALOG_KEYS.length;
/** Words are indexed by their first three letters: a longer token is checked against the words of its candidates. */
const PREFIX = 3;
/** Up to this many papers changed at once, cached orders are patched; beyond, sorted again when next asked. */
const PATCH_LIMIT = 64;
/** Postings are rebuilt once this share of the slots has changed since they were built. */
const STALE_SHARE = 1 / 16;
const MIN_STALE = 256;

interface CachedOrder extends ListOrder {
  all: boolean;
  column: number;
  slots: Uint32Array;
}

export class SearchIndex {
  /** Changes whenever a paper it holds was written (what it answers, or the records behind, may have changed). */
  version = 0;

  private readonly keepCites: boolean;
  private ids: (PaperId | undefined)[] = [];
  private words: string[] = [];
  private cites: string[] = [];
  private keys = new Float64Array(0);
  private readonly slotOf = new Map<PaperId, number>();
  /** The ids each bucket held when last set: what a new version of it no longer holds is gone. */
  private readonly bucketIds = new Map<number, readonly PaperId[]>();

  /** The postings: for each word prefix (prefixKeys, in order), its slots, prefixSlots[prefixStart[i] … prefixStart[i + 1]]. */
  private prefixKeys = new Float64Array(0);
  private prefixStart = new Uint32Array(1);
  private prefixSlots = new Uint32Array(0);
  /** 1 for a slot whose postings are out of date (changed, added or removed since they were built). */
  private stale = new Uint8Array(0);
  private staleSlots: number[] = [];

  private orders: CachedOrder[] = [];
  private marks = new Uint32Array(0);
  private generation = 0;

  constructor(buckets: readonly CatalogBucket[], options: { cites?: boolean } = {}) {
    this.keepCites = options.cites ?? false;
    // Every entry is new: appended as it is, without comparing it to anything.
    const size = buckets.reduce((sum, bucket) => sum + bucket.ids.length, 0);
    this.grow(size);
    for (const bucket of buckets) {
      const first = this.ids.length;
      this.ids.push(...bucket.ids);
      this.words.push(...bucket.words);
      if (this.keepCites) this.cites.push(...bucket.cites);
      this.keys.set(bucket.keys, first * KEY_COUNT);
      bucket.ids.forEach((id, i) => this.slotOf.set(id, first + i));
      this.bucketIds.set(bucket.id, bucket.ids);
    }
    this.buildPostings();
  }

  /** How many papers it holds. */
  get size(): number {
    return this.slotOf.size;
  }

  /** Takes the bucket as the catalog now holds it: its papers are added, changed or removed to match. */
  setBucket(bucket: CatalogBucket): void {
    const now = new Set(bucket.ids);
    const changes: [slot: number, before: Float64Array][] = [];
    for (const id of this.bucketIds.get(bucket.id) ?? []) {
      if (now.has(id)) continue;
      const slot = this.slotOf.get(id);
      if (slot !== undefined) changes.push([slot, this.remove(slot)]);
    }
    bucket.ids.forEach((id, i) => {
      const change = this.put(id, bucket.words[i]!, entryKeys(bucket, i), bucket.cites[i]!);
      if (change) changes.push(change);
    });
    this.bucketIds.set(bucket.id, bucket.ids);
    // A bucket is written only when one of its papers is: even with the same entries, the records
    // behind them changed (a link, where it was seen), and whoever shows them reads them again.
    this.version++;
    if (changes.length > PATCH_LIMIT) this.orders = [];
    else if (changes.length > 0) this.patchOrders(changes);
  }

  /** The id of a slot (of a search's result). */
  idAt(slot: number): PaperId {
    return this.ids[slot]!;
  }

  /** The base citation key of a paper (kept when the index was made with `cites`). */
  citeOf(slot: number): string {
    return this.cites[slot]!;
  }

  /** Every paper's slot, for walking the whole library. */
  slots(): IterableIterator<number> {
    return this.slotOf.values();
  }

  /**
   * The slots in `order` whose papers match every token (tokens folded as `queryTokens` gives
   * them), or, with `alsoId`, whose id it accepts. No tokens and no `alsoId`: the whole order.
   */
  search(tokens: readonly string[], order: ListOrder, alsoId?: (id: PaperId) => boolean): Uint32Array {
    const sorted = this.order(order);
    if (tokens.length === 0 && !alsoId) return sorted;
    const generation = tokens.length > 0 ? this.mark(tokens) : -1;
    const found = new Uint32Array(sorted.length);
    let count = 0;
    for (const slot of sorted) {
      if (this.marks[slot] === generation || alsoId?.(this.ids[slot]!)) found[count++] = slot;
    }
    return found.slice(0, count);
  }

  // -------------------------------------------------------------------------------------------
  // Slots

  /** Adds or updates a paper; returns its slot and its keys before, when anything changed. */
  private put(id: PaperId, words: string, keys: Float64Array, cite: string): [number, Float64Array] | undefined {
    let slot = this.slotOf.get(id);
    const added = slot === undefined;
    if (slot === undefined) {
      slot = this.ids.length;
      this.grow(slot + 1);
      this.ids.push(id);
      this.words.push('');
      this.slotOf.set(id, slot);
    }
    if (this.keepCites) this.cites[slot] = cite;
    const before = this.keys.slice(slot * KEY_COUNT, (slot + 1) * KEY_COUNT);
    const sameKeys = before.every((value, k) => Object.is(value, keys[k]));
    if (!added && sameKeys && this.words[slot] === words) return undefined;
    if (this.words[slot] !== words) {
      this.words[slot] = words;
      this.markStale(slot);
    }
    this.keys.set(keys, slot * KEY_COUNT);
    return [slot, before];
  }

  /** Empties a slot (its number is not reused); returns its keys before. */
  private remove(slot: number): Float64Array {
    const before = this.keys.slice(slot * KEY_COUNT, (slot + 1) * KEY_COUNT);
    this.slotOf.delete(this.ids[slot]!);
    this.ids[slot] = undefined;
    this.words[slot] = '';
    this.keys.fill(NaN, slot * KEY_COUNT, (slot + 1) * KEY_COUNT);
    this.markStale(slot);
    return before;
  }

  private grow(slots: number): void {
    if (slots * KEY_COUNT <= this.keys.length) return;
    const capacity = Math.max(slots, Math.ceil(this.stale.length * 1.5), 64);
    const keys = new Float64Array(capacity * KEY_COUNT).fill(NaN);
    keys.set(this.keys);
    this.keys = keys;
    const stale = new Uint8Array(capacity);
    stale.set(this.stale);
    this.stale = stale;
    const marks = new Uint32Array(capacity);
    marks.set(this.marks);
    this.marks = marks;
  }

  private markStale(slot: number): void {
    if (this.stale[slot]) return;
    this.stale[slot] = 1;
    this.staleSlots.push(slot);
  }

  // -------------------------------------------------------------------------------------------
  // Matching

  /** Marks the slots matching every token with a new generation number, and returns it. */
  private mark(tokens: readonly string[]): number {
    if (this.staleSlots.length > Math.max(MIN_STALE, this.size * STALE_SHARE)) this.buildPostings();
    const { marks, words, stale, staleSlots, prefixSlots } = this;
    let previous = 0;
    let matched: number[] | undefined;
    for (const token of tokens) {
      if (this.generation >= 0xfffffff0) {
        marks.fill(0);
        this.generation = 0;
      }
      const generation = ++this.generation;
      const pattern = ` ${token}`;
      const [from, to] = this.postingRange(token);
      const next: number[] = [];
      if (matched && matched.length * 4 < to - from + staleSlots.length) {
        // Few papers left: check their words rather than walk the token's postings.
        for (const slot of matched) {
          if (!words[slot]!.includes(pattern)) continue;
          marks[slot] = generation;
          next.push(slot);
        }
      } else {
        const first = previous === 0;
        const check = token.length > PREFIX; // the postings are exact up to PREFIX letters
        for (let k = from; k < to; k++) {
          const slot = prefixSlots[k]!;
          if (marks[slot] === generation || stale[slot] || !(first || marks[slot] === previous)) continue;
          if (check && !words[slot]!.includes(pattern)) continue;
          marks[slot] = generation;
          next.push(slot);
        }
        for (const slot of staleSlots) {
          if (marks[slot] === generation || !(first || marks[slot] === previous) || !words[slot]!.includes(pattern)) continue;
          marks[slot] = generation;
          next.push(slot);
        }
      }
      matched = next;
      previous = generation;
    }
    return previous;
  }

  /**
   * Where in the postings the token's candidates are: the slots having a word that starts with its
   * first PREFIX letters (prefixes are in order, so a shorter token's are one run of them).
   */
  private postingRange(token: string): [from: number, to: number] {
    const letter = (i: number, after: number) => (i < token.length ? token.charCodeAt(i) : after);
    const low = prefixKey(letter(0, 0), letter(1, 0), letter(2, 0));
    const high = prefixKey(letter(0, 0), letter(1, 0xffff), letter(2, 0xffff));
    const first = lowerBound(this.prefixKeys, low);
    const end = lowerBound(this.prefixKeys, high + 1);
    return [this.prefixStart[first]!, this.prefixStart[end]!];
  }

  /** Postings of every slot's words by their first PREFIX letters; no slot is stale afterwards. */
  private buildPostings(): void {
    let pairPrefixes = new Uint32Array(1 << 16);
    let pairSlots = new Uint32Array(1 << 16);
    let pairs = 0;
    const ids = new Map<number, number>(); // prefix key → its number in order of first appearance
    const keys: number[] = [];
    let lastSlot = new Int32Array(1024).fill(-1);
    const { words } = this;
    for (let slot = 0; slot < words.length; slot++) {
      const text = words[slot]!;
      for (let at = text.indexOf(' '); at >= 0; at = text.indexOf(' ', at + 1)) {
        // A word's letters after the first, 0 where it is shorter (NaN past the end, 32 at the next space).
        const second = text.charCodeAt(at + 2);
        const c2 = second > 32 ? second : 0;
        const third = c2 === 0 ? 0 : text.charCodeAt(at + 3);
        const key = prefixKey(text.charCodeAt(at + 1), c2, third > 32 ? third : 0);
        let id = ids.get(key);
        if (id === undefined) {
          id = keys.length;
          ids.set(key, id);
          keys.push(key);
          if (id >= lastSlot.length) lastSlot = grown(lastSlot, lastSlot.length * 2, -1);
        }
        if (lastSlot[id] === slot) continue; // one posting per slot and prefix
        lastSlot[id] = slot;
        if (pairs === pairPrefixes.length) {
          pairPrefixes = grown(pairPrefixes, pairs * 2);
          pairSlots = grown(pairSlots, pairs * 2);
        }
        pairPrefixes[pairs] = id;
        pairSlots[pairs++] = slot;
      }
    }
    // Prefixes in order, then a counting sort of the pairs by prefix.
    const order = Uint32Array.from(keys.keys()).sort((a, b) => keys[a]! - keys[b]!);
    const rank = new Uint32Array(keys.length);
    order.forEach((id, i) => (rank[id] = i));
    const start = new Uint32Array(keys.length + 1);
    for (let i = 0; i < pairs; i++) start[rank[pairPrefixes[i]!]! + 1]!++;
    for (let i = 0; i < keys.length; i++) start[i + 1]! += start[i]!;
    const fill = start.slice(0, keys.length);
    const slots = new Uint32Array(pairs);
    for (let i = 0; i < pairs; i++) slots[fill[rank[pairPrefixes[i]!]!]!++] = pairSlots[i]!;
    this.prefixKeys = Float64Array.from(order, (id) => keys[id]!);
    this.prefixStart = start;
    this.prefixSlots = slots;
    for (const slot of this.staleSlots) this.stale[slot] = 0;
    this.staleSlots = [];
  }

  // -------------------------------------------------------------------------------------------
  // Orders

  private order(order: ListOrder): Uint32Array {
    const all = order.all ?? false;
    const cached = this.orders.find((entry) => entry.key === order.key && entry.newestFirst === order.newestFirst && entry.all === all);
    if (cached) return cached.slots;
    const column = CATALOG_KEYS.indexOf(order.key);
    const slots: number[] = [];
    for (const slot of this.slotOf.values()) if (all || !Number.isNaN(this.keys[slot * KEY_COUNT + column]!)) slots.push(slot);
    const entry: CachedOrder = { ...order, all, column, slots: Uint32Array.from(slots).sort(this.comparer(column, order.newestFirst)) };
    this.orders.push(entry);
    return entry.slots;
  }

  private comparer(column: number, newestFirst: boolean): (a: number, b: number) => number {
    const sign = newestFirst ? -1 : 1;
    return (a, b) => {
      const ka = this.keys[a * KEY_COUNT + column]!;
      const kb = this.keys[b * KEY_COUNT + column]!;
      // Papers without the key (in an order of `all`) come last, whichever the direction.
      if (Number.isNaN(ka) !== Number.isNaN(kb)) return Number.isNaN(ka) ? 1 : -1;
      if (ka !== kb && !Number.isNaN(ka)) return ka < kb ? -sign : sign;
      const ia = this.ids[a]!;
      const ib = this.ids[b]!;
      return ia === ib ? 0 : ia < ib ? -sign : sign;
    };
  }

  /**
   * Moves the slots whose keys changed to their places in every cached order (or out of it): all
   * are taken out first, so the rest is in order by the current keys when each goes back in.
   */
  private patchOrders(changes: readonly (readonly [slot: number, before: Float64Array])[]): void {
    for (const order of this.orders) {
      const column = order.column;
      // An order of every paper also follows papers added and removed, whatever their keys.
      const moved = order.all ? changes : changes.filter(([slot, before]) => !Object.is(before[column], this.keys[slot * KEY_COUNT + column]));
      if (moved.length === 0) continue;
      const out = new Set(moved.filter(([, before]) => order.all || !Number.isNaN(before[column])).map(([slot]) => slot));
      let slots = out.size > 0 ? order.slots.filter((slot) => !out.has(slot)) : order.slots;
      const compare = this.comparer(column, order.newestFirst);
      for (const [slot] of moved) {
        if (order.all ? this.ids[slot] === undefined : Number.isNaN(this.keys[slot * KEY_COUNT + column])) continue;
        let low = 0;
        let high = slots.length;
        while (low < high) {
          const mid = (low + high) >> 1;
          if (compare(slots[mid]!, slot) < 0) low = mid + 1;
          else high = mid;
        }
        const next = new Uint32Array(slots.length + 1);
        next.set(slots.subarray(0, low));
        next[low] = slot;
        next.set(slots.subarray(low), low + 1);
        slots = next;
      }
      order.slots = slots;
    }
  }
}

/** The first letters of a word (UTF-16 code units, 0 where it is shorter) as one number that sorts as they do. */
function prefixKey(c1: number, c2: number, c3: number): number {
  return c1 * 2 ** 32 + c2 * 2 ** 16 + c3;
}

/** The first index of `sorted` whose value is at least `value`. */
function lowerBound(sorted: Float64Array, value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid]! < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** A longer copy of `array`, the new places set to `fill`. */
function grown<T extends Uint32Array | Int32Array>(array: T, length: number, fill = 0): T {
  const next = new (array.constructor as new (length: number) => T)(length);
  if (fill !== 0) next.fill(fill, array.length);
  next.set(array);
  return next;
}

import { TAG_LIMITS } from '../limits';
import type { PaperId } from '../paper';
import { cleanTagName, tagKey, tidyTags } from '../tags';
import { stampLocalChange, wallClock } from './clock';
import type { OutboxRow, PaperRecord, ShelfmarkDB, Stamp, TagEntry } from './db';
import { changeTables } from './outbox';
import { paperWords, TAG_PREFIX, tagOfWord, tagToken } from './search';

/**
 * Tags in the library: a paper's tags are entries on its record (PaperRecord.tags, merged per tag
 * by lib/store/merge.ts), and each tag it has is one of its search words (`tag:` words,
 * lib/store/search.ts). So the papers of a tag, and every tag with its count, are ranges of the
 * `*words` index: no record is read to list the tags.
 *
 * A tag is one tag whatever its case; it keeps the name it was first written with: a paper tagged
 * "llm" when the library has "LLM" gets "LLM". Renaming a tag (to another case too), merging it
 * into another and deleting it change every paper that has it, in one transaction, each paper's
 * tag entry stamped like any change (sync and backups carry it).
 */

/** One tag of the library: its name, and how many papers have it. */
export interface TagCount {
  key: string;
  name: string;
  count: number;
}

/**
 * A paper's tags with `name` put on (`value` true) or taken off, stamped; unchanged when it already
 * is so, or when putting on one more than TAG_LIMITS.perPaper. Pure: returns a new list.
 */
export function withTag(tags: readonly TagEntry[] | undefined, name: string, value: boolean, stamp: Stamp): TagEntry[] | undefined {
  const clean = cleanTagName(name);
  if (!clean) return tags ? [...tags] : undefined;
  const key = tagKey(clean);
  const current = (tags ?? []).find((entry) => tagKey(entry.name) === key);
  const on = current !== undefined && !current.removed;
  if (value && on && current.name === clean) return [...(tags ?? [])];
  if (!value && !on) return tags ? [...tags] : undefined;
  if (value && !on && (tags ?? []).filter((entry) => !entry.removed).length >= TAG_LIMITS.perPaper) return [...(tags ?? [])];
  const entry: TagEntry = value ? { name: clean, ...stamp } : { name: current!.name, ...stamp, removed: true };
  return tidyTags([...(tags ?? []).filter((other) => other !== current), entry]);
}

/** The name the library gives the tag `name` (its first writing, whatever the case typed), or `name` cleaned when it is new. */
export async function tagNameInLibrary(db: ShelfmarkDB, name: string): Promise<string> {
  const clean = cleanTagName(name);
  const [word] = await db.papers.where('words').startsWith(tagToken(clean)).limit(1).keys();
  return (typeof word === 'string' && tagOfWord(word)?.name) || clean;
}

/**
 * Every tag of the library with the number of papers that have it, by name (case ignored). One
 * read of the index's `tag:` range, keys only. A tag written two ways (two devices that each
 * wrote it first) is shown as most of its papers write it.
 */
export async function libraryTags(db: ShelfmarkDB): Promise<TagCount[]> {
  const words = await db.papers.where('words').startsWith(TAG_PREFIX).keys();
  const byKey = new Map<string, { count: number; names: Map<string, number> }>();
  for (const word of words) {
    const tag = typeof word === 'string' ? tagOfWord(word) : undefined;
    if (!tag) continue;
    const entry = byKey.get(tag.key) ?? { count: 0, names: new Map<string, number>() };
    entry.count++;
    entry.names.set(tag.name, (entry.names.get(tag.name) ?? 0) + 1);
    byKey.set(tag.key, entry);
  }
  return [...byKey.entries()]
    .map(([key, { count, names }]) => ({ key, count, name: [...names.entries()].sort((a, b) => b[1] - a[1])[0]![0] }))
    .sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }));
}

/** The ids of the papers having tag `name`: one index range, keys only. */
export async function papersWithTag(db: ShelfmarkDB, name: string): Promise<PaperId[]> {
  return db.papers.where('words').startsWith(tagToken(name)).primaryKeys();
}

/**
 * Renames tag `from` to `to` on every paper that has it. When `to` is another tag already in the
 * library, this merges the two (papers having both keep one); `to` is then named as the library
 * names it. A change of case only renames. Returns the ids changed.
 */
export function renameTag(db: ShelfmarkDB, from: string, to: string, options: { now?: number } = {}): Promise<PaperId[]> {
  const target = cleanTagName(to);
  if (!target) return Promise.resolve([]);
  return db.transaction('rw', changeTables(db), async () => {
    const sameTag = tagKey(from) === tagKey(target);
    const name = sameTag ? target : await tagNameInLibrary(db, target);
    return changeEveryPaper(db, from, options.now, (tags, stamp) => withTag(sameTag ? tags : withTag(tags, from, false, stamp), name, true, stamp));
  });
}

/** Takes tag `name` off every paper that has it. Returns the ids changed. */
export function deleteTag(db: ShelfmarkDB, name: string, options: { now?: number } = {}): Promise<PaperId[]> {
  return db.transaction('rw', changeTables(db), () => changeEveryPaper(db, name, options.now, (tags, stamp) => withTag(tags, name, false, stamp)));
}

/** Rewrites the tags of every paper having tag `name`, one stamp per paper, recorded in the outbox. Inside a transaction over changeTables. */
async function changeEveryPaper(
  db: ShelfmarkDB,
  name: string,
  now: number | undefined,
  change: (tags: readonly TagEntry[] | undefined, stamp: Stamp) => TagEntry[] | undefined,
): Promise<PaperId[]> {
  const when = now ?? wallClock();
  const records = await db.papers.bulkGet(await papersWithTag(db, name));
  const written: PaperRecord[] = [];
  const changes: OutboxRow[] = [];
  for (const record of records) {
    if (!record) continue;
    const stamp = await stampLocalChange(db, when, (record.tags ?? []).map((entry) => entry.at));
    const tags = change(record.tags, stamp);
    const next: PaperRecord = { ...record, updatedAt: when };
    if (tags) next.tags = tags;
    else delete next.tags;
    next.words = paperWords(next);
    written.push(next);
    changes.push({ id: record.id, kind: 'tags', at: stamp.at });
  }
  await db.papers.bulkPut(written);
  await db.outbox.bulkPut(changes);
  return written.map((record) => record.id);
}


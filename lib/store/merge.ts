import type { FieldTimes, KeptNote, PaperRecord, Stamp, TagEntry } from './db';
import { namePaper, type PaperId, type PaperLinks } from '../paper';
import { tagKey, tidyTags } from '../tags';

/**
 * The merge of two copies of one paper: one pure module shared by backup import
 * (lib/export/backup-import.ts) and sync (lib/sync/engine.ts).
 *
 * A paper is a set of last-writer-wins registers, one per group of fields: the user's state
 * (star, read, queue, note), each metadata field (title, authors, …, each link), where it was last
 * seen, and its removal. Each group is taken whole from the copy that changed it last; for sync
 * "last" is the larger `(changedAt, changedBy)`, times of the hybrid logical clock and device ids,
 * so every device picks the same winner. Backup import keeps its own tie rule: the local copy.
 *
 * Tags are registers of their own, one per tag (by its key): each tag's entry, put on or taken off,
 * comes from the copy that changed that tag last, so changes to different tags never undo each other.
 *
 * A paper may be known by several ids (lib/paper.ts `identify`): its copies may carry different
 * ids, and the merge keeps them all, a set named by `namePaper` (the best id names the record, the
 * others are its aliases). Records that turn out to be one paper are folded by the same merge.
 *
 * A removal is a stamp too (the tombstone): it clears every user group and tag changed before it, and
 * the paper is gone while none changed after it. An edit after a removal brings the paper back.
 *
 * With the device tie rule the merge is commutative, associative and idempotent (a property test
 * proves it), so devices that saw the same changes in any order and any grouping hold the same library.
 */

/**
 * A stored paper without its search index (derived, recomputed by whoever stores the result) and
 * without when the user acted (`actedAt`: local bookkeeping, never merged).
 */
export type Paper = Omit<PaperRecord, 'words' | 'actedAt'>;

export type Group = keyof FieldTimes;

/** A paper as sync knows it: its fields (absent when it was never stored here) and its removal, if any. */
export interface PaperVersion {
  paper?: Paper;
  deleted?: Stamp;
}

/** The user's groups and the fields each one owns (tags merge per tag: mergeTags). */
export const USER_GROUPS = {
  star: ['starredAt'],
  read: ['readAt'],
  queue: ['queuePos', 'queuedAt'],
  note: ['note', 'noteUpdatedAt', 'noteBase'],
} as const satisfies Record<Exclude<Group, 'meta'>, readonly (keyof Paper)[]>;

export type UserGroup = keyof typeof USER_GROUPS;
const USER_GROUP_NAMES = Object.keys(USER_GROUPS) as UserGroup[];

/** Metadata fields a card tells us about its paper: each merges on its own (`metaAt`). */
export const META_FIELDS = [
  'title', 'authors', 'authorCount', 'organization', 'abstract', 'date', 'version',
  'primaryCategory', 'categories', 'journalRef', 'paperComments', 'venue', 'year',
] as const satisfies readonly (keyof Paper)[];

export type MetaField = (typeof META_FIELDS)[number];
const LINK_KINDS = ['huggingface', 'abs', 'pdf', 'html'] as const satisfies readonly (keyof PaperLinks)[];
/** The keys of `metaAt`: a metadata field, or `links.<kind>`. */
export type MetaKey = MetaField | `links.${(typeof LINK_KINDS)[number]}`;

/** Fields merged by their own rules below (identity, bookkeeping, or derived). */
type OwnRules = 'id' | 'aliases' | 'links' | 'seen' | 'createdAt' | 'updatedAt' | 'changedAt' | 'changedBy' | 'metaAt' | 'keptNotes' | 'tags';
// Every stored field must be merged by some rule: a new PaperRecord field stops this compiling.
type Merged = MetaField | (typeof USER_GROUPS)[UserGroup][number] | OwnRules;
type NotMerged = Exclude<keyof Paper, Merged>;
const mergeCoversEveryField: [NotMerged] extends [never] ? true : { notMerged: NotMerged } = true;
void mergeCoversEveryField;

/**
 * How ties of equal times are broken: `device` by the device id (sync: the same winner on every
 * device); `first` keeps the first copy given (backup import: the local copy stays).
 */
export type TieRule = 'device' | 'first';

/** Orders two stamps (absent first): by time, then by device id. */
export function compareStamps(a: Stamp | undefined, b: Stamp | undefined): number {
  if (!a || !b) return a ? 1 : b ? -1 : 0;
  return a.at - b.at || (a.by < b.by ? -1 : a.by > b.by ? 1 : 0);
}

/** The stamp of a group's last change, if it ever changed. */
export function groupStamp(paper: Paper, group: Group): Stamp | undefined {
  const at = paper.changedAt[group];
  return at === undefined ? undefined : { at, by: paper.changedBy?.[group] ?? '' };
}

/** True when the second copy's change of a group wins over the first's. */
function secondWins(first: Stamp | undefined, second: Stamp | undefined, tie: TieRule): boolean {
  if (tie === 'first') return (second?.at ?? -1) > (first?.at ?? -1);
  return compareStamps(second, first) > 0;
}

/** What a merge found beyond its result: which copy each user group came from, and a note that lost. */
export interface MergeReport {
  /** The user groups taken from the second copy (the incoming one); `tags` when every tag is the second's. */
  fromSecond: (UserGroup | 'tags')[];
  /**
   * Two different notes met and one replaced the other: the losing text, who wrote it, and the
   * base of the winning note (what its writer had seen). Sync keeps it as a conflict copy when the
   * loser is the local note and its writer could not have seen it (lib/sync/engine.ts).
   */
  lostNote?: { side: 'first' | 'second'; text: string; written: Stamp; winnerBase?: Stamp };
}

/** Two copies of the same paper merged, group by group. Pure: neither argument is changed. */
export function mergePapers(first: Paper, second: Paper, tie: TieRule): { paper: Paper; report: MergeReport } {
  const paper: Paper = { ...first, changedAt: { ...first.changedAt }, changedBy: { ...first.changedBy }, links: { ...first.links } };
  const target = paper as unknown as Record<string, unknown>;
  const report: MergeReport = { fromSecond: [] };

  for (const group of USER_GROUP_NAMES) {
    const a = groupStamp(first, group);
    const b = groupStamp(second, group);
    const winner = secondWins(a, b, tie) ? second : first;
    if (group === 'note') noteReport(first, second, winner === second, report);
    if (winner !== second) continue;
    for (const field of USER_GROUPS[group]) target[field] = second[field];
    setStamp(paper, group, b);
    report.fromSecond.push(group);
  }

  mergeMetadata(paper, first, second, tie);
  if (secondWins(groupStamp(first, 'meta'), groupStamp(second, 'meta'), tie)) setStamp(paper, 'meta', groupStamp(second, 'meta'));

  if (second.seen && (!first.seen || second.seen.at > first.seen.at || (tie === 'device' && second.seen.at === first.seen.at && second.seen.url > first.seen.url))) {
    paper.seen = second.seen;
  }
  paper.tags = mergeTags(first.tags, second.tags, tie);
  if (second.tags && sameTags(paper.tags, second.tags) && !sameTags(first.tags, second.tags)) report.fromSecond.push('tags');
  paper.keptNotes = mergeKeptNotes(first.keptNotes, second.keptNotes);
  Object.assign(paper, nameOf([...idsOf(first), ...idsOf(second)]));
  paper.createdAt = Math.min(first.createdAt, second.createdAt);
  paper.updatedAt = Math.max(first.updatedAt, second.updatedAt);
  return { paper: tidy(paper), report };
}

/** Every id a copy of a paper is known by: its own, then its aliases. */
export function idsOf(paper: Pick<Paper, 'id' | 'aliases'>): PaperId[] {
  return [paper.id, ...(paper.aliases ?? [])];
}

/** A paper's id and aliases for a set of ids (lib/paper.ts namePaper), `aliases` absent when none. */
export function nameOf(ids: Iterable<PaperId>): Pick<Paper, 'id' | 'aliases'> {
  const { id, aliases } = namePaper(ids);
  return { id, aliases: aliases.length > 0 ? aliases : undefined };
}

/**
 * Copies of one paper stored as separate records (under different ids, before a card showed them
 * together), as one record: merged as sync merges copies (device ties), so every device folds them
 * alike. No writer of either note had seen the other, so every other note is kept (keptNotes),
 * once per text, under its latest change. The same in any order of the copies.
 */
export function foldPapers(papers: readonly [Paper, ...Paper[]]): Paper {
  let folded = copy(papers[0]);
  for (const paper of papers.slice(1)) folded = mergePapers(folded, paper, 'device').paper;
  const notes = new Map<string, Stamp>();
  for (const paper of papers) {
    if (paper.note.trim() === '' || paper.note === folded.note) continue;
    const written = groupStamp(paper, 'note') ?? { at: 0, by: '' };
    if (compareStamps(written, notes.get(paper.note)) > 0) notes.set(paper.note, written);
  }
  const lost = [...notes].map(([text, written]) => ({ text, written }));
  return lost.length > 0 ? { ...folded, keptNotes: mergeKeptNotes(folded.keptNotes, lost) } : folded;
}

/** Kept notes are a set (by who wrote them when); dismissed on either side stays dismissed. */
export function mergeKeptNotes(first: readonly KeptNote[] = [], second: readonly KeptNote[] = []): KeptNote[] | undefined {
  const byWrite = new Map<string, KeptNote>();
  for (const note of [...first, ...second]) {
    const key = `${note.written.at} ${note.written.by}`;
    const seen = byWrite.get(key);
    // A dismissed note keeps only its mark (no text): enough that merging never brings it back.
    const dismissed = seen?.dismissed || note.dismissed;
    byWrite.set(key, dismissed ? { text: '', written: note.written, dismissed: true } : (seen ?? note));
  }
  const merged = [...byWrite.values()].sort((a, b) => compareStamps(a.written, b.written));
  return merged.length > 0 ? merged : undefined;
}

/**
 * Tags merged one by one: each tag's entry from the copy that changed it last (by its stamp; on
 * equal stamps, `first` keeps the first copy's, `device` the larger entry, the same on every device).
 */
export function mergeTags(first: readonly TagEntry[] = [], second: readonly TagEntry[] = [], tie: TieRule): TagEntry[] | undefined {
  const byKey = new Map<string, TagEntry>();
  for (const entry of first) byKey.set(tagKey(entry.name), entry);
  for (const entry of second) {
    const key = tagKey(entry.name);
    const mine = byKey.get(key);
    if (!mine || secondWins(mine, entry, tie) || (tie === 'device' && compareStamps(mine, entry) === 0 && tagOrder(entry, mine) > 0)) byKey.set(key, entry);
  }
  return tidyTags([...byKey.values()]);
}

/** Two equal stamps with different entries (never made by one device, but a file may hold them): a fixed order. */
function tagOrder(a: TagEntry, b: TagEntry): number {
  const ka = `${a.removed ? 1 : 0}${a.name}`;
  const kb = `${b.removed ? 1 : 0}${b.name}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

function sameTags(a: readonly TagEntry[] | undefined, b: readonly TagEntry[] | undefined): boolean {
  return JSON.stringify(tidyTags(a) ?? []) === JSON.stringify(tidyTags(b) ?? []);
}

function noteReport(first: Paper, second: Paper, secondWon: boolean, report: MergeReport): void {
  const [winner, loser] = secondWon ? [second, first] : [first, second];
  if (loser.note === '' || loser.note === winner.note) return;
  report.lostNote = {
    side: secondWon ? 'first' : 'second',
    text: loser.note,
    written: groupStamp(loser, 'note') ?? { at: 0, by: '' },
    winnerBase: winner.noteBase,
  };
}

/**
 * Each metadata field from the copy that set it last; a blank never replaces a value. A field's
 * time is `metaAt[field]`, or the group's `changedAt.meta` when it has none of its own.
 */
function mergeMetadata(paper: Paper, first: Paper, second: Paper, tie: TieRule): void {
  const metaAt: Partial<Record<string, number>> = {};
  const pick = (key: MetaKey, a: unknown, b: unknown): unknown => {
    const aAt = blank(a) ? undefined : metaTime(first, key);
    const bAt = blank(b) ? undefined : metaTime(second, key);
    if (bAt === undefined && aAt === undefined) return a ?? b;
    const takeSecond =
      aAt === undefined ||
      (bAt !== undefined && (bAt > aAt || (bAt === aAt && tie === 'device' && JSON.stringify(b) > JSON.stringify(a))));
    const at = takeSecond ? bAt : aAt;
    if (at !== undefined && at >= 0) metaAt[key] = at;
    return takeSecond ? b : a;
  };
  const target = paper as unknown as Record<string, unknown>;
  for (const field of META_FIELDS) target[field] = pick(field, first[field], second[field]);
  const links: PaperLinks = {};
  for (const kind of LINK_KINDS) {
    const href = pick(`links.${kind}`, first.links[kind], second.links[kind]) as string | undefined;
    if (href) links[kind] = href;
  }
  paper.links = links;
  paper.metaAt = metaAt;
}

/** When a metadata field last changed in this copy (-1: never, for a field set before times were kept). */
export function metaTime(paper: Paper, key: MetaKey): number {
  return paper.metaAt?.[key] ?? paper.changedAt.meta ?? -1;
}

/**
 * Records that metadata fields changed at `at` (library.ts, when a card tells us more): the other
 * fields keep the time they had, written out before the group's time moves on.
 */
export function touchMetadata(paper: Paper, keys: readonly MetaKey[], stamp: Stamp): void {
  const previous = paper.changedAt.meta;
  const metaAt: Partial<Record<string, number>> = { ...paper.metaAt };
  if (previous !== undefined) {
    for (const key of metaKeysSet(paper)) metaAt[key] ??= previous;
  }
  for (const key of keys) metaAt[key] = stamp.at;
  paper.metaAt = metaAt;
  setStamp(paper, 'meta', stamp);
  tidyMetaAt(paper);
}

/** The metadata keys that hold a value in this copy. */
function metaKeysSet(paper: Paper): MetaKey[] {
  const keys: MetaKey[] = META_FIELDS.filter((field) => !blank(paper[field]));
  for (const kind of LINK_KINDS) if (paper.links[kind]) keys.push(`links.${kind}`);
  return keys;
}

/** Sets a group's stamp (time and device). */
export function setStamp(paper: Paper, group: Group, stamp: Stamp | undefined): void {
  if (!stamp) return;
  paper.changedAt[group] = stamp.at;
  paper.changedBy = { ...paper.changedBy, [group]: stamp.by };
}

/**
 * One form for one meaning, so equal copies compare equal: no `undefined` fields, no empty maps,
 * no per-field metadata time equal to the group's own, the group's time no older than its fields'.
 */
function tidy(paper: Paper): Paper {
  Object.assign(paper, nameOf(idsOf(paper)));
  tidyMetaAt(paper);
  if (paper.keptNotes) paper.keptNotes = mergeKeptNotes(paper.keptNotes);
  paper.tags = tidyTags(paper.tags);
  if (paper.changedBy) {
    for (const key of Object.keys(paper.changedBy) as Group[]) {
      if (paper.changedAt[key] === undefined || paper.changedBy[key] === '') delete paper.changedBy[key];
    }
    if (Object.keys(paper.changedBy).length === 0) delete paper.changedBy;
  }
  const target = paper as unknown as Record<string, unknown>;
  for (const key of Object.keys(target)) if (target[key] === undefined) delete target[key];
  return paper;
}

function tidyMetaAt(paper: Paper): void {
  if (!paper.metaAt) return;
  const group = paper.changedAt.meta;
  for (const [key, at] of Object.entries(paper.metaAt)) {
    if (at === undefined || at === group) delete paper.metaAt[key];
  }
  if (Object.keys(paper.metaAt).length === 0) delete paper.metaAt;
}

function blank(value: unknown): boolean {
  return value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

/** Equal as stored data, whatever the order of their keys. */
export function samePaper(a: Paper | undefined, b: Paper | undefined): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === 'object' && !Array.isArray(item) ? Object.fromEntries(Object.entries(item).sort(([x], [y]) => (x < y ? -1 : 1))) : item,
  );
}

// ——— Removal (tombstones) ———

/** The result of merging two versions, with whether the paper is in the library after it. */
export interface MergedVersion extends PaperVersion {
  /** True when the paper is in the library: never removed, or changed after its removal. */
  live: boolean;
  report: MergeReport;
}

/**
 * Two versions of one paper merged: fields group by group, removals by the later stamp; then every
 * user group changed before the removal is cleared. Pure.
 */
export function mergeVersions(first: PaperVersion, second: PaperVersion, tie: TieRule = 'device'): MergedVersion {
  let paper: Paper | undefined;
  let report: MergeReport = { fromSecond: [] };
  if (first.paper && second.paper) ({ paper, report } = mergePapers(first.paper, second.paper, tie));
  else if (second.paper) {
    paper = copy(second.paper);
    report.fromSecond = USER_GROUP_NAMES.filter((group) => second.paper!.changedAt[group] !== undefined);
    if (second.paper.tags) report.fromSecond.push('tags');
  } else if (first.paper) paper = copy(first.paper);
  const deleted = compareStamps(second.deleted, first.deleted) > 0 ? second.deleted : first.deleted;
  const settled = settle(paper, deleted);
  // A note cleared by a removal its remover may never have seen it before: reported like a note replaced.
  if (paper && paper.note !== '' && settled.live && settled.paper!.note === '') {
    report.lostNote = { side: report.fromSecond.includes('note') ? 'second' : 'first', text: paper.note, written: groupStamp(paper, 'note') ?? { at: 0, by: '' } };
  }
  return { ...settled, report };
}

/** Applies a removal to a paper: user groups changed before it are cleared; the paper stays if any changed after. */
export function settle(paper: Paper | undefined, deleted: Stamp | undefined): { paper?: Paper; deleted?: Stamp; live: boolean } {
  if (!paper) return { deleted, live: false };
  if (!deleted) return { paper, live: true };
  const settled = copy(paper);
  const target = settled as unknown as Record<string, unknown>;
  let live = false;
  for (const group of USER_GROUP_NAMES) {
    if (compareStamps(groupStamp(settled, group), deleted) > 0) {
      live = true;
      continue;
    }
    for (const field of USER_GROUPS[group]) delete target[field];
    if (group === 'note') settled.note = '';
  }
  const after = settled.tags?.filter((entry) => compareStamps(entry, deleted) > 0);
  if (after?.length) live = true;
  settled.tags = tidyTags(after);
  if (!settled.tags) delete settled.tags;
  return { paper: settled, deleted, live };
}

function copy(paper: Paper): Paper {
  return tidy({
    ...paper,
    changedAt: { ...paper.changedAt },
    ...(paper.changedBy ? { changedBy: { ...paper.changedBy } } : {}),
    ...(paper.metaAt ? { metaAt: { ...paper.metaAt } } : {}),
    ...(paper.tags ? { tags: paper.tags.map((entry) => ({ ...entry })) } : {}),
    links: { ...paper.links },
  });
}

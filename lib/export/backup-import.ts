import type { OutboxRow, PaperRecord, ShelfmarkDB, TombstoneRecord } from '../store/db';
import { notifyChanged, notifyChangedInBatches } from '../ui/extension-actions';
import { boundStoredPaper } from '../bounds';
import { changeTimes, foldRecords, renewChanges, stripUndefined, tombstonesOf } from '../store/library';
import { META_FIELDS, compareStamps, idsOf, mergePapers, nameOf, samePaper, type MetaKey } from '../store/merge';
import { changeTables, changedKinds, changeTime, moveChanges } from '../store/outbox';
import { observeTime, wallClock } from '../store/clock';
import { LIMITS, PaperRefSchema, SeenAtSchema } from '../messages';
import { TAG_LIMITS } from '../limits';
import type { PaperId } from '../paper';
import { paperWords } from '../store/search';
import { z } from '../zod';
import { BACKUP_FORMAT, BACKUP_VERSION, backupPaper, type BackupPaper } from './backup';
import { plural, t } from '../i18n';

/**
 * Importing a JSON backup, in three steps:
 * 1. read: size first (before reading the file), then JSON, then the shape of the whole tree
 *    (nesting depth, keys like `__proto__`), then the envelope and each paper with Zod. A broken
 *    file is refused as a whole with one clear message; a paper that fails validation is rejected
 *    alone, with where it is in the file and why.
 * 2. preview: what importing would do (new, updated, unchanged, rejected), computed by the same
 *    merge as the import itself.
 * 3. import: the merge again, inside one Dexie transaction (all or nothing), so a change made
 *    between the preview and the click is respected.
 *
 * The merge never loses newer local data: for each group of fields (metadata, star, read, queue,
 * note) the side whose `changedAt` time is newer wins; on a tie the local copy stays.
 */

/**
 * Room for about 20,000 papers with abstracts (10,000 make about 18 MB: bench/export.bench.ts),
 * small enough to parse in a page; a bigger file is refused before it is read.
 */
export const MAX_BACKUP_BYTES = 40 * 1024 * 1024;
export const MAX_BACKUP_PAPERS = 100_000;
/** A backup nests 4 levels (envelope, papers, paper, changedAt); anything far deeper is not one. */
const MAX_DEPTH = 16;
/** Keys that could reach an object's prototype if some code ever copied them by name. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const time = z.number().nonnegative(); // milliseconds since 1970
/** A device id of sync (lib/store/clock.ts makes them): letters and digits, safe in a folder name. */
export const DeviceIdSchema = z.string().regex(/^[a-z0-9]{1,64}$/, { error: () => t('invalidDeviceId') });
const deviceId = DeviceIdSchema;
export const StampSchema = z.object({ at: time, by: z.union([DeviceIdSchema, z.literal('')]) });
const META_KEYS = [...META_FIELDS, 'links.huggingface', 'links.abs', 'links.pdf', 'links.html'] as const satisfies readonly MetaKey[];

export const BackupPaperSchema = PaperRefSchema.omit({ upvotes: true, comments: true }).extend({
  authors: PaperRefSchema.shape.authors.unwrap(),
  links: PaperRefSchema.shape.links.unwrap(),
  seen: SeenAtSchema.extend({ at: time }).optional(),
  starredAt: time.optional(),
  readAt: time.optional(),
  queuePos: z.number().optional(),
  queuedAt: time.optional(),
  note: z.string().max(LIMITS.note),
  noteUpdatedAt: time.optional(),
  createdAt: time,
  updatedAt: time,
  changedAt: z.object({
    meta: time.optional(),
    star: time.optional(),
    read: time.optional(),
    queue: time.optional(),
    note: time.optional(),
  }),
  changedBy: z.partialRecord(z.enum(['meta', 'star', 'read', 'queue', 'note']), deviceId).optional(),
  metaAt: z.partialRecord(z.enum(META_KEYS), time).optional(),
  noteBase: StampSchema.optional(),
  keptNotes: z.array(z.object({ text: z.string().max(LIMITS.note), written: StampSchema, dismissed: z.literal(true).optional() })).max(1_000).optional(),
  // Backup version 4 on. Names are cleaned and entries of one tag (by key) kept once when read (boundStoredPaper).
  tags: z
    .array(StampSchema.extend({ name: z.string().max(TAG_LIMITS.name * 4), removed: z.literal(true).optional() }))
    .max(TAG_LIMITS.entries * 4)
    .optional(),
});

// Every stored field must be in the schema, or importing would silently drop it: when a field is
// added to PaperRecord, this line stops compiling and names it.
type NotInSchema = Exclude<keyof BackupPaper, keyof typeof BackupPaperSchema.shape>;
const schemaCoversEveryField: [NotInSchema] extends [never] ? true : { notInSchema: NotInSchema } = true;
void schemaCoversEveryField;

const EnvelopeSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.number().int().min(1).max(BACKUP_VERSION),
  exportedAt: z.iso.datetime({ offset: true }),
  papers: z.array(z.unknown()).max(MAX_BACKUP_PAPERS),
});

/** A paper of the file that is not imported, with where it is and why. */
export interface Rejection {
  index: number;
  /** The paper's id when it had a readable one. */
  id?: string;
  /** E.g. `papers[12].id: not a canonical paper id`. */
  message: string;
}

export interface ReadBackup {
  version: number;
  exportedAt: string;
  /** The papers that passed validation, in file order. */
  papers: BackupPaper[];
  rejected: Rejection[];
}

export type BackupReadResult = { ok: true; backup: ReadBackup } | { ok: false; error: string };

/** A refusal: why, then that nothing was imported. */
const refused = (why: string) => fail(`${why}${t('sentenceSeparator')}${t('importNothingImported')}`);

/** Reads a backup file the user picked. Refuses a file that is too big before reading it. */
export async function readBackupFile(file: Blob): Promise<BackupReadResult> {
  if (file.size > MAX_BACKUP_BYTES) {
    return refused(t('backupTooLarge', megabytes(file.size), megabytes(MAX_BACKUP_BYTES)));
  }
  if (file.size === 0) return refused(t('importEmptyFile'));
  let text: string;
  try {
    text = await file.text();
  } catch (error) {
    return refused(t('importUnreadable', errorText(error)));
  }
  return parseBackup(text);
}

export function parseBackup(text: string): BackupReadResult {
  if (text.length > MAX_BACKUP_BYTES) {
    return refused(t('backupTextTooLarge', megabytes(MAX_BACKUP_BYTES)));
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return refused(t('backupNotJson', errorText(error)));
  }
  return readBackupData(data);
}

/**
 * Reads a backup already parsed from JSON (a file's, or a snapshot's kept envelope): the shape of
 * the tree, the envelope, then each paper, whose metadata is bounded and cleaned as a card's would
 * be (lib/bounds.ts: invisible characters, caps, links only to the paper itself).
 */
export function readBackupData(data: unknown): BackupReadResult {
  const shapeProblem = checkTree(data);
  if (shapeProblem) return refused(shapeProblem);

  if (!isObject(data) || data.format !== BACKUP_FORMAT) {
    return refused(t('backupNotShelfmark', BACKUP_FORMAT));
  }
  if (typeof data.version === 'number' && data.version > BACKUP_VERSION) {
    return refused(t('backupNewer', data.version, BACKUP_VERSION));
  }
  const envelope = EnvelopeSchema.safeParse(data);
  if (!envelope.success) {
    return refused(t('backupDamaged', describeIssues(envelope.error.issues, [])));
  }

  const papers: BackupPaper[] = [];
  const rejected: Rejection[] = [];
  // Every id of every paper (its own and its aliases): Shelfmark never stores one paper twice.
  const firstIndex = new Map<PaperId, number>();
  envelope.data.papers.forEach((raw, index) => {
    const rawId = isObject(raw) && typeof raw.id === 'string' ? raw.id.slice(0, 200) : undefined;
    const parsed = BackupPaperSchema.safeParse(raw);
    if (!parsed.success) {
      rejected.push({ index, id: rawId, message: describeIssues(parsed.error.issues, ['papers', index]) });
      return;
    }
    // Named as Shelfmark names a paper known by these ids (a file edited by hand may order them otherwise).
    const bounded = boundStoredPaper(parsed.data);
    const paper: BackupPaper = stripUndefined({ ...bounded, ...nameOf(idsOf(bounded)) });
    const ids = idsOf(paper);
    const earlier = ids.map((id) => firstIndex.get(id)).find((found) => found !== undefined);
    if (earlier !== undefined) {
      rejected.push({ index, id: paper.id, message: t('backupSamePaper', formatPath(['papers', index, 'id']), `papers[${earlier}]`) });
      return;
    }
    for (const id of ids) firstIndex.set(id, index);
    papers.push(paper);
  });
  return { ok: true, backup: { version: envelope.data.version, exportedAt: envelope.data.exportedAt, papers, rejected } };
}

/**
 * Walks the parsed tree without recursion (a hostile file may nest a million levels deep):
 * refuses deep nesting and prototype keys, saying where.
 */
function checkTree(root: unknown): string | undefined {
  // Only objects and arrays go on the stack: they are what can nest or carry keys.
  const stack: { value: object; path: (string | number)[] }[] = isObject(root) ? [{ value: root, path: [] }] : [];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (path.length >= MAX_DEPTH) {
      return t('backupTooDeep', MAX_DEPTH, formatPath(path.slice(0, 6)));
    }
    if (Array.isArray(value)) {
      value.forEach((item: unknown, i) => {
        if (isObject(item)) stack.push({ value: item, path: [...path, i] });
      });
      continue;
    }
    for (const [key, item] of Object.entries(value)) {
      if (FORBIDDEN_KEYS.has(key)) {
        return t('backupUnsafeKey', key, formatPath([...path, key]));
      }
      if (isObject(item)) stack.push({ value: item, path: [...path, key] });
    }
  }
  return undefined;
}

// ——— Merge ———

export interface MergedPaper {
  record: PaperRecord;
  /** True when the queue fields came from the backup (their position may then need moving). */
  queueFromBackup: boolean;
}

/**
 * One paper of the backup merged into the local copy (or made new), group by group, by the merge
 * sync uses (lib/store/merge.ts), with the tie rule of backups: on equal times the local copy stays.
 * The two may know the paper under different ids (the backup under its DOI, the library under its
 * arXiv id with the DOI as an alias): the merged record keeps every id, named by the best one.
 */
export function mergePaper(local: PaperRecord | undefined, incoming: BackupPaper): MergedPaper {
  if (!local) {
    const record: PaperRecord = { ...incoming, changedAt: { ...incoming.changedAt }, words: [] };
    record.words = paperWords(record);
    return { record: stripUndefined(record), queueFromBackup: incoming.queuePos !== undefined };
  }
  const { paper, report } = mergePapers(backupPaper(local), incoming, 'first');
  const record: PaperRecord = { ...paper, words: [] };
  record.words = paperWords(record);
  return { record, queueFromBackup: report.fromSecond.includes('queue') };
}

export interface ImportPlan {
  added: PaperRecord[];
  updated: PaperRecord[];
  unchanged: PaperId[];
  /**
   * Local records merged into another one: the backup showed them to be one paper with it (its
   * ids reach both). Their state and notes live on in the record they were merged into.
   */
  replaced: PaperId[];
  rejected: Rejection[];
}

/** A place in the local reading queue. */
export interface QueueEntry {
  id: PaperId;
  queuePos: number;
}

/**
 * What importing `backup` into a library holding `local` (the stored copies of the backup's papers,
 * found under their ids and aliases) and `localQueue` does. Pure: the preview and the import share it.
 *
 * A backup paper is merged into every local record its ids reach; several such records become one
 * first (lib/store/merge.ts foldPapers: notes that lose are kept), so nothing of either is lost.
 *
 * Queue: papers whose queue state comes from the backup keep their positions when nothing else is
 * queued locally (a restore into an empty library is exact); otherwise they go after the local
 * queue, in the backup's order, so the local order is never interleaved or collided with.
 */
export function planImport(
  backup: ReadBackup,
  local: readonly PaperRecord[],
  localQueue: readonly QueueEntry[],
): ImportPlan {
  // The local records as they stand while the backup's papers are merged in, one after the other, under each of their ids.
  const byId = new Map<PaperId, PaperRecord>();
  const original = new Map<PaperId, PaperRecord>();
  const index = (record: PaperRecord) => {
    for (const id of idsOf(record)) byId.set(id, record);
  };
  for (const record of local) {
    original.set(record.id, record);
    index(record);
  }
  const replaced = new Set<PaperId>();
  type Entry = MergedPaper & { before: PaperRecord | undefined; dropped?: boolean };
  const entries: Entry[] = [];
  // Which entry made a record: a later backup paper that reaches it updates that entry.
  const entryOf = new Map<PaperRecord, Entry>();
  for (const paper of backup.papers) {
    const reached = [...new Set(idsOf(paper).map((id) => byId.get(id)).filter((record) => record !== undefined))];
    const current = reached.length > 0 ? foldRecords(reached) : undefined;
    const result = mergePaper(current, paper);
    for (const old of reached) if (old.id !== result.record.id) replaced.add(old.id);
    const earlier = reached.map((record) => entryOf.get(record)).filter((entry) => entry !== undefined);
    const before = earlier[0]?.before ?? reached.map((record) => original.get(record.id)).find(Boolean);
    const entry: Entry = { ...result, queueFromBackup: result.queueFromBackup || earlier.some((e) => e.queueFromBackup), before };
    for (const gone of earlier) gone.dropped = true;
    entries.push(entry);
    entryOf.set(result.record, entry);
    index(result.record);
  }
  const merged = entries.filter((entry) => !entry.dropped);
  for (const entry of merged) replaced.delete(entry.record.id);

  const fromBackup = new Set(merged.filter((m) => m.queueFromBackup).map((m) => m.record.id));
  const staying = localQueue.filter((entry) => !fromBackup.has(entry.id) && !replaced.has(entry.id));
  const incomingQueue = merged
    .map((m, index) => ({ record: m.record, index }))
    .filter(({ record }) => fromBackup.has(record.id) && record.queuePos !== undefined);
  const positions = new Set(incomingQueue.map(({ record }) => record.queuePos));
  if (staying.length > 0 || positions.size < incomingQueue.length) {
    const last = staying.reduce((max, entry) => Math.max(max, entry.queuePos), 0);
    incomingQueue
      .sort((a, b) => a.record.queuePos! - b.record.queuePos! || a.index - b.index)
      .forEach(({ record }, rank) => {
        record.queuePos = Math.floor(last) + 1 + rank;
      });
  }

  const plan: ImportPlan = { added: [], updated: [], unchanged: [], replaced: [...replaced], rejected: backup.rejected };
  for (const { record, before } of merged) {
    if (!before) plan.added.push(record);
    else if (before.id === record.id && sameData(before, record)) plan.unchanged.push(record.id);
    else plan.updated.push(record);
  }
  return plan;
}

/** What importing would do, read in one consistent snapshot. Changes nothing. */
export async function previewImport(db: ShelfmarkDB, backup: ReadBackup): Promise<ImportPlan> {
  return db.transaction('r', db.papers, async () => (await readAndPlan(db, backup)).plan);
}

/**
 * Imports in one transaction: every paper lands or (on any failure) none does. What changed goes
 * into the outbox for sync, and the clock learns the backup's times. A paper removed here and
 * present in the backup comes back: restoring it is a change made now, later than its removal.
 * Local records the backup showed to be one paper leave for the record they were merged into.
 */
export async function applyImport(db: ShelfmarkDB, backup: ReadBackup, options: { now?: number } = {}): Promise<ImportPlan> {
  return db.transaction('rw', changeTables(db), async () => {
    const { plan, local } = await readAndPlan(db, backup);
    const written = [...plan.added, ...plan.updated];
    const outbox: OutboxRow[] = [];
    let newest = 0;
    for (const record of written) {
      for (const kind of changedKinds(local.get(record.id), record)) outbox.push({ id: record.id, kind, at: changeTime(record, kind) });
      newest = Math.max(newest, ...changeTimes(record).map((at) => at ?? 0));
    }
    await observeTime(db, newest);
    await db.outbox.bulkPut(outbox);
    // A paper removed here comes back from the backup: each of its groups is changed now, after the removal.
    const removals = (await db.tombstones.count()) === 0 ? [] : await tombstonesOf(db, plan.added.flatMap(idsOf));
    if (removals.length > 0) {
      const removalOf = new Map<PaperId, TombstoneRecord>();
      for (const tombstone of removals) for (const id of [tombstone.id, ...(tombstone.paper?.aliases ?? [])]) removalOf.set(id, tombstone);
      for (const record of plan.added) {
        const latest = idsOf(record).map((id) => removalOf.get(id)?.deleted).reduce((a, b) => (compareStamps(a, b) >= 0 ? a : b), undefined);
        if (latest) await renewChanges(db, record, options.now ?? wallClock(), latest);
      }
      await db.tombstones.bulkPut(removals.filter((tombstone) => tombstone.paper).map(({ id, deleted }) => ({ id, deleted })));
    }
    if (plan.replaced.length > 0) {
      const replaced = new Set(plan.replaced);
      await db.papers.bulkDelete(plan.replaced);
      for (const record of written) await moveChanges(db, idsOf(record).filter((id) => replaced.has(id)), record.id);
    }
    await db.papers.bulkPut(written);
    return plan;
  });
}

/**
 * Tells open tabs which papers an import changed, in batches the message protocol accepts. The
 * import has landed before; a lost notice only delays what other tabs show (see notifyChanged).
 */
export async function announceImport(
  plan: ImportPlan,
  notify: (ids: readonly PaperId[]) => Promise<void> = notifyChanged,
): Promise<void> {
  await notifyChangedInBatches([...plan.added, ...plan.updated].map((record) => record.id), notify);
}

async function readAndPlan(db: ShelfmarkDB, backup: ReadBackup): Promise<{ plan: ImportPlan; local: Map<PaperId, PaperRecord> }> {
  const ids = [...new Set(backup.papers.flatMap(idsOf))];
  const [stored, byAlias, queueIds, queuePositions] = await Promise.all([
    db.papers.bulkGet(ids),
    db.papers.where('aliases').anyOf(ids).toArray(),
    db.papers.orderBy('queuePos').primaryKeys(),
    db.papers.orderBy('queuePos').keys(),
  ]);
  const local = new Map<PaperId, PaperRecord>();
  for (const record of [...stored, ...byAlias]) if (record) local.set(record.id, record);
  const localQueue = queueIds.map((id, i) => ({ id, queuePos: queuePositions[i] as number }));
  return { plan: planImport(backup, [...local.values()], localQueue), local };
}

// ——— Helpers ———

/** Equal as stored data (key order aside), ignoring the derived search index. */
function sameData(a: PaperRecord, b: PaperRecord): boolean {
  return samePaper(backupPaper(a), backupPaper(b));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** `papers[12].changedAt.star` */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, i) =>
      typeof part === 'number'
        ? `[${part}]`
        : /^[A-Za-z_$][\w$]*$/.test(String(part))
          ? `${i === 0 ? '' : '.'}${String(part)}`
          : `[${JSON.stringify(String(part))}]`,
    )
    .join('');
}

function describeIssues(issues: readonly { path: PropertyKey[]; message: string }[], prefix: readonly PropertyKey[]): string {
  const shown = issues.slice(0, 3).map((issue) => {
    const path = formatPath([...prefix, ...issue.path]);
    return path ? `${path}: ${issue.message}` : issue.message;
  });
  return shown.join('; ') + (issues.length > 3 ? plural('backupMoreProblems', issues.length - 3) : '');
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function fail(error: string): BackupReadResult {
  return { ok: false, error };
}

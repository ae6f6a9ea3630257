import type { OutboxRow, PaperRecord, ShelfmarkDB } from '../store/db';
import { changeRecord, changeTimes, foldRecords, isAlreadySo, newRecord, stripUndefined, withLibraryName, type UserAction } from '../store/library';
import { nextTime, readClock, wallClock } from '../store/clock';
import { idsOf, nameOf, touchMetadata, type MetaKey } from '../store/merge';
import { changedKinds, changeTables, moveChanges } from '../store/outbox';
import { paperWords } from '../store/search';
import { boundPaperRef } from '../bounds';
import { PaperRefSchema } from '../messages';
import { cleanText, identify, parseArxivId, type PaperId, type PaperIdentity, type PaperRef } from '../paper';
import type { CslName } from './bibtex-parser';
import type { BibEntry, ReadBibtex } from './bibtex-read';
import { t, type MessageKey } from '../i18n';

/**
 * Importing a .bib file into the library (reading it is bibtex-read.ts):
 * 1. papers: each entry's identity from its ids (arXiv `eprint`/`archivePrefix`, Mendeley's
 *    `arxivId`, an arXiv URL or DOI, Google Scholar's "arXiv preprint arXiv:…" journal, its DOI, an
 *    Anthology, OpenReview or publisher URL), by the identity rules of lib/paper.ts: the best is its
 *    id, the others its aliases (an ACL DOI is `acl:`, arXiv's DOI `arxiv:`); its title, authors,
 *    abstract and date as text, and for papers not on arXiv its venue and year.
 *    An entry without an id Shelfmark keeps, or without a title, is rejected with its line and why.
 * 2. preview: which papers are new and which are already in the library (read-only), found under
 *    any of their ids.
 * 3. import: in one transaction, each paper gets what the user chose (starred, queued, tagged), the same
 *    record as acting on it by hand would make. A paper already in the library keeps its metadata;
 *    the file only fills what it lacks.
 */

/** What the imported papers become: starred, queued, tagged (names as lib/tags.ts cleans them). */
export interface BibImportChoice {
  star: boolean;
  queue: boolean;
  tags?: readonly string[];
}

/** The library operations a choice means, in the order they are applied. */
export function actionsFor(choice: BibImportChoice): UserAction[] {
  const actions: UserAction[] = [];
  if (choice.star) actions.push({ kind: 'star', value: true });
  if (choice.queue) actions.push({ kind: 'queue', value: true });
  for (const name of choice.tags ?? []) actions.push({ kind: 'tag', name, value: true });
  return actions;
}

/** One paper of the file, ready to act on. */
export interface BibPaper {
  line: number;
  key: string;
  ref: PaperRef;
}

/** An entry that is not imported: where it is and why. */
export interface BibRejection {
  line: number;
  key: string;
  message: string;
}

export interface BibPapers {
  papers: BibPaper[];
  rejected: BibRejection[];
}

/** The file's entries as papers (pure): one per paper, in file order; the rest rejected, saying why. */
export function papersFromBibtex(read: ReadBibtex): BibPapers {
  const papers: BibPaper[] = [];
  const rejected: BibRejection[] = read.problems.map((problem) => ({ ...problem }));
  const firstLine = new Map<PaperId, number>();
  for (const entry of read.entries) {
    const reject = (message: string) => rejected.push({ line: entry.line, key: entry.key, message });
    const ref = paperRef(entry);
    if (typeof ref === 'string') {
      reject(ref);
      continue;
    }
    const valid = PaperRefSchema.safeParse(ref);
    if (!valid.success) {
      reject(valid.error.issues.slice(0, 2).map((issue) => `${issue.path.join('.') || 'entry'}: ${issue.message}`).join('; '));
      continue;
    }
    const ids = idsOf(ref);
    const earlier = ids.map((id) => firstLine.get(id)).find((line) => line !== undefined);
    if (earlier !== undefined) {
      reject(t('bibRejectSameAs', earlier));
      continue;
    }
    for (const id of ids) firstLine.set(id, entry.line);
    papers.push({ line: entry.line, key: entry.key, ref });
  }
  rejected.sort((a, b) => a.line - b.line);
  return { papers, rejected };
}

// ——— One entry ———

/** The paper an entry describes, or why it cannot be imported. */
export function paperRef(entry: BibEntry): PaperRef | string {
  const identity = entryIdentity(entry);
  if (!identity) return t(NO_ID);
  const title = plainText(entry.csl.title ?? entry.fields.title ?? '');
  if (title === '') return t('bibRejectNoTitle');

  const ref: PaperRef = { id: identity.id, title };
  if (identity.aliases.length > 0) ref.aliases = identity.aliases;
  if (identity.version !== undefined) ref.version = identity.version;
  // BibTeX's "and others" says the list is cut short, not how long it is.
  const authors = (entry.csl.author ?? []).map(personName).filter((name) => name !== '' && name !== 'others');
  if (authors.length > 0) ref.authors = authors;
  const abstract = plainText(entry.csl.abstract ?? '');
  if (abstract) ref.abstract = abstract;
  const date = isoDate(entry.csl.issued?.['date-parts']?.[0]);
  if (date) ref.date = date;
  const primaryClass = clean(entry.fields.primaryclass ?? '');
  if (identity.id.startsWith('arxiv:') && /^[a-z-]+(?:\.[A-Za-z-]+)?$/.test(primaryClass)) ref.primaryCategory = primaryClass;
  if (!identity.id.startsWith('arxiv:')) {
    // Where it was published, as a card of its site would say; arXiv papers are known by their id and date.
    const venue = plainText(entry.csl['container-title'] ?? '');
    if (venue) ref.venue = venue;
    const year = Number(entry.csl.issued?.['date-parts']?.[0]?.[0]);
    if (Number.isInteger(year) && year >= 1000 && year <= 9999) ref.year = year;
    const url = clean(entry.fields.url ?? '');
    if (/^https?:\/\/\S+$/i.test(url)) ref.links = { abs: url };
  }
  // Bounded like a card's metadata: clean text within the caps, links only to the paper itself.
  return boundPaperRef(ref);
}

/** Why an entry without an id is not imported: what Shelfmark finds papers by. */
export const NO_ID: MessageKey = 'bibRejectNoId';

/**
 * The entry's ids, by the identity rules every page uses (lib/paper.ts identify): the best is its
 * id, the others its aliases; the arXiv version the entry cites, if it says one.
 */
function entryIdentity(entry: BibEntry): (PaperIdentity & { version?: number }) | null {
  const candidates = idCandidates(entry);
  const identity = identify(candidates);
  if (!identity) return null;
  const version = candidates.map((candidate) => parseArxivId(candidate)).find((arxiv) => arxiv?.id === identity.id)?.version;
  return version === undefined ? identity : { ...identity, version };
}

/** Every place an exporter writes a paper's ids, the likeliest first. */
export function idCandidates(entry: BibEntry): string[] {
  const fields = entry.fields;
  const value = (name: string) => clean(fields[name] ?? '');
  const candidates: string[] = [];
  const archive = (value('archiveprefix') || value('eprinttype')).toLowerCase();
  // arXiv's own BibTeX, Zotero, JabRef: eprint + archivePrefix (BibLaTeX: eprinttype).
  if (value('eprint') && (archive === '' || archive === 'arxiv')) candidates.push(value('eprint').replace(/^arxiv:\s*/i, ''));
  // Mendeley: arxivId = {…}.
  if (value('arxivid')) candidates.push(value('arxivid').replace(/^arxiv:\s*/i, ''));
  // Google Scholar: journal = {arXiv preprint arXiv:1706.03762}; others put "arXiv:…" in a note.
  for (const name of ['journal', 'journaltitle', 'note', 'howpublished', 'booktitle', 'publisher']) {
    const mention = /\barxiv:\s*([a-z-]+(?:\.[a-z]{2})?\/\d{7}|\d{4}\.\d{4,5})(v\d+)?/i.exec(value(name));
    if (mention) candidates.push(mention[1]! + (mention[2] ?? ''));
  }
  // Semantic Scholar: journal = {ArXiv}, volume = {abs/1706.03762}.
  if (/^arxiv$/i.test(value('journal')) && /^abs\//i.test(value('volume'))) candidates.push(value('volume').slice(4));
  // URLs, also inside \url{…} (BibTeX's howpublished). A note's only when they are arXiv's: a note
  // may cite other papers by their DOI.
  for (const name of ['url', 'howpublished', 'eprint', 'note']) {
    for (const [url] of (fields[name] ?? '').matchAll(/https?:\/\/[^\s{}"\\]+/gi)) if (name !== 'note' || parseArxivId(url)) candidates.push(url);
  }
  if (value('doi')) candidates.push(value('doi').replace(/^https?:\/\/(?:dx\.)?doi\.org\//i, ''));
  return candidates;
}

/** A field value as written, for ids and URLs: without grouping braces and TeX's escapes of `_ % & #`. */
function clean(value: string): string {
  return value.replace(/[{}]/g, '').replace(/\\([_%&#~$])/g, '$1').trim();
}

/** CSL's rich-text markup (Citation.js writes TeX's \textit as <i>…) and any TeX left over, as plain text. */
export function plainText(text: string): string {
  return cleanText(
    text
      .replace(/<\/?(?:i|b|sup|sub|sc|span)(?:\s[^<>]*)?>/g, '')
      // Commands left over (bibtex-parser.ts drops the ones Citation.js does not know before it reads them).
      .replace(/\\[A-Za-z]+\*?\s*/g, '')
      .replace(/\\(.)/g, '$1')
      .replace(/[{}]/g, '')
      .normalize('NFC'),
  );
}

/** "Given von Family, Jr." from CSL's parts; an organisation's literal name as is. */
function personName(name: CslName): string {
  if (name.literal) return plainText(name.literal);
  return plainText(
    [name.given, name['dropping-particle'], name['non-dropping-particle'], name.family].filter(Boolean).join(' ') +
      (name.suffix ? `, ${name.suffix}` : ''),
  );
}

/** YYYY-MM-DD when the entry gives a full date (a year alone is not a day). */
function isoDate(parts: readonly (number | string)[] | undefined): string | undefined {
  if (!parts || parts.length < 3) return undefined;
  const [year, month, day] = parts.map(Number) as [number, number, number];
  if (!(year >= 1000 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= 31)) return undefined;
  const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return Number.isNaN(Date.parse(`${date}T00:00:00Z`)) ? undefined : date;
}

// ——— Preview and import ———

export interface BibImportPlan {
  /** Papers not in the library yet. */
  added: BibPaper[];
  /** Papers already in the library, with their stored record. */
  matched: { paper: BibPaper; record: PaperRecord }[];
  rejected: BibRejection[];
}

/** What importing would do, read in one consistent snapshot. Changes nothing. */
export async function previewBibtexImport(db: ShelfmarkDB, bib: BibPapers): Promise<BibImportPlan> {
  return db.transaction('r', db.papers, async () => {
    const stored = await storedRecords(db, bib.papers);
    const plan: BibImportPlan = { added: [], matched: [], rejected: bib.rejected };
    for (const paper of bib.papers) {
      const found = reached(stored, paper);
      if (found.length > 0) plan.matched.push({ paper, record: foldRecords(found) });
      else plan.added.push(paper);
    }
    return plan;
  });
}

/** How many of the papers already in the library the choice changes (the others already are so). */
export function matchedToChange(plan: BibImportPlan, choice: BibImportChoice): number {
  const actions = actionsFor(choice);
  return plan.matched.filter(({ paper, record }) => !actions.every((action) => isAlreadySo(record, action)) || Object.keys(missingMetadata(record, paper.ref)).length > 0).length;
}

export interface BibImportResult {
  added: PaperId[];
  /** Papers already in the library that the import changed. */
  updated: PaperId[];
  unchanged: number;
}

/**
 * Imports in one transaction: one read of the papers and the end of the queue, one write of the
 * records that change; every paper lands or (on any failure) none does. Each record is what acting
 * on the paper by hand would make (applyAction: a test holds the two equal), built in memory: ten
 * thousand papers one operation at a time took twenty seconds in Chromium. A paper found under
 * several records (its ids were stored apart) makes them one, as a card showing those ids does.
 */
export async function applyBibtexImport(
  db: ShelfmarkDB,
  bib: BibPapers,
  choice: BibImportChoice,
  now = wallClock(),
): Promise<BibImportResult> {
  const actions = actionsFor(choice);
  if (actions.length === 0) throw new Error('Choose what the imported papers become (starred, queued).');
  return db.transaction('rw', changeTables(db), async () => {
    const [stored, last, clock] = await Promise.all([
      storedRecords(db, bib.papers),
      db.papers.orderBy('queuePos').last(),
      readClock(db),
    ]);
    const original = new Map([...stored.values()].map((record) => [record.id, record]));
    let queueEnd = last?.queuePos === undefined ? 0 : Math.floor(last.queuePos);
    // Each tag named as the library already names it ("llm" joins "LLM").
    const named: UserAction[] = [];
    for (const action of actions) named.push(await withLibraryName(db, action));
    // One clock tick per changed paper, as one action each by hand would take (lib/store/clock.ts),
    // counted in memory and stored once.
    let newest = clock.newest;
    const result: BibImportResult = { added: [], updated: [], unchanged: 0 };
    const writes = new Map<PaperId, PaperRecord>();
    const folded = new Map<PaperId, PaperId>();
    const changes: OutboxRow[] = [];
    for (const paper of bib.papers) {
      // The records as this import left them so far: an earlier entry may have changed or made one.
      const found = reached(stored, paper);
      const record = found.length > 0 ? foldRecords(found) : undefined;
      const name = nameOf([...(record ? idsOf(record) : []), ...idsOf(paper.ref)]);
      const missing = record ? missingMetadata(record, paper.ref) : {};
      const renamed = found.length > 1 || (record !== undefined && idsOf(record).join(' ') !== idsOf(name).join(' '));
      if (record && !renamed && actions.every((action) => isAlreadySo(record, action)) && Object.keys(missing).length === 0) {
        result.unchanged++;
        continue;
      }
      newest = nextTime(now, Math.max(newest, ...found.flatMap(changeTimes).map((at) => at ?? -1)));
      const stamp = { at: newest, by: clock.deviceId };
      const next = record ? { ...record, links: { ...record.links }, changedAt: { ...record.changedAt } } : newRecord(paper.ref, now, stamp);
      Object.assign(next, name);
      const keys = Object.keys(missing) as (keyof typeof missing)[];
      if (record && keys.length > 0) {
        Object.assign(next, { ...missing, links: { ...next.links, ...missing.links } });
        touchMetadata(next, keys.map((key) => (key === 'links' ? 'links.abs' : key)) as MetaKey[], stamp);
      }
      // The user's choice, as acting on the paper by hand does it (library.ts's changeRecord).
      for (const action of named) changeRecord(next, action, now, stamp, () => ++queueEnd);
      next.updatedAt = now;
      next.words = paperWords(next);
      stripUndefined(next);
      for (const old of found) {
        writes.delete(old.id);
        if (old.id !== next.id) folded.set(old.id, next.id);
      }
      folded.delete(next.id);
      writes.set(next.id, next);
      for (const id of idsOf(next)) stored.set(id, next);
      for (const kind of changedKinds(original.get(next.id), next)) changes.push({ id: next.id, kind, at: stamp.at });
      (record ? result.updated : result.added).push(next.id);
    }
    const gone = [...folded.keys()].filter((id) => original.has(id));
    await db.papers.bulkDelete(gone);
    await db.papers.bulkPut([...writes.values()]);
    await db.outbox.bulkPut(changes.filter((row) => writes.has(row.id)));
    for (const id of gone) await moveChanges(db, [id], folded.get(id)!);
    if (newest > clock.newest) await db.syncState.put({ ...clock, newest });
    return { ...result, added: [...new Set(result.added)], updated: [...new Set(result.updated)] };
  });
}

/** The stored records under every id of the papers (their own and their aliases). */
async function storedRecords(db: ShelfmarkDB, papers: readonly BibPaper[]): Promise<Map<PaperId, PaperRecord>> {
  const ids = [...new Set(papers.flatMap((paper) => idsOf(paper.ref)))];
  const [direct, byAlias] = await Promise.all([db.papers.bulkGet(ids), ids.length > 0 ? db.papers.where('aliases').anyOf(ids).toArray() : []]);
  const byId = new Map<PaperId, PaperRecord>();
  for (const record of [...direct, ...byAlias]) if (record) for (const id of idsOf(record)) byId.set(id, record);
  return byId;
}

/** The records a paper of the file is found under: none when it is new, several when its ids were stored apart. */
function reached(stored: ReadonlyMap<PaperId, PaperRecord>, paper: BibPaper): PaperRecord[] {
  return [...new Set(idsOf(paper.ref).flatMap((id) => stored.get(id) ?? []))];
}


/** The metadata the file has and the stored record lacks. */
function missingMetadata(record: PaperRecord, ref: PaperRef): Partial<PaperRef> {
  const missing: Partial<PaperRef> = {};
  if (record.authors.length === 0 && ref.authors?.length) missing.authors = ref.authors;
  if (!record.abstract && ref.abstract) missing.abstract = ref.abstract;
  if (!record.date && ref.date) missing.date = ref.date;
  if (!record.links.abs && ref.links?.abs) missing.links = { abs: ref.links.abs };
  return missing;
}

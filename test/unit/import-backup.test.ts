import { Blob as NodeBlob } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { boundRecord, type PaperRecord, type ShelfmarkDB } from '@/lib/store/db';
import { BACKUP_FORMAT, BACKUP_VERSION, backupPaper, toBackup, type BackupPaper } from '@/lib/export/backup';
import {
  announceImport,
  applyImport,
  MAX_BACKUP_BYTES,
  mergePaper,
  parseBackup,
  previewImport,
  readBackupFile,
  type ReadBackup,
} from '@/lib/export/backup-import';
import { papersInScope } from '@/lib/export/scope';
import { CAPS } from '@/lib/limits';
import { removePapers, stripUndefined } from '@/lib/store/library';
import { arxivIdOf, arxivLinks, cleanText } from '@/lib/paper';
import { paperWords } from '@/lib/store/search';
import { papersWithTag } from '@/lib/store/tags';
import { freshDatabase } from '../db-helpers';
import { SITE_NAMES } from '@/lib/sites/types';
import { AUTOML, GAN_BALANCE, LLAMA, MALDACENA, PROMPT_WORTH, record, T0, TRICKY } from './export-fixtures';

const EXPORTED_AT = '2024-08-05T12:00:00.000Z';

function backupText(papers: readonly unknown[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: EXPORTED_AT, papers, ...extra });
}

function read(text: string): ReadBackup {
  const result = parseBackup(text);
  if (!result.ok) throw new Error(`expected a readable backup, got: ${result.error}`);
  return result.backup;
}

async function snapshot(db: ShelfmarkDB): Promise<PaperRecord[]> {
  return db.papers.orderBy('id').toArray();
}

const paper = (fields: Partial<BackupPaper> & Pick<BackupPaper, 'id'>): BackupPaper =>
  backupPaper(record({ title: `Paper ${fields.id}`, ...fields }));

describe('reading a backup: broken and hostile files', () => {
  afterEach(() => vi.restoreAllMocks());

  it.each([
    ['not JSON', 'Shelfmark rocks', /^This file is not JSON \(.+\)\. Choose a file saved with Shelfmark's "JSON backup" export\. Nothing was imported\.$/],
    ['JSON, but not an object', '[1, 2, 3]', /^This is not a Shelfmark backup/],
    ['another program’s JSON', JSON.stringify({ format: 'zotero', items: [] }), /^This is not a Shelfmark backup \(it has no "format": "shelfmark-backup"\)/],
    ['a backup from a newer Shelfmark', backupText([], { version: BACKUP_VERSION + 1 }), new RegExp(`^This backup was made by a newer Shelfmark \\(backup version ${BACKUP_VERSION + 1}; this one reads up to version ${BACKUP_VERSION}\\)\\. Update Shelfmark`)],
    ['a version that is not a number', backupText([], { version: '1' }), /^This backup is damaged: version: .*expected number/],
    ['papers that are not a list', backupText([], { papers: { a: 1 } }), /^This backup is damaged: papers: .*expected array/],
    ['no export time', JSON.stringify({ format: BACKUP_FORMAT, version: 1, papers: [] }), /^This backup is damaged: exportedAt: /],
    ['deep nesting', backupText([]).replace('"papers":[]', `"papers":[${'['.repeat(100_000)}${']'.repeat(100_000)}]`), /^This file nests deeper than a Shelfmark backup ever does \(more than 16 levels, at papers\[0\]\[0\]\[0\]\[0\]\[0\]…\)/],
    ['a __proto__ key in a paper', backupText([paper({ id: 'arxiv:2401.00001' })]).replace('"papers":[{', '"papers":[{"__proto__":{"polluted":true},'), /^This file contains the key "__proto__" \(at papers\[0\]\.__proto__\), which a Shelfmark backup never has; it is refused as unsafe\. Nothing was imported\.$/],
    ['a constructor key at the top', backupText([], { constructor: { prototype: { polluted: true } } }), /^This file contains the key "constructor" \(at constructor\)/],
  ])('refuses %s with a clear message', (_name, text, message) => {
    const result = parseBackup(text);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.error).toMatch(message);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a 50 MB file by its size, without reading it', async () => {
    const file = new NodeBlob([new Uint8Array(50 * 1024 * 1024)], { type: 'application/json' });
    const text = vi.spyOn(file, 'text');
    const result = await readBackupFile(file as unknown as Blob);
    expect(result).toEqual({ ok: false, error: 'This file is 50.0 MB; a Shelfmark backup can be at most 40.0 MB. Nothing was imported.' });
    expect(text).not.toHaveBeenCalled();
    expect(MAX_BACKUP_BYTES).toBe(40 * 1024 * 1024);
  });

  it('refuses an empty file', async () => {
    expect(await readBackupFile(new NodeBlob([]) as unknown as Blob)).toEqual({ ok: false, error: 'This file is empty. Nothing was imported.' });
  });

  it('reads a file picked by the user, byte order mark and all', async () => {
    // jsdom's Blob cannot be read; Node's is the same interface as the browser's File.
    const result = await readBackupFile(new NodeBlob([`\uFEFF${backupText([backupPaper(LLAMA)])}`]) as unknown as Blob);
    expect(result.ok && result.backup.papers).toEqual([backupPaper(LLAMA)]);
  });

  it('rejects single papers with where they are in the file and why, keeping the others', () => {
    const backup = read(
      backupText([
        backupPaper(LLAMA),
        { ...backupPaper(MALDACENA), id: 'arxiv:2407.21783v2' },
        { ...backupPaper(TRICKY), starredAt: 'yesterday' },
        backupPaper(LLAMA),
        42,
        { ...backupPaper(TRICKY), links: { abs: 'javascript:alert(1)' }, changedAt: { star: -5 } },
        { ...backupPaper(TRICKY), title: '   ' },
      ]),
    );
    expect(backup.papers.map((p) => p.id)).toEqual([LLAMA.id]);
    expect(backup.rejected).toEqual([
      { index: 1, id: 'arxiv:2407.21783v2', message: 'papers[1].id: not a canonical paper id' },
      { index: 2, id: TRICKY.id, message: expect.stringMatching(/^papers\[2\]\.starredAt: .*expected number, received string$/) },
      { index: 3, id: LLAMA.id, message: 'papers[3].id: the same paper as papers[0]' },
      { index: 4, id: undefined, message: expect.stringMatching(/^papers\[4\]: .*expected object, received number$/) },
      {
        index: 5,
        id: TRICKY.id,
        message: expect.stringMatching(/^papers\[5\]\.links\.abs: not an http\(s\) URL; papers\[5\]\.changedAt\.star: .*>=0/),
      },
      { index: 6, id: TRICKY.id, message: expect.stringMatching(/^papers\[6\]\.title: /) },
    ]);
  });

  it('ignores an imported search index and unknown fields', () => {
    const backup = read(backupText([{ ...backupPaper(LLAMA), words: ['injected'], isAdmin: true }]));
    expect(backup.papers[0]).toEqual(backupPaper(LLAMA));
  });
});

describe('preview and import', () => {
  it('previews new, updated, unchanged and rejected papers, and changes nothing', async () => {
    const db = freshDatabase();
    await db.papers.bulkPut([LLAMA, TRICKY]);
    const before = await snapshot(db);
    const backup = read(
      backupText([
        { ...backupPaper(LLAMA), readAt: T0 + 5000, changedAt: { ...LLAMA.changedAt, read: T0 + 5000 } },
        backupPaper(MALDACENA),
        backupPaper(TRICKY),
        { ...backupPaper(MALDACENA), id: 'isbn:9780262035613' },
      ]),
    );
    const plan = await previewImport(db, backup);
    expect(plan.added.map((p) => p.id)).toEqual([MALDACENA.id]);
    expect(plan.updated.map((p) => p.id)).toEqual([LLAMA.id]);
    expect(plan.unchanged).toEqual([TRICKY.id]);
    expect(plan.rejected).toEqual([{ index: 3, id: 'isbn:9780262035613', message: 'papers[3].id: not a canonical paper id' }]);
    expect(await snapshot(db)).toEqual(before);

    await applyImport(db, backup);
    expect(await db.papers.get(LLAMA.id)).toMatchObject({ readAt: T0 + 5000, starredAt: T0, note: LLAMA.note });
    expect(await db.papers.get(MALDACENA.id)).toEqual(MALDACENA);
    expect(await db.papers.get(TRICKY.id)).toEqual(TRICKY);
  });

  it('importing the same backup twice changes nothing the second time', async () => {
    const db = freshDatabase();
    await db.papers.bulkPut([TRICKY]);
    const backup = read(toBackup([LLAMA, MALDACENA, TRICKY], new Date(T0)));
    const first = await applyImport(db, backup);
    expect([first.added.length, first.updated.length, first.unchanged.length]).toEqual([2, 0, 1]);
    const after = await snapshot(db);
    const second = await applyImport(db, backup);
    expect([second.added.length, second.updated.length, second.unchanged.length]).toEqual([0, 0, 3]);
    expect(await snapshot(db)).toEqual(after);
  });

  it('recomputes the search words of imported papers', async () => {
    const db = freshDatabase();
    await applyImport(db, read(backupText([{ ...backupPaper(TRICKY), words: ['evil'] }])));
    const stored = await db.papers.get(TRICKY.id);
    expect(stored!.words).toEqual(paperWords(TRICKY));
    expect(await db.papers.where('words').startsWith('emil').primaryKeys()).toEqual([TRICKY.id]);
  });

  it('is all or nothing: a failure while writing leaves the library as it was', async () => {
    const db = freshDatabase();
    await db.papers.bulkPut([LLAMA]);
    const before = await snapshot(db);
    db.papers.hook('creating', (_key, obj) => {
      if (obj.id === TRICKY.id) throw new Error('disk full');
    });
    const backup = read(
      toBackup([{ ...LLAMA, note: 'newer note', changedAt: { ...LLAMA.changedAt, note: T0 + 9000 } }, MALDACENA, TRICKY], new Date(T0)),
    );
    await expect(applyImport(db, backup)).rejects.toThrow(/disk full/);
    expect(await snapshot(db)).toEqual(before);
  });

  it('restores a paper removed here: it comes back later than its removal, for sync too', async () => {
    const db = freshDatabase();
    await db.papers.bulkPut([LLAMA]);
    await removePapers(db, [LLAMA.id], { now: T0 + 50_000 });
    const removedAt = (await db.tombstones.get(LLAMA.id))!.deleted;
    await applyImport(db, read(toBackup([LLAMA], new Date(T0))), { now: T0 + 60_000 });
    const back = (await db.papers.get(LLAMA.id))!;
    expect(back).toMatchObject({ note: LLAMA.note, starredAt: LLAMA.starredAt });
    for (const at of Object.values(back.changedAt)) expect(at).toBeGreaterThan(removedAt.at);
    expect(await db.tombstones.get(LLAMA.id)).toEqual({ id: LLAMA.id, deleted: removedAt });
    expect((await db.outbox.where('id').equals(LLAMA.id).toArray()).map((row) => row.kind).sort()).toEqual(['deleted', ...Object.keys(LLAMA.changedAt)].sort());
  });

  it('tells open tabs which papers changed, unchanged ones left out, in batches the protocol accepts', async () => {
    const db = freshDatabase();
    await db.papers.bulkPut([TRICKY]);
    const notify = vi.fn(async () => {});
    await announceImport(await applyImport(db, read(toBackup([LLAMA, TRICKY, MALDACENA], new Date(T0)))), notify);
    expect(notify).toHaveBeenCalledTimes(1);
    expect(notify).toHaveBeenCalledWith([LLAMA.id, MALDACENA.id]);

    const many = Array.from({ length: 10_001 }, (_, n) => paper({ id: `arxiv:2402.${String(n + 1).padStart(5, '0')}` }));
    const batches = vi.fn(async (_ids: readonly string[]) => {});
    await announceImport(await applyImport(freshDatabase(), read(backupText(many))), batches);
    expect(batches.mock.calls.map(([ids]) => ids.length)).toEqual([...Array(20).fill(500), 1]);
  }, 60_000); // two imports of 10,001 papers each (with their outbox rows) into fake-indexeddb: slow when the whole suite runs at once
});

describe('older backup versions and papers of every scheme', () => {
  it('imports a version 1 backup (arXiv ids, no aliases) as it was written', async () => {
    const v1 = JSON.stringify({
      format: BACKUP_FORMAT,
      version: 1,
      exportedAt: '2026-11-27T10:00:00.000Z',
      papers: [
        {
          id: 'arxiv:2407.21783',
          title: 'The Llama 3 Herd of Models',
          authors: ['Abhimanyu Dubey'],
          links: { abs: 'https://arxiv.org/abs/2407.21783' },
          seen: { site: 'huggingface', url: 'https://huggingface.co/papers', at: T0 },
          starredAt: T0,
          note: 'v1 note',
          noteUpdatedAt: T0,
          createdAt: T0,
          updatedAt: T0,
          changedAt: { meta: T0, star: T0, note: T0 },
        },
      ],
    });
    const db = freshDatabase();
    const plan = await applyImport(db, read(v1));
    expect(plan.added.map((p) => p.id)).toEqual(['arxiv:2407.21783']);
    expect(await db.papers.get('arxiv:2407.21783')).toMatchObject({ starredAt: T0, note: 'v1 note' });
    expect(await db.papers.get('arxiv:2407.21783')).not.toHaveProperty('aliases');
  });

  it('round-trips ACL, DOI and OpenReview papers with their aliases', async () => {
    const db = freshDatabase();
    const text = toBackup([PROMPT_WORTH, AUTOML, GAN_BALANCE], new Date(T0));
    expect(JSON.parse(text).version).toBe(BACKUP_VERSION);
    await applyImport(db, read(text));
    expect(await db.papers.orderBy('id').toArray()).toEqual([PROMPT_WORTH, AUTOML, GAN_BALANCE].sort((a, b) => (a.id < b.id ? -1 : 1)));
    expect(await db.papers.where('aliases').equals('dblp:conf/esem/CalefatoQLK23').primaryKeys()).toEqual([AUTOML.id]);
  });

  it('merges a backup paper into the local record its alias names, under the best id, losing neither', async () => {
    const db = freshDatabase();
    // Locally the paper is known by its dblp key only; the backup knows its DOI and the key.
    const local = record({ id: 'dblp:conf/esem/CalefatoQLK23', title: AUTOML.title, starredAt: T0 + 5, changedAt: { meta: T0, star: T0 + 5 } });
    await db.papers.put(local);
    const plan = await applyImport(db, read(toBackup([AUTOML], new Date(T0))));
    expect(plan.updated.map((p) => p.id)).toEqual([AUTOML.id]);
    expect(plan.replaced).toEqual([local.id]);
    expect(await db.papers.toCollection().primaryKeys()).toEqual([AUTOML.id]);
    expect(await db.papers.get(AUTOML.id)).toMatchObject({ aliases: [local.id], starredAt: T0 + 5, note: AUTOML.note });
  });

  it('makes two local records one when a backup paper names them both', async () => {
    const db = freshDatabase();
    const byDoi = record({ id: AUTOML.id, title: AUTOML.title, note: 'DOI note', noteUpdatedAt: T0, changedAt: { meta: T0, note: T0 } });
    const byKey = record({ id: 'dblp:conf/esem/CalefatoQLK23', title: AUTOML.title, readAt: T0, changedAt: { meta: T0, read: T0 } });
    await db.papers.bulkPut([byDoi, byKey]);
    const incoming = { ...backupPaper(AUTOML), note: '', noteUpdatedAt: undefined, changedAt: { meta: T0 } };
    const plan = await applyImport(db, read(backupText([stripUndefined(incoming)])));
    expect(plan.replaced).toEqual([byKey.id]);
    expect(await db.papers.toArray()).toEqual([expect.objectContaining({ id: AUTOML.id, note: 'DOI note', readAt: T0, aliases: [byKey.id] })]);
  });

  it('rejects a second paper of the file that shares an id with an earlier one', () => {
    const backup = read(backupText([backupPaper(AUTOML), paper({ id: 'dblp:conf/esem/CalefatoQLK23' })]));
    expect(backup.papers.map((p) => p.id)).toEqual([AUTOML.id]);
    expect(backup.rejected).toEqual([{ index: 1, id: 'dblp:conf/esem/CalefatoQLK23', message: 'papers[1].id: the same paper as papers[0]' }]);
  });
});

describe('merge: newer local data is never lost', () => {
  const base = record({
    id: 'arxiv:2403.00001',
    title: 'Old title',
    authors: ['A. Author'],
    abstract: 'Local abstract',
    starredAt: 100,
    readAt: 200,
    note: 'local note',
    noteUpdatedAt: 300,
    createdAt: 50,
    updatedAt: 300,
    changedAt: { meta: 50, star: 100, read: 200, note: 300 },
  });

  it('takes each group of fields from the side that changed it last', () => {
    const incoming: BackupPaper = backupPaper({
      ...base,
      title: 'New title',
      abstract: undefined,
      starredAt: undefined, // unstarred in the backup, after the local star
      readAt: undefined, // unread in the backup, but before the local read
      note: 'backup note',
      noteUpdatedAt: 250, // an older note
      createdAt: 10,
      updatedAt: 400,
      changedAt: { meta: 400, star: 150, read: 150, note: 250 },
    });
    const { record: merged } = mergePaper(base, stripUndefined(incoming));
    expect(merged).toEqual({
      ...base,
      title: 'New title', // newer metadata wins…
      abstract: 'Local abstract', // …but a blank never replaces what we knew
      starredAt: undefined,
      createdAt: 10,
      updatedAt: 400,
      changedAt: { meta: 400, star: 150, read: 200, note: 300 },
      metaAt: { abstract: 50 }, // the abstract keeps its own time, older than the group's
      words: paperWords({ ...base, title: 'New title' }),
    } satisfies PaperRecord);
    expect(merged).not.toHaveProperty('starredAt');
  });

  it('keeps the local copy on a tie', () => {
    const incoming = backupPaper({ ...base, note: 'same time, other text', title: 'Other' });
    const { record: merged } = mergePaper(base, incoming);
    expect(merged.note).toBe('local note');
    expect(merged.title).toBe('Old title');
  });

  it('a note cleared later locally stays cleared', () => {
    const cleared = record({ ...base, note: '', noteUpdatedAt: undefined, changedAt: { ...base.changedAt, note: 900 } });
    stripUndefined(cleared);
    const { record: merged } = mergePaper(cleared, backupPaper(base));
    expect(merged.note).toBe('');
    expect(merged).not.toHaveProperty('noteUpdatedAt');
  });
});

describe('merge: the reading queue', () => {
  const queued = (n: number, queuePos: number, queueTime: number) =>
    record({ id: `arxiv:2404.0000${n}`, title: `Queued ${n}`, queuePos, queuedAt: queueTime, changedAt: { meta: 1, queue: queueTime } });

  it('puts imported queued papers after the local queue, in the backup’s order', async () => {
    const db = freshDatabase();
    await db.papers.bulkPut([queued(1, 1, 10), queued(2, 2, 20)]);
    await applyImport(db, read(toBackup([queued(4, 5, 40), queued(3, 1, 30), queued(5, 5, 50)], new Date(T0))));
    const queue = await db.papers.orderBy('queuePos').toArray();
    expect(queue.map((p) => [p.id.slice(-1), p.queuePos])).toEqual([['1', 1], ['2', 2], ['3', 3], ['4', 4], ['5', 5]]);
  });

  it('moves a paper re-queued later in the backup to the end, and keeps one unqueued later locally out', async () => {
    const db = freshDatabase();
    const unqueuedLater = record({ id: 'arxiv:2404.00003', title: 'Queued 3', changedAt: { meta: 1, queue: 99 } });
    await db.papers.bulkPut([queued(1, 1, 10), queued(2, 2, 20), unqueuedLater]);
    await applyImport(db, read(toBackup([queued(1, 7, 60), queued(3, 1, 30)], new Date(T0))));
    const queue = await db.papers.orderBy('queuePos').toArray();
    expect(queue.map((p) => [p.id.slice(-1), p.queuePos])).toEqual([['2', 2], ['1', 3]]);
  });

  it('restores the exact positions into an empty queue, and renumbers positions that clash', async () => {
    const db = freshDatabase();
    await applyImport(db, read(toBackup([queued(1, 4, 10), queued(2, 9.5, 20)], new Date(T0))));
    expect((await db.papers.orderBy('queuePos').toArray()).map((p) => p.queuePos)).toEqual([4, 9.5]);

    const clash = freshDatabase();
    await applyImport(clash, read(toBackup([queued(1, 3, 10), queued(2, 3, 20), queued(3, 1, 30)], new Date(T0))));
    const queue = await clash.papers.orderBy('queuePos').toArray();
    expect(queue.map((p) => [p.id.slice(-1), p.queuePos])).toEqual([['3', 1], ['1', 2], ['2', 3]]);
  });
});

// ——— Round trip ———

const time = fc.integer({ min: 0, max: 4_102_444_800_000 }); // up to 2100
const lineText = (max: number) => fc.string({ unit: 'grapheme', maxLength: max }).map(cleanText);
const texAndEmoji = fc.constantFrom('$\\alpha$-VAE', '\\emph{x}', '{}', '%', '🦙🧪', 'Émile Zoë', '中文', '\u200b', 'a\u0301', '"quoted"', '__proto__');
const title = fc
  .tuple(lineText(80), texAndEmoji, lineText(40))
  .map((parts) => cleanText(parts.join(' ')))
  .filter((t) => t.length > 0);
const note = fc.oneof(
  fc.constant(''),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.tuple(texAndEmoji, fc.string({ unit: 'binary', maxLength: 2_000 })).map(([a, b]) => `${a}\n\n${b}`),
  fc.constant(`${'long note 🦙 '.repeat(8_000)}end`),
);
const newStyleId = fc
  .tuple(fc.integer({ min: 7, max: 29 }), fc.integer({ min: 1, max: 12 }), fc.nat({ max: 99_999 }))
  .filter(([yy, mm]) => yy > 7 || mm >= 4)
  .map(([yy, mm, n]) => `${String(yy).padStart(2, '0')}${String(mm).padStart(2, '0')}.${String((n % (yy >= 15 ? 99_999 : 9_999)) + 1).padStart(yy >= 15 ? 5 : 4, '0')}`);
const oldStyleId = fc
  .tuple(fc.constantFrom('hep-th', 'solv-int', 'math', 'cond-mat', 'q-bio', 'astro-ph'), fc.constantFrom(91, 95, 99, 0, 3, 7), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 999 }))
  .filter(([, yy, mm]) => yy !== 7 || mm <= 3)
  .map(([archive, yy, mm, n]) => `${archive}/${String(yy).padStart(2, '0')}${String(mm).padStart(2, '0')}${String(n).padStart(3, '0')}`);
/** Ids of the other schemes (lib/paper.ts), as the adapters write them. */
const otherId = fc.oneof(
  fc.tuple(fc.integer({ min: 1952, max: 2030 }), fc.constantFrom('acl-long', 'emnlp-main', 'findings-acl', 'in2writing-1'), fc.integer({ min: 1, max: 999 })).map(([y, v, n]) => `acl:${y}.${v}.${n}`),
  fc.tuple(fc.constantFrom('A', 'C', 'N', 'P', 'W'), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 1001, max: 9999 })).map(([l, y, n]) => `acl:${l}${String(y).padStart(2, '0')}-${n}`),
  fc.tuple(fc.integer({ min: 1000, max: 99_999 }).filter((r) => r !== 48_550 && r !== 18_653), fc.stringMatching(/^[a-z0-9](?:[a-z0-9._/-]{0,30}[a-z0-9])?$/)).map(([r, suffix]) => `doi:10.${r}/${suffix}`),
  fc.stringMatching(/^[A-Za-z0-9_-]{5,20}$/).map((id) => `openreview:${id}`),
  fc.stringMatching(/^[A-Z][a-z]{1,8}_[A-Z][a-z]{1,8}$/).map((stem) => `cvf:${stem}_CVPR_2024`),
);
const url = fc.webUrl({ withQueryParameters: true, withFragments: true });
const isoDate = fc.date({ min: new Date('1991-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

const storedPaper = fc
  .record(
    {
      id: fc.oneof(newStyleId.map((id) => `arxiv:${id}`), oldStyleId.map((id) => `arxiv:${id}`), otherId),
      withAliases: fc.boolean(),
      venue: lineText(60),
      year: fc.integer({ min: 1950, max: 2099 }),
      title,
      authors: fc.array(lineText(40), { maxLength: 12 }),
      authorCount: fc.nat({ max: 5_000 }),
      organization: lineText(30),
      abstract: fc.string({ unit: 'grapheme', maxLength: 600 }),
      date: isoDate,
      version: fc.integer({ min: 1, max: 30 }),
      primaryCategory: fc.constantFrom('cs.CL', 'hep-th', 'math.GT', 'q-bio.NC'),
      categories: fc.array(fc.constantFrom('cs.CL', 'cs.LG', 'stat.ML'), { maxLength: 3 }),
      journalRef: lineText(60),
      paperComments: lineText(60),
      links: fc.record({ huggingface: url, abs: url, pdf: url, html: url }, { requiredKeys: [] }),
      seen: fc.record({ site: fc.constantFrom(...SITE_NAMES), url, at: time }),
      starredAt: time,
      readAt: time,
      queued: fc.boolean(),
      queuedAt: time,
      note,
      noteUpdatedAt: time,
      createdAt: time,
      updatedAt: time,
      changedAt: fc.record({ meta: time, star: time, read: time, queue: time, note: time }, { requiredKeys: [] }),
    },
    { requiredKeys: ['id', 'withAliases', 'title', 'authors', 'links', 'note', 'createdAt', 'updatedAt', 'changedAt', 'queued'] },
  );

/** Libraries as Shelfmark stores them: every record within the bounds (lib/bounds.ts), as writes and upgrades leave it. */
const library = fc.uniqueArray(storedPaper, { selector: (p) => p.id, maxLength: 25 }).map((papers) =>
  papers.map(({ queued, queuedAt, withAliases, ...fields }, index): PaperRecord => {
    const paper = { ...fields, words: [] as string[] } as PaperRecord;
    // Site-native aliases named after the paper's place: no two papers share one.
    if (withAliases) paper.aliases = [`dblp:conf/prop/P${index}`, `scholar:prop${String(index).padStart(6, '0')}`];
    if (queued) Object.assign(paper, { queuePos: index * 2 + 1 + (index % 3) * 0.5, queuedAt: queuedAt ?? 0 });
    // Random URLs are dropped by the bounds (they do not lead to the paper); half the papers get their own.
    if (index % 2 === 0) paper.links = { ...paper.links, ...arxivLinks(arxivIdOf(paper.id)!) };
    return stripUndefined(boundRecord(paper));
  }),
);

describe('round trip', () => {
  it('export everything, wipe, import: the same library (property)', async () => {
    const db = freshDatabase();
    await fc.assert(
      fc.asyncProperty(library, async (papers) => {
        await db.papers.clear();
        await db.papers.bulkPut(papers);
        const before = await snapshot(db);

        const file = toBackup(await papersInScope(db, 'all'), new Date(T0));
        await db.papers.clear();
        const backup = read(file);
        expect(backup.rejected).toEqual([]);
        const plan = await applyImport(db, backup);

        expect(plan.added).toHaveLength(papers.length);
        expect(await snapshot(db)).toEqual(before);
      }),
      { numRuns: 60, endOnFailure: true }, // no shrinking: the library of a failure is printed whole
    );
  }, 120_000);
});

describe('every backup version imports', () => {
  /** A backup file of each version, as that version's Shelfmark exported it: test/fixtures/backups/v<N>.json. */
  const FIXTURES = [
    { version: 1, file: 'v1.json' },
    { version: 2, file: 'v2.json' }, // with sync's fields: who changed each group, metadata times, note bases, kept notes
    { version: 3, file: 'v3.json' }, // papers of every scheme, their aliases, venue and year
    { version: 4, file: 'v4.json' }, // with tags: two papers tagged "LLM", one tag taken off
  ];

  it('has a fixture for every version up to the current one', () => {
    expect(FIXTURES.map((fixture) => fixture.version)).toEqual(Array.from({ length: BACKUP_VERSION }, (_, i) => i + 1));
  });

  it.each(FIXTURES)('version $version: every paper and its state, its metadata bounded and cleaned', async ({ file }) => {
    const text = readFileSync(resolve(__dirname, '../fixtures/backups', file), 'utf8');
    const source = (JSON.parse(text) as { papers: BackupPaper[] }).papers;
    const backup = read(text);
    expect(backup.rejected).toEqual([]);
    const db = freshDatabase();
    const plan = await applyImport(db, backup);
    expect(plan.added.map((record) => record.id)).toEqual(source.map((paper) => paper.id));
    for (const paper of source) {
      const stored = (await db.papers.get(paper.id))!;
      const state = (record: Partial<PaperRecord>) => [record.starredAt, record.readAt, record.queuePos, record.queuedAt, record.note, record.noteUpdatedAt, record.changedAt, record.createdAt];
      expect(state(stored), paper.id).toEqual(state(paper));
      expect([stored.aliases, stored.venue, stored.year], paper.id).toEqual([paper.aliases, paper.venue, paper.year]);
      for (const alias of paper.aliases ?? []) expect(await db.papers.where('aliases').equals(alias).primaryKeys(), alias).toEqual([paper.id]);
      expect(stored.title, paper.id).not.toMatch(/[\u200B-\u200F\u202A-\u202E\u2066-\u2069]/);
      expect(stored.authors.length, paper.id).toBeLessThanOrEqual(CAPS.authors);
    }
    // A hostile paper of an old backup: off-site links are not imported; its note keeps what was typed.
    expect(await db.papers.get('arxiv:2402.01234')).toMatchObject({
      title: 'Invoice gnp.exe and zerowidth tricks',
      links: { pdf: 'https://arxiv.org/pdf/2402.01234' },
      note: 'My own note keeps its \u202Eexact\u202C text.',
    });
    expect(await db.papers.where('words').startsWith('superconformal').primaryKeys()).toEqual(['arxiv:hep-th/9711200']);
    // Every tag of the file, entry for entry (a removed one kept, for sync), and found by its tag.
    for (const paper of source) expect((await db.papers.get(paper.id))!.tags, paper.id).toEqual(paper.tags);
    expect(await papersWithTag(db, 'llm')).toEqual(source.filter((paper) => paper.tags?.some((tag) => tag.name === 'LLM' && !tag.removed)).map((paper) => paper.id).sort());
  });
});

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { it } from 'vitest';
import { openDatabase, type PaperRecord } from '@/lib/store/db';
import { applyImport, parseBackup, previewImport, type ReadBackup } from '@/lib/export/backup-import';
import { citationKeys, settleCitationKeys } from '@/lib/export/bibtex';
import { FORMATS } from '@/lib/export/formats';
import { papersInScope } from '@/lib/export/scope';
import { catalogBuckets } from '@/lib/store/catalog';
import { libraryFilter, paperWords } from '@/lib/store/search';
import { SearchIndex } from '@/lib/store/search-index';
import { launch } from '../test/e2e/harness';
import { measure, median, report, type Sample } from './stats';

/**
 * Export and import of a 10,000-paper library: each format's serializer, reading and merging a
 * backup, and the same in the built extension in Chromium (real IndexedDB, the options page).
 */

const PAPERS = 10_000;
const T0 = Date.UTC(2025, 0, 1);

/** A deterministic library that looks like a heavy user's: abstracts, authors, a note on one paper in four. */
function library(count: number): PaperRecord[] {
  let seed = 42;
  const rand = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  const word = () => ['diffusion', 'model', 'Émile', 'attention', 'graph', '$\\alpha$', 'learning', 'scaling', 'law', '🦙'][Math.floor(rand() * 10)]!;
  const words = (n: number) => Array.from({ length: n }, word).join(' ');
  return Array.from({ length: count }, (_, n) => {
    const id = `arxiv:${2301 + Math.floor(n / 9000)}.${String((n % 9000) + 1).padStart(5, '0')}`;
    const t = T0 + n * 60_000;
    const paper: PaperRecord = {
      id,
      title: `${words(8)} ${n}`,
      authors: Array.from({ length: 1 + Math.floor(rand() * 8) }, () => `${word()} ${word()}son`),
      abstract: words(160),
      date: '2025-01-02',
      primaryCategory: 'cs.LG',
      links: { abs: `https://arxiv.org/abs/${id.slice(6)}`, huggingface: `https://huggingface.co/papers/${id.slice(6)}` },
      seen: { site: 'huggingface', url: 'https://huggingface.co/papers', at: t },
      note: n % 4 === 0 ? `${words(40)}\n\n- ${words(10)}\n- =SUM(A1) ${n}` : '',
      createdAt: t,
      updatedAt: t,
      changedAt: { meta: t },
      words: [],
    };
    if (n % 3 === 0) Object.assign(paper, { starredAt: t, changedAt: { ...paper.changedAt, star: t } });
    if (n % 5 === 0) Object.assign(paper, { readAt: t, changedAt: { ...paper.changedAt, read: t } });
    if (n % 50 === 1) Object.assign(paper, { queuePos: n, queuedAt: t, changedAt: { ...paper.changedAt, queue: t } });
    if (paper.note) Object.assign(paper, { noteUpdatedAt: t, changedAt: { ...paper.changedAt, note: t } });
    paper.words = paperWords(paper);
    return paper;
  });
}

/** A garbage collector to call between measurements (Node hides it unless asked). */
function collector(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

const mb = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

it('exports and imports 10,000 papers (serializers and merge, Node)', async () => {
  const gc = collector();
  const papers = library(PAPERS);
  const context = { scope: 'all' as const, now: new Date(T0) };

  const serialize: Sample[] = [];
  for (const spec of FORMATS) {
    gc();
    const before = process.memoryUsage().heapUsed;
    const text = spec.serialize(papers, context);
    const held = process.memoryUsage().heapUsed - before; // no collection in between: roughly the peak
    const size = new TextEncoder().encode(text).length;
    serialize.push({
      name: spec.label,
      runs: await measure(() => spec.serialize(papers, context), 7, 2),
      note: `file ${mb(size)}, heap +${mb(held)} while building`,
    });
  }
  report(`Export: serialize ${PAPERS.toLocaleString('en')} papers`, serialize);

  const backupText = FORMATS.find((spec) => spec.format === 'json')!.serialize(papers, context);
  let backup: ReadBackup | undefined;
  gc();
  const before = process.memoryUsage().heapUsed;
  const parsed = parseBackup(backupText);
  const parseHeap = process.memoryUsage().heapUsed - before;
  if (!parsed.ok) throw new Error(parsed.error);
  backup = parsed.backup;

  const db = openDatabase('bench-export');
  await db.papers.clear();
  const importing: Sample[] = [
    {
      name: 'read backup (JSON, shape check, Zod)',
      runs: await measure(() => parseBackup(backupText), 7, 2),
      note: `${mb(backupText.length)} of JSON; heap +${mb(parseHeap)}`,
    },
    { name: 'preview into an empty library', runs: await measure(() => previewImport(db, backup!), 5, 1), note: 'fake-indexeddb' },
  ];
  const fresh = await measure(
    async () => {
      await db.papers.clear();
      await applyImport(db, backup!);
    },
    3,
    0,
  );
  importing.push({ name: 'import into an empty library', runs: fresh, note: 'one transaction, fake-indexeddb (slow)' });
  importing.push({
    name: 'import again (all unchanged)',
    runs: await measure(() => applyImport(db, backup!), 3, 0),
    note: 'merge + compare, nothing written',
  });
  importing.push({ name: 'read the "all" scope', runs: await measure(() => papersInScope(db, 'all'), 5, 1), note: 'fake-indexeddb' });
  report(`Import: a backup of ${PAPERS.toLocaleString('en')} papers`, importing);

  const buckets = catalogBuckets(papers);
  const index = new SearchIndex(buckets, { cites: true });
  const filter = (query: string) => {
    const { tokens, alsoId } = libraryFilter(query)!;
    return index.search(tokens, { key: 'updatedAt', newestFirst: true }, alsoId);
  };
  report('Options page helpers over the whole library', [
    { name: 'search index from the catalog', runs: await measure(() => new SearchIndex(buckets, { cites: true }), 5, 1) },
    { name: 'filter "diffusion emile"', runs: await measure(() => filter('diffusion emile'), 15, 3) },
    { name: 'filter "2301.004"', runs: await measure(() => filter('2301.004'), 15, 3) },
    { name: 'citation keys of all papers, from records', runs: await measure(() => citationKeys(papers), 15, 3) },
    {
      name: 'citation keys of all papers, from the index',
      runs: await measure(() => settleCitationKeys(Array.from(index.slots(), (slot) => [index.idAt(slot), index.citeOf(slot)] as const)), 15, 3),
    },
  ]);
  await db.delete();
});

it('exports and imports 10,000 papers in the built extension (Chromium, real IndexedDB)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'shelfmark-bench-'));
  const backupPath = join(dir, 'backup.json');
  writeFileSync(backupPath, FORMATS.find((spec) => spec.format === 'json')!.serialize(library(PAPERS), { scope: 'all', now: new Date(T0) }));
  const browser = await launch();
  try {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const input = page.getByLabel(/^Backup file/);
    // The page's JS heap after a full garbage collection: what it keeps, not what it has not freed yet.
    const cdp = await browser.context.newCDPSession(page);
    const heapAfterGc = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      const { usedSize } = await cdp.send('Runtime.getHeapUsage');
      return `${(usedSize / 2 ** 20).toFixed(0)} MB`;
    };
    const heapEmpty = await heapAfterGc();

    // Import: from choosing the file to the preview, then from "Import" to done.
    const preview: number[] = [];
    const apply: number[] = [];
    for (let run = 0; run < 3; run++) {
      await page.evaluate(() => new Promise<void>((resolve, reject) => {
        const request = indexedDB.deleteDatabase('shelfmark');
        request.onsuccess = () => resolve();
        request.onerror = () => reject(request.error);
      }));
      await page.reload();
      let start = performance.now();
      await input.setInputFiles(backupPath);
      await page.locator('.import-confirm').waitFor({ timeout: 120_000 });
      preview.push(performance.now() - start);
      start = performance.now();
      await page.getByRole('button', { name: 'Import', exact: true }).click();
      await page.locator('.import-done').waitFor({ timeout: 120_000 });
      apply.push(performance.now() - start);
    }
    // The page with every paper loaded: from navigation to the rows on screen.
    const load = await measure(async () => {
      await page.reload();
      await page.locator('.library-count', { hasText: `${PAPERS.toLocaleString('en').replace(/,/g, '')} papers` }).waitFor();
    }, 5, 1);
    const heapLoaded = await heapAfterGc();
    // One keystroke in the filter, to the updated count.
    const filter = page.getByRole('searchbox', { name: 'Filter the library' });
    const keystroke = await measure(async () => {
      await filter.fill('');
      await page.locator('.library-count', { hasText: /^\d+ papers$/ }).waitFor();
      await filter.fill('diffusion emile');
      await page.locator('.library-count', { hasText: 'match' }).waitFor();
    }, 7, 2);

    const form = page.getByRole('form', { name: 'Export papers' });
    await filter.fill('');
    await form.getByLabel('Papers').selectOption('all');
    const exports: Sample[] = [];
    for (const spec of FORMATS) {
      await form.getByLabel('Format').selectOption(spec.format);
      const runs = await measure(async () => {
        const [file] = await Promise.all([page.waitForEvent('download'), form.getByRole('button', { name: 'Download' }).click()]);
        await file.path();
      }, 3, 1);
      exports.push({ name: `export ${spec.label}`, runs, note: 'click to file saved' });
    }
    const heapAfterExports = await heapAfterGc();

    report(`Chromium, options page, ${PAPERS.toLocaleString('en')} papers`, [
      { name: 'import: choose file → preview', runs: preview, note: 'size check, JSON, Zod, merge plan' },
      { name: 'import: confirm → done', runs: apply, note: 'one IndexedDB transaction (tab notices follow)' },
      { name: 'open the page with every paper', runs: load, note: `JS heap ${heapEmpty} empty, ${heapLoaded} loaded` },
      { name: 'filter: clear + type a query', runs: keystroke, note: 'two renders' },
      ...exports,
    ]);
    console.log(`median import (preview + confirm): ${(median(preview) + median(apply)).toFixed(0)} ms`);
    console.log(`options page JS heap after GC: ${heapEmpty} before import, ${heapLoaded} with every paper, ${heapAfterExports} after the exports`);
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

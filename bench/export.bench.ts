import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Locator, Page } from 'playwright-core';
import { it } from 'vitest';
import { openDatabase, type PaperRecord } from '@/lib/store/db';
import { applyImport, parseBackup, previewImport, type ReadBackup } from '@/lib/export/backup-import';
import { toBackup } from '@/lib/export/backup';
import { citationKeys, settleCitationKeys, toBibtex } from '@/lib/export/bibtex';
import { applyBibtexImport, papersFromBibtex, previewBibtexImport } from '@/lib/export/bibtex-import';
import { parseBibtex } from '@/lib/export/bibtex-read';
import { FORMATS } from '@/lib/export/formats';
import { papersInScope } from '@/lib/export/scope';
import { catalogBuckets } from '@/lib/store/catalog';
import { libraryFilter, paperWords } from '@/lib/store/search';
import { SearchIndex } from '@/lib/store/search-index';
import { launch } from '../test/e2e/harness';
import { measure, median, report, type Sample } from './stats';

/**
 * Export and import of a 10,000-paper library: each format's serializer (at 1,000 and 10,000
 * papers), reading and merging a backup, reading and importing a .bib file, and the same in the
 * built extension in Chromium (real IndexedDB, the options page).
 */

const PAPERS = 10_000;
const SIZES = [1_000, 10_000];
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

/**
 * One import through the options page into an empty library: from choosing the file to the preview,
 * then from "Import" to done (milliseconds each). `panel` is the import's section of the page.
 */
async function timeImport(page: Page, panel: Locator, input: Locator, path: string): Promise<{ preview: number; apply: number }> {
  await page.evaluate(() => new Promise<void>((resolve, reject) => {
    const request = indexedDB.deleteDatabase('shelfmark');
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
  }));
  await page.reload();
  let start = performance.now();
  await input.setInputFiles(path);
  await panel.locator('.import-confirm').waitFor({ timeout: 300_000 });
  const preview = performance.now() - start;
  start = performance.now();
  await panel.getByRole('button', { name: 'Import', exact: true }).click();
  await panel.locator('.import-done').waitFor({ timeout: 300_000 });
  return { preview, apply: performance.now() - start };
}

const mb = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

it('exports and imports 10,000 papers (serializers and merge, Node)', async () => {
  const gc = collector();
  const papers = library(PAPERS);
  const context = { scope: 'all' as const, now: new Date(T0) };

  for (const size of SIZES) {
    const some = papers.slice(0, size);
    const serialize: Sample[] = [];
    for (const spec of FORMATS) {
      gc();
      const before = process.memoryUsage().heapUsed;
      const data = await spec.serialize(some, context);
      const held = process.memoryUsage().heapUsed - before; // no collection in between: roughly the peak
      const bytes = typeof data === 'string' ? new TextEncoder().encode(data).length : data.length;
      serialize.push({
        name: spec.label,
        runs: await measure(() => spec.serialize(some, context), size > 1_000 ? 5 : 9, 1),
        note: `file ${mb(bytes)}, heap +${mb(held)} while building`,
      });
    }
    report(`Export: serialize ${size.toLocaleString('en')} papers`, serialize);
  }

  const backupText = toBackup(papers, context.now);
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

it('imports a .bib of 1,000 and 10,000 papers (Node: Citation.js, fake-indexeddb)', async () => {
  for (const size of SIZES) {
    const bib = toBibtex(library(size), { abstracts: true });
    const read = await parseBibtex(bib);
    if (!read.ok) throw new Error(read.error);
    const papers = papersFromBibtex(read.bibtex);
    const db = openDatabase(`bench-bibtex-${size}`);
    const runs = size > 1_000 ? 2 : 5;
    const samples: Sample[] = [
      { name: 'read: checks, parse, TeX to text', runs: await measure(() => parseBibtex(bib), runs, 1), note: `${mb(bib.length)} of BibTeX with abstracts` },
      { name: 'papers: ids, validation', runs: await measure(() => papersFromBibtex(read.bibtex), runs, 1) },
      { name: 'preview into an empty library', runs: await measure(() => previewBibtexImport(db, papers), runs, 1) },
      {
        name: 'import into an empty library (starred, queued)',
        runs: await measure(async () => {
          await db.papers.clear();
          await applyBibtexImport(db, papers, { star: true, queue: true });
        }, runs, 0),
        note: 'one transaction, fake-indexeddb (slow)',
      },
    ];
    report(`Import: a .bib of ${size.toLocaleString('en')} papers`, samples);
    await db.delete();
  }
});

it('imports a .bib of 1,000 and 10,000 papers through the options page (Chromium, real IndexedDB)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'shelfmark-bench-bib-'));
  const browser = await launch();
  try {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const samples: Sample[] = [];
    for (const size of SIZES) {
      const path = join(dir, `library-${size}.bib`);
      writeFileSync(path, toBibtex(library(size), { abstracts: true }));
      const preview: number[] = [];
      const apply: number[] = [];
      for (let run = 0; run < (size > 1_000 ? 2 : 3); run++) {
        const times = await timeImport(page, page.locator('section[aria-labelledby="bibtex-import-title"]'), page.getByLabel(/^BibTeX file/), path);
        preview.push(times.preview);
        apply.push(times.apply);
      }
      samples.push(
        { name: `${size.toLocaleString('en')} papers: choose file → preview`, runs: preview, note: 'read, Citation.js, ids, preview' },
        { name: `${size.toLocaleString('en')} papers: confirm → done`, runs: apply, note: 'one IndexedDB transaction, starred' },
      );
    }
    report('Chromium, options page, BibTeX import (with abstracts)', samples);
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

it('exports and imports 10,000 papers in the built extension (Chromium, real IndexedDB)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'shelfmark-bench-'));
  const backupPath = join(dir, 'backup.json');
  writeFileSync(backupPath, toBackup(library(PAPERS), new Date(T0)));
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
      const times = await timeImport(page, page.locator('section[aria-labelledby="import-title"]'), input, backupPath);
      preview.push(times.preview);
      apply.push(times.apply);
    }
    // The page with every paper loaded: from navigation to the rows on screen.
    const load = await measure(async () => {
      await page.reload();
      await page.locator('.library-count', { hasText: `${PAPERS.toLocaleString('en')} papers` }).waitFor();
    }, 5, 1);
    const heapLoaded = await heapAfterGc();
    // One keystroke in the filter, to the updated count.
    const filter = page.getByRole('searchbox', { name: 'Filter the library' });
    const keystroke = await measure(async () => {
      await filter.fill('');
      await page.locator('.library-count', { hasText: /^[\d,]+ papers$/ }).waitFor();
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

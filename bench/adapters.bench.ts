import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import ts from 'typescript';
import { it } from 'vitest';
import { adapterFor } from '@/lib/sites';
import { createPageContext, type SiteAdapter } from '@/lib/sites/types';
import { syntheticArxivListing } from '../test/e2e/synthetic-listing';
import { SHARED_PAGES, SITE_PAGES } from '../test/fixtures/shared-pages';
import { parsePage, sharedPage } from '../test/pages';
import { measure, report, type Sample } from './stats';

/*
 * What the site adapters cost a page: findCards + cardId (what every scan of the page does) and
 * findCards + cardId + readCard (reading every card in full, as `npm run parse` does; a page reads
 * one card when the user acts on it). On the biggest real pages (arXiv search, 200 results, 941 KB;
 * the OpenReview venue, 996 cards; the CVF listing, 526), a synthetic 2,000-entry arXiv listing (the
 * most /list/…?show=2000 shows) and one real page of each other site, in jsdom and in Chromium (the
 * same modules, compiled by TypeScript and loaded into the page).
 */

const here = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(here, '..');
const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';

interface Case {
  name: string;
  url: string;
  html: string;
}

const CASES: Case[] = [
  { name: 'arXiv search, 200 results (941 KB, real)', url: SHARED_PAGES.arxivSearch.url, html: sharedPage(SHARED_PAGES.arxivSearch.file) },
  { name: 'arXiv listing, 2,000 entries (synthetic)', url: 'https://arxiv.org/list/cs.CL/pastweek?skip=0&show=2000', html: syntheticArxivListing(2_000) },
  { name: 'Hugging Face daily 2024, 13 cards (real)', url: SHARED_PAGES.hfDaily2024.url, html: sharedPage(SHARED_PAGES.hfDaily2024.file) },
  { name: 'ACL Anthology author page 2026, 6 entries (real)', url: SITE_PAGES.aclAuthor2026.url, html: sharedPage(SITE_PAGES.aclAuthor2026.file) },
  { name: 'dblp search, 30 entries (real)', url: SITE_PAGES.dblpSearch.url, html: sharedPage(SITE_PAGES.dblpSearch.file) },
  { name: 'Google Scholar results, 10 (real)', url: SITE_PAGES.scholar2020.url, html: sharedPage(SITE_PAGES.scholar2020.file) },
  { name: 'OpenReview ICLR 2018 venue, 996 cards (real, 2.7 MB)', url: SITE_PAGES.openreviewIclr2018.url, html: sharedPage(SITE_PAGES.openreviewIclr2018.file) },
  { name: 'CVF ICCV 2015 listing, 526 entries (real, 1.2 MB)', url: SITE_PAGES.cvfIccv2015.url, html: sharedPage(SITE_PAGES.cvfIccv2015.file) },
];

function perCard(sample: Sample, cards: number): Sample {
  return { name: `${sample.name}, per card`, runs: sample.runs.map((ms) => ms / cards), note: `÷ ${cards} cards` };
}

it('adapters in jsdom', async () => {
  const samples: Sample[] = [];
  for (const { name, url, html } of CASES) {
    const adapter = adapterFor(url) as SiteAdapter;
    const doc = parsePage(html);
    const cards = adapter.findCards(doc, createPageContext(doc, url)).length;
    // A fresh page context per run: per-page caches (Hugging Face's props) are paid once per page, as on a real page.
    const scan = { name: `${name}: findCards + cardId`, runs: await measure(() => adapter.findCards(doc).map((card) => adapter.cardId(card)), 7, 1) };
    const read = {
      name: `${name}: + readCard`,
      runs: await measure(() => {
        const page = createPageContext(doc, url);
        return adapter.findCards(doc, page).map((card) => adapter.cardId(card) && adapter.readCard(card, page));
      }, 5, 1),
    };
    samples.push(scan, perCard(scan, cards), read, perCard(read, cards));
  }
  report('Site adapters in jsdom (milliseconds)', samples);
});

it('adapters in Chromium', async () => {
  if (!existsSync(CHROMIUM)) {
    console.log(`\n## Site adapters in Chromium: skipped, no Chromium at ${CHROMIUM}`);
    return;
  }
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
  try {
    const context = await browser.newContext();
    const pages = new Map(CASES.map((c) => [c.url, c.html]));
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      // The adapters' own modules, compiled from lib/ as they are.
      if (url.pathname.startsWith('/__shelfmark/')) {
        const file = resolve(ROOT, `${url.pathname.slice('/__shelfmark/'.length)}.ts`);
        if (!file.startsWith(ROOT) || !existsSync(file)) return route.fulfill({ status: 404 });
        const js = ts.transpileModule(readFileSync(file, 'utf8'), { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
        return route.fulfill({ status: 200, contentType: 'text/javascript', body: js });
      }
      const html = pages.get(route.request().url());
      return html === undefined ? route.abort('blockedbyclient') : route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    });
    const samples: Sample[] = [];
    for (const { name, url } of CASES) {
      const page = await context.newPage();
      await page.goto(url);
      // The modules load as the page's own (a string, so the test runner leaves its imports alone).
      await page.addScriptTag({
        type: 'module',
        content: `import { adapterFor } from '/__shelfmark/lib/sites/index';
          import { createPageContext } from '/__shelfmark/lib/sites/types';
          window.__shelfmark = { adapterFor, createPageContext };`,
      });
      await page.waitForFunction(() => 'shelfmark' in window || '__shelfmark' in window);
      const result = await page.evaluate((pageUrl) => {
        type Adapter = { findCards(root: ParentNode, page?: unknown): Element[]; cardId(card: Element): string | null; readCard(card: Element, page: unknown): unknown };
        const { adapterFor, createPageContext } = (window as unknown as { __shelfmark: { adapterFor(url: string): Adapter; createPageContext(doc: Document, url: string): unknown } }).__shelfmark;
        const adapter = adapterFor(pageUrl);
        const time = (fn: () => unknown, times = 15, warmup = 3) => {
          for (let i = 0; i < warmup; i++) fn();
          const runs: number[] = [];
          for (let i = 0; i < times; i++) {
            const start = performance.now();
            fn();
            runs.push(performance.now() - start);
          }
          return runs;
        };
        const cards = adapter.findCards(document, createPageContext(document, pageUrl)).length;
        const scan = time(() => adapter.findCards(document).map((card) => adapter.cardId(card)));
        const read = time(() => {
          const context = createPageContext(document, pageUrl);
          return adapter.findCards(document, context).map((card) => adapter.cardId(card) && adapter.readCard(card, context));
        });
        return { cards, scan, read };
      }, url);
      const scan = { name: `${name}: findCards + cardId`, runs: result.scan };
      const read = { name: `${name}: + readCard`, runs: result.read };
      samples.push(scan, perCard(scan, result.cards), read, perCard(read, result.cards));
      await page.close();
    }
    report('Site adapters in Chromium (milliseconds, timed in the page)', samples);
  } finally {
    await browser.close();
  }
});

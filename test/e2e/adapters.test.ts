import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalIds, SHARED_PAGES } from '../fixtures/shared-pages';
import { fixture } from '../pages';
import { control, cardIds, launch, readSharedPage, pressedAll, type Browser } from './harness';

/**
 * The built extension on every real page in ../shared/pages, served at the URL it was captured
 * from, and one paper followed across Hugging Face, an arXiv listing and its abstract page.
 */

const HF_SEARCH = 'https://huggingface.co/papers?q=llm+inference';
const ARXIV_NEW = 'https://arxiv.org/list/cs.IR/new';
const HYBRIDRAG = 'arxiv:2602.11156';

let browser: Browser;

beforeAll(async () => {
  browser = await launch({
    pages: {
      ...Object.fromEntries(Object.values(SHARED_PAGES).map((page) => [page.url, readSharedPage(page.file)])),
      [HF_SEARCH]: fixture('hf_papers_search.html'),
      [ARXIV_NEW]: fixture('arxiv_list_cs.IR_new.html'),
    },
  });
});

afterAll(async () => {
  await browser?.close();
});

describe('every real page gets exactly the expected control roots', () => {
  it.each(Object.entries(SHARED_PAGES))('%s', async (_, shared) => {
    const expected = canonicalIds(shared);
    const page = await browser.open(shared.url, expected.length);
    try {
      expect(await cardIds(page)).toEqual(expected);
      // Each root is a Shelfmark control group with its buttons, reachable by their names.
      await expect.poll(() => control(page, expected[0]!, 'Star').pressed()).toBe('false');
    } finally {
      await page.close();
    }
  });
});

describe('one paper, one state, on every site', () => {
  it('starred on Hugging Face, it shows starred on both its cards of an arXiv listing and on its abstract page', async () => {
    const hf = await browser.open(HF_SEARCH, 4);
    await control(hf, HYBRIDRAG, 'Star').click();
    await expect.poll(() => control(hf, HYBRIDRAG, 'Star').pressed()).toBe('true');

    // The /new listing has it twice: as a cross-list and as a replacement.
    const listing = await browser.open(ARXIV_NEW, 8);
    expect(await cardIds(listing)).toEqual([
      'arxiv:2602.11201', 'arxiv:2602.11230', 'arxiv:2602.11302', HYBRIDRAG,
      'arxiv:2602.10999', HYBRIDRAG, 'arxiv:2511.01234', 'arxiv:cs/0601001',
    ]);
    await expect.poll(() => pressedAll(listing, HYBRIDRAG, 'Star')).toEqual(['true', 'true']);
    await expect.poll(() => control(listing, 'arxiv:2602.11201', 'Star').pressed()).toBe('false');

    const abs = await browser.open(SHARED_PAGES.arxivAbs.url, 1);
    await expect.poll(() => control(abs, HYBRIDRAG, 'Star').pressed()).toBe('true');

    // Unstarred on the abstract page: the open listing and Hugging Face tabs follow.
    await control(abs, HYBRIDRAG, 'Star').click();
    await expect.poll(() => pressedAll(listing, HYBRIDRAG, 'Star')).toEqual(['false', 'false']);
    await expect.poll(() => control(hf, HYBRIDRAG, 'Star').pressed()).toBe('false');

    // Queued from the replacement's card: both cards of the listing say so.
    await control(listing, HYBRIDRAG, 'Add to queue', { nth: 1 }).click();
    await expect.poll(() => pressedAll(listing, HYBRIDRAG, 'Add to queue')).toEqual(['true', 'true']);
    await expect.poll(() => control(abs, HYBRIDRAG, 'Add to queue').pressed()).toBe('true');

    for (const page of [hf, listing, abs]) await page.close();
  });
});

describe('where the controls sit', () => {
  it('on an arXiv listing, in the id line beside [pdf, html, other], without pushing the entry apart', async () => {
    const page = await browser.open(SHARED_PAGES.arxivRecent.url, 50);
    try {
      const placement = await page.evaluate(() => {
        const root = document.querySelector('[data-shelfmark-id="arxiv:2607.22376"]')!;
        const pdf = document.getElementById('pdf-2607.22376')!;
        const rootBox = root.getBoundingClientRect();
        const pdfBox = pdf.getBoundingClientRect();
        return {
          parent: root.parentElement?.localName,
          display: getComputedStyle(root).display,
          rightOfPdf: rootBox.left > pdfBox.right,
          sameLine: Math.abs(rootBox.top + rootBox.height / 2 - (pdfBox.top + pdfBox.height / 2)) < rootBox.height,
        };
      });
      expect(placement).toEqual({ parent: 'dt', display: 'inline-block', rightOfPdf: true, sameLine: true });
    } finally {
      await page.close();
    }
  });

  it('on arXiv search results, in the id line; on an abstract page and a Hugging Face paper page, under the title', async () => {
    const search = await browser.open(SHARED_PAGES.arxivSearch.url, 200);
    expect(await search.evaluate(() => document.querySelector('[data-shelfmark-id="arxiv:2512.03003"]')?.parentElement?.className)).toBe('list-title is-inline-block');
    const abs = await browser.open(SHARED_PAGES.arxivAbs.url, 1);
    expect(await abs.evaluate(() => document.querySelector('[data-shelfmark-id]')?.previousElementSibling?.className)).toBe('title mathjax');
    const paper = await browser.open(SHARED_PAGES.hfPaper.url, 1);
    expect(await paper.evaluate(() => document.querySelector('[data-shelfmark-id]')?.previousElementSibling?.localName)).toBe('h1');
    for (const page of [search, abs, paper]) await page.close();
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHARED_PAGES } from '../fixtures/shared-pages';
import { control, EXTENSION_DIR, launch, noteEditor, readSharedPage, storedPaper, type Browser } from './harness';

/**
 * The content scripts' extras (lib/content/extras.ts) in Chromium: each site's script carries its
 * cards and controls only; what a card shows of its paper, the editors, the shortcuts panel and the
 * keyboard's cursor come in one more script, run by the background in the page the first time
 * they are needed.
 */

const ABS = SHARED_PAGES.arxivAbs;
const PAPER = 'arxiv:2602.11156';

/** What one built script holds. */
const built = (path: string) => readFileSync(join(EXTENSION_DIR, path), 'utf8');

let browser: Browser;
beforeAll(async () => {
  browser = await launch({ pages: { [ABS.url]: readSharedPage(ABS.file) } });
});
afterAll(async () => {
  await browser?.close();
});

describe('the extras script', () => {
  it('holds what the site scripts leave out: the readers, the editors’ and the panel’s words, the cursor', () => {
    const extras = built('content-extras.js');
    const sites = ['arxiv', 'huggingface', 'acl', 'dblp', 'scholar', 'openreview', 'cvf', 'generic'].map((site) => built(`content-scripts/${site}.js`));
    // The note field's placeholder, a line of the panel, the cursor's scrolling.
    for (const part of ['Plain text, Markdown welcome', 'Next paper', 'scrollIntoView']) {
      expect(extras, part).toContain(part);
      for (const site of sites) expect(site, part).not.toContain(part);
    }
    // arXiv's reader (its abstracts' TeX, read as text); ACL's cards need that reading to find their ids.
    expect(extras).toContain('math\\/tex');
    expect(built('content-scripts/arxiv.js')).not.toContain('math\\/tex');
  });

  it('is loaded by the first save, which stores the paper as the page shows it (authors, abstract)', async () => {
    const page = await browser.open(ABS.url, 1);
    const star = control(page, PAPER, 'Star');
    await star.click();
    await expect.poll(() => star.pressed()).toBe('true');
    await expect.poll(async () => (await storedPaper(browser, PAPER))?.authors?.length ?? 0).toBeGreaterThan(0);
    const paper = (await storedPaper(browser, PAPER))!;
    expect(paper.title).toMatch(/^HybridRAG/);
    expect(paper.abstract?.length).toBeGreaterThan(200);
    // In the content scripts' world only: the page's own scripts see none of it.
    expect(await page.evaluate(() => [typeof (window as { __shelfmarkExtras?: unknown }).__shelfmarkExtras, typeof (window as { __SHELFMARK_MESSAGES__extras?: unknown }).__SHELFMARK_MESSAGES__extras])).toEqual(['undefined', 'undefined']);
    await page.close();
  });

  it('keys typed while the note editor loads go into it, not to the page or its shortcuts', async () => {
    const page = await browser.open(ABS.url, 1);
    await control(page, PAPER, 'Note').click();
    // At once, as fast as the keyboard goes: "s", "r" and "q" are shortcuts outside the editor.
    await page.keyboard.type('search, read, queue');
    await expect.poll(() => noteEditor(page, PAPER).value()).toBe('search, read, queue');
    expect(await control(page, PAPER, 'Mark read').pressed()).toBe('false');
    expect(await control(page, PAPER, 'Add to queue').pressed()).toBe('false');
    await page.close();
  });
});

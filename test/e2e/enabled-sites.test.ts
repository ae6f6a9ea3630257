import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { cardIds, control, launch, layoutShifts, openPopupOver, openRecordingShifts, readSharedPage, storedPaper, twoFrames, waitForCards, type Browser } from './harness';
import { FIXTURES } from '../pages';
import { idLabel } from '../../lib/paper';

/**
 * Shelfmark on other sites, in the test build (its manifest grants the optional hosts up front, so
 * the browser's prompt is skipped and the same enabling code runs): a site added in the library page
 * gets controls beside its paper links on the next load, and none once removed; "Show Shelfmark on
 * this page" in the popup annotates one tab once. Real pages: a Hacker News thread (12 papers) and
 * a blog post (50).
 */

const HN_URL = 'https://news.ycombinator.com/item?id=36817231';
const BLOG_URL = 'https://lilianweng.github.io/posts/2025-05-01-thinking/';

describe('other sites, in the built extension', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launch({
      build: 'test',
      pages: { [HN_URL]: readSharedPage('hackernews_item_ask-hn-best-papers_2023-07.html'), [BLOG_URL]: readSharedPage('blog_lilianweng_why-we-think_2025-05.html') },
    });
  });
  afterAll(() => browser?.close());

  it('a site added in the library page gets controls on reload, and none after its removal', async () => {
    const page = await browser.open(HN_URL);
    await page.waitForTimeout(1_000);
    expect(await page.locator('[data-shelfmark-id]').count()).toBe(0);

    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const sites = options.getByRole('region', { name: 'Other sites' });
    await sites.getByRole('textbox', { name: 'Site to add' }).fill('https://news.ycombinator.com/news');
    await sites.getByRole('button', { name: 'Add' }).click();
    await expect.poll(() => sites.getByRole('list', { name: 'Sites enabled' }).textContent()).toContain('news.ycombinator.com');

    await page.reload();
    await waitForCards(page, 12);
    // A paper of a comment, starred from its controls: the library holds it, named by its id (its link shows only its address).
    const star = control(page, 'arxiv:1804.08959', 'Star');
    await star.click();
    await expect.poll(() => star.pressed()).toBe('true');
    // Read by the generic adapter in the extras' own copy, which finds the card again there (not the comment's whole text).
    await expect.poll(async () => (await storedPaper(browser, 'arxiv:1804.08959'))?.title).toBe(idLabel('arxiv:1804.08959'));

    await sites.getByRole('button', { name: 'Remove news.ycombinator.com' }).click();
    await expect.poll(() => sites.getByText('None yet.').count()).toBe(1);
    await page.reload();
    await page.waitForTimeout(1_500);
    expect(await page.locator('[data-shelfmark-id], [data-shelfmark-card]').count()).toBe(0);
    await Promise.all([page.close(), options.close()]);
  });

  it('“Show Shelfmark on this page” annotates the tab once: every paper of the blog post, one card and at most one root each', async () => {
    const page = await browser.open(BLOG_URL);
    const popup = await openPopupOver(browser, page);
    const show = popup.getByRole('button', { name: 'Show Shelfmark on this page' });
    await show.waitFor();
    await show.click();
    await waitForCards(page, 50);
    // Asked twice, it still runs once.
    await show.click();
    await page.waitForTimeout(1_000);
    const ids = await cardIds(page);
    expect(new Set(ids).size).toBe(50);
    // Their controls are in lines of text: each root goes in with its controls, as its card comes near.
    const roots = () => page.$$eval('[data-shelfmark-id]', (found) => found.map((root) => root.getAttribute('data-shelfmark-id')));
    const first = await roots();
    expect(first.length).toBeGreaterThan(0);
    expect(first.length).toBeLessThan(50);
    expect(new Set(first).size).toBe(first.length);
    await page.locator(`[data-shelfmark-card="${ids.at(-1)}"]`).scrollIntoViewIfNeeded();
    await expect.poll(async () => (await roots()).includes(ids.at(-1)!)).toBe(true);
    const all = await roots();
    expect(new Set(all).size).toBe(all.length);
    await Promise.all([page.close(), popup.close()]);
  });
});

describe('Hugging Face’s model pages, in the shipped build', () => {
  const MODEL_URL = 'https://huggingface.co/meta-llama/Llama-3.1-8B';
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch({ pages: { [MODEL_URL]: readFileSync(`${FIXTURES}hf_model_card.html`, 'utf8') } });
  });
  afterAll(() => browser?.close());

  it('gives the papers a model page links their controls: one root each, however often linked', async () => {
    const page = await browser.open(MODEL_URL, 2);
    const ids = await page.$$eval('[data-shelfmark-id]', (roots) => roots.map((root) => root.getAttribute('data-shelfmark-id')).sort());
    expect(ids).toEqual(['arxiv:2204.05149', 'arxiv:2407.21783']);
    const queue = control(page, 'arxiv:2407.21783', 'Add to queue');
    await queue.click();
    await expect.poll(() => queue.pressed()).toBe('true');
  });

  it('puts them in the line of text after the paper’s link, where nothing on the page moves down as they come', async () => {
    const page = await openRecordingShifts(browser, MODEL_URL);
    await waitForCards(page, 2);
    await twoFrames(page);
    // The words after the controls of a sentence may move along their line; no line moves down.
    const moves = (await layoutShifts(page)).flatMap((shift) => shift.moves);
    expect(moves.filter(([from, to]) => to !== from)).toEqual([]);
    // The header's tag row and the sentence each keep one line for the link and its controls.
    const lines = await page.$$eval('[data-shelfmark-id]', (roots) =>
      roots.map((root) => {
        const link = root.previousElementSibling!.getBoundingClientRect();
        const bar = root.getBoundingClientRect();
        return { display: getComputedStyle(root).display, sameLine: bar.left >= link.right && bar.top < link.bottom && bar.bottom > link.top };
      }),
    );
    expect(lines).toEqual([
      { display: 'inline-block', sameLine: true },
      { display: 'inline-block', sameLine: true },
    ]);
    await page.close();
  });

  it('keeps the page\'s own text: a read paper\'s paragraph is neither hidden nor dimmed, with Hide read on for the site, and there is no pill', async () => {
    const background = await browser.background();
    await background.evaluate(() => {
      const { chrome } = globalThis as unknown as { chrome: { storage: { local: { set(items: object): Promise<void> } } } };
      return chrome.storage.local.set({ settings: { hideRead: { huggingface: true }, dimRead: true } });
    });
    const page = await browser.open(MODEL_URL, 2);
    const read = control(page, 'arxiv:2407.21783', 'Mark read');
    await read.click();
    await expect.poll(() => read.pressed()).toBe('true');
    await page.mouse.move(0, 0);
    await page.waitForTimeout(500);
    const paragraph = page.locator('[data-shelfmark-card="arxiv:2407.21783"]');
    expect(await paragraph.evaluate((element) => [getComputedStyle(element).display, getComputedStyle(element).opacity])).toEqual(['block', '1']);
    expect(await page.locator('shelfmark-dock').count()).toBe(0);
    await page.close();
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { control, launch, openPopupOver, readSharedPage, storedPaper, waitForCards, type Browser } from './harness';
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

  it('“Show Shelfmark on this page” annotates the tab once: every paper of the blog post, one root each', async () => {
    const page = await browser.open(BLOG_URL);
    const popup = await openPopupOver(browser, page);
    const show = popup.getByRole('button', { name: 'Show Shelfmark on this page' });
    await show.waitFor();
    await show.click();
    await waitForCards(page, 50);
    // Asked twice, it still runs once.
    await show.click();
    await page.waitForTimeout(1_000);
    expect(await page.locator('[data-shelfmark-id]').count()).toBe(50);
    const ids = await page.$$eval('[data-shelfmark-id]', (roots) => roots.map((root) => root.getAttribute('data-shelfmark-id')));
    expect(new Set(ids).size).toBe(50);
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
});

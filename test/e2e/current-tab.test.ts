import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, minimalPdf, openPopupOver, type Browser } from './harness';
import { control, controlPage } from './sync-helpers';

/**
 * The paper of the tab the user is in: the popup shows it at its top with the card's controls, the
 * command queues it, the link menu acts on a linked paper. The test build grants the hosts up front,
 * as `activeTab` does for the moment the user acts in the shipped one.
 */

const PDF_URL = 'https://arxiv.org/pdf/2504.06261v2';
const PDF_TITLE = 'Parallel Decoding with Shared Attention';
/** A publisher's landing page declaring its paper, by its DOI, in Google Scholar's meta tags. */
const LANDING_URL = 'https://proceedings.example.org/paper/42';
const LANDING = `<!doctype html><html><head><title>Proceedings · paper 42</title>
<meta name="citation_title" content="Learning to Rank Under Distribution Shift">
<meta name="citation_author" content="Lovelace, Ada"><meta name="citation_author" content="Turing, Alan">
<meta name="citation_publication_date" content="2023/05/17">
<meta name="citation_doi" content="10.1145/3580305.3599421">
<meta name="citation_conference_title" content="Proceedings of KDD 2023">
<meta name="citation_pdf_url" content="https://proceedings.example.org/paper/42.pdf">
</head><body><h1>Learning to Rank Under Distribution Shift</h1></body></html>`;
const BLOG_URL = 'https://blog.example.com/reading-list';
const BLOG = `<!doctype html><html><head><title>Reading list</title></head><body>
<p>Start with <a href="https://arxiv.org/abs/2407.21783">The Llama 3 Herd of Models</a> and its
<a href="https://arxiv.org/pdf/2407.21783">PDF</a>; the <a href="https://arxiv.org/list/cs.CL/new">new cs.CL papers</a>.</p>
</body></html>`;

declare const chrome: {
  tabs: { query(filter: { url: string }): Promise<{ id?: number }[]> };
  action: { getBadgeText(details: { tabId: number }): Promise<string> };
};

interface StoredPaper {
  id: string;
  title: string;
  authors: string[];
  starredAt?: number;
  queuePos?: number;
  date?: string;
  venue?: string;
  links?: Record<string, string>;
}

async function stored(browser: Browser, id: string): Promise<StoredPaper | undefined> {
  const { papers } = await control<{ papers: StoredPaper[] }>(browser, { op: 'read' });
  return papers.find((paper) => paper.id === id);
}

/** The badge of the tab at `url`, as an extension page reads it. */
function badgeOf(controls: Page, url: string): Promise<string> {
  return controls.evaluate(async (address) => {
    const [tab] = await chrome.tabs.query({ url: address });
    return chrome.action.getBadgeText({ tabId: tab!.id! });
  }, url);
}

describe('the current tab, in the built extension', () => {
  let browser: Browser;
  let controls: Page;

  beforeAll(async () => {
    browser = await launch({
      build: 'test',
      pages: { [LANDING_URL]: LANDING, [BLOG_URL]: BLOG },
      assets: (url) => (url === PDF_URL ? { body: minimalPdf(PDF_TITLE), contentType: 'application/pdf' } : undefined),
    });
    controls = await controlPage(browser);
  });

  it('creates the link menu’s two items (their patterns are valid match patterns)', async () => {
    const worker = await browser.background();
    const exists = (id: string) =>
      worker.evaluate((item) => {
        const { chrome } = globalThis as unknown as { chrome: { contextMenus: { update(id: string, changes: object): Promise<void> } } };
        return chrome.contextMenus.update(item, {}).then(() => true, () => false);
      }, id);
    await expect.poll(() => exists('shelfmark-link-queue')).toBe(true);
    expect(await exists('shelfmark-link-star')).toBe(true);
    expect(await exists('shelfmark-no-such-item')).toBe(false);
  });
  afterAll(() => browser?.close());

  it('shows the paper of an arXiv PDF tab and stars it', async () => {
    const tab = await browser.open(PDF_URL);
    const popup = await openPopupOver(browser, tab);
    const current = popup.getByRole('region', { name: 'This tab’s paper' });
    await expect.poll(() => current.getAttribute('aria-label').catch(() => null), { timeout: 10_000 }).toBe('This tab’s paper');
    expect(await popup.locator('[data-current-paper]').getAttribute('data-current-paper')).toBe('arxiv:2504.06261');
    const star = current.getByRole('button', { name: 'Star' });
    expect(await star.getAttribute('aria-pressed')).toBe('false');
    await star.click();
    await expect.poll(() => star.getAttribute('aria-pressed')).toBe('true');
    const paper = await stored(browser, 'arxiv:2504.06261');
    expect(paper?.starredAt).toBeTypeOf('number');
    // The PDF's own title when the viewer shows one, else the id: never the file name.
    expect([PDF_TITLE, 'arXiv:2504.06261']).toContain(paper?.title);
    await popup.close();
    await tab.close();
  });

  it('shows the paper a DOI landing page declares in citation_* meta tags, and queues it', async () => {
    const tab = await browser.open(LANDING_URL);
    const popup = await openPopupOver(browser, tab);
    const current = popup.getByRole('region', { name: 'This tab’s paper' });
    await expect.poll(() => current.getByText('Learning to Rank Under Distribution Shift').count(), { timeout: 10_000 }).toBe(1);
    expect(await current.getByText('Ada Lovelace, Alan Turing').count()).toBe(1);
    await current.getByRole('button', { name: 'Add to queue' }).click();
    await expect.poll(async () => (await stored(browser, 'doi:10.1145/3580305.3599421'))?.queuePos).toBeTypeOf('number');
    const paper = await stored(browser, 'doi:10.1145/3580305.3599421');
    expect(paper).toMatchObject({
      title: 'Learning to Rank Under Distribution Shift',
      authors: ['Ada Lovelace', 'Alan Turing'],
      date: '2023-05-17',
      venue: 'Proceedings of KDD 2023',
      // The page's own links are kept: the sender's site is the paper's.
      links: { abs: LANDING_URL, pdf: 'https://proceedings.example.org/paper/42.pdf' },
    });
    // The queue below lists it too (drawn once the popup is in front: a background tab draws no frames).
    await popup.bringToFront();
    await expect.poll(() => popup.locator('#paper-list li[data-paper-id="doi:10.1145/3580305.3599421"]').count()).toBe(1);
    await popup.close();
    await tab.close();
  });

  it('shows nothing for a page that declares no paper', async () => {
    const tab = await browser.open(BLOG_URL);
    const popup = await openPopupOver(browser, tab);
    await expect.poll(() => popup.locator('.list-area').count()).toBe(1);
    // The tab has been read by the time the list's first answer is drawn; give it a moment more.
    await popup.waitForTimeout(500);
    expect(await popup.getByRole('region', { name: 'This tab’s paper' }).count()).toBe(0);
    await popup.close();
    await tab.close();
  });

  it('queues the tab’s paper from the command, and says so on the badge', async () => {
    const tab = await browser.open(PDF_URL);
    const outcome = await control<{ ok: boolean; id?: string }>(browser, { op: 'command', tabUrl: PDF_URL });
    expect(outcome).toMatchObject({ ok: true, id: 'arxiv:2504.06261' });
    expect((await stored(browser, 'arxiv:2504.06261'))?.queuePos).toBeTypeOf('number');
    expect(await badgeOf(controls, PDF_URL)).toBe('✓');
    // A page with no paper: nothing stored, "?" on the badge.
    const blog = await browser.open(BLOG_URL);
    const before = (await control<{ papers: unknown[] }>(browser, { op: 'read' })).papers.length;
    expect(await control(browser, { op: 'command', tabUrl: BLOG_URL })).toMatchObject({ ok: false, reason: 'no-paper' });
    expect((await control<{ papers: unknown[] }>(browser, { op: 'read' })).papers.length).toBe(before);
    expect(await badgeOf(controls, BLOG_URL)).toBe('?');
    await tab.close();
    await blog.close();
  });

  it('adds a linked paper from the link menu, titled by the link’s text', async () => {
    // Every scheme's links are offered the menu; here the linked paper is read by the handler the menu calls.
    const blog = await browser.open(BLOG_URL);
    const queue = { menuItemId: 'shelfmark-link-queue', linkUrl: 'https://arxiv.org/abs/2407.21783', frameId: 0 };
    expect(await control(browser, { op: 'link', click: queue, tabUrl: BLOG_URL })).toMatchObject({ ok: true, id: 'arxiv:2407.21783' });
    expect(await stored(browser, 'arxiv:2407.21783')).toMatchObject({ title: 'The Llama 3 Herd of Models' });
    expect((await stored(browser, 'arxiv:2407.21783'))?.queuePos).toBeTypeOf('number');
    // Starred from its "PDF" link: the same paper, its title kept (the link's text names no paper).
    const star = { menuItemId: 'shelfmark-link-star', linkUrl: 'https://arxiv.org/pdf/2407.21783', frameId: 0 };
    expect(await control(browser, { op: 'link', click: star, tabUrl: BLOG_URL })).toMatchObject({ ok: true });
    expect(await stored(browser, 'arxiv:2407.21783')).toMatchObject({ title: 'The Llama 3 Herd of Models', starredAt: expect.any(Number) });
    // A listing on arXiv's host is no paper.
    const listing = { menuItemId: 'shelfmark-link-star', linkUrl: 'https://arxiv.org/list/cs.CL/new', frameId: 0 };
    expect(await control(browser, { op: 'link', click: listing, tabUrl: BLOG_URL })).toMatchObject({ ok: false, reason: 'no-paper' });
    await blog.close();
  });
});

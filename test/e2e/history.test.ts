import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, minimalPdf, readSharedPage, type Browser } from './harness';

/**
 * History: papers opened on Shelfmark's sites are listed in the popup's History tab and the library
 * page, with where and when; the setting stops the recording; Clear empties it. The background sees
 * a tab's address on the hosts it holds a permission for: the test build's (every host, granted up
 * front) stands for the site hosts the shipped build asks for in its manifest.
 */

const ABS_URL = 'https://arxiv.org/abs/2602.11156';
const ABS_TITLE = 'HybridRAG: A Practical LLM-based ChatBot Framework based on Pre-Generated Q&A over Raw Unstructured Documents';
const PDF_URL = 'https://arxiv.org/pdf/2407.21783v2';
const LISTING_URL = 'https://arxiv.org/list/cs.CL/recent';
const OTHER_URL = 'https://arxiv.org/abs/2401.00001';
const OTHER = '<!doctype html><html><head><title>[2401.00001] Opened while history was off</title><meta name="citation_title" content="Opened while history was off"></head><body></body></html>';

async function historyTitles(browser: Browser): Promise<{ popup: Page; titles: () => Promise<string[]> }> {
  const popup = await browser.openPopup();
  await popup.getByRole('tab', { name: /History/ }).click();
  return { popup, titles: () => popup.locator('.history-entry .paper-title').allTextContents() };
}

describe('history of papers opened, in the built extension', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launch({
      build: 'test',
      pages: { [ABS_URL]: readSharedPage('arxiv_abs_2602.11156_2026.html'), [LISTING_URL]: readSharedPage('arxiv_list_cs.CL_recent_2026-07.html'), [OTHER_URL]: OTHER },
      assets: (url) => (url === PDF_URL ? { body: minimalPdf('The Llama 3 Herd of Models'), contentType: 'application/pdf' } : undefined),
    });
  });
  afterAll(() => browser?.close());

  it('lists an abstract page and a PDF opened, most recent first, with where; a listing is not a paper opened', async () => {
    const abs = await browser.open(ABS_URL);
    const { popup, titles } = await historyTitles(browser);
    await expect.poll(titles, { timeout: 10_000 }).toEqual([ABS_TITLE]);
    const listing = await browser.open(LISTING_URL);
    const pdf = await browser.open(PDF_URL);
    await expect.poll(async () => (await titles()).length, { timeout: 10_000 }).toBe(2);
    const [first] = await titles();
    // The PDF's title as its viewer shows it, or its id: never its file name.
    expect(['The Llama 3 Herd of Models', 'arXiv:2407.21783']).toContain(first);
    expect(await popup.locator('.history-entry').first().locator('.paper-meta').textContent()).toContain('arxiv.org');
    expect(await popup.getByRole('tab', { name: /History/ }).textContent()).toContain('2');
    // Search by a word of the title.
    await popup.getByRole('searchbox').fill('hybridrag');
    await expect.poll(titles).toEqual([ABS_TITLE]);
    await Promise.all([abs.close(), listing.close(), pdf.close(), popup.close()]);
  });

  it('records nothing while the setting is off, and Clear empties it', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const keep = options.getByRole('checkbox', { name: 'Keep a history of the papers I open' });
    await expect.poll(() => keep.isChecked()).toBe(true);
    await keep.click();
    await expect.poll(() => keep.isChecked()).toBe(false);
    const other = await browser.open(OTHER_URL);
    // Nothing to wait for when nothing happens: the page's load is long done when the panel is read.
    await other.waitForLoadState('load');
    await other.waitForTimeout(1_000);
    const panel = options.getByRole('region', { name: 'History' });
    await expect.poll(() => panel.locator('.history-entry').count()).toBe(2);
    expect(await panel.getByText('Opened while history was off').count()).toBe(0);

    await panel.getByRole('button', { name: 'Clear history…' }).click();
    await panel.getByRole('button', { name: 'Clear 2 papers' }).click();
    await expect.poll(() => panel.locator('.history-entry').count()).toBe(0);
    expect(await panel.getByText('History is off').count()).toBe(1);
    await Promise.all([other.close(), options.close()]);
  });
});

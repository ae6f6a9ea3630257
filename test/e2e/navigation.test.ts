import { describe, expect, it } from 'vitest';
import { control, cardIds, launch, readSharedPage, pressedAll, waitForCards } from './harness';

/**
 * Hugging Face is a single-page app: it reaches /papers from another page of the site without a
 * reload, swaps the listing on in-page navigation, and adds cards as the user scrolls. The page
 * here does the same from its own script (the main world), as the site's router would.
 */
const MODELS_URL = 'https://huggingface.co/models';
const SHELL = '<!doctype html><html class=""><head><title>Models - Hugging Face</title></head><body><main id="app"><h1>Models</h1></main></body></html>';
const CARDS_2026 = readSharedPage('hf_daily_2026-09-28_cards-fragment.html');

describe('a single-page app: in-page navigation and cards added later', () => {
  it('annotates a listing reached without a reload, cards added on scroll, and leaves when the user navigates away', async () => {
    const browser = await launch({ pages: { [MODELS_URL]: SHELL } });
    try {
      const page = await browser.open(MODELS_URL);
      // Not a page Shelfmark serves: nothing is added, not even its stylesheet.
      await page.waitForTimeout(300);
      expect(await cardIds(page)).toEqual([]);
      expect(await page.locator('#shelfmark-page-style').count()).toBe(0);

      // The router goes to the daily papers and renders two cards (the 2026 markup).
      await page.evaluate((cards) => {
        history.pushState({}, '', '/papers/date/2026-09-28');
        document.getElementById('app')!.innerHTML = `<h1>Daily Papers</h1><div id="grid">${cards}</div>`;
      }, CARDS_2026);
      await waitForCards(page, 2);
      expect(await cardIds(page)).toEqual(['arxiv:2609.30222', 'arxiv:2609.31590']);

      // Scrolling loads more cards: they get controls too, and the state of one paper follows.
      await control(page, 'arxiv:2609.31590', 'Star').click();
      await expect.poll(() => control(page, 'arxiv:2609.31590', 'Star').pressed()).toBe('true');
      await page.evaluate(() => {
        const grid = document.getElementById('grid')!;
        grid.insertAdjacentHTML(
          'beforeend',
          '<article><h3><a href="/papers/2609.00042">A paper loaded on scroll</a></h3></article>' +
            '<article><h3><a href="/papers/2609.31590">AgentWorld, listed again further down</a></h3></article>',
        );
      });
      await waitForCards(page, 4);
      expect(await cardIds(page)).toEqual(['arxiv:2609.30222', 'arxiv:2609.31590', 'arxiv:2609.00042', 'arxiv:2609.31590']);
      await expect.poll(() => pressedAll(page, 'arxiv:2609.31590', 'Star')).toEqual(['true', 'true']);

      // Back to a page Shelfmark does not serve: everything it added goes.
      await page.evaluate(() => {
        history.pushState({}, '', '/models');
        document.getElementById('app')!.innerHTML = '<h1>Models</h1>';
      });
      await waitForCards(page, 0);
      // And the listing again, by the browser's back button.
      await page.evaluate((cards) => {
        history.back();
        document.getElementById('app')!.innerHTML = `<div id="grid">${cards}</div>`;
      }, CARDS_2026);
      await waitForCards(page, 2);
      await expect.poll(() => control(page, 'arxiv:2609.31590', 'Star').pressed()).toBe('true');
    } finally {
      await browser.close();
    }
  });
});

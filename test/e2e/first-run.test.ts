import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { launch } from './harness';

const welcomePages = (context: BrowserContext) => context.pages().filter((page) => page.url().endsWith('/welcome.html'));

/** The badge's colour: the install handler draws it last, so once it is amber the handler is done. */
const AMBER = [180, 83, 9, 255];
const badgeColour = (worker: Worker) =>
  worker.evaluate(() => {
    const { chrome } = globalThis as unknown as { chrome: { action: { getBadgeBackgroundColor(details: object): Promise<number[]> } } };
    return chrome.action.getBadgeBackgroundColor({});
  });

async function welcomePage(context: BrowserContext): Promise<Page> {
  return welcomePages(context)[0] ?? (await context.waitForEvent('page', { predicate: (page) => page.url().endsWith('/welcome.html') }));
}

describe('first run', () => {
  it('installing opens the first-run page, once, with its pictures, pinning, keys, import and privacy', async () => {
    const browser = await launch();
    try {
      const welcome = await welcomePage(browser.context);
      const worker = await browser.background();
      await expect.poll(() => badgeColour(worker)).toEqual(AMBER);
      expect(welcomePages(browser.context)).toHaveLength(1);

      // What the page shows: the three pictures (loaded), pinning, the keys, import, privacy.
      await welcome.getByRole('heading', { name: 'Shelfmark is ready' }).waitFor();
      const pictures = welcome.locator('.welcome-pictures img');
      await expect.poll(() => pictures.count()).toBe(3);
      await expect
        .poll(() => pictures.evaluateAll((images) => images.map((image) => (image as HTMLImageElement).naturalWidth > 0)))
        .toEqual([true, true, true]);
      for (const name of ['Pin the toolbar button', 'The keys', 'Import a backup', 'Your papers stay with you']) {
        expect(await welcome.getByRole('heading', { name }).count(), name).toBe(1);
      }
      expect(await welcome.getByText('Click the pin beside Shelfmark.').count()).toBe(1);
      // The toolbar shortcut as the browser has it, read from the commands API.
      expect(await welcome.locator('kbd', { hasText: 'Alt+Shift+S' }).count()).toBe(1);
      expect(await welcome.getByLabel(/Backup file/).count()).toBe(1);
      await welcome.close();

      // Reachable later from the options page.
      const options = await browser.context.newPage();
      await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
      await options.getByRole('link', { name: /Getting started/ }).click();
      await options.waitForURL(/\/welcome\.html$/);
      await options.getByRole('heading', { name: 'Shelfmark is ready' }).waitFor();
      // Opening it by hand is not an install: still no second page opened by the extension.
      expect(welcomePages(browser.context)).toEqual([options]);
    } finally {
      await browser.close();
    }
  });
});

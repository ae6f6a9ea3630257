import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, describe, expect, it } from 'vitest';
import { readSharedPage } from './harness';
import { launchFirefox, recognisedPapers } from './firefox-harness';

const DAILY_URL = 'https://huggingface.co/papers?date=2024-08-01';
const LLAMA = { id: 'arxiv:2407.21783', title: 'The Llama 3 Herd of Models', abs: 'https://arxiv.org/abs/2407.21783' };
/** The toolbar badge's colour (lib/background/broadcast.ts): drawn last by the onInstalled handler. */
const AMBER = [180, 83, 9, 255];

/**
 * The tabs showing the first-run page. (Puppeteer keeps reporting about:blank for a tab that the
 * add-on opened on its own pages in Firefox, so each tab is asked where it is.)
 */
async function welcomeTabs(browser: Browser): Promise<Page[]> {
  const tabs = await browser.pages();
  const where = await Promise.all(tabs.map((tab) => tab.evaluate(() => location.pathname).catch(() => '')));
  return tabs.filter((_, i) => where[i] === '/welcome.html');
}

async function starredTitles(popup: Page): Promise<{ title: string; href: string }[]> {
  const tab = await popup.waitForSelector('[role="tab"] ::-p-text(Starred)');
  await tab!.click(); // trusted input at the tab's box
  await popup.waitForFunction(() => document.querySelector('[role="tab"][aria-selected="true"]')?.textContent?.startsWith('Starred'));
  await popup.waitForSelector('#paper-list a.paper-title');
  return popup.$$eval('#paper-list a.paper-title', (links) =>
    links.map((link) => ({ title: link.textContent ?? '', href: (link as HTMLAnchorElement).href })),
  );
}

/** The add-on's API as its own pages see it (evaluated in one of them). */
interface AddonGlobal {
  browser: { browserAction: { getBadgeBackgroundColor(details: object): Promise<number[]>; setBadgeBackgroundColor(details: { color: number[] }): Promise<void> } };
}
const badgeColour = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as AddonGlobal).browser.browserAction.getBadgeBackgroundColor({}));

describe('Firefox ESR: the foundation flow, in the Firefox build', () => {
  const profileDir = mkdtempSync(join(tmpdir(), 'shelfmark-firefox-flow-'));
  const pages = { [DAILY_URL]: readSharedPage('hf_daily_2024-08-01.html') };
  afterAll(() => rmSync(profileDir, { recursive: true, force: true }));

  it('annotates a real page, stars from the keyboard, lists it in the popup, updates quietly and survives a restart', async () => {
    let firefox = await launchFirefox({ profileDir, pages });
    try {
      await firefox.install();
      // Installing opens the first-run page, once; marked to tell it from any later one.
      await expect.poll(async () => (await welcomeTabs(firefox.browser)).length, { timeout: 15_000 }).toBe(1);
      const [welcome] = await welcomeTabs(firefox.browser);
      await welcome!.evaluate(() => (window.name = 'opened on install'));

      const page = await firefox.open(DAILY_URL, 13);
      const ids = await page.evaluate(recognisedPapers);
      expect(ids[0]).toBe(LLAMA.id);
      expect(ids).toContain('arxiv:2404.01300');

      // Trusted keys: j puts the cursor on the first paper, s stars it.
      await page.keyboard.press('j');
      await page.keyboard.press('s');

      const popup = await firefox.openExtensionPage('popup.html');
      await expect.poll(() => starredTitles(popup), { timeout: 10_000 }).toEqual([{ title: LLAMA.title, href: LLAMA.abs }]);

      // An update (the same add-on installed over itself: onInstalled says "update") opens no first-run page.
      await popup.evaluate(() =>
        (globalThis as unknown as AddonGlobal).browser.browserAction.setBadgeBackgroundColor({ color: [1, 2, 3, 255] }),
      );
      await firefox.install();
      const after = await firefox.openExtensionPage('options.html');
      await expect.poll(() => badgeColour(after), { timeout: 10_000 }).toEqual(AMBER);
      const names = await Promise.all((await welcomeTabs(firefox.browser)).map((tab) => tab.evaluate(() => window.name)));
      expect(names.filter((name) => name !== 'opened on install')).toEqual([]);
    } finally {
      await firefox.close();
    }

    // A new Firefox on the same profile: the star is still there. (A temporary add-on leaves with
    // the browser, so it is installed again; its data stays, as a permanent install's does.)
    firefox = await launchFirefox({ profileDir, pages });
    try {
      await firefox.install();
      const page = await firefox.open(DAILY_URL, 13);
      expect((await page.evaluate(recognisedPapers))[0]).toBe(LLAMA.id);
      const popup = await firefox.openExtensionPage('popup.html');
      expect(await starredTitles(popup)).toEqual([{ title: LLAMA.title, href: LLAMA.abs }]);
    } finally {
      await firefox.close();
    }
  });
});

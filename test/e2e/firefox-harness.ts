import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { Site } from './harness';

/**
 * Drives the built Firefox add-on (.output/firefox-mv2) in Debian's Firefox ESR with puppeteer-core
 * over WebDriver BiDi: no downloaded browser or driver. The add-on is installed as a temporary
 * add-on through BiDi's webExtension.install; pages are served at their real URLs by request
 * interception, so the manifest's real match patterns are what fires.
 */

const here = dirname(fileURLToPath(import.meta.url));
export const FIREFOX_EXTENSION_DIR = resolve(here, '../../.output/firefox-mv2');
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const ADDON_ID = 'shelfmark@shelfmark.dev';
/** The add-on's origin, fixed by a preference so that tests can open its pages (moz-extension://<uuid>/popup.html). */
export const ADDON_UUID = '5e1f3b0a-8c2d-4f6e-9a7b-1d3c5e7f9a0b';

export interface FirefoxBrowser {
  browser: Browser;
  profileDir: string;
  /** Installs the built add-on (again: an update of the installed one, as Firefox sees it). */
  install(): Promise<void>;
  /** Opens a served URL and waits until Shelfmark has recognised `expectedCards` papers on it. */
  open(url: string, expectedCards: number): Promise<Page>;
  /** Opens one of the add-on's pages (`popup.html`, `options.html`) in a tab. */
  openExtensionPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

export async function launchFirefox(options: { profileDir?: string; pages: Site }): Promise<FirefoxBrowser> {
  if (!existsSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No Firefox build at ${FIREFOX_EXTENSION_DIR}: run \`npm run build:firefox\` first (npm test does).`);
  }
  const profileDir = options.profileDir ?? mkdtempSync(join(tmpdir(), 'shelfmark-firefox-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    userDataDir: profileDir,
    // BiDi navigates only to web URLs unless the client may reach privileged ones: the add-on's pages.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: ADDON_UUID }),
      // A temporary add-on is removed when Firefox closes; keep its data and origin for the next
      // install, as a permanent install keeps them across a restart.
      'extensions.webextensions.keepStorageOnUninstall': true,
      'extensions.webextensions.keepUuidOnUninstall': true,
    },
  });

  return {
    browser,
    profileDir,
    async install() {
      await browser.installExtension(FIREFOX_EXTENSION_DIR);
    },
    async open(url, expectedCards) {
      const page = await browser.newPage();
      await page.setRequestInterception(true);
      page.on('request', (request) => {
        const body = options.pages[request.url()];
        // Anything else the page asks for (scripts, images, fonts) is refused: tests run offline.
        // A request the page dropped meanwhile (it navigated or closed) is gone: nothing to refuse or answer.
        if (body === undefined) return void request.abort('blockedbyclient').catch(() => undefined);
        void request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body }).catch(() => undefined);
      });
      await page.goto(url);
      await page.waitForFunction(`(${recognisedPapers})().length === ${expectedCards}`, { timeout: 15_000 });
      return page;
    },
    async openExtensionPage(path) {
      const page = await browser.newPage();
      const url = `moz-extension://${ADDON_UUID}/${path}`;
      // The load moves the tab to the add-on's process, which puppeteer's navigation wait does not
      // follow in Firefox: wait for the page itself instead.
      page.goto(url).catch(() => undefined);
      // Mid-switch an evaluation can fail outright (BiDi: "right-hand side of 'in' should be an
      // object, got null"): ask again until the page answers or the time is up.
      const deadline = Date.now() + 15_000;
      for (;;) {
        const loaded = await page
          .evaluate((expected) => location.href === expected && document.readyState === 'complete', url)
          .catch(() => false);
        if (loaded) return page;
        if (Date.now() > deadline) throw new Error(`${url} did not load in 15 s`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    async close() {
      await browser.close();
      if (!options.profileDir) rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

/**
 * The papers Shelfmark recognised on the page, in page order, by the page contract: cards carry
 * `data-shelfmark-card` (set as soon as found), control roots `data-shelfmark-id` (maybe mounted
 * later). Runs in the page.
 */
export function recognisedPapers(): string[] {
  const ids = [...document.querySelectorAll('[data-shelfmark-card], [data-shelfmark-id]')].map(
    (element) => element.getAttribute('data-shelfmark-card') ?? element.getAttribute('data-shelfmark-id') ?? '',
  );
  return [...new Set(ids)];
}

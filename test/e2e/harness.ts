import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

/**
 * Drives the built extension (.output/chrome-mv3) in Debian's Chromium. Pages are served at their
 * real URLs with context.route, so the production match patterns of the manifest are what fires.
 */

const here = dirname(fileURLToPath(import.meta.url));
export const EXTENSION_DIR = resolve(here, '../../.output/chrome-mv3');
export const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';

/** URL → HTML served for it. Anything else the page asks for (scripts, images, fonts) is refused: tests run offline. */
export type Site = Record<string, string>;

export interface Browser {
  context: BrowserContext;
  extensionId: string;
  profileDir: string;
  /** Adds or replaces pages served at their URLs. */
  serve(pages: Site): void;
  /** Opens a served URL and waits until Shelfmark has annotated `expectedCards` cards. */
  open(url: string, expectedCards?: number): Promise<Page>;
  openPopup(): Promise<Page>;
  /** The background service worker, to read the database as the extension sees it. */
  background(): Promise<Worker>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Reuse a profile (to test what survives a browser restart). A new one is made otherwise. */
  profileDir?: string;
  pages?: Site;
  colorScheme?: 'light' | 'dark';
  /** Answers for URLs that are not pages (images, say); refused when it returns undefined. */
  assets?: (url: string) => { body: string | Buffer; contentType: string } | undefined;
  viewport?: { width: number; height: number };
}

export async function launch(options: LaunchOptions = {}): Promise<Browser> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension at ${EXTENSION_DIR}: run \`npm run build\` first (npm test does).`);
  }
  const profileDir = options.profileDir ?? mkdtempSync(join(tmpdir(), 'shelfmark-profile-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    // Playwright's own headless flag would pick the old mode; extensions need the new one.
    headless: false,
    colorScheme: options.colorScheme ?? 'light',
    viewport: options.viewport ?? { width: 1280, height: 900 },
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
    ],
  });
  const pages: Site = { ...options.pages };
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('chrome-extension://')) return route.fallback();
    const body = pages[url];
    if (body !== undefined) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body });
    const asset = options.assets?.(url);
    if (asset) return route.fulfill({ status: 200, ...asset });
    return route.abort('blockedbyclient');
  });

  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(worker.url()).host;

  const browser: Browser = {
    context,
    extensionId,
    profileDir,
    serve(more) {
      Object.assign(pages, more);
    },
    async open(url, expectedCards) {
      const page = await context.newPage();
      await page.goto(url);
      if (expectedCards !== undefined) await waitForCards(page, expectedCards);
      return page;
    },
    async openPopup() {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/popup.html`);
      return page;
    },
    async background() {
      return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    },
    async close() {
      await context.close();
      if (!options.profileDir) rmSync(profileDir, { recursive: true, force: true });
    },
  };
  return browser;
}

/** Waits until exactly `count` control roots are on the page (and stay: no double mounting). */
export async function waitForCards(page: Page, count: number): Promise<void> {
  await page.waitForFunction((n) => document.querySelectorAll('[data-shelfmark-id]').length === n, count, { timeout: 15_000 });
}

export function controlIds(page: Page): Promise<string[]> {
  return page.$$eval('[data-shelfmark-id]', (roots) => roots.map((root) => root.getAttribute('data-shelfmark-id') ?? ''));
}

/** A button of a card's controls, by its accessible name ("Star", "Mark read", "Add to queue", "Note"). */
export function control(page: Page, id: string, name: string) {
  return page.locator(`[data-shelfmark-id="${id}"]`).getByRole('button', { name, exact: true });
}

export function readSharedPage(name: string): string {
  return readFileSync(resolve(here, '../../../shared/pages', name), 'utf8');
}

import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type CDPSession, type Page, type Worker } from 'playwright-core';
import { decodePage } from '../pages';

/**
 * Drives the built extension (.output/chrome-mv3) in Debian's Chromium. Pages are served at their
 * real URLs with context.route, so the production match patterns of the manifest are what fires.
 */

const here = dirname(fileURLToPath(import.meta.url));
/** The built extension; SHELFMARK_EXTENSION_DIR points elsewhere (a copy of an earlier build, to compare). */
export const EXTENSION_DIR = process.env.SHELFMARK_EXTENSION_DIR ?? resolve(here, '../../.output/chrome-mv3');
/** The test build (`SHELFMARK_E2E=1 npm run build`): optional hosts granted up front, test controls in the worker. */
export const E2E_EXTENSION_DIR = resolve(here, '../../.output/e2e/chrome-mv3');
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
  /** Load the built extension (the default); false gives the same browser without it (benchmarks compare the two). */
  extension?: boolean;
  /** Another build of the extension than EXTENSION_DIR (to compare two). */
  extensionDir?: string;
  /** Which build to load: the shipped one (default) or the test build. */
  build?: 'shipped' | 'test';
  /** URLs let through to the real network: the sync tests' WebDAV servers on 127.0.0.1. */
  network?: (url: string) => boolean;
  /**
   * The browser's UI language (`zh-CN`), which picks the extension's catalogue. On Linux Chromium
   * takes it from the environment (LANGUAGE, then LC_ALL, LANG), so both are set, with `--lang`.
   */
  uiLanguage?: string;
}

export async function launch(options: LaunchOptions = {}): Promise<Browser> {
  const withExtension = options.extension ?? true;
  const extensionDir = options.extensionDir ?? (options.build === 'test' ? E2E_EXTENSION_DIR : EXTENSION_DIR);
  if (withExtension && !existsSync(join(extensionDir, 'manifest.json'))) {
    const command = options.build === 'test' ? 'SHELFMARK_E2E=1 npm run build' : 'npm run build';
    throw new Error(`No built extension at ${extensionDir}: run \`${command}\` first (npm test does).`);
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
      ...(withExtension ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : ['--disable-extensions']),
      ...(options.uiLanguage ? [`--lang=${options.uiLanguage}`] : []),
    ],
    ...(options.uiLanguage
      ? { env: { ...process.env, LANGUAGE: options.uiLanguage.replace('-', '_'), LANG: `${options.uiLanguage.replace('-', '_')}.UTF-8` }, locale: options.uiLanguage }
      : {}),
  });
  const pages: Site = { ...options.pages };
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('chrome-extension://')) return route.fallback();
    if (options.network?.(url)) return route.continue();
    const body = pages[url];
    if (body !== undefined) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body });
    const asset = options.assets?.(url);
    if (asset) return route.fulfill({ status: 200, ...asset });
    return route.abort('blockedbyclient');
  });

  const worker = withExtension ? (context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }))) : null;
  // The worker is announced before its script has run: a page opened at once could load before the
  // background's listeners exist (a fresh install's first events go nowhere). Evaluating anything in
  // it waits for the script to finish.
  await worker?.evaluate(() => undefined);
  const extensionId = worker ? new URL(worker.url()).host : '';

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

/**
 * Waits until exactly `count` cards are marked on the page (`data-shelfmark-card`, set on every card
 * as soon as it is found; its controls may be mounted later, near the viewport) and stay so.
 */
export async function waitForCards(page: Page, count: number): Promise<void> {
  await page.waitForFunction((n) => document.querySelectorAll('[data-shelfmark-card]').length === n, count, { timeout: 15_000 });
}

/** The ids of the cards Shelfmark found, in page order (their controls mounted or not). */
export function cardIds(page: Page): Promise<string[]> {
  return page.$$eval('[data-shelfmark-card]', (cards) => cards.map((card) => card.getAttribute('data-shelfmark-card') ?? ''));
}

/** A layout shift: its score, and the tops of the elements it moved, before and after (CSS px). */
export interface LayoutShift {
  value: number;
  moves: [number, number][];
}

/** A new tab at `url` that records every layout shift from its first paint (read by layoutShifts). */
export async function openRecordingShifts(browser: Browser, url: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.addInitScript(() => {
    const recorded: { value: number; moves: [number, number][] }[] = [];
    Object.defineProperty(window, 'layoutShifts', { value: recorded });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; sources: { previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[] })[]) {
        recorded.push({ value: entry.value, moves: entry.sources.map((source) => [source.previousRect.top, source.currentRect.top]) });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(url);
  return page;
}

/** The layout shifts recorded so far in a tab opened by openRecordingShifts. */
export function layoutShifts(page: Page): Promise<LayoutShift[]> {
  return page.evaluate(() => (window as unknown as { layoutShifts: LayoutShift[] }).layoutShifts);
}

/** Waits two animation frames: what the page changed before is laid out and painted. */
export function twoFrames(page: Page): Promise<unknown> {
  return page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/**
 * One of a card's controls, found as a screen reader finds it: through the accessibility tree
 * (the DevTools protocol's Accessibility domain sees inside closed shadow roots, which no page
 * script can). Clicks are trusted input at the control's box, as a user's are.
 */
export interface Control {
  /** `aria-pressed` as the accessibility tree reports it ('true' or 'false'); null for a control that does not toggle. */
  pressed(): Promise<string | null>;
  /** Scrolls the control into view and clicks the middle of its box with the mouse. */
  click(): Promise<void>;
  /** Moves keyboard focus to the control. */
  focus(): Promise<void>;
  /** The value of a text field (the note editor). */
  value(): Promise<string>;
  /** Replaces a text field's value as a user would: focus, select all, type (trusted input). */
  fill(text: string): Promise<void>;
  /** The accessible description (what a screen reader reads after the name). */
  description(): Promise<string>;
  /** True when the control is in the accessibility tree now (not hidden, mounted). */
  present(): Promise<boolean>;
  /** The control's border box in the page's viewport, as a user sees it. */
  box(): Promise<{ x: number; y: number; width: number; height: number }>;
  /** An attribute of the control's element, read with the DevTools' privileges (no page script can). */
  attribute(name: string): Promise<string | null>;
  /** Runs `fn` on the control's element with the DevTools' privileges (computed styles, say); a promise it returns is awaited. */
  evaluate<T>(fn: (element: Element) => T | Promise<T>): Promise<T>;
}

/** How long a control is looked for before the test fails with a clear message. */
const CONTROL_TIMEOUT_MS = 10_000;
const sessions = new WeakMap<Page, Promise<CDPSession>>();

function cdp(page: Page): Promise<CDPSession> {
  let session = sessions.get(page);
  if (!session) {
    session = page.context().newCDPSession(page);
    sessions.set(page, session);
  }
  return session;
}

interface AxNode {
  backendDOMNodeId?: number;
  ignored?: boolean;
  value?: { value?: unknown };
  description?: { value?: unknown };
  properties?: { name: string; value: { value?: unknown } }[];
}

/** Where a control is looked for: the control root of a paper's card, or anywhere in the page. */
type Scope = { card: string; nth: number } | { page: true };

/**
 * The accessibility node named `name` with role `role` in `scope`, or null when there is none yet.
 * A card whose controls are not mounted yet (they are, near the viewport) is scrolled into view.
 */
async function findControl(page: Page, scope: Scope, name: string, role: string): Promise<AxNode | null> {
  const session = await cdp(page);
  const { root } = await session.send('DOM.getDocument', { depth: 0 });
  let nodeId: number | undefined;
  if ('card' in scope) {
    const cards = await session.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: `[data-shelfmark-card="${scope.card}"]` });
    const card = cards.nodeIds[scope.nth];
    if (card === undefined) return null;
    // The control root sits in the card (for an arXiv listing entry, in its <dt>), or in the <dd>s
    // that follow a <dt> card and describe the same entry (CVF's links row).
    nodeId = (await session.send('DOM.querySelector', { nodeId: card, selector: '[data-shelfmark-id]' })).nodeId || undefined;
    if (nodeId === undefined) {
      const selector = `dt[data-shelfmark-card="${scope.card}"] ~ dd [data-shelfmark-id="${scope.card}"]`;
      nodeId = (await session.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector })).nodeIds[scope.nth];
    }
    if (nodeId === undefined) {
      await session.send('DOM.scrollIntoViewIfNeeded', { nodeId: card }).catch(() => undefined);
      return null;
    }
  } else {
    nodeId = root.nodeId;
  }
  const { node } = await session.send('DOM.describeNode', { nodeId });
  const { nodes } = await session.send('Accessibility.queryAXTree', { backendNodeId: node.backendNodeId, accessibleName: name, role });
  const found = (nodes as AxNode[]).find((candidate) => !candidate.ignored && candidate.backendDOMNodeId !== undefined);
  if (!found && 'card' in scope) await session.send('DOM.scrollIntoViewIfNeeded', { nodeId }).catch(() => undefined);
  return found ?? null;
}

/** A control of paper `id`'s card by its accessible name ("Star", "Mark read", "Add to queue", "Note", "Tag"). */
export function control(page: Page, id: string, name: string, options: { role?: string; nth?: number } = {}): Control {
  const nth = options.nth ?? 0;
  return scopedControl(page, { card: id, nth }, name, options.role ?? 'button', `${id}${nth ? ` (#${nth + 1})` : ''}`);
}

/**
 * A control of Shelfmark's page pill or shortcuts panel, by its accessible name and role, looked for
 * in the whole page (a modal dialog sits in the top layer, outside its host in the accessibility tree).
 */
export function dockControl(page: Page, name: string, role = 'button'): Control {
  return scopedControl(page, { page: true }, name, role, 'the page');
}

function scopedControl(page: Page, scope: Scope, name: string, role: string, where: string): Control {
  const describe = `the ${role} "${name}" of ${where}`;
  /** The control's node once found: asked for again directly (one call) while it is still there with its name. */
  let known: number | undefined;
  async function node(): Promise<AxNode & { backendDOMNodeId: number }> {
    if (known !== undefined) {
      const session = await cdp(page);
      const again = await session
        .send('Accessibility.getPartialAXTree', { backendNodeId: known, fetchRelatives: false })
        .then(({ nodes }) => (nodes as (AxNode & { name?: { value?: unknown } })[]).find((candidate) => candidate.backendDOMNodeId === known))
        .catch(() => undefined);
      if (again && !again.ignored && again.name?.value === name) return again as AxNode & { backendDOMNodeId: number };
      known = undefined;
    }
    const deadline = Date.now() + CONTROL_TIMEOUT_MS;
    for (;;) {
      const found = await findControl(page, scope, name, role).catch(() => null);
      if (found?.backendDOMNodeId !== undefined) {
        known = found.backendDOMNodeId;
        return found as AxNode & { backendDOMNodeId: number };
      }
      if (Date.now() > deadline) throw new Error(`No ${describe} in the accessibility tree after ${CONTROL_TIMEOUT_MS} ms`);
      await page.waitForTimeout(50);
    }
  }
  return {
    async pressed() {
      const found = await node();
      const property = found.properties?.find((candidate) => candidate.name === 'pressed');
      return property ? String(property.value.value) : null;
    },
    async click() {
      const session = await cdp(page);
      const { backendDOMNodeId: backendNodeId } = await node();
      await session.send('DOM.scrollIntoViewIfNeeded', { backendNodeId });
      const { model } = await session.send('DOM.getBoxModel', { backendNodeId });
      const [x1, y1, , , x3, y3] = model.border as [number, number, number, number, number, number];
      await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
    },
    async focus() {
      const session = await cdp(page);
      const { backendDOMNodeId: backendNodeId } = await node();
      await session.send('DOM.focus', { backendNodeId });
    },
    async value() {
      const found = await node();
      return String(found.value?.value ?? '');
    },
    async fill(text) {
      await this.focus();
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.insertText(text);
    },
    async description() {
      const found = await node();
      return String(found.description?.value ?? '');
    },
    async present() {
      return (await findControl(page, scope, name, role).catch(() => null)) !== null;
    },
    async box() {
      const session = await cdp(page);
      const { model } = await session.send('DOM.getBoxModel', { backendNodeId: (await node()).backendDOMNodeId });
      const [x1, y1, , , x3, y3] = model.border as [number, number, number, number, number, number];
      return { x: x1, y: y1, width: x3 - x1, height: y3 - y1 };
    },
    async attribute(attributeName) {
      return this.evaluate(new Function('element', `return element.getAttribute(${JSON.stringify(attributeName)})`) as (element: Element) => string | null);
    },
    async evaluate<T>(fn: (element: Element) => T | Promise<T>) {
      const session = await cdp(page);
      const { object } = await session.send('DOM.resolveNode', { backendNodeId: (await node()).backendDOMNodeId });
      const { result, exceptionDetails } = await session.send('Runtime.callFunctionOn', {
        objectId: object.objectId,
        functionDeclaration: `function () { return (${fn.toString()})(this); }`,
        returnByValue: true,
        awaitPromise: true,
      });
      if (exceptionDetails) throw new Error(`evaluate on ${describe} failed: ${exceptionDetails.text}`);
      return result.value as T;
    },
  };
}

/** `aria-pressed` of a control on every card of paper `id` (a paper can be on a page twice), in page order. */
export async function pressedAll(page: Page, id: string, name: string): Promise<(string | null)[]> {
  const cards = await page.locator(`[data-shelfmark-card="${id}"]`).count();
  const states: (string | null)[] = [];
  for (let nth = 0; nth < cards; nth++) states.push(await control(page, id, name, { nth }).pressed());
  return states;
}

/** `aria-pressed` of a card's control, as the accessibility tree reports it. */
export function pressed(page: Page, id: string, name: string): Promise<string | null> {
  return control(page, id, name).pressed();
}

/** The note editor of a card (once opened). */
export function noteEditor(page: Page, id: string): Control {
  return control(page, id, 'Note text', { role: 'textbox' });
}

/** The stored record of paper `id` (its metadata as saved), read in the background worker's database; undefined when none. */
export async function storedPaper(browser: Browser, id: string): Promise<{ title?: string; authors?: string[]; abstract?: string } | undefined> {
  const worker = await browser.background();
  return worker.evaluate(
    (paperId) =>
      new Promise<{ title?: string; authors?: string[]; abstract?: string } | undefined>((resolve, reject) => {
        const open = indexedDB.open('shelfmark');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('papers').objectStore('papers').get(paperId);
          request.onsuccess = () => {
            open.result.close();
            resolve(request.result);
          };
        };
      }),
    id,
  );
}

/** A real saved page, decoded by the charset it declares (it is served as UTF-8). */
export function readSharedPage(name: string): string {
  return decodePage(readFileSync(resolve(here, '../../../shared/pages', name)));
}

/**
 * The popup as the user opens it over `tab`: a popup page whose window's active tab is `tab`. The
 * extension makes it a background tab of that window (the toolbar popup itself is not a page the
 * automation can reach), so `tabs.query({ active: true, currentWindow: true })` there answers `tab`.
 */
export async function openPopupOver(browser: Browser, tab: Page): Promise<Page> {
  await tab.bringToFront();
  const opened = browser.context.waitForEvent('page', { predicate: (page) => page.url().endsWith('/popup.html') });
  const worker = await browser.background();
  await worker.evaluate(() => {
    const { chrome } = globalThis as unknown as { chrome: { tabs: { create(details: object): Promise<unknown> }; runtime: { getURL(path: string): string } } };
    return chrome.tabs.create({ url: chrome.runtime.getURL('/popup.html'), active: false });
  });
  const popup = await opened;
  await popup.waitForLoadState();
  return popup;
}

/** A one-page PDF whose document title is `title` (what Chromium's viewer shows as the tab's title). */
export function minimalPdf(title: string): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>',
    `<< /Title (${title.replace(/[()\\]/g, '\\$&')}) >>`,
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(body));
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body);
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 4 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

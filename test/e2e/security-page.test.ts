import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { cardIds, control, launch, pressed, readSharedPage, waitForCards, type Browser } from './harness';
import { syntheticArxivId } from './synthetic-listing';

/*
 * The page half of issue 9, as attacks from the page's own world (its scripts run in the main world
 * of the same DOM), in Chromium with the built extension and pages at their real URLs. Each test
 * is a row of the audit that broke, tried again, and what the page gets now. The user's own input
 * is trusted input (page.mouse, page.keyboard); everything the page does is its script.
 */

const HF_URL = 'https://huggingface.co/papers?date=2024-08-01';
const HF_PAGE = readSharedPage('hf_daily_2024-08-01.html');
const ARXIV_URL = 'https://arxiv.org/list/cs.CL/recent';
const ARXIV_PAGE = readSharedPage('arxiv_list_cs.CL_recent_2026-07.html');
const LLAMA = 'arxiv:2407.21783';
const TORA = 'arxiv:2407.21705';
const MOMA = 'arxiv:2407.21770';
const NOTE = 'Private: reviewer 2 of this paper is me, do not cite before the deadline';

interface Stored {
  starred: boolean;
  read: boolean;
  queued: boolean;
  note: string;
}

/** The extension API as an extension page sees it. */
declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  storage: { local: { set(items: object): Promise<void> } };
};

/** An extension page (the popup's), to act and read as the extension does; the service worker may be stopped. */
async function extensionPage(browser: Browser): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  return page;
}

/** Every stored paper's state, read from the extension's IndexedDB. */
async function library(browser: Browser): Promise<Record<string, Stored>> {
  const page = await extensionPage(browser);
  try {
    return await page.evaluate(
      () =>
        new Promise<Record<string, Stored>>((resolve, reject) => {
          const open = indexedDB.open('shelfmark');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            if (!db.objectStoreNames.contains('papers')) return resolve({});
            const request = db.transaction('papers').objectStore('papers').getAll();
            request.onsuccess = () => {
              db.close();
              const papers = request.result as { id: string; starredAt?: number; readAt?: number; queuePos?: number; note: string }[];
              resolve(
                Object.fromEntries(
                  papers.map((paper) => [
                    paper.id,
                    { starred: paper.starredAt !== undefined, read: paper.readAt !== undefined, queued: paper.queuePos !== undefined, note: paper.note },
                  ]),
                ),
              );
            };
          };
        }),
    );
  } finally {
    await page.close();
  }
}

/** Actions as an extension page takes them (the library before the page is opened). */
async function seed(browser: Browser, actions: { id: string; action: object }[], settings?: object): Promise<void> {
  const page = await extensionPage(browser);
  for (const { id, action } of actions) {
    await page.evaluate(({ id, action }) => chrome.runtime.sendMessage({ type: 'act', paper: { id, title: `Paper ${id}` }, action }), { id, action });
  }
  if (settings) await page.evaluate((value) => chrome.storage.local.set({ settings: value }), settings);
  await page.close();
}

/**
 * Everything a page script can read that might carry the library: every attribute and text of the
 * document and its open shadow roots, Shelfmark's hosts' shadow roots, titles, fields, style sheets,
 * performance entries, globals, and each card's computed look. Runs in the page's world.
 */
function pageView(secret: string) {
  const found: string[] = [];
  const visit = (root: ParentNode) => {
    for (const element of root.querySelectorAll('*')) {
      for (const attribute of element.attributes) {
        if (attribute.value.includes(secret)) found.push(`${element.localName}[${attribute.name}]`);
      }
      if (element.shadowRoot) visit(element.shadowRoot);
    }
  };
  visit(document);
  if (document.documentElement.textContent!.includes(secret)) found.push('text');
  for (const sheet of document.styleSheets) {
    try {
      for (const rule of sheet.cssRules) if (rule.cssText.includes('shelfmark')) found.push(`stylesheet: ${rule.cssText.slice(0, 60)}`);
    } catch {
      // A sheet of another origin: not readable by the page either.
    }
  }
  const hosts = [...document.querySelectorAll('shelfmark-controls, shelfmark-dock')];
  return {
    found,
    openRoots: hosts.filter((host) => host.shadowRoot !== null).length,
    hostText: hosts.map((host) => `${host.childElementCount || ''}${host.textContent}`).join(''),
    hostAttributes: [...new Set(hosts.flatMap((host) => host.getAttributeNames()))].sort(),
    cardAttributes: [...new Set([...document.querySelectorAll('[data-shelfmark-card]')].flatMap((card) => card.getAttributeNames().filter((name) => name.startsWith('data-shelfmark'))))].sort(),
    fields: document.querySelectorAll('textarea').length,
    titles: [...document.querySelectorAll('[title]')].filter((element) => element.closest('shelfmark-controls, shelfmark-dock')).length,
    entries: performance.getEntries().filter((entry) => entry.name.includes('shelfmark')).length,
    globals: Object.keys(window).filter((key) => /shelfmark/i.test(key)),
    looks: Object.fromEntries(
      [...document.querySelectorAll('[data-shelfmark-card]')].map((card) => {
        const style = getComputedStyle(card);
        return [card.getAttribute('data-shelfmark-card'), `${style.opacity} ${style.display}`];
      }),
    ),
  };
}

/** The middle of a control's box, the card scrolled into view first. */
async function spot(page: Page, id: string, name: string): Promise<{ x: number; y: number }> {
  await page.evaluate((target) => document.querySelector(`[data-shelfmark-card="${target}"]`)!.scrollIntoView({ block: 'center' }), id);
  const box = await control(page, id, name).box();
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** What every card looks like to the page (opacity, display), by id. */
const looks = async (page: Page) => (await page.evaluate(pageView, '\u0000')).looks;

describe('1. a page reads nothing of the library from the DOM', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch({ pages: { [HF_URL]: HF_PAGE } });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('no open root, no state attribute, title or text, no readable style: through every route, a forced click on Note included', async () => {
    await seed(
      browser,
      [
        { id: LLAMA, action: { kind: 'star', value: true } },
        { id: LLAMA, action: { kind: 'queue', value: true } },
        { id: LLAMA, action: { kind: 'note', text: NOTE } },
        { id: TORA, action: { kind: 'read', value: true } },
      ],
      { hideRead: {}, dimRead: false },
    );
    const page = await browser.open(HF_URL, 13);
    // The user sees the states (the accessibility tree, as a screen reader)...
    await expect.poll(() => pressed(page, LLAMA, 'Star')).toBe('true');
    expect(await pressed(page, TORA, 'Mark read')).toBe('true');
    // ...the page sees none of them.
    const secret = 'reviewer 2';
    const view = await page.evaluate(pageView, secret);
    expect(view.found).toEqual([]);
    expect(view.openRoots).toBe(0);
    expect(view.hostText).toBe('');
    expect(view.hostAttributes).toEqual(['class', 'data-shelfmark-id']);
    expect(view.cardAttributes).toEqual(['data-shelfmark-card']);
    expect(view.fields).toBe(0);
    expect(view.titles).toBe(0);
    expect(view.entries).toBe(0);
    expect(view.globals).toEqual([]);
    // With dimming off (the setting), a read card looks like any other.
    expect(new Set(Object.values(view.looks))).toEqual(new Set(['1 block']));

    // The audit's route to the note: click Note from script, then read the editor.
    const note = await spot(page, LLAMA, 'Note');
    const opened = await page.evaluate(
      ({ x, y, id }) => {
        const hit = document.elementFromPoint(x, y) as HTMLElement; // retargeted: the host, not the button
        hit.click();
        document.querySelector<HTMLElement>(`[data-shelfmark-id="${id}"]`)!.click();
        return { hit: hit.localName, fields: document.querySelectorAll('textarea').length, text: document.body.textContent!.includes('reviewer 2') };
      },
      { ...note, id: LLAMA },
    );
    expect(opened).toEqual({ hit: 'shelfmark-controls', fields: 0, text: false });
    expect(await pressed(page, LLAMA, 'Note')).toBe('false'); // the editor did not open
    await page.close();
  });

  it('with dimming on (the default), a read card\'s opacity is the one state the page can observe', async () => {
    await seed(browser, [], { hideRead: {}, dimRead: true });
    const page = await browser.open(HF_URL, 13);
    await page.mouse.move(1200, 5);
    await expect.poll(async () => (await looks(page))[TORA]).toBe('0.5 block');
    const view = await page.evaluate(pageView, 'reviewer 2');
    expect(Object.entries(view.looks).filter(([, look]) => look !== '1 block')).toEqual([[TORA, '0.5 block']]);
    expect(view.found).toEqual([]);
    expect(view.cardAttributes).toEqual(['data-shelfmark-card']);
    await page.close();
  });
});

describe('2. a page that invents cards learns nothing', () => {
  it('3,002 invented cards of stored papers (one with a note, none on the page): marked, asked for in chunks, nothing readable', async () => {
    const browser = await launch({ pages: { [HF_URL]: HF_PAGE } });
    try {
      const stored = ['2501.00001', '2501.00002', '2501.00003'].map((id) => `arxiv:${id}`);
      await seed(
        browser,
        [
          { id: stored[0]!, action: { kind: 'note', text: NOTE } },
          { id: stored[1]!, action: { kind: 'star', value: true } },
          { id: stored[2]!, action: { kind: 'read', value: true } },
        ],
        { hideRead: {}, dimRead: false },
      );
      const before = await library(browser);
      const page = await browser.open(HF_URL, 13);
      await page.evaluate(() => {
        const ids = Array.from({ length: 2_999 }, (_, n) => `2601.${String(n + 1).padStart(5, '0')}`);
        ids.push('2501.00001', '2501.00002', '2501.00003');
        document.querySelector('main')!.insertAdjacentHTML('beforeend', ids.map((id) => `<article><h3><a href="/papers/${id}">Invented ${id}</a></h3></article>`).join(''));
      });
      await waitForCards(page, 13 + 3_002);
      // The user sees the truth, in the accessibility tree: the state of the last card asked for reached the page.
      await expect.poll(() => pressed(page, stored[1]!, 'Star'), { timeout: 60_000 }).toBe('true');
      await expect.poll(() => pressed(page, stored[2]!, 'Mark read'), { timeout: 60_000 }).toBe('true');
      const view = await page.evaluate(pageView, 'reviewer 2');
      expect(view.found).toEqual([]);
      expect(view.openRoots).toBe(0);
      expect(view.fields).toBe(0);
      const looksOfStored = stored.map((id) => view.looks[id]);
      expect(looksOfStored).toEqual(['1 block', '1 block', '1 block']); // like every invented card
      expect(new Set(Object.values(view.looks))).toEqual(new Set(['1 block']));
      // Nothing the page invented was written.
      expect(await library(browser)).toEqual(before);
    } finally {
      await browser.close();
    }
  }, 120_000);
});

describe('3. only the user writes', () => {
  it('forged clicks, keys, focus, typing and blur change nothing; the user\'s own click does', async () => {
    const browser = await launch({ pages: { [HF_URL]: HF_PAGE } });
    try {
      const page = await browser.open(HF_URL, 13);
      await expect.poll(() => pressed(page, LLAMA, 'Star')).toBe('false');
      const star = await spot(page, LLAMA, 'Star');
      await page.evaluate(
        async ({ x, y }) => {
          const hosts = [...document.querySelectorAll<HTMLElement>('shelfmark-controls')];
          for (const host of hosts) {
            host.click();
            host.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, clientX: x, clientY: y }));
            host.dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
            host.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, data: 'forged note' }));
            host.dispatchEvent(new FocusEvent('blur', { composed: true }));
          }
          (document.elementFromPoint(x, y) as HTMLElement).click();
          for (const key of ['j', 's', 'q', 'r', 'n', 'j', 's', 'h']) {
            document.body.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, composed: true }));
            document.body.dispatchEvent(new KeyboardEvent('keyup', { key, bubbles: true, composed: true }));
          }
          window.dispatchEvent(new PageTransitionEvent('pagehide'));
          document.dispatchEvent(new Event('visibilitychange'));
          await new Promise((resolve) => setTimeout(resolve, 1_000));
        },
        star,
      );
      expect(await library(browser)).toEqual({});
      expect(await page.evaluate(() => document.querySelector('[data-shelfmark-current]'))).toBeNull(); // no forged j either
      for (const name of ['Star', 'Mark read', 'Add to queue', 'Note']) expect(await pressed(page, LLAMA, name), name).toBe('false');
      // The user's click, at the same place, is the user's.
      await page.mouse.click(star.x, star.y);
      await expect.poll(() => library(browser)).toEqual({ [LLAMA]: { starred: true, read: false, queued: false, note: '' } });
    } finally {
      await browser.close();
    }
  });
});

describe('6. a page cannot switch Shelfmark off, nor learn the extension id from it', () => {
  it('posts nothing to the page; WXT\'s "content script started" event from the page stops nothing', async () => {
    const browser = await launch({ pages: { [ARXIV_URL]: ARXIV_PAGE } });
    try {
      const page = await browser.context.newPage();
      await page.addInitScript(() => {
        const seen: string[] = [];
        Object.defineProperty(window, '__seen', { value: seen });
        window.addEventListener('message', (event) => seen.push(JSON.stringify(event.data)));
      });
      await page.goto(ARXIV_URL);
      await waitForCards(page, 50);
      await expect.poll(() => pressed(page, 'arxiv:2607.22529', 'Star')).toBe('false');
      expect(await page.evaluate(() => (window as unknown as { __seen: string[] }).__seen)).toEqual([]);
      expect(await page.content()).not.toContain(browser.extensionId);

      // The attack of the audit: WXT's event, with the (public) extension id, for every script name.
      await page.evaluate((id) => {
        for (const name of ['arxiv', 'huggingface', 'router', 'content']) {
          const type = `${id}:${name}:wxt:content-script-started`;
          document.dispatchEvent(new CustomEvent(type, { detail: { contentScriptName: name, messageId: 'forged' } }));
          window.postMessage({ type, contentScriptName: name, messageId: 'forged' }, '*');
        }
      }, browser.extensionId);
      await page.waitForTimeout(300);
      expect(await cardIds(page)).toHaveLength(50);
      // Still running: the user's click stars, the state arrives, j moves the cursor.
      await control(page, 'arxiv:2607.22529', 'Star').click();
      await expect.poll(() => library(browser)).toMatchObject({ 'arxiv:2607.22529': { starred: true } });
      await page.keyboard.press('j');
      await expect.poll(() => page.evaluate(() => document.querySelector('dt[data-shelfmark-current]') !== null)).toBe(true);
    } finally {
      await browser.close();
    }
  });
});

describe('8. a 50,000-card page shows its states', () => {
  it('asks for them in chunks, near the viewport first: the last card shows its star, a middle one is dimmed as read', async () => {
    const url = 'https://huggingface.co/papers?date=2024-02-02';
    const ids = Array.from({ length: 50_000 }, (_, n) => syntheticArxivId(n));
    const html = `<!doctype html><html><head><title>Daily Papers</title></head><body><main>${ids
      .map((id) => `<article><h3><a href="/papers/${id}">Paper ${id}</a></h3></article>`)
      .join('')}</main></body></html>`;
    const browser = await launch({ pages: { [url]: html } });
    try {
      const last = `arxiv:${ids[49_999]}`;
      const middle = `arxiv:${ids[25_000]}`;
      await seed(browser, [
        { id: last, action: { kind: 'star', value: true } },
        { id: middle, action: { kind: 'read', value: true } },
      ]);
      const page = await browser.context.newPage();
      await page.goto(url, { timeout: 120_000 });
      await page.waitForFunction(() => document.querySelectorAll('[data-shelfmark-card]').length === 50_000, null, { timeout: 120_000, polling: 1_000 });
      await page.mouse.move(1200, 5);
      // Paced at 200 ids a second after the first 1,000 (STATE_RATE), the whole page takes minutes:
      // a card the user scrolls to is asked for next (pressed() scrolls to it, as a user would).
      await expect.poll(() => pressed(page, middle, 'Mark read'), { timeout: 60_000 }).toBe('true');
      await expect.poll(async () => (await looks(page))[middle], { timeout: 30_000, interval: 1_000 }).toBe('0.5 block');
      await expect.poll(() => pressed(page, last, 'Star'), { timeout: 60_000 }).toBe('true');
      expect(await pressed(page, `arxiv:${ids[49_998]}`, 'Star')).toBe('false');
    } finally {
      await browser.close();
    }
  }, 240_000);
});

/** A seeded random number generator: the same clicks on every run. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Group = 'star' | 'read' | 'queue';
const CONTROLS: Record<Group, string> = { star: 'Star', read: 'Mark read', queue: 'Add to queue' };

/** A window tall enough for every toggle clicked to be in view at once: the pages do not move while they are clicked. */
const TALL = { width: 1280, height: 4_000 };

/** Each toggle of `papers` in each tab (kept: it finds its node once), and where it is, every one of them in view. */
async function toggleSpots(tabs: Page[], papers: string[]) {
  const spots = new Map<string, { x: number; y: number; toggle: ReturnType<typeof control> }>();
  for (const [t, tab] of tabs.entries()) {
    for (const paper of papers) {
      for (const group of Object.keys(CONTROLS) as Group[]) {
        const toggle = viewed(tab, paper, group);
        const box = await toggle.box();
        spots.set(`${t} ${paper} ${group}`, { x: box.x + box.width / 2, y: box.y + box.height / 2, toggle });
      }
    }
    expect(await tab.evaluate(() => scrollY), 'the page did not scroll').toBe(0);
  }
  for (const [key, { y }] of spots) expect(y, key).toBeLessThan(TALL.height);
  return spots;
}

/**
 * Rapid trusted clicks on `papers` × toggles across `tabs`, one after another; returns, per paper,
 * what the user meant last for each group (what each click showed at once is what the user meant:
 * the opposite of what the tab showed). A paper marked read leaves the queue, and one put in the
 * queue is unread again, as in the library.
 * With one tab, nothing else changes what it shows between two clicks, so each click must flip
 * what it showed (with several, another tab's change may arrive between the look and the click).
 */
async function clickMany(tabs: Page[], papers: string[], clicks: number, seed: number, afterClick?: (n: number) => Promise<void>) {
  const rand = random(seed);
  const spots = await toggleSpots(tabs, papers);
  // Where things stand before (all tabs agree, quiescent).
  const meant = new Map<string, Record<Group, boolean>>(Object.entries((await views(tabs.slice(0, 1), papers))[0]!));
  for (let n = 0; n < clicks; n++) {
    const t = Math.floor(rand() * tabs.length);
    const paper = papers[Math.floor(rand() * papers.length)]!;
    const group = (['star', 'read', 'queue'] as const)[Math.floor(rand() * 3)]!;
    const { x, y, toggle } = spots.get(`${t} ${paper} ${group}`)!;
    const before = tabs.length === 1 ? await toggle.pressed() : null;
    await tabs[t]!.mouse.click(x, y);
    // The tab shows at once what the click meant: the opposite of what it showed.
    const value = (await toggle.pressed()) === 'true';
    if (tabs.length === 1) expect(String(value), `click ${n} on ${paper} ${group}`).not.toBe(before);
    const last = meant.get(paper)!;
    last[group] = value;
    if (group === 'read' && value) last.queue = false;
    if (group === 'queue' && value) last.read = false; // a paper put in the queue is unread again
    await afterClick?.(n);
  }
  return meant;
}

/** Every tab's view of `papers`, as the accessibility tree shows it. */
async function views(tabs: Page[], papers: string[]) {
  return Promise.all(
    tabs.map(async (tab) => {
      const view: Record<string, Record<Group, boolean>> = {};
      for (const paper of papers) {
        const [star, read, queue] = await Promise.all((['star', 'read', 'queue'] as const).map((group) => viewed(tab, paper, group).pressed()));
        view[paper] = { star: star === 'true', read: read === 'true', queue: queue === 'true' };
      }
      return view;
    }),
  );
}

/** One Control per tab, paper and toggle, kept: it finds its node once. */
const viewers = new WeakMap<Page, Map<string, ReturnType<typeof control>>>();
function viewed(tab: Page, paper: string, group: Group) {
  let mine = viewers.get(tab);
  if (!mine) viewers.set(tab, (mine = new Map()));
  const key = `${paper} ${group}`;
  if (!mine.has(key)) mine.set(key, control(tab, paper, CONTROLS[group]));
  return mine.get(key)!;
}

/** The papers' states as the database holds them (a paper never acted on holds nothing). */
async function storedStates(browser: Browser, papers: string[]): Promise<Record<string, Record<Group, boolean>>> {
  const stored = await library(browser);
  return Object.fromEntries(
    papers.map((paper) => {
      const state = stored[paper] ?? { starred: false, read: false, queued: false, note: '' };
      return [paper, { star: state.starred, read: state.read, queue: state.queued }];
    }),
  );
}

describe('9. ordered and exact: 10 tabs, rapid clicks', () => {
  it('600 trusted clicks over 8 papers in 10 tabs end in exactly the intended states, in the database and every tab', async () => {
    const browser = await launch({ pages: { [HF_URL]: HF_PAGE }, viewport: TALL });
    try {
      const tabs: Page[] = [];
      for (let t = 0; t < 10; t++) tabs.push(await browser.open(HF_URL, 13));
      // The papers whose controls are in view (the page does not move while it is clicked).
      const papers: string[] = [];
      for (const id of await cardIds(tabs[0]!)) {
        const box = await control(tabs[0]!, id, 'Star').box();
        if (box.y + box.height < TALL.height && papers.length < 8) papers.push(id);
      }
      expect(papers.length).toBeGreaterThanOrEqual(6);
      // Bursts first: all ten tabs click at once, on three papers, 30 times; answers and broadcasts
      // of neighbouring clicks cross each other. After quiescence no tab may show a stale state.
      const spots = await toggleSpots(tabs, papers.slice(0, 3));
      const rand = random(90);
      for (let burst = 0; burst < 30; burst++) {
        await Promise.all(
          tabs.map((tab, t) => {
            const spot = spots.get(`${t} ${papers[Math.floor(rand() * 3)]} ${(['star', 'read', 'queue'] as const)[Math.floor(rand() * 3)]}`)!;
            return tab.mouse.click(spot.x, spot.y);
          }),
        );
      }
      await expect
        .poll(async () => {
          const shown = await views(tabs, papers.slice(0, 3));
          return shown.every((view) => JSON.stringify(view) === JSON.stringify(shown[0]));
        }, { timeout: 20_000, interval: 1_000 })
        .toBe(true);
      expect(await storedStates(browser, papers.slice(0, 3))).toEqual((await views(tabs.slice(0, 1), papers.slice(0, 3)))[0]);

      // Then 600 clicks one after another, each meaning what its tab showed: exactly those states.
      const meant = await clickMany(tabs, papers, 600, 9);
      const intended = Object.fromEntries(papers.map((paper) => [paper, meant.get(paper)!]));
      // Quiescence: every tab settles on the last action of each paper and group.
      await expect.poll(() => storedStates(browser, papers), { timeout: 20_000 }).toEqual(intended);
      await expect.poll(() => views(tabs, papers), { timeout: 20_000, interval: 1_000 }).toEqual(Array(10).fill(intended));
    } finally {
      await browser.close();
    }
  }, 600_000);
});

describe('10. nothing lost, and the truth told, when the service worker stops mid-action', () => {
  it('400 trusted clicks while the service worker is stopped again and again: exact final states, no "Not saved" left, no raw browser text', async () => {
    const browser = await launch({ pages: { [ARXIV_URL]: ARXIV_PAGE }, viewport: TALL });
    try {
      const page = await browser.open(ARXIV_URL, 50);
      const papers = (await cardIds(page)).slice(0, 8);
      // The DevTools protocol stops service workers as Chrome does when it reclaims an idle one.
      const cdp = await browser.context.newCDPSession(page);
      await cdp.send('ServiceWorker.enable');
      // Stopped every 40 ms, whatever is in flight: the clicks' messages, their answers, broadcasts.
      let stops = 0;
      let clicking = true;
      const stopper = (async () => {
        while (clicking) {
          await cdp.send('ServiceWorker.stopAllWorkers');
          stops++;
          await new Promise((resolve) => setTimeout(resolve, 40));
        }
      })();
      // Every third click waits for a stop after the one before, so the worker is stopped over a
      // hundred times during the clicks however fast the machine clicks.
      let seen = 0;
      const afterClick = async (n: number) => {
        if (n % 3 !== 2) return;
        while (stops === seen) await new Promise((resolve) => setTimeout(resolve, 5));
        seen = stops;
      };
      const meant = await clickMany([page], papers, 400, 10, afterClick).finally(() => (clicking = false));
      await stopper;
      expect(stops).toBeGreaterThan(100);
      const intended = Object.fromEntries(papers.map((paper) => [paper, meant.get(paper)!]));
      await expect.poll(() => storedStates(browser, papers), { timeout: 30_000, interval: 1_000 }).toEqual(intended);
      await expect.poll(() => views([page], papers), { timeout: 30_000, interval: 1_000 }).toEqual([intended]);
      // Every card tells the truth: nothing says "Not saved" for what was saved.
      for (const paper of papers) {
        const status = await control(page, paper, 'Star').evaluate((button) => button.parentElement!.querySelector('[role="status"]')!.textContent);
        expect(status, paper).toBe('');
      }
    } finally {
      await browser.close();
    }
  }, 600_000);
});

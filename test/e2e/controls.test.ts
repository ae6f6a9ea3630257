import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { cardIds, control, dockControl, launch, layoutShifts, noteEditor, openRecordingShifts, pressed, readSharedPage, twoFrames, waitForCards, type Browser } from './harness';
import { syntheticArxivId, syntheticArxivListing, syntheticHfListing } from './synthetic-listing';

/*
 * The on-page controls in the built extension, in Chromium, on the real saved pages served at
 * their real URLs. The database is read as the extension sees it, in the background worker.
 */

const HF_URL = 'https://huggingface.co/papers?date=2024-08-01';
const HF_PAGE = readSharedPage('hf_daily_2024-08-01.html');
const HF_CARDS = 13;
const LLAMA = 'arxiv:2407.21783';
const TORA = 'arxiv:2407.21705';
const MOMA = 'arxiv:2407.21770';

interface Stored {
  starred: boolean;
  read: boolean;
  queued: boolean;
  note: string;
}

/** Every stored paper's state, read from IndexedDB in the background service worker. */
async function stored(browser: Browser): Promise<Record<string, Stored>> {
  const worker = await browser.background();
  return worker.evaluate(
    () =>
      new Promise<Record<string, Stored>>((resolve, reject) => {
        const open = indexedDB.open('shelfmark');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('papers')) {
            db.close();
            resolve({});
            return;
          }
          const request = db.transaction('papers').objectStore('papers').getAll();
          request.onerror = () => reject(request.error);
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
}

/** The extension API as an extension page sees it (evaluated in the popup). */
declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  storage: { local: { get(key: string): Promise<Record<string, unknown>> } };
};

const card = (page: Page, id: string) => page.locator(`[data-shelfmark-card="${id}"]`);
/** The card the keyboard cursor is on, by its id (null: none). */
const currentCard = (page: Page) => page.evaluate(() => document.querySelector('[data-shelfmark-card][data-shelfmark-current]')?.getAttribute('data-shelfmark-card') ?? null);

/** Whether paper `id`'s card shows its note's first line (read with the DevTools' privileges). */
function firstLineShown(page: Page, id: string): Promise<boolean> {
  return control(page, id, 'Note').evaluate((button) => {
    const line = (button.getRootNode() as ShadowRoot).querySelector<HTMLElement>('.first-line')!;
    return !line.hidden && line.getBoundingClientRect().width > 0;
  });
}

/** The tooltip of the card a control is in: shown or not, its text, and where it is against the control. */
function tooltipOf(page: Page, id: string, name: string) {
  return control(page, id, name).evaluate((button) => {
    const tip = (button.getRootNode() as ShadowRoot).querySelector<HTMLElement>('.tip');
    if (!tip?.matches(':popover-open')) return null;
    const at = button.getBoundingClientRect();
    const box = tip.getBoundingClientRect();
    return { text: tip.textContent, below: box.top >= at.bottom, width: box.width };
  });
}

describe('on-page controls on a Hugging Face listing', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch({ pages: { [HF_URL]: HF_PAGE } });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('every control toggles with one click, and its state is kept across reload', async () => {
    const page = await browser.open(HF_URL, HF_CARDS);
    for (const name of ['Star', 'Mark read', 'Add to queue', 'Note']) {
      expect(await control(page, LLAMA, name).present(), name).toBe(true);
      await expect.poll(() => pressed(page, LLAMA, name)).toBe('false');
    }

    await control(page, LLAMA, 'Star').click();
    await control(page, LLAMA, 'Add to queue').click();
    await control(page, TORA, 'Mark read').click();
    await control(page, TORA, 'Star').click();
    await control(page, TORA, 'Star').click(); // and off again
    await control(page, MOMA, 'Note').click();
    await expect.poll(() => pressed(page, MOMA, 'Note')).toBe('true'); // the editor is open
    await noteEditor(page, MOMA).fill('Early fusion, **modality-aware** experts.\nCompare with Chameleon.');
    await page.locator('h1').first().click(); // leaving the editor saves the note

    await expect.poll(() => pressed(page, LLAMA, 'Star')).toBe('true');
    await expect.poll(() => pressed(page, LLAMA, 'Add to queue')).toBe('true');
    await expect.poll(() => pressed(page, TORA, 'Mark read')).toBe('true');
    await expect.poll(() => pressed(page, TORA, 'Star')).toBe('false');
    await expect
      .poll(() => stored(browser))
      .toEqual({
        [LLAMA]: { starred: true, read: false, queued: true, note: '' },
        [TORA]: { starred: false, read: true, queued: false, note: '' },
        [MOMA]: { starred: false, read: false, queued: false, note: 'Early fusion, **modality-aware** experts.\nCompare with Chameleon.' },
      });

    await page.reload();
    await waitForCards(page, HF_CARDS);
    await expect.poll(() => pressed(page, LLAMA, 'Star')).toBe('true');
    expect(await pressed(page, LLAMA, 'Add to queue')).toBe('true');
    expect(await pressed(page, LLAMA, 'Mark read')).toBe('false');
    expect(await pressed(page, TORA, 'Mark read')).toBe('true');
    expect(await pressed(page, TORA, 'Star')).toBe('false');
    // A card with a note shows it, with its first line on the card (the Note button's description);
    // the editor opens on the whole saved text.
    expect(await control(page, MOMA, 'Note').description()).toBe('Early fusion, **modality-aware** experts.');
    expect(await control(page, MOMA, 'Note').attribute('data-has-note')).toBe('');
    expect(await control(page, LLAMA, 'Note').attribute('data-has-note')).toBeNull();
    await control(page, MOMA, 'Note').click();
    expect(await noteEditor(page, MOMA).value()).toBe('Early fusion, **modality-aware** experts.\nCompare with Chameleon.');
    // The first line on the card is hidden while the whole note is open, and a click on it opens it too.
    expect(await firstLineShown(page, MOMA)).toBe(false);
    await control(page, MOMA, 'Note').click();
    expect(await firstLineShown(page, MOMA)).toBe(true);
    const line = await control(page, MOMA, 'Note').evaluate((button) => {
      const box = (button.getRootNode() as ShadowRoot).querySelector('.first-line')!.getBoundingClientRect();
      return { x: box.x + 5, y: box.y + box.height / 2 };
    });
    await page.mouse.click(line.x, line.y);
    await expect.poll(() => pressed(page, MOMA, 'Note')).toBe('true');

    // Read papers recede: the read card is dimmed (when the pointer and focus are elsewhere), by a
    // style keyed by its id that the page cannot read: no attribute says it is read.
    await page.mouse.move(1200, 5);
    await page.locator('h1').first().click();
    await expect.poll(() => card(page, TORA).evaluate((element) => getComputedStyle(element).opacity)).toBe('0.5');
    expect(await card(page, LLAMA).evaluate((element) => getComputedStyle(element).opacity)).toBe('1');
    expect(await card(page, TORA).evaluate((element) => element.getAttributeNames().filter((name) => name.startsWith('data-')))).toEqual(['data-shelfmark-card']);
    await page.close();
  });

  it('names what each control does and its key in a visible tooltip, on hover and on keyboard focus', async () => {
    const page = await browser.open(HF_URL, HF_CARDS);
    await control(page, LLAMA, 'Star').evaluate((button) => button.scrollIntoView({ block: 'center' }));
    const star = await control(page, LLAMA, 'Star').box();
    await page.mouse.move(star.x + star.width / 2, star.y + star.height / 2);
    await expect.poll(() => tooltipOf(page, LLAMA, 'Star')).toMatchObject({ below: true });
    const shown = await tooltipOf(page, LLAMA, 'Star');
    expect(shown!.text).toMatch(/^(Star this paper|Unstar)S$/);
    expect(shown!.width).toBeGreaterThan(40);
    // Away from the controls it goes.
    await page.mouse.move(5, 5);
    await expect.poll(() => tooltipOf(page, LLAMA, 'Star')).toBeNull();
    // From the keyboard: Tab from one control to the next shows the next one's.
    await control(page, LLAMA, 'Star').focus();
    await page.keyboard.press('Tab');
    await expect.poll(() => tooltipOf(page, LLAMA, 'Mark read')).toMatchObject({ text: expect.stringMatching(/^Mark as (un)?readR$/) });
    await page.close();
  });

  it('hides read papers on this site from the page control, and remembers it', async () => {
    const page = await browser.open(HF_URL, HF_CARDS);
    const hideRead = dockControl(page, 'Hide read papers');
    await page.mouse.move(1200, 5);
    await expect.poll(() => card(page, TORA).evaluate((element) => getComputedStyle(element).opacity)).toBe('0.5');
    expect(await hideRead.pressed()).toBe('false');
    expect(await card(page, TORA).isVisible()).toBe(true);
    // The site's stylesheet (not served in tests) lays the cards out in three columns, each <article>
    // in a cell of its own: hiding a card must not leave its cell empty.
    await page.addStyleTag({ content: '.grid { display: grid; grid-template-columns: repeat(3, 1fr); gap: 20px; }' });
    const ids = await cardIds(page);
    const next = ids[ids.indexOf(TORA) + 1]!;
    const toraPlace = await card(page, TORA).boundingBox();
    await hideRead.click();
    await expect.poll(() => card(page, TORA).isVisible()).toBe(false);
    expect(await card(page, LLAMA).isVisible()).toBe(true);
    // The next card moved into the hidden card's place: the grid closed up.
    const nextPlace = await card(page, next).boundingBox();
    expect({ x: nextPlace!.x, y: nextPlace!.y }).toEqual({ x: toraPlace!.x, y: toraPlace!.y });
    // The card stays in the page (the site's own markup untouched), only hidden, by its id.
    expect(await cardIds(page)).toContain(TORA);
    expect(await card(page, TORA).evaluate((element) => element.getAttributeNames().filter((name) => name.startsWith('data-')))).toEqual(['data-shelfmark-card']);

    await page.reload();
    await waitForCards(page, HF_CARDS);
    await expect.poll(() => card(page, TORA).isVisible()).toBe(false);
    expect(await dockControl(page, 'Hide read papers').pressed()).toBe('true');
    // The shortcuts panel has the same setting; turning it off there shows the paper again.
    await page.keyboard.press('?');
    const panel = dockControl(page, 'Shelfmark keyboard shortcuts', 'dialog');
    await expect.poll(() => panel.present()).toBe(true);
    const checkbox = dockControl(page, 'Hide read papers on Hugging Face', 'checkbox');
    expect(await checkbox.evaluate((input) => (input as HTMLInputElement).checked)).toBe(true);
    await checkbox.click();
    await expect.poll(() => card(page, TORA).isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => panel.present()).toBe(false);
    await page.close();
  });
});

describe('keyboard triage of a Hugging Face listing, checked in the database', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch({ pages: { [HF_URL]: HF_PAGE, 'https://huggingface.co/papers/2407.21770': '<title>MoMa</title><h1>MoMa</h1>' } });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('moves, stars, queues, reads and writes a note with the keyboard only', async () => {
    const page = await browser.open(HF_URL, HF_CARDS);
    const ids = await cardIds(page);
    const current = () => currentCard(page);

    await page.keyboard.press('j');
    await expect.poll(current).toBe(ids[0]);
    // The focus is visible: the current card is outlined.
    const outline = await card(page, ids[0]!).evaluate((element) => {
      const style = getComputedStyle(element);
      return `${style.outlineStyle} ${style.outlineWidth}`;
    });
    expect(outline).toBe('solid 2px');
    await page.keyboard.press('s');
    await page.keyboard.press('q');
    await page.keyboard.press('j');
    await page.keyboard.press('r');
    await page.keyboard.press('j');
    await expect.poll(current).toBe(ids[2]);
    await page.keyboard.press('n');
    await expect.poll(() => pressed(page, ids[2]!, 'Note')).toBe('true');
    // Letters typed in the note are the note's: none of them acts on a card.
    await page.keyboard.type('Read later: s q r j k are just letters here.');
    await page.keyboard.press('Escape');
    await expect.poll(() => pressed(page, ids[2]!, 'Note')).toBe('false');
    await page.keyboard.press('k');
    await expect.poll(current).toBe(ids[1]);
    await page.keyboard.press('s');

    // Keys typed in the page's own search field do nothing either.
    await page.getByPlaceholder('Search models, datasets, users...').fill('');
    await page.getByPlaceholder('Search models, datasets, users...').pressSequentially('sqr');
    await page.keyboard.press('Control+s'); // a browser shortcut, not ours
    await page.keyboard.press('Escape');

    await expect
      .poll(() => stored(browser))
      .toEqual({
        [ids[0]!]: { starred: true, read: false, queued: true, note: '' },
        [ids[1]!]: { starred: true, read: true, queued: false, note: '' },
        [ids[2]!]: { starred: false, read: false, queued: false, note: 'Read later: s q r j k are just letters here.' },
      });
    expect(await pressed(page, ids[1]!, 'Star')).toBe('true');
    expect(await pressed(page, ids[1]!, 'Mark read')).toBe('true');

    // Far down the listing, the current card is scrolled into view. (In view, not exactly placed:
    // the page's own content-visibility:auto avatars change height as they come on screen.)
    await control(page, ids[1]!, 'Star').focus(); // Tab or a click on a card's controls moves the cursor there
    for (let i = 2; i < HF_CARDS; i++) await page.keyboard.press('j');
    await expect.poll(current).toBe(ids[HF_CARDS - 1]);
    const box = await card(page, ids[HF_CARDS - 1]!).evaluate((element) => {
      const rect = element.getBoundingClientRect();
      return { top: rect.top, bottom: rect.bottom, height: innerHeight };
    });
    expect(box.top).toBeLessThan(box.height);
    expect(box.bottom).toBeGreaterThan(0);
    expect(await page.evaluate(() => scrollY)).toBeGreaterThan(1000);

    // ? shows the shortcuts; o opens the paper.
    await page.keyboard.press('?');
    const panel = dockControl(page, 'Shelfmark keyboard shortcuts', 'dialog');
    await expect.poll(() => panel.present()).toBe(true);
    expect(await panel.evaluate((dialog) => dialog.textContent)).toContain('Next paper');
    await page.keyboard.press('?');
    await expect.poll(() => panel.present()).toBe(false);
    await control(page, MOMA, 'Star').focus();
    await page.keyboard.press('o');
    await page.waitForURL('https://huggingface.co/papers/2407.21770');
    await page.close();
  });
});

describe('keyboard triage of an arXiv listing, checked in the database', () => {
  const ARXIV_URL = 'https://arxiv.org/list/cs.CL/recent';
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch({
      pages: {
        [ARXIV_URL]: readSharedPage('arxiv_list_cs.CL_recent_2026-07.html'),
        'https://arxiv.org/abs/2607.22218': '<title>arXiv:2607.22218</title><h1>Abstract page</h1>',
        'https://arxiv.org/abs/2602.11156': readSharedPage('arxiv_abs_2602.11156_2026.html'),
      },
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('moves, stars, queues, reads, writes a note and hides what was read, with the keyboard only', async () => {
    const page = await browser.open(ARXIV_URL, 50);
    const ids = await cardIds(page);
    expect(ids.slice(0, 5)).toEqual(['arxiv:2607.22529', 'arxiv:2607.22456', 'arxiv:2607.22376', 'arxiv:2607.22300', 'arxiv:2607.22218']);
    const current = () => currentCard(page);
    // The whole entry is the card: its <dt> (id line, with the controls) and its <dd> (title, authors).
    const entry = (id: string) => page.evaluate((target) => {
      const dt = document.querySelector(`dt[data-shelfmark-card="${target}"]`)!;
      const dd = dt.nextElementSibling!;
      return { dt: [...dt.attributes].map((a) => a.name).filter((name) => name.startsWith('data-shelfmark')), dd: [...dd.attributes].map((a) => a.name).filter((name) => name.startsWith('data-shelfmark')) };
    }, id);

    await page.keyboard.press('j');
    await expect.poll(current).toBe(ids[0]);
    expect(await entry(ids[0]!)).toEqual({ dt: ['data-shelfmark-card', 'data-shelfmark-current'], dd: ['data-shelfmark-current'] });
    await page.keyboard.press('s');
    await page.keyboard.press('q');
    await page.keyboard.press('j');
    await page.keyboard.press('q');
    await page.keyboard.press('r'); // read: out of the queue, and subdued
    await page.keyboard.press('j');
    await page.keyboard.press('n');
    await expect.poll(() => pressed(page, ids[2]!, 'Note')).toBe('true');
    await page.keyboard.type('Grammar books as data: compare with the 2024 MTOB results.\nsqrjk stay text.');
    await page.keyboard.press('Escape');
    await expect.poll(() => pressed(page, ids[2]!, 'Note')).toBe('false');
    await page.keyboard.press('j');
    await page.keyboard.press('s');
    await page.keyboard.press('k');
    await page.keyboard.press('k');
    await expect.poll(current).toBe(ids[1]);
    await page.keyboard.press('s');

    await expect
      .poll(() => stored(browser))
      .toEqual({
        [ids[0]!]: { starred: true, read: false, queued: true, note: '' },
        [ids[1]!]: { starred: true, read: true, queued: false, note: '' },
        [ids[2]!]: { starred: false, read: false, queued: false, note: 'Grammar books as data: compare with the 2024 MTOB results.\nsqrjk stay text.' },
        [ids[3]!]: { starred: true, read: false, queued: false, note: '' },
      });
    // Read: nothing on the entry says so (it is dimmed by its id, when the cursor leaves it).
    expect(await entry(ids[1]!)).toEqual({ dt: ['data-shelfmark-card', 'data-shelfmark-current'], dd: ['data-shelfmark-current'] });

    // h hides read papers on arXiv: the read entry goes, both its lines, and j/k pass over it.
    await page.keyboard.press('h');
    await expect.poll(() => page.locator(`dt[data-shelfmark-card="${ids[1]}"]`).isVisible()).toBe(false);
    expect(await page.locator(`dt[data-shelfmark-card="${ids[1]}"] + dd`).isVisible()).toBe(false);
    expect(await page.locator(`dt[data-shelfmark-card="${ids[0]}"]`).isVisible()).toBe(true);
    await expect.poll(current).toBe(ids[2]); // the cursor left the hidden entry
    await page.keyboard.press('k');
    await expect.poll(current).toBe(ids[0]);
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await expect.poll(current).toBe(ids[4]);
    // o opens the paper's abstract page.
    await page.keyboard.press('o');
    await page.waitForURL('https://arxiv.org/abs/2607.22218');
    await page.close();

    // Hiding is per site and remembered: arXiv hides read papers, Hugging Face was not asked to.
    const again = await browser.open(ARXIV_URL, 50);
    await expect.poll(() => again.locator(`dt[data-shelfmark-card="${ids[1]}"]`).isVisible()).toBe(false);
    const settings = await (await browser.background()).evaluate(() => chrome.storage.local.get('settings'));
    expect(settings).toEqual({ settings: { hideRead: { arxiv: true }, dimRead: true } });
    await again.close();

    // A paper's own page is never hidden, read or not: there the one card is the page.
    const popup = await browser.openPopup();
    await popup.evaluate(() =>
      chrome.runtime.sendMessage({ type: 'act', paper: { id: 'arxiv:2602.11156', title: 'HybridRAG' }, action: { kind: 'read', value: true } }),
    );
    const abs = await browser.open('https://arxiv.org/abs/2602.11156', 1);
    await expect.poll(() => control(abs, 'arxiv:2602.11156', 'Mark read').pressed()).toBe('true');
    expect(await abs.locator('#abs').isVisible()).toBe(true);
    await abs.close();
  });
});

describe('live everywhere: two tabs of the same page and the popup agree', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch({ pages: { [HF_URL]: HF_PAGE } });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a change in one tab, from the keyboard in the other, or from an extension page shows everywhere without reload', async () => {
    const first = await browser.open(HF_URL, HF_CARDS);
    const second = await browser.open(HF_URL, HF_CARDS);

    await control(first, LLAMA, 'Star').click();
    await expect.poll(() => pressed(second, LLAMA, 'Star'), { timeout: 10_000 }).toBe('true');

    await second.bringToFront();
    await control(second, TORA, 'Star').focus();
    await second.keyboard.press('q');
    await expect.poll(() => pressed(first, TORA, 'Add to queue'), { timeout: 10_000 }).toBe('true');

    // The popup lists what the tabs starred (its Starred view; the queue is its default).
    const popup = await browser.openPopup();
    await popup.getByRole('tab', { name: /Starred/ }).click();
    await expect.poll(() => popup.getByRole('link', { name: 'The Llama 3 Herd of Models' }).count()).toBe(1);

    // An action sent from the popup page, as its controls do, reaches both tabs and the popup's own list.
    await popup.evaluate((id) =>
      chrome.runtime.sendMessage({ type: 'act', paper: { id, title: 'MoMa: Efficient Early-Fusion Pre-training' }, action: { kind: 'star', value: true } }),
    MOMA);
    await expect.poll(() => pressed(first, MOMA, 'Star'), { timeout: 10_000 }).toBe('true');
    await expect.poll(() => pressed(second, MOMA, 'Star'), { timeout: 10_000 }).toBe('true');
    await expect.poll(() => popup.locator(`[data-paper-id="${MOMA}"]`).count()).toBe(1);

    // A direct write from an extension page followed by its 'changed' notice (lib/ui/extension-actions.ts does this).
    await popup.evaluate(
      (id) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('shelfmark');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const store = db.transaction('papers', 'readwrite').objectStore('papers');
            const get = store.get(id);
            get.onsuccess = () => {
              store.put({ ...get.result, note: 'Written in the popup', noteUpdatedAt: Date.now() });
              store.transaction.oncomplete = () => {
                db.close();
                chrome.runtime.sendMessage({ type: 'changed', ids: [id] }).then(() => resolve(), reject);
              };
            };
          };
        }),
      LLAMA,
    );
    for (const page of [first, second]) {
      await expect.poll(() => control(page, LLAMA, 'Note').description(), { timeout: 10_000 }).toBe('Written in the popup');
    }

    // Unstarring in a tab empties it from the popup and the other tab.
    await control(second, LLAMA, 'Star').click();
    await expect.poll(() => pressed(first, LLAMA, 'Star'), { timeout: 10_000 }).toBe('false');
    await expect.poll(() => popup.getByRole('link', { name: 'The Llama 3 Herd of Models' }).count()).toBe(0);
  });
});

describe('a note typed and the tab closed at once', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch({ pages: { [HF_URL]: HF_PAGE } });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('is saved', async () => {
    const page = await browser.open(HF_URL, HF_CARDS);
    await control(page, TORA, 'Note').click();
    await page.keyboard.type('Typed and the tab closed at once.');
    // No pause and no blur: closing the tab is what sends it (pagehide).
    await page.close();
    await expect.poll(() => stored(browser), { timeout: 10_000 }).toEqual({
      [TORA]: { starred: false, read: false, queued: false, note: 'Typed and the tab closed at once.' },
    });

    // And it is there when the page is opened again.
    const again = await browser.open(HF_URL, HF_CARDS);
    await expect.poll(() => control(again, TORA, 'Note').description()).toBe('Typed and the tab closed at once.');
  });
});

describe('fits the host page', () => {
  const HOSTILE_URL = 'https://huggingface.co/papers?date=2024-08-02';
  const SYNTHETIC_URL = 'https://huggingface.co/papers?date=2024-01-01';
  const LONG_LISTING_URL = 'https://arxiv.org/list/cs.CL/pastweek?skip=0&show=2000';
  // A page whose own styles try to reach everything: none of it may reach into the controls.
  const HOSTILE_CSS = `<style>
    * { color: rgb(255, 0, 0) !important; font-size: 40px !important; line-height: 3 !important; }
    button { display: none !important; }
    svg { width: 300px !important; height: 300px !important; }
    textarea { display: none !important; }
    dialog { display: none !important; }
  </style>`;
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch({
      viewport: { width: 1280, height: 4000 },
      pages: {
        [HF_URL]: HF_PAGE,
        [HOSTILE_URL]: HF_PAGE.replace('</head>', `${HOSTILE_CSS}</head>`),
        [SYNTHETIC_URL]: syntheticHfListing(400),
        [LONG_LISTING_URL]: syntheticArxivListing(2_000),
      },
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** Scrolls to each of `tops` in turn, two frames each: the controls that came near are built. */
  async function jump(page: Page, tops: readonly number[]): Promise<void> {
    for (const top of tops) {
      await page.evaluate((y) => scrollTo(0, y), top);
      await twoFrames(page);
    }
  }

  it('nothing jumps when the controls mount: no layout shift on a 400-card listing in view', async () => {
    const page = await openRecordingShifts(browser, SYNTHETIC_URL);
    await waitForCards(page, 400);
    // Let the states arrive and a few frames be painted.
    await expect.poll(() => page.locator('shelfmark-dock').count()).toBe(1);
    await twoFrames(page);
    const inView = await page.evaluate(() => document.querySelectorAll('article')[10]!.getBoundingClientRect().bottom < innerHeight);
    expect(inView).toBe(true); // cards were on screen as the page loaded: a late mount would have moved them
    expect(await layoutShifts(page)).toEqual([]);
    // Controls beyond the first screens are mounted as they come near the viewport: still nothing moves.
    await jump(page, [8_000, 30_000, 60_000]);
    expect(await page.evaluate(() => scrollY)).toBeGreaterThan(20_000);
    expect(await layoutShifts(page)).toEqual([]);
    await page.close();
  });

  it('nothing jumps on a 2,000-entry arXiv listing either, where the controls end each id line and go in only as they come near', async () => {
    const page = await openRecordingShifts(browser, LONG_LISTING_URL);
    await waitForCards(page, 2_000);
    await expect.poll(() => page.locator('shelfmark-dock').count()).toBe(1);
    const counts = () =>
      page.evaluate(() => ({
        roots: document.querySelectorAll('dt > [data-shelfmark-id]').length,
        inView: [...document.querySelectorAll('dt[data-shelfmark-card]')].filter((dt) => {
          const rect = dt.getBoundingClientRect();
          return rect.bottom > 0 && rect.top < innerHeight;
        }).length,
      }));
    // Every entry is marked; only those near the viewport have a control root, in their id line.
    const first = await counts();
    expect(first.inView).toBeGreaterThan(10);
    expect(first.roots).toBeGreaterThanOrEqual(first.inView);
    expect(first.roots).toBeLessThan(400);
    expect(await control(page, `arxiv:${syntheticArxivId(0)}`, 'Star').pressed()).toBe('false');
    // Jumps down the page: the entries there get their controls, and nothing in view moves.
    await jump(page, [30_000, 90_000, 150_000]);
    expect(await page.evaluate(() => scrollY)).toBeGreaterThan(100_000);
    const shown = await page.evaluate(() => {
      const dt = [...document.querySelectorAll('dt[data-shelfmark-card]')].find((entry) => entry.getBoundingClientRect().top > 0)!;
      return dt.getAttribute('data-shelfmark-card')!;
    });
    expect(await control(page, shown, 'Star').pressed()).toBe('false');
    expect((await counts()).roots).toBeLessThan(2_000);
    expect(await layoutShifts(page)).toEqual([]);
    await page.close();
  });

  it('the page\'s styles never reach into the controls', async () => {
    const page = await browser.open(HOSTILE_URL, HF_CARDS);
    const star = control(page, LLAMA, 'Star');
    const box = await star.box();
    expect(box).toMatchObject({ width: 26, height: 26 });
    const style = await star.evaluate((button: Element) => {
      const computed = getComputedStyle(button);
      const icon = getComputedStyle(button.querySelector('svg')!);
      return { color: computed.color, display: computed.display, icon: icon.width };
    });
    expect(style).toEqual({ color: 'rgb(107, 114, 128)', display: 'flex', icon: '18px' }); // a flex item: blockified
    await control(page, LLAMA, 'Note').click();
    expect(await noteEditor(page, LLAMA).present()).toBe(true);
    await page.keyboard.press('Escape');
    await page.keyboard.press('?');
    await expect.poll(() => dockControl(page, 'Shelfmark keyboard shortcuts', 'dialog').present()).toBe(true);
    await page.close();
  });

  it('follows Hugging Face\'s dark mode, and focus is always visible', async () => {
    const page = await browser.open(HF_URL, HF_CARDS);
    await control(page, LLAMA, 'Star').click();
    await expect.poll(() => pressed(page, LLAMA, 'Star')).toBe('true');
    const colour = () => control(page, LLAMA, 'Star').evaluate((button: Element) => getComputedStyle(button).color);
    expect(await colour()).toBe('rgb(217, 119, 6)');
    await page.evaluate(() => document.documentElement.classList.add('dark'));
    expect(await colour()).toBe('rgb(251, 191, 36)');
    await page.evaluate(() => document.documentElement.classList.remove('dark'));
    expect(await colour()).toBe('rgb(217, 119, 6)');

    // Keyboard focus on a control shows a ring; the current card shows an outline. (The click on
    // Llama's star above put the cursor there, without an outline: j goes on from it.)
    await page.locator('h1').first().click();
    await page.keyboard.press('k');
    await page.keyboard.press('Tab');
    const ring = await control(page, LLAMA, 'Star').evaluate((focused) => {
      const style = getComputedStyle(focused);
      return { focused: focused.matches(':focus'), visible: focused.matches(':focus-visible'), outline: `${style.outlineStyle} ${style.outlineWidth}` };
    });
    expect(ring).toEqual({ focused: true, visible: true, outline: 'solid 2px' });
    const outlined = () => currentCard(page);
    expect(await outlined()).toBe(LLAMA);
    // Tab on, past the card's own links, into the next card's controls: the outline follows.
    for (let i = 0; i < 30 && (await outlined()) === LLAMA; i++) await page.keyboard.press('Tab');
    expect(await outlined()).toBe(TORA);
    // A click with the mouse on another card moves the cursor there without an outline: the
    // outline is for the keyboard. j goes on from the clicked card.
    await control(page, MOMA, 'Add to queue').click();
    expect(await outlined()).toBeNull();
    await page.keyboard.press('j');
    await expect.poll(outlined).toBe((await cardIds(page))[3]);
    await page.close();
  });
});

// @vitest-environment-options {"url": "https://huggingface.co/papers?date=2024-08-01"}
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import extrasScript from '@/entrypoints/content-extras';
import { startContentScript } from '@/lib/content';
import { ADAPTERS } from '@/lib/sites';
import { HIDE_READ_LABEL, SHORTCUTS_LABEL } from '@/lib/content/dock';
import { handleMessage } from '@/lib/background/handle-message';
import { getStates, setRead } from '@/lib/store/library';
import { isStatesMessage } from '@/lib/messaging';
import { loadSettings } from '@/lib/settings';
import { freshDatabase } from '../db-helpers';
import { forge, hfCard, shadowOf } from './content-fixture';
import { t } from '@/lib/i18n';

/*
 * The content script as the browser runs it on a Hugging Face listing (jsdom at the page's URL),
 * with the real background code answering its messages on a fake-indexeddb database: keys,
 * settings, broadcasts and note flushing, wired together.
 */

const LLAMA = 'arxiv:2407.21783';
const TORA = 'arxiv:2407.21705';
let ctx: ContentScriptContext;

async function start() {
  const db = freshDatabase();
  await setRead(db, { id: TORA, title: 'Tora' }, true);
  /** The read papers' styles the background was asked to put in the page, the newest last. */
  const styles: string[] = [];
  fakeBrowser.runtime.onMessage.addListener(((message: { type?: string; insert?: string }) => {
    if (isStatesMessage(message)) return undefined; // the background's own broadcast, meant for tabs
    if (message.type === 'pageStyle') {
      styles.push(message.insert!);
      return Promise.resolve({ ok: true, data: null });
    }
    if (message.type === 'loadExtras') {
      // The background runs the extras script in the page (lib/background/page-scripts.ts).
      extrasScript.main();
      return Promise.resolve({ ok: true, data: null });
    }
    return handleMessage(db, message, (states) => {
      void fakeBrowser.runtime.onMessage.trigger({ type: 'shelfmark:states', states }, {});
    });
  }) as never);
  document.body.innerHTML = `<input id="page-search" type="search">${hfCard('2407.21783', 'Llama')}${hfCard('2407.21705', 'Tora')}`;
  ctx = new ContentScriptContext('content');
  const annotator = startContentScript(ctx, ADAPTERS)!;
  await vi.waitFor(() => expect(annotator.summary().read).toBe(1));
  const key = (key: string, target: EventTarget = document.body, init: KeyboardEventInit = {}) =>
    target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true, ...init }));
  const stored = () => getStates(db, [LLAMA, TORA]);
  const root = (n: number) => document.querySelectorAll('shelfmark-controls')[n]!;
  const dock = () => shadowOf(document.querySelector('shelfmark-dock'))!;
  const hidden = (n: number) => annotator.isHidden(annotator.cardOf(root(n))!);
  return { db, key, stored, root, dock, annotator, styles, hidden };
}

beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(() => {
  ctx.notifyInvalidated();
  globalThis.__shelfmarkExtras = undefined;
  document.body.innerHTML = '';
});

describe('content script on a listing', () => {
  it('keys act on the outlined card and reach the database; a key press the script handles is not the page\'s', async () => {
    const { key, stored } = await start();
    key('j');
    const event = new KeyboardEvent('keydown', { key: 's', bubbles: true, cancelable: true });
    document.body.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true);
    key('q');
    await vi.waitFor(async () => expect((await stored())[LLAMA]).toMatchObject({ starred: true, queued: true }));
  });

  it('a key press a page script made does nothing', async () => {
    const { stored } = await start();
    for (const key of ['j', 's', 'q', 'r', 'h']) {
      const event = forge(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
      document.body.dispatchEvent(event);
      expect(event.defaultPrevented, key).toBe(false);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(document.querySelector('[data-shelfmark-current]')).toBeNull();
    expect((await stored())[LLAMA]).toMatchObject({ starred: false, queued: false, read: false });
  });

  it('no page event stops it (WXT\'s "content script started"), and it starts once per page', async () => {
    const { root } = await start();
    const type = (ContentScriptContext as unknown as { SCRIPT_STARTED_MESSAGE_TYPE: string }).SCRIPT_STARTED_MESSAGE_TYPE;
    document.dispatchEvent(new CustomEvent(type, { detail: { contentScriptName: 'content', messageId: 'forged' } }));
    expect(ctx.isValid).toBe(true);
    expect(root(0).isConnected).toBe(true);
    expect(startContentScript(new ContentScriptContext('content'), ADAPTERS)).toBeNull(); // injected again: already running
    expect(document.querySelectorAll('shelfmark-controls')).toHaveLength(2);
  });

  it('keys typed in a field of the page, or with a modifier, do nothing', async () => {
    const { key, stored } = await start();
    key('j');
    const search = document.getElementById('page-search')!;
    // A key the script acts on is marked handled at once; these are left alone.
    expect(key('s', search)).toBe(true);
    expect(key('q', document.body, { ctrlKey: true })).toBe(true);
    expect(key('r', document.body, { metaKey: true })).toBe(true);
    expect(key('s')).toBe(false); // the same key outside the field is a shortcut
    await vi.waitFor(async () => expect((await stored())[LLAMA]!.starred).toBe(true));
    expect((await stored())[LLAMA]).toMatchObject({ queued: false, read: false });
  });

  it('pagehide and visibilitychange send a note being typed at once', async () => {
    const { key, root, db } = await start();
    key('j');
    key('n');
    // The page's first keys act once the extras (the cursor, the note editor) have loaded.
    await vi.waitFor(() => expect(shadowOf(root(0))!.querySelector('textarea')).not.toBeNull());
    const textarea = shadowOf(root(0))!.querySelector('textarea')!;
    expect(shadowOf(root(0))!.activeElement).toBe(textarea);
    textarea.value = 'written just before closing the tab';
    textarea.dispatchEvent(new Event('input'));
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    await vi.waitFor(async () => expect((await db.papers.get(LLAMA))?.note).toBe('written just before closing the tab'));

    textarea.value = 'and switching tabs';
    textarea.dispatchEvent(new Event('input'));
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
    // @ts-expect-error: restore jsdom's own getter
    delete document.visibilityState;
    await vi.waitFor(async () => expect((await db.papers.get(LLAMA))?.note).toBe('and switching tabs'));
  });

  it('shows changes made elsewhere (another tab, the popup) without reload', async () => {
    const { root } = await start();
    await fakeBrowser.runtime.onMessage.trigger(
      { type: 'shelfmark:states', states: { [LLAMA]: { starred: true, read: false, queued: true, note: 'from the popup', versions: { star: 1, read: 0, queue: 1, note: 1 } } } },
      {},
    );
    const button = (name: string) => shadowOf(root(0))!.querySelector(`button[aria-label="${name}"]`)!;
    expect(button('Star').getAttribute('aria-pressed')).toBe('true');
    expect(button('Add to queue').getAttribute('aria-pressed')).toBe('true');
    expect(shadowOf(root(0))!.querySelector('.first-line')!.textContent).toBe('from the popup');
  });

  it('the page control hides read papers on this site, remembers it, and follows other tabs', async () => {
    const { dock, hidden, styles } = await start();
    const toggle = dock().querySelector<HTMLButtonElement>(`button[aria-label="${t(HIDE_READ_LABEL)}"]`)!;
    await vi.waitFor(() => expect(toggle.textContent).toContain('1')); // one read paper here
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    await vi.waitFor(() => expect(styles.at(-1)).toContain('opacity')); // dimmed, at first
    toggle.dispatchEvent(forge(new MouseEvent('click', { bubbles: true }))); // a page script's click: nothing
    expect(hidden(1)).toBe(false);
    toggle.click();
    expect(hidden(1)).toBe(true);
    expect(hidden(0)).toBe(false);
    await vi.waitFor(() => expect(styles.at(-1)).toMatch(/arxiv:2407\.21705"\][^{]*\{ display: none/));
    await vi.waitFor(async () => expect((await loadSettings()).hideRead).toEqual({ huggingface: true }));
    await vi.waitFor(() => expect(toggle.getAttribute('aria-pressed')).toBe('true'));
    // Another tab shows them again: this one follows.
    await browser.storage.local.set({ settings: { hideRead: { huggingface: false } } });
    await vi.waitFor(() => expect(hidden(1)).toBe(false));
    await vi.waitFor(() => expect(styles.at(-1)).not.toContain('display: none'));
  });

  it('? opens the shortcuts panel; while it is open, other keys do nothing', async () => {
    const { key, dock, stored } = await start();
    key('?', document.body, { shiftKey: true });
    // Built the first time it opens (from the content script's extras).
    await vi.waitFor(() => expect(dock().querySelector('dialog')?.hasAttribute('open')).toBe(true));
    const dialog = dock().querySelector('dialog')!;
    expect([...dialog.querySelectorAll('kbd')].map((kbd) => kbd.textContent)).toEqual(['j', 'k', 's', 'r', 'q', 'n', 't', 'o', 'Shift O', 'h', '?']);
    expect(dialog.querySelector('label')!.textContent).toBe('Hide read papers on Hugging Face');
    key('j');
    key('s');
    key('?', document.body, { shiftKey: true });
    expect(dialog.hasAttribute('open')).toBe(false);
    expect(document.querySelector('[data-shelfmark-current]')).toBeNull();
    expect((await stored())[LLAMA]!.starred).toBe(false);
    dock().querySelector<HTMLButtonElement>(`button[aria-label="${t(SHORTCUTS_LABEL)}"]`)!.click();
    expect(dialog.hasAttribute('open')).toBe(true);
  });

  it('removes everything it added when the extension goes away', async () => {
    const { key } = await start();
    key('j');
    ctx.notifyInvalidated();
    expect(document.querySelector('shelfmark-controls, shelfmark-dock, [data-shelfmark-current], [data-shelfmark-card]')).toBeNull();
  });
});

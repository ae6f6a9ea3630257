// @vitest-environment-options {"url": "https://huggingface.co/papers?date=2024-08-01"}
import { afterEach, describe, expect, it, vi } from 'vitest';
import extrasScript from '@/entrypoints/content-extras';
import { Annotator } from '@/lib/content/annotator';
import { createDock, SHORTCUTS_LABEL } from '@/lib/content/dock';
import { CONTENT_EXTRAS } from '@/lib/content/extras-bundle';
import { loadedExtras, loadExtras } from '@/lib/content/extras';
import type { PageRequest, Request } from '@/lib/messages';
import { generic } from '@/lib/sites/generic';
import { huggingfaceCards } from '@/lib/sites/huggingface';
import { huggingfaceReposCards } from '@/lib/sites/huggingface-repos';
import { createPageContext } from '@/lib/sites/types';
import { freshDatabase } from '../db-helpers';
import { backgroundSend, hfCard, shadowOf } from './content-fixture';
import { t } from '@/lib/i18n';

/*
 * The content scripts carry their sites' cards only; what a card shows of its paper is read by the
 * extras (entrypoints/content-extras.ts), which the background runs in the page on first use. Here
 * the background's part is the extras script itself, run when the content script asks.
 */

const running: AbortController[] = [];
afterEach(() => {
  for (const controller of running.splice(0)) controller.abort();
  globalThis.__shelfmarkExtras = undefined;
  document.body.innerHTML = '';
});

function setup(deliver: (request: PageRequest) => Promise<unknown>) {
  const db = freshDatabase();
  const sent: Request[] = [];
  document.body.innerHTML = hfCard('2407.21783', 'The Llama 3 Herd of Models') + hfCard('2407.21705', 'Tora');
  const controller = new AbortController();
  running.push(controller);
  const annotator = new Annotator({
    document,
    adapters: [huggingfaceCards, huggingfaceReposCards],
    location: () => location.href,
    send: backgroundSend(db, sent),
    signal: controller.signal,
    extras: { loaded: loadedExtras, load: () => loadExtras(deliver) },
  });
  annotator.start();
  const root = (n: number) => document.querySelectorAll('shelfmark-controls')[n]!;
  const click = (n: number, name: string) => shadowOf(root(n))!.querySelector<HTMLButtonElement>(`button[aria-label="${name}"]`)!.click();
  const acts = () => sent.filter((request) => request.type === 'act');
  return { annotator, db, click, acts };
}

/** The background's answer to `loadExtras`: the extras script runs in the page. */
const runExtrasScript = vi.fn(async (request: PageRequest) => {
  expect(request).toEqual({ type: 'loadExtras' });
  await new Promise((resolve) => setTimeout(resolve, 5));
  extrasScript.main();
});

describe('the card reader, loaded on first use', () => {
  it('the first save loads the extras once, and sends the paper as the site reads it', async () => {
    runExtrasScript.mockClear();
    const { click, acts, db } = setup(runExtrasScript);
    await vi.waitFor(() => expect(document.querySelectorAll('shelfmark-controls')).toHaveLength(2));
    expect(loadedExtras()).toBeNull();
    click(0, 'Star');
    click(1, 'Add to queue');
    await vi.waitFor(() => expect(acts()).toHaveLength(2));
    expect(runExtrasScript).toHaveBeenCalledTimes(1);
    const [llama, tora] = acts().map((request) => request.type === 'act' && request.paper);
    // The title link's text and the paper's pages: the reader's, not the card's whole text.
    expect(llama).toMatchObject({ id: 'arxiv:2407.21783', title: 'The Llama 3 Herd of Models' });
    expect(llama && llama.links?.huggingface).toBe('https://huggingface.co/papers/2407.21783');
    expect(tora).toMatchObject({ id: 'arxiv:2407.21705', title: 'Tora' });
    await vi.waitFor(async () => expect((await db.papers.get('arxiv:2407.21783'))?.title).toBe('The Llama 3 Herd of Models'));
    // Loaded: the next save reads at once.
    click(0, 'Mark read');
    await vi.waitFor(() => expect(acts()).toHaveLength(3));
    expect(runExtrasScript).toHaveBeenCalledTimes(1);
  });

  it('when the extras cannot load, the save still goes through with the card’s id and text, and the next action asks again', async () => {
    const failing = vi.fn(async () => {
      throw new Error('no tab');
    });
    const { click, acts, db } = setup(failing);
    await vi.waitFor(() => expect(document.querySelectorAll('shelfmark-controls')).toHaveLength(2));
    click(0, 'Star');
    await vi.waitFor(() => expect(acts()).toHaveLength(1));
    expect(acts()[0]).toMatchObject({ paper: { id: 'arxiv:2407.21783', title: 'The Llama 3 Herd of ModelsSome authors' } });
    await vi.waitFor(async () => expect((await db.papers.get('arxiv:2407.21783'))?.starredAt).toBeGreaterThan(0));
    click(1, 'Star');
    await vi.waitFor(() => expect(acts()).toHaveLength(2));
    expect(failing).toHaveBeenCalledTimes(2);
  });

  it('a note is sent at once, without waiting for the reader (the page may be closing)', async () => {
    const never = vi.fn(() => new Promise<never>(() => undefined));
    const { annotator, acts } = setup(never);
    await vi.waitFor(() => expect(document.querySelectorAll('shelfmark-controls')).toHaveLength(2));
    const entry = annotator.cardOf(document.querySelector('shelfmark-controls'))!;
    void annotator.act(entry, { kind: 'note', text: 'read §3 first', at: Date.now() });
    await Promise.resolve();
    expect(acts()).toHaveLength(1);
    expect(never).not.toHaveBeenCalled();
  });
});

describe('the editors and the shortcuts panel, loaded the first time one opens', () => {
  it('Note opens its editor once the extras have loaded, with the cursor in it', async () => {
    runExtrasScript.mockClear();
    const { click } = setup(runExtrasScript);
    await vi.waitFor(() => expect(document.querySelectorAll('shelfmark-controls')).toHaveLength(2));
    const shadow = shadowOf(document.querySelector('shelfmark-controls'))!;
    click(0, 'Note');
    expect(shadow.querySelector('textarea')).toBeNull();
    await vi.waitFor(() => expect(shadow.querySelector('textarea')).not.toBeNull());
    expect(shadow.activeElement).toBe(shadow.querySelector('textarea'));
    expect(shadow.querySelector('button[aria-label="Note"]')!.getAttribute('aria-pressed')).toBe('true');
    click(1, 'Tag');
    await vi.waitFor(() => expect(shadowOf(document.querySelectorAll('shelfmark-controls')[1]!)!.querySelector('input')).not.toBeNull());
    expect(runExtrasScript).toHaveBeenCalledTimes(1);
  });

  it('what is typed while the editor loads goes into it, and to nothing else (no shortcut, no page listener)', async () => {
    const { click } = setup(runExtrasScript);
    await vi.waitFor(() => expect(document.querySelectorAll('shelfmark-controls')).toHaveLength(2));
    const shadow = shadowOf(document.querySelector('shelfmark-controls'))!;
    const seenByPage: string[] = [];
    document.addEventListener('keydown', (event) => seenByPage.push(event.key));
    click(0, 'Note');
    const noteButton = shadow.querySelector<HTMLButtonElement>('button[aria-label="Note"]')!;
    const press = (key: string) => noteButton.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true }));
    expect(press('s')).toBe(false); // default prevented
    press('o');
    press('Shift');
    await vi.waitFor(() => expect(shadow.querySelector('textarea')).not.toBeNull());
    expect(shadow.querySelector('textarea')!.value).toBe('so');
    expect(seenByPage).toEqual(['Shift']);
  });

  it('Note clicked twice while the editor loads: one editor, what was typed once', async () => {
    const { click } = setup(runExtrasScript);
    await vi.waitFor(() => expect(document.querySelectorAll('shelfmark-controls')).toHaveLength(2));
    const shadow = shadowOf(document.querySelector('shelfmark-controls'))!;
    click(0, 'Note');
    const noteButton = shadow.querySelector<HTMLButtonElement>('button[aria-label="Note"]')!;
    const press = (key: string) => noteButton.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true }));
    press('x');
    click(0, 'Note');
    press('y');
    await vi.waitFor(() => expect(shadow.querySelector('textarea')).not.toBeNull());
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(shadow.querySelectorAll('textarea')).toHaveLength(1);
    expect(shadow.querySelector('textarea')!.value).toBe('xy');
  });

  it('when they cannot load, the card says so in words', async () => {
    const { click } = setup(async () => {
      throw new Error('no tab');
    });
    await vi.waitFor(() => expect(document.querySelectorAll('shelfmark-controls')).toHaveLength(2));
    click(0, 'Note');
    const shadow = shadowOf(document.querySelector('shelfmark-controls'))!;
    await vi.waitFor(() => expect(shadow.querySelector('[role="status"]')!.textContent).toBe(t('cardEditorUnavailable')));
    expect(shadow.querySelector('textarea')).toBeNull();
  });
});

describe('the shortcuts panel, loaded the first time it opens', () => {
  it('a failure to load says so on the ? button, until it opens after all', async () => {
    let fail = true;
    const dock = createDock(document, {
      onHideRead: () => undefined,
      extras: { loaded: () => null, load: async () => (fail ? Promise.reject(new Error('no tab')) : CONTENT_EXTRAS) },
    });
    document.body.append(dock.element);
    const help = shadowOf(dock.element)!.querySelector<HTMLButtonElement>(`button[aria-label="${t(SHORTCUTS_LABEL)}"]`)!;
    dock.toggleHelp();
    await vi.waitFor(() => expect(help.title).toBe(t('cardEditorUnavailable')));
    fail = false;
    dock.toggleHelp();
    await vi.waitFor(() => expect(dock.helpOpen).toBe(true));
    expect(help.title).toBe(t('dockShortcutsTitle'));
  });
});

describe('the extras script', () => {
  it('reads with the adapter that serves the page: a Hugging Face model page’s links as any page’s', () => {
    extrasScript.main();
    const extras = loadedExtras()!;
    document.body.innerHTML = '<div class="model-card"><p>See <a href="https://arxiv.org/abs/2407.21783">The Llama 3 Herd of Models</a>.</p></div>';
    const modelPage = createPageContext(document, 'https://huggingface.co/meta-llama/Llama-3.1-8B');
    const card = document.querySelector('p')!;
    expect(extras.readCard('huggingface', card, modelPage)).toMatchObject({ id: 'arxiv:2407.21783', title: 'The Llama 3 Herd of Models' });
    // The papers' listing is read by the papers' adapter: this element is no card of it.
    expect(extras.readCard('huggingface', card, createPageContext(document, 'https://huggingface.co/papers'))).toBeNull();
  });

  it('the generic reader knows a card it did not find itself (found by the content script’s own copy)', () => {
    const other = document.implementation.createHTMLDocument('');
    other.body.innerHTML = '<ul><li><a href="https://doi.org/10.1145/3368089.3409735">A careful study of anything at all</a></li></ul>';
    expect(generic.readCard(other.querySelector('li')!, createPageContext(other, 'https://lab.example/'))).toMatchObject({
      id: 'doi:10.1145/3368089.3409735',
      title: 'A careful study of anything at all',
    });
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { Annotator, applyLocally, cardParts, type Send } from '@/lib/content/annotator';
import { EMPTY_STATE, setRead, type PaperState } from '@/lib/store/library';
import type { Request } from '@/lib/messages';
import { freshDatabase } from '../db-helpers';
import { backgroundSend } from './content-fixture';

const URL_DAILY = 'https://huggingface.co/papers?date=2024-08-01';

function card(id: string, title: string): string {
  return `<article><h3><a href="/papers/${id}">${title}</a></h3></article>`;
}

const running: AbortController[] = [];

function setup(html: string, send?: Send) {
  document.body.innerHTML = html;
  const controller = new AbortController();
  running.push(controller);
  const calls: unknown[] = [];
  const states: Record<string, PaperState> = {};
  const defaultSend: Send = async (request) => {
    calls.push(request);
    if (request.type === 'getStates') {
      return Object.fromEntries(request.ids.map((id) => [id, states[id] ?? EMPTY_STATE])) as never;
    }
    if (request.type === 'act' && request.action.kind === 'star') {
      states[request.paper.id] = { ...(states[request.paper.id] ?? EMPTY_STATE), starred: request.action.value };
      return states[request.paper.id] as never;
    }
    return null as never;
  };
  let href = URL_DAILY;
  const annotator = new Annotator({ document, location: () => href, send: send ?? defaultSend, signal: controller.signal });
  return { annotator, controller, calls, states, navigate: (url: string) => (href = url) };
}

const roots = () => [...document.querySelectorAll<HTMLElement>('[data-shelfmark-id]')];
const button = (root: Element, name: string) => root.shadowRoot!.querySelector<HTMLButtonElement>(`button[aria-label="${name}"]`)!;
const flush = () => new Promise((resolve) => setTimeout(resolve, 60));

afterEach(() => {
  for (const controller of running.splice(0)) controller.abort();
  document.body.innerHTML = '';
  document.getElementById('shelfmark-page-style')?.remove();
});

describe('Annotator', () => {
  it('gives every card one control root and asks for all states in one message', async () => {
    const { annotator, calls } = setup(card('2407.21783', 'Llama') + card('2407.21705', 'Tora') + card('2407.21783', 'Llama again'));
    annotator.start();
    await flush();
    expect(roots().map((root) => root.dataset.shelfmarkId)).toEqual(['arxiv:2407.21783', 'arxiv:2407.21705', 'arxiv:2407.21783']);
    expect(calls).toEqual([{ type: 'getStates', ids: ['arxiv:2407.21783', 'arxiv:2407.21705'] }]);
    annotator.stop();
  });

  it('asks for the states of a long page in requests the protocol accepts, one after the other', async () => {
    const ids = Array.from({ length: 1_100 }, (_, n) => `2402.${String(n + 1).padStart(5, '0')}`);
    const { annotator, calls } = setup(ids.map((id) => card(id, `Paper ${id}`)).join(''));
    annotator.start();
    await vi.waitFor(() => expect(calls).toHaveLength(3), { timeout: 5_000 });
    expect((calls as { ids: string[] }[]).map((call) => call.ids.length)).toEqual([500, 500, 100]);
    expect((calls as { ids: string[] }[]).flatMap((call) => call.ids)).toEqual(ids.map((id) => `arxiv:${id}`));
    annotator.stop();
  });

  it('keeps every card of the same paper in the same state', async () => {
    const { annotator } = setup(card('2407.21783', 'Llama') + card('2407.21783', 'Llama again'));
    annotator.start();
    await flush();
    button(roots()[0]!, 'Star').click();
    await flush();
    expect(roots().map((root) => button(root, 'Star').getAttribute('aria-pressed'))).toEqual(['true', 'true']);
    annotator.stop();
  });

  it('annotates cards added later, once, with one more state message', async () => {
    const { annotator, calls } = setup(card('2407.21783', 'Llama'));
    annotator.start();
    await flush();
    document.body.insertAdjacentHTML('beforeend', card('2407.21705', 'Tora') + card('2407.21770', 'MoMa'));
    await flush();
    await flush();
    expect(roots()).toHaveLength(3);
    expect(calls).toEqual([
      { type: 'getStates', ids: ['arxiv:2407.21783'] },
      { type: 'getStates', ids: ['arxiv:2407.21705', 'arxiv:2407.21770'] },
    ]);
    annotator.stop();
  });

  it('re-annotates a card whose content the site swapped in place', async () => {
    const { annotator } = setup(card('2407.21783', 'Llama'));
    annotator.start();
    await flush();
    const link = document.querySelector('article a')!;
    link.setAttribute('href', '/papers/2407.21705');
    annotator.scan();
    expect(roots().map((root) => root.dataset.shelfmarkId)).toEqual(['arxiv:2407.21705']);
    annotator.stop();
  });

  it('follows in-page navigation away from a served page and back', async () => {
    const { annotator, navigate } = setup(card('2407.21783', 'Llama'));
    annotator.start();
    await flush();
    navigate('https://huggingface.co/models');
    annotator.scan();
    expect(roots()).toHaveLength(0);
    navigate(URL_DAILY);
    annotator.scan();
    expect(roots()).toHaveLength(1);
    annotator.stop();
  });

  it('applies states pushed by the background to the cards of those papers only', async () => {
    const { annotator } = setup(card('2407.21783', 'Llama') + card('2407.21705', 'Tora'));
    annotator.start();
    await flush();
    annotator.applyStates({ 'arxiv:2407.21705': { ...EMPTY_STATE, queued: true }, 'arxiv:9999.99999': { ...EMPTY_STATE, starred: true } });
    expect(roots().map((root) => button(root, 'Add to queue').getAttribute('aria-pressed'))).toEqual(['false', 'true']);
    annotator.stop();
  });

  it('reverts and says so when saving fails', async () => {
    const send: Send = async (request) => {
      if (request.type === 'getStates') return { 'arxiv:2407.21783': EMPTY_STATE } as never;
      throw new Error('database is closed');
    };
    const { annotator } = setup(card('2407.21783', 'Llama'), send);
    annotator.start();
    await flush();
    const root = roots()[0]!;
    button(root, 'Star').click();
    await flush();
    expect(button(root, 'Star').getAttribute('aria-pressed')).toBe('false');
    expect(root.shadowRoot!.querySelector('[role="status"]')!.textContent).toBe('Not saved: database is closed');
    annotator.stop();
  });

  it('on a long listing, builds the first cards\' buttons at once and the others right after', async () => {
    const ids = Array.from({ length: 150 }, (_, n) => `2401.${String(n + 1).padStart(5, '0')}`);
    const { annotator, states } = setup(ids.map((id) => card(id, `Paper ${id}`)).join(''));
    states['arxiv:2401.00150'] = { ...EMPTY_STATE, starred: true };
    annotator.start();
    expect(roots()).toHaveLength(150); // every card has its control root at once (the page contract)
    const built = () => roots().filter((root) => root.shadowRoot !== null).length;
    expect(built()).toBe(60);
    await vi.waitFor(() => expect(built()).toBe(150));
    await vi.waitFor(() => expect(button(roots()[149]!, 'Star').getAttribute('aria-pressed')).toBe('true'));
    annotator.stop();
  });

  it('skips and counts cards it cannot read, and the rest still work', async () => {
    const { annotator } = setup(card('not-an-id', 'Broken') + card('2407.21783', 'Llama'));
    annotator.start();
    await flush();
    expect(roots()).toHaveLength(1);
    expect(annotator.skipped).toBe(1);
    annotator.stop();
  });

  it('removes everything it added when stopped', async () => {
    const { annotator, controller } = setup(card('2407.21783', 'Llama'));
    annotator.start();
    await flush();
    expect(document.getElementById('shelfmark-page-style')).not.toBeNull();
    controller.abort();
    expect(roots()).toHaveLength(0);
    expect(document.getElementById('shelfmark-page-style')).toBeNull();
  });
});

describe('Annotator: read papers recede', () => {
  async function annotated(hideRead: Partial<Record<'huggingface' | 'arxiv', boolean>> = {}) {
    const db = freshDatabase();
    await setRead(db, { id: 'arxiv:2407.21705', title: 'Tora' }, true);
    document.body.innerHTML = card('2407.21783', 'Llama') + card('2407.21705', 'Tora');
    const controller = new AbortController();
    running.push(controller);
    const onChange = vi.fn();
    const annotator = new Annotator({ document, location: () => URL_DAILY, send: backgroundSend(db), signal: controller.signal, onChange });
    annotator.setSettings({ hideRead });
    annotator.start();
    const articles = [...document.querySelectorAll('article')];
    await vi.waitFor(() => expect(articles[1]!.hasAttribute('data-shelfmark-read')).toBe(true));
    return { annotator, articles, db, onChange, controller };
  }

  it('marks a read card on the card element itself, so the page stylesheet subdues it', async () => {
    const { articles, annotator } = await annotated();
    expect(articles[0]!.hasAttribute('data-shelfmark-read')).toBe(false);
    expect(articles[1]!.hasAttribute('data-shelfmark-hidden')).toBe(false);
    expect(annotator.summary()).toEqual({ cards: 2, read: 1 });
  });

  it('hides read cards when the user asked for it on this site, and only on this site', async () => {
    const { articles, annotator } = await annotated({ arxiv: true });
    expect(articles[1]!.hasAttribute('data-shelfmark-hidden')).toBe(false);
    annotator.setSettings({ hideRead: { huggingface: true } });
    expect(articles[1]!.hasAttribute('data-shelfmark-hidden')).toBe(true);
    expect(articles[0]!.hasAttribute('data-shelfmark-hidden')).toBe(false);
    expect(annotator.visibleCards().map((entry) => entry.card)).toEqual([articles[0]]);
    annotator.setSettings({ hideRead: { huggingface: false } });
    expect(articles[1]!.hasAttribute('data-shelfmark-hidden')).toBe(false);
  });

  it('never hides the one paper of a paper\'s own page; hides as soon as the page is a listing', async () => {
    const db = freshDatabase();
    await setRead(db, { id: 'arxiv:2407.21705', title: 'Tora' }, true);
    document.body.innerHTML = card('2407.21705', 'Tora');
    const controller = new AbortController();
    running.push(controller);
    const annotator = new Annotator({ document, location: () => URL_DAILY, send: backgroundSend(db), signal: controller.signal });
    annotator.setSettings({ hideRead: { huggingface: true } });
    annotator.start();
    const tora = document.querySelector('article')!;
    await vi.waitFor(() => expect(tora.hasAttribute('data-shelfmark-read')).toBe(true));
    expect(annotator.isListing).toBe(false);
    expect(tora.hasAttribute('data-shelfmark-hidden')).toBe(false);
    document.body.insertAdjacentHTML('beforeend', card('2407.21783', 'Llama'));
    annotator.scan();
    expect(annotator.isListing).toBe(true);
    expect(tora.hasAttribute('data-shelfmark-hidden')).toBe(true);
  });

  it('a card marked read (or unread) here or elsewhere changes at once', async () => {
    const { articles, annotator, onChange } = await annotated({ huggingface: true });
    onChange.mockClear();
    button(roots()[0]!, 'Mark read').click();
    expect(articles[0]!.hasAttribute('data-shelfmark-hidden')).toBe(true); // before the background answers
    annotator.applyStates({ 'arxiv:2407.21705': { starred: false, read: false, queued: false, note: '' } });
    expect(articles[1]!.hasAttribute('data-shelfmark-read')).toBe(false);
    expect(articles[1]!.hasAttribute('data-shelfmark-hidden')).toBe(false);
    await flush();
    expect(onChange).toHaveBeenCalled();
    expect(annotator.summary().read).toBe(1);
  });

  it('marking read takes the paper out of the queue at once, as the library does', () => {
    expect(applyLocally({ ...EMPTY_STATE, queued: true }, { kind: 'read', value: true })).toMatchObject({ read: true, queued: false });
    expect(applyLocally({ ...EMPTY_STATE, queued: true }, { kind: 'read', value: false })).toMatchObject({ read: false, queued: true });
  });

  it('removes its attributes from the cards when stopped', async () => {
    const { articles, controller } = await annotated({ huggingface: true });
    controller.abort();
    expect(articles[1]!.hasAttribute('data-shelfmark-read')).toBe(false);
    expect(articles[1]!.hasAttribute('data-shelfmark-hidden')).toBe(false);
  });
});

describe('Annotator: notes are never lost', () => {
  async function typing(html = card('2407.21783', 'Llama') + card('2407.21705', 'Tora')) {
    const db = freshDatabase();
    const sent: Request[] = [];
    document.body.innerHTML = html;
    const controller = new AbortController();
    running.push(controller);
    const annotator = new Annotator({ document, location: () => URL_DAILY, send: backgroundSend(db, sent), signal: controller.signal });
    annotator.start();
    await flush();
    const root = roots()[0]!;
    button(root, 'Note').click();
    const textarea = root.shadowRoot!.querySelector('textarea')!;
    textarea.value = 'typed, not yet saved';
    textarea.dispatchEvent(new Event('input'));
    const notesSent = () => sent.filter((request) => request.type === 'act').map((request) => request.type === 'act' && request.action);
    return { annotator, db, notesSent, textarea };
  }

  it('flushNotes (page hidden or closed) sends every unsaved note at once', async () => {
    const { annotator, notesSent, db } = await typing();
    expect(notesSent()).toEqual([]);
    annotator.flushNotes(true);
    expect(notesSent()).toEqual([{ kind: 'note', text: 'typed, not yet saved' }]); // synchronously
    await vi.waitFor(async () => expect((await db.papers.get('arxiv:2407.21783'))?.note).toBe('typed, not yet saved'));
  });

  it('a card the site removes while its note is being typed keeps what was typed', async () => {
    const { annotator, notesSent, db } = await typing();
    document.querySelector('article')!.remove();
    annotator.scan();
    expect(notesSent()).toEqual([{ kind: 'note', text: 'typed, not yet saved' }]);
    await vi.waitFor(async () => expect((await db.papers.get('arxiv:2407.21783'))?.note).toBe('typed, not yet saved'));
  });

  it('shows every card of the paper that it has a note, once saved', async () => {
    const { annotator } = await typing(card('2407.21783', 'Llama') + card('2407.21783', 'Llama again') + card('2407.21705', 'Tora'));
    annotator.flushNotes(true);
    await vi.waitFor(() => expect(button(roots()[1]!, 'Note').hasAttribute('data-has-note')).toBe(true));
    expect(button(roots()[0]!, 'Note').title).toBe('Note: typed, not yet saved');
    expect(button(roots()[1]!, 'Note').title).toBe('Note: typed, not yet saved');
    expect(button(roots()[2]!, 'Note').hasAttribute('data-has-note')).toBe(false); // another paper
  });

  it('a failed save keeps the text in the editor and says so', async () => {
    const send: Send = async (request) => {
      if (request.type === 'getStates') return { 'arxiv:2407.21783': EMPTY_STATE } as never;
      throw new Error('database is closed');
    };
    const { annotator } = setup(card('2407.21783', 'Llama'), send);
    annotator.start();
    await flush();
    const root = roots()[0]!;
    button(root, 'Note').click();
    const textarea = root.shadowRoot!.querySelector('textarea')!;
    textarea.value = 'do not lose me';
    textarea.dispatchEvent(new Event('input'));
    annotator.flushNotes(true);
    await flush();
    expect(textarea.value).toBe('do not lose me');
    expect(root.shadowRoot!.querySelector('[role="status"]')!.textContent).toBe('Not saved: database is closed');
    expect(root.shadowRoot!.querySelector('.save-state')!.textContent).toMatch(/Not saved yet/);
  });
});

describe('cardParts', () => {
  it('is the card, and for a description-list entry (<dt>) the <dd>s that describe it', () => {
    document.body.innerHTML = `<article id="a"></article>
      <dl><dt id="t1"></dt><dd id="d1"></dd><dt id="t2"></dt><dd id="d2a"></dd><dd id="d2b"></dd><h3>day</h3><dt id="t3"></dt></dl>`;
    const ids = (id: string) => cardParts(document.getElementById(id)!).map((element) => element.id);
    expect(ids('a')).toEqual(['a']);
    expect(ids('t1')).toEqual(['t1', 'd1']);
    expect(ids('t2')).toEqual(['t2', 'd2a', 'd2b']);
    expect(ids('t3')).toEqual(['t3']);
  });
});

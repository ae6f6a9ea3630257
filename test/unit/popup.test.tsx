import Dexie from 'dexie';
import { render } from 'preact';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { PopupApp } from '@/components/popup/PopupApp';
import type { ShelfmarkDB } from '@/lib/store/db';
import { setNote, setQueued, setRead, setStarred } from '@/lib/store/library';
import { keepQueueHead, readQueueHead, type QueueHead } from '@/lib/ui/queue-head';
import { freshDatabase, paperRef } from '../db-helpers';

let root: HTMLElement | undefined;

// jsdom lays nothing out: give the list's scroll box the popup's height, so the virtualiser has room for rows.
const clientHeight = Object.getOwnPropertyDescriptor(Element.prototype, 'clientHeight')!;
beforeAll(() => {
  Object.defineProperty(Element.prototype, 'clientHeight', {
    configurable: true,
    get(this: Element) {
      return this.classList.contains('list-scroll') ? 500 : 0;
    },
  });
});
afterAll(() => Object.defineProperty(Element.prototype, 'clientHeight', clientHeight));

function mount(db: ShelfmarkDB, queueHead?: QueueHead): HTMLElement {
  root = document.createElement('div');
  document.body.append(root);
  render(<PopupApp db={db} queueHead={queueHead} />, root);
  return root;
}

/** What the popup told the background (the background answers as the real one does to `changed`). */
const sent: unknown[] = [];
beforeAll(() => {
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
    sent.push(message);
    return Promise.resolve({ ok: true, data: null });
  });
});

afterEach(() => {
  sent.length = 0;
  if (root) render(null, root);
  root?.remove();
  root = undefined;
});

const rows = (container: HTMLElement) =>
  [...container.querySelectorAll<HTMLElement>('#paper-list li[data-paper-id]')].map(
    (row) => row.querySelector('.paper-title')?.textContent,
  );

function type(input: HTMLInputElement, value: string) {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

describe('popup (jsdom, fake-indexeddb)', () => {
  it('says what to do when the queue is empty, and counts every view', async () => {
    const db = freshDatabase();
    await setStarred(db, paperRef(1), true);
    const view = mount(db);
    await vi.waitFor(() => expect(view.textContent).toContain('Your reading queue is empty'));
    const tabs = () => [...view.querySelectorAll('[role="tab"]')].map((tab) => tab.textContent);
    await vi.waitFor(() => expect(tabs()).toEqual(['Queue0', 'Starred1', 'Notes0', 'Read0', 'All1', 'History0']));
    expect(view.querySelector('[role="tab"][aria-selected="true"]')?.textContent).toBe('Queue0');
  });

  it('draws the queue as the last popup kept it before the database answers, then its rows, and keeps those', async () => {
    const db = freshDatabase();
    await setQueued(db, paperRef(1, { title: 'Queued, kept' }), true);
    await setQueued(db, paperRef(2, { title: 'Queued, then read elsewhere' }), true);
    keepQueueHead({ rows: await db.papers.orderBy('queuePos').toArray(), total: 2 });
    // Changed since where no extension page saw it (a card on a site): the kept rows are out of date.
    await setQueued(db, 'arxiv:2401.00002', false);
    await setQueued(db, paperRef(3, { title: 'Queued since' }), true);
    // The database answers only when let.
    db.close({ disableAutoOpen: false });
    let letOpen!: () => void;
    const gate = new Promise<void>((resolve) => (letOpen = resolve));
    const open = db.open.bind(db);
    db.open = () => Dexie.Promise.resolve(gate).then(open);
    const view = mount(db, readQueueHead());
    const listArea = () => view.querySelector('.list-area')!;
    try {
      await vi.waitFor(() => expect(rows(view)).toEqual(['Queued, kept', 'Queued, then read elsewhere']));
      // Not the database's answer: tests and the benchmark waiting on one wait on.
      expect(listArea().hasAttribute('data-results-for')).toBe(false);
    } finally {
      letOpen();
    }
    await vi.waitFor(() => expect(rows(view)).toEqual(['Queued, kept', 'Queued since']));
    expect(listArea().getAttribute('data-results-for')).toBe('');
    await vi.waitFor(() => expect(readQueueHead()?.rows.map((row) => row.title)).toEqual(['Queued, kept', 'Queued since']));
    expect(readQueueHead()?.total).toBe(2);
  });

  it('renders page and user text as text, never as markup', async () => {
    const db = freshDatabase();
    const hostile = '<img src=x onerror="window.pwned=1">Hostile <b>title</b>';
    await setQueued(db, paperRef(1, { title: hostile, authors: ['<script>alert(1)</script>'] }), true);
    await setNote(db, 'arxiv:2401.00001', '<a href="javascript:alert(1)">note</a>');
    const view = mount(db);
    await vi.waitFor(() => expect(rows(view)).toEqual([hostile]));
    expect(view.querySelector('#paper-list img, #paper-list b, #paper-list script, .paper-note a')).toBeNull();
    expect(view.querySelector('.paper-note')?.textContent).toBe('<a href="javascript:alert(1)">note</a>');
    expect(view.querySelector('.paper-authors')?.textContent).toBe('<script>alert(1)</script>');
  });

  it('lists the queue in order, marks the first "read next", and links the arXiv abstract, PDF and Hugging Face page', async () => {
    const db = freshDatabase();
    for (const n of [2, 1, 3]) await setQueued(db, paperRef(n, { title: `Paper ${n}` }), true);
    const view = mount(db);
    await vi.waitFor(() => expect(rows(view)).toEqual(['Paper 2', 'Paper 1', 'Paper 3']));
    const first = view.querySelector<HTMLElement>('#paper-list li[data-index="0"]')!;
    expect(first.querySelector('.tag')?.textContent).toBe('Read next');
    expect(view.querySelectorAll('.tag')).toHaveLength(1);
    expect(first.querySelector<HTMLAnchorElement>('a.paper-title')!.href).toBe('https://arxiv.org/abs/2401.00002');
    const links = [...first.querySelectorAll<HTMLAnchorElement>('.open-links a')].map((a) => [a.getAttribute('aria-label'), a.href]);
    expect(links).toEqual([
      ['arXiv abstract', 'https://arxiv.org/abs/2401.00002'],
      ['PDF', 'https://arxiv.org/pdf/2401.00002'],
      ['Hugging Face page', 'https://huggingface.co/papers/2401.00002'],
    ]);
  });

  it('filters as you type, highlighting what matched; Esc clears', async () => {
    const db = freshDatabase();
    await setQueued(db, paperRef(1, { title: 'Scaling Transformers' }), true);
    await setQueued(db, paperRef(2, { title: 'Graph Networks' }), true);
    await setNote(db, 'arxiv:2401.00002', 'compare with TRANSFORMER baselines');
    await setQueued(db, paperRef(3, { title: 'Vision Models' }), true);
    const view = mount(db);
    await vi.waitFor(() => expect(rows(view)).toHaveLength(3));
    const search = view.querySelector<HTMLInputElement>('input[type="search"]')!;
    type(search, 'Trans');
    await vi.waitFor(() => expect(view.querySelector('.list-area')?.getAttribute('data-results-for')).toBe('trans'));
    expect(rows(view)).toEqual(['Scaling Transformers', 'Graph Networks']);
    expect([...view.querySelectorAll('#paper-list mark')].map((mark) => mark.textContent)).toEqual(['Trans', 'TRANS']);
    expect(view.querySelector('.result-count')?.textContent).toBe('2 matches in Queue');

    search.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await vi.waitFor(() => expect(rows(view)).toHaveLength(3));
    expect(search.value).toBe('');
  });

  it('keeps a search and the counts right as papers change elsewhere: star, read, note, removal, a large import', async () => {
    const db = freshDatabase();
    await setStarred(db, paperRef(1, { title: 'Zebrafish retinas' }), true, { now: 10 });
    await setStarred(db, paperRef(2, { title: 'Graph networks' }), true, { now: 20 });
    const view = mount(db);
    await vi.waitFor(() => expect(view.querySelector('[role="tab"][aria-selected="true"]')).not.toBeNull());
    view.querySelector<HTMLButtonElement>('#tab-starred')!.click();
    const search = view.querySelector<HTMLInputElement>('input[type="search"]')!;
    type(search, 'zebra');
    await vi.waitFor(() => expect(rows(view)).toEqual(['Zebrafish retinas']));
    const tabs = () => [...view.querySelectorAll('[role="tab"]')].map((tab) => tab.textContent);

    // What the background writes for a page's buttons, the popup sees: a match starred, a note that matches.
    await setStarred(db, paperRef(3, { title: 'Zebra stripes' }), true, { now: 30 });
    await vi.waitFor(() => expect(rows(view)).toEqual(['Zebra stripes', 'Zebrafish retinas']));
    await setNote(db, 'arxiv:2401.00002', 'compare with zebrafish', { now: 40 });
    await vi.waitFor(() => expect(rows(view)).toEqual(['Zebra stripes', 'Graph networks', 'Zebrafish retinas'])); // most recently starred first
    await setRead(db, 'arxiv:2401.00001', true, { now: 50 });
    await vi.waitFor(() => expect(tabs()).toEqual(['Queue0', 'Starred3', 'Notes1', 'Read1', 'All3', 'History0']));
    await setStarred(db, 'arxiv:2401.00003', false, { now: 60 });
    await vi.waitFor(() => expect(rows(view)).toEqual(['Graph networks', 'Zebrafish retinas']));
    expect(view.querySelector('.result-count')?.textContent).toBe('2 matches in Starred');

    // Removed from the library (nothing in the product removes yet: the catalog follows all the same).
    await db.papers.delete('arxiv:2401.00002');
    await vi.waitFor(() => expect(rows(view)).toEqual(['Zebrafish retinas']));
    await vi.waitFor(() => expect(tabs()).toEqual(['Queue0', 'Starred1', 'Notes0', 'Read1', 'All2', 'History0']));

    // An import of many papers in one transaction.
    const imported = Array.from({ length: 150 }, (_, i) => ({
      id: paperRef(100 + i).id,
      title: `Zebra study ${i}`,
      authors: [],
      links: {},
      note: '',
      starredAt: 1_000 + i,
      createdAt: 1,
      updatedAt: 1,
      changedAt: {},
      words: ['zebra', 'study', String(i)],
    }));
    await db.papers.bulkPut(imported);
    await vi.waitFor(() => expect(view.querySelector('.result-count')?.textContent).toBe('151 matches in Starred'));
    // Most recently starred first: the imported papers (starred later), then the paper starred first.
    const titleAt = (index: number) => view.querySelector(`#paper-list li[data-index="${index}"] .paper-title`)?.textContent;
    await vi.waitFor(() => expect([titleAt(0), titleAt(1)]).toEqual(['Zebra study 149', 'Zebra study 148']));
    expect(view.querySelector('#paper-list li')?.getAttribute('aria-setsize')).toBe('151');
    await vi.waitFor(() => expect(tabs()).toEqual(['Queue0', 'Starred151', 'Notes0', 'Read1', 'All152', 'History0']));
  });

  it('acts from the keyboard: r marks the active paper read, and it leaves the queue', async () => {
    const db = freshDatabase();
    for (const n of [1, 2]) await setQueued(db, paperRef(n, { title: `Paper ${n}` }), true);
    const view = mount(db);
    await vi.waitFor(() => expect(rows(view)).toEqual(['Paper 1', 'Paper 2']));
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'r', bubbles: true }));
    await vi.waitFor(() => expect(rows(view)).toEqual(['Paper 2']));
    expect((await db.papers.get('arxiv:2401.00001'))!.readAt).toBeDefined();
    // The background hears of it (it updates the open tabs and the badge).
    expect(sent).toContainEqual({ type: 'changed', ids: ['arxiv:2401.00001'] });
    await vi.waitFor(() => expect(view.querySelector('[role="status"]')?.textContent).toBe('Marked read: moved to Read'));
  });
});

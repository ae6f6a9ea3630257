import { ADAPTERS } from '@/lib/sites';
import { genericCards } from '@/lib/sites/generic';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Annotator, cardParts, type Send } from '@/lib/content/annotator';
import { applyLocally } from '@/lib/content/paper-states';
import { readCss } from '@/lib/content/page-style';
import { LIMITS } from '@/lib/limits';
import { RequestError } from '@/lib/messaging';
import { plainError } from '@/lib/errors';
import { EMPTY_STATE, setRead, type PaperState } from '@/lib/store/library';
import type { Request } from '@/lib/messages';
import { freshDatabase } from '../db-helpers';
import { backgroundSend, EXTRAS_LOADED, shadowOf } from './content-fixture';
import { syntheticArxivListing } from '../e2e/synthetic-listing';
import { SHARED_PAGES } from '../fixtures/shared-pages';
import { sharedPage } from '../pages';

const URL_DAILY = 'https://huggingface.co/papers?date=2024-08-01';

function card(id: string, title: string): string {
  return `<article><h3><a href="/papers/${id}">${title}</a></h3></article>`;
}

const ids = (count: number) => Array.from({ length: count }, (_, n) => `2401.${String(n + 1).padStart(5, '0')}`);
const state = (flags: Partial<PaperState>, versions: Partial<PaperState['versions']> = {}): PaperState => ({
  ...EMPTY_STATE,
  ...flags,
  versions: { ...EMPTY_STATE.versions, ...versions },
});

const running: AbortController[] = [];

function setup(html: string, send?: Send, insertStyle?: (css: string, remove: string[]) => Promise<void>) {
  document.body.innerHTML = html;
  const controller = new AbortController();
  running.push(controller);
  const calls: Request[] = [];
  const states: Record<string, PaperState> = {};
  const defaultSend: Send = async (request) => {
    calls.push(request);
    if (request.type === 'getStates') {
      return Object.fromEntries(request.ids.map((id) => [id, states[id] ?? EMPTY_STATE])) as never;
    }
    if (request.type === 'act' && request.action.kind === 'star') {
      states[request.paper.id] = applyLocally(states[request.paper.id] ?? EMPTY_STATE, request.action);
      return states[request.paper.id] as never;
    }
    return null as never;
  };
  let href = URL_DAILY;
  const annotator = new Annotator({ document, extras: EXTRAS_LOADED, adapters: ADAPTERS, location: () => href, send: send ?? defaultSend, signal: controller.signal, insertStyle });
  return { annotator, controller, calls, states, navigate: (url: string) => (href = url) };
}

const roots = () => [...document.querySelectorAll<HTMLElement>('[data-shelfmark-id]')];
const marked = () => [...document.querySelectorAll('[data-shelfmark-card]')].map((element) => element.getAttribute('data-shelfmark-card'));
const button = (root: Element, name: string) => shadowOf(root)!.querySelector<HTMLButtonElement>(`button[aria-label="${name}"]`)!;
const status = (root: Element) => shadowOf(root)!.querySelector('[role="status"]')!.textContent;
const flush = () => new Promise((resolve) => setTimeout(resolve, 60));

/** An IntersectionObserver the test drives: `near(elements)` reports them near the viewport. */
class FakeIntersectionObserver {
  static last: FakeIntersectionObserver | undefined;
  readonly observed = new Set<Element>();
  constructor(private readonly callback: (records: Partial<IntersectionObserverEntry>[]) => void) {
    FakeIntersectionObserver.last = this;
  }
  observe(element: Element) {
    this.observed.add(element);
  }
  unobserve(element: Element) {
    this.observed.delete(element);
  }
  disconnect() {
    this.observed.clear();
  }
  near(elements: Element[]) {
    this.callback(elements.filter((element) => this.observed.has(element)).map((target) => ({ target, isIntersecting: true })));
  }
}

afterEach(() => {
  for (const controller of running.splice(0)) controller.abort();
  document.body.innerHTML = '';
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('Annotator', () => {
  it('marks every card with its id, gives it one control root, and asks for all states in one message', async () => {
    const { annotator, calls } = setup(card('2407.21783', 'Llama') + card('2407.21705', 'Tora') + card('2407.21783', 'Llama again'));
    annotator.start();
    await flush();
    expect(marked()).toEqual(['arxiv:2407.21783', 'arxiv:2407.21705', 'arxiv:2407.21783']);
    expect(roots().map((root) => root.dataset.shelfmarkId)).toEqual(['arxiv:2407.21783', 'arxiv:2407.21705', 'arxiv:2407.21783']);
    expect(calls).toEqual([{ type: 'getStates', ids: ['arxiv:2407.21783', 'arxiv:2407.21705'] }]);
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
  });

  it('re-annotates a card whose content the site swapped in place', async () => {
    const { annotator } = setup(card('2407.21783', 'Llama'));
    annotator.start();
    await flush();
    document.querySelector('article a')!.setAttribute('href', '/papers/2407.21705');
    annotator.scan();
    expect(roots().map((root) => root.dataset.shelfmarkId)).toEqual(['arxiv:2407.21705']);
    expect(marked()).toEqual(['arxiv:2407.21705']);
  });

  it('follows in-page navigation away from a served page and back', async () => {
    const { annotator, navigate } = setup(card('2407.21783', 'Llama'));
    annotator.start();
    await flush();
    navigate('https://huggingface.co/models');
    annotator.scan();
    expect(roots()).toHaveLength(0);
    expect(marked()).toEqual([]);
    navigate(URL_DAILY);
    annotator.scan();
    expect(roots()).toHaveLength(1);
  });

  it('applies states pushed by the background to the cards of those papers only', async () => {
    const { annotator } = setup(card('2407.21783', 'Llama') + card('2407.21705', 'Tora'));
    annotator.start();
    await flush();
    annotator.applyStates({ 'arxiv:2407.21705': state({ queued: true }, { queue: 5 }), 'arxiv:9999.99999': state({ starred: true }, { star: 5 }) });
    expect(roots().map((root) => button(root, 'Add to queue').getAttribute('aria-pressed'))).toEqual(['false', 'true']);
    expect(annotator.stateOf('arxiv:9999.99999')).toEqual(EMPTY_STATE);
  });

  it('never lets an older state replace a newer one, group by group, whatever order they arrive in', async () => {
    const { annotator } = setup(card('2407.21783', 'Llama'));
    annotator.start();
    await flush();
    const star = () => button(roots()[0]!, 'Star').getAttribute('aria-pressed');
    annotator.applyStates({ 'arxiv:2407.21783': state({ starred: true, queued: true }, { star: 30, queue: 10 }) });
    // A broadcast from before arrives late: its star is older; its note is newer.
    annotator.applyStates({ 'arxiv:2407.21783': state({ starred: false, note: 'newer note' }, { star: 20, note: 40 }) });
    expect(star()).toBe('true');
    expect(annotator.stateOf('arxiv:2407.21783')).toMatchObject({ starred: true, queued: true, note: 'newer note', versions: { star: 30, queue: 10, note: 40 } });
    annotator.applyStates({ 'arxiv:2407.21783': state({ starred: false }, { star: 50 }) });
    expect(star()).toBe('false');
  });

  it('shows a click at once, and a late answer to an earlier click never undoes a later one', async () => {
    const answers: ((value: PaperState) => void)[] = [];
    const send: Send = async (request) => {
      if (request.type === 'getStates') return { 'arxiv:2407.21783': EMPTY_STATE } as never;
      return new Promise((resolve) => answers.push(resolve as (value: PaperState) => void)) as never;
    };
    const { annotator } = setup(card('2407.21783', 'Llama'), send);
    annotator.start();
    await flush();
    const entry = annotator.visibleCards()[0]!;
    const star = () => button(roots()[0]!, 'Star').getAttribute('aria-pressed');
    const first = annotator.act(entry, { kind: 'star', value: true, at: 100 });
    expect(star()).toBe('true');
    const second = annotator.act(entry, { kind: 'star', value: false, at: 200 });
    expect(star()).toBe('false');
    await flush();
    answers.shift()!(state({ starred: true }, { star: 100 })); // the first click's answer
    await flush();
    expect(star()).toBe('false'); // the second, not yet answered, still shows
    await flush();
    answers.shift()!(state({ starred: false }, { star: 200 }));
    expect(await Promise.all([first, second])).toEqual([true, true]);
    expect(star()).toBe('false');
  });

  it('says so in plain words when saving fails, and goes back to what is stored', async () => {
    // What the background answers when storage is full (lib/errors.ts).
    const quota = plainError(Object.assign(new Error('quota'), { name: 'QuotaExceededError' }));
    const send: Send = async (request) => {
      if (request.type === 'getStates') return { 'arxiv:2407.21783': EMPTY_STATE } as never;
      throw new RequestError(quota.error, quota.code);
    };
    const { annotator } = setup(card('2407.21783', 'Llama'), send);
    annotator.start();
    await flush();
    const root = roots()[0]!;
    button(root, 'Star').click();
    await flush();
    expect(button(root, 'Star').getAttribute('aria-pressed')).toBe('false');
    expect(status(root)).toBe(quota.error);
    expect(status(root)).toMatch(/^Not saved: the storage your browser gives Shelfmark is full/);
  });

  it('when the background stopped mid-write, asks what stands: a write that landed is reported saved', async () => {
    const stored: Record<string, PaperState> = {};
    const send: Send = async (request) => {
      if (request.type === 'getStates') return { 'arxiv:2407.21783': stored['arxiv:2407.21783'] ?? EMPTY_STATE } as never;
      if (request.type === 'act') stored['arxiv:2407.21783'] = applyLocally(EMPTY_STATE, request.action); // written, then the answer was lost
      throw new RequestError('Shelfmark could not reach its storage.', 'transport');
    };
    const { annotator } = setup(card('2407.21783', 'Llama'), send);
    annotator.start();
    await flush();
    const root = roots()[0]!;
    expect(await annotator.act(annotator.visibleCards()[0]!, { kind: 'star', value: true, at: 1_000 })).toBe(true);
    expect(button(root, 'Star').getAttribute('aria-pressed')).toBe('true');
    expect(status(root)).toBe('');
  });

  it('a card that said "Not saved" is corrected when the state arrives', async () => {
    const send: Send = async (request) => {
      if (request.type === 'getStates') throw new RequestError('Shelfmark could not reach its storage.', 'transport');
      throw new RequestError('Shelfmark could not reach its storage.', 'transport');
    };
    const { annotator } = setup(card('2407.21783', 'Llama'), send);
    annotator.start();
    await flush();
    const root = roots()[0]!;
    expect(await annotator.act(annotator.visibleCards()[0]!, { kind: 'star', value: true, at: 1_000 })).toBe(false);
    expect(status(root)).toBe('Not saved: Shelfmark could not reach its storage.');
    expect(button(root, 'Star').getAttribute('aria-pressed')).toBe('false');
    // It was written after all: the broadcast says so.
    annotator.applyStates({ 'arxiv:2407.21783': state({ starred: true }, { star: 1_000 }) });
    expect(status(root)).toBe('');
    expect(button(root, 'Star').getAttribute('aria-pressed')).toBe('true');
  });

  it('builds controls only near the viewport; every card is marked and keeps their room at once; the keyboard builds any', async () => {
    vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver);
    const all = ids(300);
    const { annotator } = setup(all.map((id) => card(id, `Paper ${id}`)).join(''));
    annotator.start();
    const atOnce = Math.ceil(innerHeight / 60);
    const built = () => roots().filter((root) => shadowOf(root) !== undefined);
    expect(marked()).toHaveLength(300);
    expect(roots()).toHaveLength(300); // every card's root, empty: the room of its controls
    expect(built()).toHaveLength(atOnce);
    // One card in four is watched (the first of each group of four after the first screen's), and
    // the last one, so that no card is more than two from a watched one.
    const io = FakeIntersectionObserver.last!;
    const cards = [...document.querySelectorAll('article')];
    const rest = cards.slice(atOnce);
    expect([...io.observed]).toEqual([...rest.filter((_, n) => n % 4 === 0), ...((rest.length - 1) % 4 ? [rest.at(-1)] : [])]);
    // Cards 100 to 109 come near: the groups they are in, and the one before each, are built.
    io.near(cards.slice(100, 110));
    const near = built().map((root) => roots().indexOf(root)).filter((n) => n >= atOnce);
    expect(near.length).toBeGreaterThanOrEqual(10);
    expect(near[0]).toBeGreaterThanOrEqual(92);
    expect(near[near.length - 1]).toBeLessThan(118);
    for (let n = 100; n < 110; n++) expect(near).toContain(n);
    // j/k reach a card whose controls are not built: it gets them then.
    const far = annotator.visibleCards()[250]!;
    expect(far.controls).toBeNull();
    annotator.controlsOf(far);
    expect(shadowOf(far.root)).toBeDefined();
  });

  it('where the controls end a line of text (an arXiv listing), a card gets its root only with its controls: near the viewport, or reached by the keyboard', () => {
    vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver);
    const listing = new DOMParser().parseFromString(syntheticArxivListing(300), 'text/html');
    const { annotator, navigate } = setup(listing.body.innerHTML);
    navigate('https://arxiv.org/list/cs.CL/pastweek?skip=0&show=300');
    annotator.start();
    const atOnce = Math.ceil(innerHeight / 60);
    const entries = [...document.querySelectorAll('dt')];
    const withRoot = () => entries.flatMap((dt, n) => (dt.querySelector(':scope > [data-shelfmark-id]') ? [n] : []));
    expect(marked()).toHaveLength(300);
    // The first screen's: roots in their id lines, with their controls; no other entry has one.
    expect(withRoot()).toEqual(entries.slice(0, atOnce).map((_, n) => n));
    expect(roots().every((root) => shadowOf(root) !== undefined)).toBe(true);
    // Entries 100 to 103 come near: their group, and the one before, get roots and controls.
    const io = FakeIntersectionObserver.last!;
    expect([...io.observed].every((element) => element.localName === 'dt')).toBe(true); // the entries, not roots
    io.near(entries.slice(100, 104));
    const near = withRoot().filter((n) => n >= atOnce);
    expect(near).toEqual(expect.arrayContaining([100, 101, 102, 103]));
    expect(near.every((n) => n >= 96 && n < 108)).toBe(true);
    expect(roots().every((root) => shadowOf(root) !== undefined)).toBe(true);
    // j/k reach an entry far down: it gets its root, in its id line, and its controls then.
    const far = annotator.visibleCards()[250]!;
    expect(far.root).toBeNull();
    annotator.controlsOf(far);
    expect(far.root?.parentElement).toBe(far.card);
    expect(shadowOf(far.root!)).toBeDefined();
  });

  it('a page parsed before its first frame: the first screen has its controls before Shelfmark yields to the page (and a paint)', async () => {
    vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver);
    const all = ids(600);
    // Started while the document was loading, before any card; the parser finishes before any frame.
    const { annotator } = setup('');
    const readyState = vi.spyOn(document, 'readyState', 'get').mockReturnValue('loading');
    vi.spyOn(window, 'requestAnimationFrame').mockReturnValue(1);
    annotator.start();
    document.body.innerHTML = all.map((id) => card(id, `Paper ${id}`)).join('');
    readyState.mockReturnValue('interactive');
    // Each clock reading is 1 ms later: reading 600 cards takes several slices.
    let clock = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => ++clock);
    const atOnce = Math.ceil(innerHeight / 60);
    const builtAtYield: number[] = [];
    vi.stubGlobal('scheduler', {
      yield: async () => {
        builtAtYield.push(roots().filter((root) => shadowOf(root) !== undefined).length);
      },
    });
    document.dispatchEvent(new Event('DOMContentLoaded'));
    await vi.waitFor(() => expect(marked()).toHaveLength(600));
    expect(builtAtYield.length).toBeGreaterThan(1);
    expect(builtAtYield.every((built) => built >= atOnce)).toBe(true);
    expect(roots().filter((root) => shadowOf(root) !== undefined)).toHaveLength(atOnce);
  });

  it("on a paper's own page, the scan that finds its card builds its controls, without reading the viewport's height (that lays the page out); then scans stop until the page is parsed", () => {
    vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver);
    const frames: FrameRequestCallback[] = [];
    vi.spyOn(window, 'requestAnimationFrame').mockImplementation((callback) => frames.push(callback));
    const viewportHeight = vi.fn(() => 768);
    const jsdomHeight = Object.getOwnPropertyDescriptor(window, 'innerHeight')!;
    Object.defineProperty(window, 'innerHeight', { get: viewportHeight, configurable: true });
    try {
      const scanFrames = (listing: boolean) => {
        const { url, file } = listing ? SHARED_PAGES.arxivRecent : SHARED_PAGES.arxivAbs;
        const { annotator, navigate, controller } = setup('');
        navigate(url);
        const readyState = vi.spyOn(document, 'readyState', 'get').mockReturnValue('loading');
        annotator.start();
        // The parser has reached the cards before the next frame.
        document.body.innerHTML = sharedPage(file);
        frames.splice(0).forEach((frame) => frame(0));
        const built = roots().filter((root) => shadowOf(root) !== undefined).length;
        const more = frames.length;
        readyState.mockRestore();
        controller.abort();
        return { built, more };
      };
      expect(scanFrames(false)).toEqual({ built: 1, more: 0 });
      expect(viewportHeight).not.toHaveBeenCalled();
      // A listing: the first screen is as many cards as its height may hold.
      expect(scanFrames(true).built).toBe(Math.ceil(768 / 60));
      expect(viewportHeight).toHaveBeenCalled();
    } finally {
      Object.defineProperty(window, 'innerHeight', jsdomHeight);
    }
  });

  it('asks for the states near the viewport first, then the rest in chunks, one request at a time', async () => {
    vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver);
    const all = ids(1_200).map((id) => `arxiv:${id}`);
    const asked: string[][] = [];
    let inFlight = 0;
    let most = 0;
    const send: Send = async (request) => {
      if (request.type !== 'getStates') return null as never;
      asked.push(request.ids);
      most = Math.max(most, ++inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight--;
      return Object.fromEntries(request.ids.map((id) => [id, EMPTY_STATE])) as never;
    };
    const { annotator } = setup(all.map((id) => card(id.slice(6), id)).join(''), send);
    annotator.start();
    const atOnce = Math.ceil(innerHeight / 60);
    await vi.waitFor(() => expect(asked.flat()).toHaveLength(1_200));
    expect(most).toBe(1);
    expect(asked[0]!.slice(0, atOnce)).toEqual(all.slice(0, atOnce)); // the mounted ones, first
    expect(asked.every((chunk) => chunk.length <= LIMITS.idsPerRequest)).toBe(true);
    expect(new Set(asked.flat()).size).toBe(1_200);
  }, 30_000);

  it('skips and counts cards it cannot read, and the rest still work', async () => {
    const { annotator } = setup(card('not-an-id', 'Broken') + card('2407.21783', 'Llama'));
    annotator.start();
    await flush();
    expect(roots()).toHaveLength(1);
    expect(marked()).toEqual(['arxiv:2407.21783']);
    expect(annotator.skipped).toBe(1);
  });

  it('removes everything it added when stopped', async () => {
    const { annotator, controller } = setup(card('2407.21783', 'Llama'));
    annotator.start();
    await flush();
    controller.abort();
    expect(roots()).toHaveLength(0);
    expect(document.querySelector('[data-shelfmark-card]')).toBeNull();
  });
});

describe('Annotator: read papers recede, with no attribute saying so', () => {
  /** Llama and Tora (read) on the daily page, each in a grid cell of its own as Hugging Face has them, or side by side. */
  async function annotated(settings: { hideRead?: Partial<Record<'huggingface' | 'arxiv', boolean>>; dimRead?: boolean } = {}, cells = true) {
    const db = freshDatabase();
    await setRead(db, { id: 'arxiv:2407.21705', title: 'Tora' }, true);
    const cell = (html: string) => (cells ? `<div>${html}</div>` : html);
    document.body.innerHTML = `<div class="grid">${cell(card('2407.21783', 'Llama'))}${cell(card('2407.21705', 'Tora'))}</div>`;
    const controller = new AbortController();
    running.push(controller);
    const onChange = vi.fn();
    const styles: string[] = [];
    const insertStyle = vi.fn(async (css: string) => {
      styles.push(css);
    });
    const annotator = new Annotator({ document, extras: EXTRAS_LOADED, adapters: ADAPTERS, location: () => URL_DAILY, send: backgroundSend(db), signal: controller.signal, onChange, insertStyle });
    annotator.setSettings({ hideRead: settings.hideRead ?? {}, dimRead: settings.dimRead ?? true });
    annotator.start();
    await vi.waitFor(() => expect(annotator.summary().read).toBe(1));
    await flush();
    const style = () => styles[styles.length - 1] ?? '';
    return { annotator, db, onChange, controller, style, insertStyle };
  }

  it('dims a read card by its id, with a style the page cannot read; no attribute on the card', async () => {
    const { annotator, style } = await annotated();
    expect(style()).toContain('[data-shelfmark-card="arxiv:2407.21705"]:not(:hover, :focus-within, [data-shelfmark-current])');
    expect(style()).toContain('opacity: 0.5');
    expect(style()).not.toContain('2407.21783');
    expect(annotator.summary()).toEqual({ cards: 2, read: 1 });
    const attributes = [...document.querySelectorAll('article')].flatMap((article) => [...article.attributes].map((a) => `${a.name}=${a.value}`));
    expect(attributes).toEqual(['data-shelfmark-card=arxiv:2407.21783', 'data-shelfmark-card=arxiv:2407.21705']);
  });

  it('dims nothing when the user turned dimming off', async () => {
    const { style } = await annotated({ dimRead: false });
    expect(style()).toBe('');
  });

  it('hides read cards when the user asked for it on this site, and only on this site', async () => {
    const { annotator, style } = await annotated({ hideRead: { arxiv: true } });
    expect(style()).not.toContain('display: none');
    annotator.setSettings({ hideRead: { huggingface: true }, dimRead: true });
    await flush();
    expect(style()).toContain('[data-shelfmark-card="arxiv:2407.21705"],\n:has(> [data-shelfmark-card="arxiv:2407.21705"]:only-child) { display: none !important; }');
    expect(annotator.visibleCards().map((entry) => entry.id)).toEqual(['arxiv:2407.21783']);
    annotator.setSettings({ hideRead: { huggingface: false }, dimRead: true });
    await flush();
    expect(style()).not.toContain('display: none');
  });

  it('hides the cell a read card is alone in, and no other parent: a :has() rule is checked against every element of the page', async () => {
    const { style } = await annotated({ hideRead: { huggingface: true } }, false);
    expect(style()).toBe('[data-shelfmark-card="arxiv:2407.21705"] { display: none !important; }');
  });

  it('never hides the one paper of a paper\'s own page; hides as soon as the page is a listing', async () => {
    const db = freshDatabase();
    await setRead(db, { id: 'arxiv:2407.21705', title: 'Tora' }, true);
    document.body.innerHTML = card('2407.21705', 'Tora');
    const controller = new AbortController();
    running.push(controller);
    const styles: string[] = [];
    const annotator = new Annotator({ document, extras: EXTRAS_LOADED, adapters: ADAPTERS, location: () => URL_DAILY, send: backgroundSend(db), signal: controller.signal, insertStyle: async (css) => void styles.push(css) });
    annotator.setSettings({ hideRead: { huggingface: true }, dimRead: true });
    annotator.start();
    await vi.waitFor(() => expect(annotator.summary().read).toBe(1));
    await flush();
    expect(annotator.isListing).toBe(false);
    expect(styles.at(-1)).not.toContain('display: none');
    document.body.insertAdjacentHTML('beforeend', card('2407.21783', 'Llama'));
    annotator.scan();
    await flush();
    expect(annotator.isListing).toBe(true);
    expect(styles.at(-1)).toContain('display: none');
  });

  it('a page that links papers is no listing: its read papers are neither dimmed nor hidden, which would take its own text away', async () => {
    const db = freshDatabase();
    await setRead(db, { id: 'arxiv:2407.21705', title: 'Tora' }, true);
    document.body.innerHTML =
      '<p>A model card citing <a href="https://arxiv.org/abs/2407.21705">Tora</a>.</p><p>And <a href="https://arxiv.org/abs/2407.21783">Llama 3</a>.</p>';
    const controller = new AbortController();
    running.push(controller);
    const styles: string[] = [];
    const annotator = new Annotator({ document, extras: EXTRAS_LOADED, adapters: [genericCards], location: () => 'https://huggingface.co/meta-llama/Llama-3.1-8B', send: backgroundSend(db), signal: controller.signal, insertStyle: async (css) => void styles.push(css) });
    annotator.setSettings({ hideRead: { generic: true }, dimRead: true });
    annotator.start();
    await vi.waitFor(() => expect(annotator.summary()).toEqual({ cards: 2, read: 1 }));
    await flush();
    expect(annotator.isListing).toBe(false);
    expect(annotator.visibleCards()).toHaveLength(2);
    expect(styles.filter(Boolean)).toEqual([]);
    // The controls say it.
    expect(button(roots().find((root) => root.dataset.shelfmarkId === 'arxiv:2407.21705')!, 'Mark read').getAttribute('aria-pressed')).toBe('true');
  });

  it('a card marked read (or unread) here or elsewhere changes at once', async () => {
    const { annotator, onChange, style } = await annotated({ hideRead: { huggingface: true } });
    onChange.mockClear();
    button(roots()[0]!, 'Mark read').click();
    await flush();
    expect(style()).toContain('"arxiv:2407.21783"'); // hidden too
    annotator.applyStates({ 'arxiv:2407.21705': state({}, { read: Date.now() }) });
    await flush();
    expect(style()).not.toContain('"arxiv:2407.21705"');
    expect(onChange).toHaveBeenCalled();
    expect(annotator.summary().read).toBe(1);
  });

  it('marking read takes the paper out of the queue at once, as the library does', () => {
    expect(applyLocally(state({ queued: true }), { kind: 'read', value: true, at: 5 })).toMatchObject({ read: true, queued: false });
    expect(applyLocally(state({ queued: true }), { kind: 'read', value: false, at: 5 })).toMatchObject({ read: false, queued: true });
  });
});

describe('Annotator: notes are never lost', () => {
  async function typing(html = card('2407.21783', 'Llama') + card('2407.21705', 'Tora')) {
    const db = freshDatabase();
    const sent: Request[] = [];
    document.body.innerHTML = html;
    const controller = new AbortController();
    running.push(controller);
    const annotator = new Annotator({ document, extras: EXTRAS_LOADED, adapters: ADAPTERS, location: () => URL_DAILY, send: backgroundSend(db, sent), signal: controller.signal });
    annotator.start();
    await flush();
    const root = roots()[0]!;
    button(root, 'Note').click();
    const textarea = shadowOf(root)!.querySelector('textarea')!;
    textarea.value = 'typed, not yet saved';
    textarea.dispatchEvent(new Event('input'));
    const notesSent = () => sent.filter((request) => request.type === 'act').map((request) => request.type === 'act' && { ...request.action, at: undefined });
    return { annotator, db, notesSent, textarea };
  }

  it('flushNotes (page hidden or closed) sends every unsaved note at once', async () => {
    const { annotator, notesSent, db } = await typing();
    expect(notesSent()).toEqual([]);
    annotator.flushNotes(true);
    await Promise.resolve(); // a save waits for any earlier action on the same paper (none here)
    expect(notesSent()).toEqual([{ kind: 'note', text: 'typed, not yet saved', at: undefined }]);
    await vi.waitFor(async () => expect((await db.papers.get('arxiv:2407.21783'))?.note).toBe('typed, not yet saved'));
  });

  it('a card the site removes while its note is being typed keeps what was typed', async () => {
    const { annotator, db } = await typing();
    document.querySelector('article')!.remove();
    annotator.scan();
    await vi.waitFor(async () => expect((await db.papers.get('arxiv:2407.21783'))?.note).toBe('typed, not yet saved'));
  });

  it('shows every card of the paper that it has a note, once saved', async () => {
    const { annotator } = await typing(card('2407.21783', 'Llama') + card('2407.21783', 'Llama again') + card('2407.21705', 'Tora'));
    annotator.flushNotes(true);
    await vi.waitFor(() => expect(button(roots()[1]!, 'Note').hasAttribute('data-has-note')).toBe(true));
    expect(shadowOf(roots()[0]!)!.querySelector('.first-line')!.textContent).toBe('typed, not yet saved');
    expect(shadowOf(roots()[1]!)!.querySelector('.first-line')!.textContent).toBe('typed, not yet saved');
    expect(button(roots()[2]!, 'Note').hasAttribute('data-has-note')).toBe(false); // another paper
  });

  it('a failed save keeps the text in the editor and says so', async () => {
    const send: Send = async (request) => {
      if (request.type === 'getStates') return { 'arxiv:2407.21783': EMPTY_STATE } as never;
      throw new RequestError('Your browser has no room left for Shelfmark’s data.', 'quota');
    };
    const { annotator } = setup(card('2407.21783', 'Llama'), send);
    annotator.start();
    await flush();
    const root = roots()[0]!;
    button(root, 'Note').click();
    const textarea = shadowOf(root)!.querySelector('textarea')!;
    textarea.value = 'do not lose me';
    textarea.dispatchEvent(new Event('input'));
    annotator.flushNotes(true);
    await flush();
    expect(textarea.value).toBe('do not lose me');
    expect(status(root)).toBe('Not saved: Your browser has no room left for Shelfmark’s data.');
    expect(shadowOf(root)!.querySelector('.save-state')!.textContent).toMatch(/Not saved yet/);
  });
});

describe('cardParts', () => {
  it('is the card, and for a description-list entry (<dt>) the <dd>s that describe it', () => {
    document.body.innerHTML = `<article id="a"></article>
      <dl><dt id="t1"></dt><dd id="d1"></dd><dt id="t2"></dt><dd id="d2a"></dd><dd id="d2b"></dd><h3>day</h3><dt id="t3"></dt></dl>`;
    const partIds = (id: string) => cardParts(document.getElementById(id)!).map((element) => element.id);
    expect(partIds('a')).toEqual(['a']);
    expect(partIds('t1')).toEqual(['t1', 'd1']);
    expect(partIds('t2')).toEqual(['t2', 'd2a', 'd2b']);
    expect(partIds('t3')).toEqual(['t3']);
  });
});

describe('readCss', () => {
  it('dims and hides each read card and the elements of its entry after it (and a parent it is alone in), by id, never by an attribute of state', () => {
    const css = readCss([{ id: 'arxiv:2401.00001', following: 1 }], [{ id: 'doi:10.1/"x"\\y', following: 0, alone: true }, { id: 'arxiv:2401.00002', following: 1 }]);
    expect(css).toBe(
      '[data-shelfmark-card="arxiv:2401.00001"]:not(:hover, :focus-within, [data-shelfmark-current]),\n' +
        '[data-shelfmark-card="arxiv:2401.00001"] + dd:not(:hover, :focus-within, [data-shelfmark-current]) { opacity: 0.5 !important; }\n' +
        '[data-shelfmark-card="doi:10.1/\\"x\\"\\\\y"],\n' +
        '[data-shelfmark-card="arxiv:2401.00002"],\n' +
        '[data-shelfmark-card="arxiv:2401.00002"] + dd,\n' +
        ':has(> [data-shelfmark-card="doi:10.1/\\"x\\"\\\\y"]:only-child) { display: none !important; }',
    );
    expect(readCss([], [])).toBe('');
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { Annotator, type Send } from '@/lib/content/annotator';
import { EMPTY_STATE, type PaperState } from '@/lib/library';

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

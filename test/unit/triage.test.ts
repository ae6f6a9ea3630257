import { ADAPTERS } from '@/lib/sites';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Annotator, CURRENT_ATTRIBUTE } from '@/lib/content/annotator';
import { paperUrl, Triage } from '@/lib/content/triage';
import { getStates } from '@/lib/store/library';
import { freshDatabase } from '../db-helpers';
import { backgroundSend, EXTRAS_LOADED, forge, hfCard, shadowOf } from './content-fixture';

const URL_DAILY = 'https://huggingface.co/papers?date=2024-08-01';
const IDS = ['2407.21783', '2407.21705', '2407.21770', '2407.21118'];
const running: AbortController[] = [];

async function setup(hideRead = false) {
  document.body.innerHTML = IDS.map((id, n) => hfCard(id, `Paper ${n}`)).join('');
  const db = freshDatabase();
  const controller = new AbortController();
  running.push(controller);
  const annotator = new Annotator({ document, extras: EXTRAS_LOADED, adapters: ADAPTERS, location: () => URL_DAILY, send: backgroundSend(db), signal: controller.signal });
  annotator.setSettings({ hideRead: { huggingface: hideRead }, dimRead: true });
  annotator.start();
  await new Promise((resolve) => setTimeout(resolve, 50));
  const opened: [string, boolean][] = [];
  const options = { open: (url: string, newTab: boolean) => opened.push([url, newTab]), toggleHelp: vi.fn(), toggleHideRead: vi.fn() };
  const triage = new Triage(annotator, options);
  const cards = () => [...document.querySelectorAll('article')];
  const current = () => cards().findIndex((card) => card.hasAttribute(CURRENT_ATTRIBUTE));
  const stored = async () => (await getStates(db, IDS.map((id) => `arxiv:${id}`)));
  return { annotator, triage, db, opened, options, cards, current, stored };
}

afterEach(() => {
  for (const controller of running.splice(0)) controller.abort();
  document.body.innerHTML = '';
});

describe('keyboard triage', () => {
  it('j and k move one visible cursor between cards, and stop at the ends', async () => {
    const { triage, current, cards } = await setup();
    expect(current()).toBe(-1);
    triage.run('next');
    expect(current()).toBe(0);
    triage.run('next');
    triage.run('next');
    expect(current()).toBe(2);
    expect(cards().filter((card) => card.hasAttribute(CURRENT_ATTRIBUTE))).toHaveLength(1);
    triage.run('previous');
    expect(current()).toBe(1);
    for (let i = 0; i < 10; i++) triage.run('next');
    expect(current()).toBe(3);
    for (let i = 0; i < 10; i++) triage.run('previous');
    expect(current()).toBe(0);
  });

  it('puts keyboard focus on the current card\'s controls, named after the paper', async () => {
    const { triage, cards } = await setup();
    triage.run('next');
    triage.run('next');
    const root = cards()[1]!.querySelector('shelfmark-controls')!;
    expect(document.activeElement).toBe(root);
    const bar = shadowOf(root)!.activeElement!;
    expect(bar.getAttribute('role')).toBe('group');
    expect(bar.getAttribute('aria-label')).toBe('Shelfmark: Paper 1');
  });

  it('s, q, r, n act on the current card only, and reach the database', async () => {
    const { triage: keys, stored, cards } = await setup();
    // Each key press at its own time, in order (a person presses one key at a time).
    let time = Date.now();
    const triage = { run: (command: Parameters<typeof keys.run>[0]) => keys.run(command, ++time) };
    expect(triage.run('star')).toBe(false); // no cursor yet: nothing to act on, the key stays the page's
    triage.run('next');
    triage.run('star');
    triage.run('next');
    triage.run('queue');
    triage.run('next');
    triage.run('queue');
    triage.run('read'); // marking read takes it out of the queue
    await vi.waitFor(async () => {
      const states = await stored();
      expect(states['arxiv:2407.21783']).toMatchObject({ starred: true, queued: false, read: false });
      expect(states['arxiv:2407.21705']).toMatchObject({ starred: false, queued: true, read: false });
      expect(states['arxiv:2407.21770']).toMatchObject({ starred: false, queued: false, read: true });
      expect(states['arxiv:2407.21118']).toMatchObject({ starred: false, queued: false, read: false });
    });
    triage.run('star'); // toggles: the second press unstars
    triage.run('star');
    await vi.waitFor(async () => expect((await stored())['arxiv:2407.21770']!.starred).toBe(false));
    triage.run('note');
    const shadow = shadowOf(cards()[2]!.querySelector('shelfmark-controls'))!;
    expect(shadow.activeElement?.localName).toBe('textarea');
  });

  it('skips hidden read papers, and moves on when the current card is read and hidden', async () => {
    const { triage, annotator, current, cards, stored } = await setup(true);
    triage.run('next');
    triage.run('next');
    expect(current()).toBe(1);
    triage.run('read');
    expect(annotator.isHidden(annotator.cardOf(cards()[1]!.querySelector('shelfmark-controls'))!)).toBe(true);
    expect(current()).toBe(2); // the cursor went on to the next paper
    triage.run('previous');
    expect(current()).toBe(0); // the hidden card is skipped
    annotator.setSettings({ hideRead: { huggingface: false }, dimRead: true });
    triage.run('next');
    expect(current()).toBe(1); // shown again (subdued), reachable again
    await vi.waitFor(async () => expect((await stored())['arxiv:2407.21705']!.read).toBe(true));
  });

  it('o opens the paper on the site being read; Shift+O in a new tab', async () => {
    const { triage, opened } = await setup();
    triage.run('next');
    triage.run('open');
    triage.run('openInNewTab');
    expect(opened).toEqual([
      ['https://huggingface.co/papers/2407.21783', false],
      ['https://huggingface.co/papers/2407.21783', true],
    ]);
  });

  it('? and h are page commands: they work without a cursor', async () => {
    const { triage, options } = await setup();
    expect(triage.run('help')).toBe(true);
    expect(triage.run('hideRead')).toBe(true);
    expect(options.toggleHelp).toHaveBeenCalledTimes(1);
    expect(options.toggleHideRead).toHaveBeenCalledTimes(1);
  });

  it('h is a listing\'s: on a paper\'s own page the key is left to the page and the setting is not touched', async () => {
    const { annotator, triage, options } = await setup();
    document.body.innerHTML = hfCard(IDS[0]!, 'Paper 0');
    annotator.scan();
    expect(annotator.isListing).toBe(false);
    expect(triage.run('hideRead')).toBe(false);
    expect(options.toggleHideRead).not.toHaveBeenCalled();
  });

  it('follows focus: a click on a card\'s controls moves the cursor there, without an outline', async () => {
    const { triage, current, cards } = await setup();
    const follow = (event: Event) => triage.followFocus(event);
    document.addEventListener('focusin', follow);
    const star = (n: number) => shadowOf(cards()[n]!.querySelector('shelfmark-controls'))!.querySelector<HTMLButtonElement>('button[aria-label="Star"]')!;
    // What the browser sends when a click focuses a button: no focus-visible. (Tab, which
    // outlines the card, is tested in Chromium: jsdom has no focus-visible inside shadow roots.)
    const focusin = (target: Element) => target.dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
    focusin(star(2));
    expect(current()).toBe(-1);
    triage.run('next');
    expect(current()).toBe(3); // on from the clicked card
    focusin(document.body.appendChild(document.createElement('button')));
    expect(current()).toBe(3); // focus elsewhere on the page leaves the cursor where it was
    focusin(star(0));
    expect(current()).toBe(-1); // a click on another card moves the cursor and hides the outline
    triage.run('next');
    expect(current()).toBe(1);
    // Focus a page script moved (or a focusin it forged) does not move the cursor.
    star(3).dispatchEvent(forge(new FocusEvent('focusin', { bubbles: true, composed: true })));
    triage.run('next');
    expect(current()).toBe(2);
    document.removeEventListener('focusin', follow);
  });

  it('removes its outline when cleared', async () => {
    const { triage, cards } = await setup();
    triage.run('next');
    triage.clear();
    expect(cards().some((card) => card.hasAttribute(CURRENT_ATTRIBUTE))).toBe(false);
  });
});

describe('paperUrl', () => {
  it('prefers the paper page on the site being read, else the arXiv abstract', () => {
    const links = { huggingface: 'https://huggingface.co/papers/2407.21783', abs: 'https://arxiv.org/abs/2407.21783', pdf: 'https://arxiv.org/pdf/2407.21783' };
    expect(paperUrl({ id: 'arxiv:2407.21783', title: 't', links }, 'https://huggingface.co/papers')).toBe(links.huggingface);
    expect(paperUrl({ id: 'arxiv:2407.21783', title: 't', links }, 'https://arxiv.org/list/cs.CL/recent')).toBe(links.abs);
    expect(paperUrl({ id: 'arxiv:2407.21783', title: 't', links: { pdf: links.pdf } }, 'https://example.org/')).toBe(links.pdf);
    expect(paperUrl({ id: 'arxiv:2407.21783', title: 't' }, 'https://huggingface.co/papers')).toBeNull();
  });
});

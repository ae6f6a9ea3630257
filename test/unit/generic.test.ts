import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { findGenericCards, generic, readGenericCard, type GenericCard } from '@/lib/sites/generic';
import { sharedPage } from '../pages';

/**
 * The generic adapter on real pages of three shapes (../shared/pages/INDEX.md): an academic
 * homepage (a table row per paper, several links per row), a blog post (papers cited in the text
 * and again in its references), a Hacker News thread (papers inline in comments, several per
 * comment). The expected ids are read from each page's HTML here, by regular expressions of the
 * link forms the page uses, independently of lib/paper.ts; their counts are INDEX.md's.
 */

const PAGES = {
  homepage: { file: 'homepage_jonbarron-info_2026-04.html', url: 'https://jonbarron.info/', papers: 84 },
  blog: { file: 'blog_lilianweng_why-we-think_2025-05.html', url: 'https://lilianweng.github.io/posts/2025-05-01-thinking/', papers: 50 },
  hackerNews: { file: 'hackernews_item_ask-hn-best-papers_2023-07.html', url: 'https://news.ycombinator.com/item?id=36817231', papers: 12 },
} as const;

/** The papers a page links, by the link forms these pages use: arXiv abs/pdf, OpenReview forums, DOIs in publisher paths. */
function expectedIds(html: string): Set<string> {
  const ids = new Set<string>();
  const hrefs = [...html.matchAll(/href\s*=\s*["']?([^"'\s>]+)/gi)].map((m) => m[1]!.replace(/&amp;/g, '&'));
  for (const href of hrefs) {
    const arxiv = /^https?:\/\/(?:www\.)?arxiv\.org\/(?:abs|pdf)\/(\d{4}\.\d{4,5})(?:v\d+)?(?:\.pdf)?\/?$/.exec(href);
    const forum = /^https?:\/\/openreview\.net\/forum\?id=([\w-]+)$/.exec(href);
    const doi =
      /^https?:\/\/[^/]+\/doi\/(?:abs\/|pdf\/|full\/)?(10\.\d{4,9}\/[^?#]+)$/.exec(href) ??
      /^https?:\/\/link\.springer\.com\/article\/(10\.\d{4,9}\/[^?#]+)$/.exec(href) ??
      /^https?:\/\/journals\.aps\.org\/[a-z]+\/abstract\/(10\.\d{4,9}\/[^?#]+)$/.exec(href);
    if (arxiv) ids.add(`arxiv:${arxiv[1]}`);
    if (forum) ids.add(`openreview:${forum[1]}`);
    if (doi) ids.add(`doi:${doi[1]!.toLowerCase()}`);
  }
  return ids;
}

const loaded = new Map<string, { document: Document; html: string; cards: GenericCard[] }>();
/** Each real page read once (they are large; the checks below only add control roots, no links). */
function load(page: (typeof PAGES)[keyof typeof PAGES]): { document: Document; html: string; cards: GenericCard[] } {
  let read = loaded.get(page.file);
  if (!read) {
    const html = sharedPage(page.file);
    const { document } = new JSDOM(html, { url: page.url }).window;
    read = { document, html, cards: findGenericCards(document) };
    loaded.set(page.file, read);
  }
  return read;
}

/** Mounts a control root for every card the way the content script does, and counts them per paper. */
function mountAll(document: Document, cards: readonly GenericCard[]): Map<string, number> {
  for (const card of cards) {
    const root = document.createElement('span');
    root.setAttribute('data-shelfmark-id', card.id);
    generic.mountControls(card.element, root);
  }
  const roots = new Map<string, number>();
  for (const root of Array.from(document.querySelectorAll('[data-shelfmark-id]'))) {
    const id = root.getAttribute('data-shelfmark-id')!;
    roots.set(id, (roots.get(id) ?? 0) + 1);
  }
  return roots;
}

describe.each(Object.entries(PAGES))('the generic adapter on the real %s page', (_name, page) => {
  const { document, html, cards } = load(page);

  it('finds exactly the papers the page links, one card each', () => {
    const expected = expectedIds(html);
    expect(expected.size).toBe(page.papers);
    expect(new Set(cards.map((card) => card.id))).toEqual(expected);
    expect(cards).toHaveLength(expected.size);
  });

  it('gives each card every link to its paper it can hold, and no other paper', () => {
    for (const card of cards) {
      expect(card.links.every((link) => generic.cardId(card.element) === card.id && link.isConnected)).toBe(true);
      if (card.inline) {
        expect(card.element).toBe(card.links[0]);
        continue;
      }
      expect(card.links.some((link) => card.element.contains(link)), card.id).toBe(true);
      const others = cards.filter((other) => other !== card && other.links.some((link) => card.element.contains(link)));
      expect(others.map((other) => other.id), `${card.id}'s card links other papers`).toEqual([]);
    }
  });

  it('mounts exactly one control root per paper', () => {
    const roots = mountAll(document, cards);
    expect(roots.size).toBe(page.papers);
    expect([...roots.values()].every((count) => count === 1)).toBe(true);
  });
});

describe('card shapes on each real page', () => {
  it('the academic homepage: a table row per paper, titled by its papertitle, several links in one card', () => {
    const { cards } = load(PAGES.homepage);
    const rows = cards.filter((card) => card.element.localName === 'tr');
    expect(rows.length).toBeGreaterThanOrEqual(80);
    const vision = cards.find((card) => card.id === 'arxiv:2604.20329')!;
    expect(vision.element.localName).toBe('tr');
    expect(readGenericCard(vision).title).toBe(vision.element.querySelector('.papertitle')!.textContent!.replace(/\s+/g, ' ').trim());
    // A row links its paper's arXiv page twice at most; the card holds both.
    const twice = cards.filter((card) => card.links.length > 1 && !card.inline);
    expect(twice.length).toBeGreaterThan(0);
    for (const card of twice) expect(card.links.every((link) => card.element.contains(link))).toBe(true);
  });

  it('the blog post: a paper cited in the text and again in the references is one card, where it stands alone', () => {
    const { cards } = load(PAGES.blog);
    const cited = cards.filter((card) => card.links.length > 1);
    expect(cited.length).toBeGreaterThan(20);
    expect(cards.filter((card) => card.inline)).toEqual([]);
  });

  it('the Hacker News thread: papers inline in comments, the comment itself never the card of two', () => {
    const { cards } = load(PAGES.hackerNews);
    for (const card of cards) expect(card.element.closest('tr.athing.comtr'), card.id).not.toBeNull();
    // A comment holding two papers: each gets its own, smaller card (or its first link).
    const byComment = new Map<Element, string[]>();
    for (const card of cards) {
      const comment = card.element.closest('tr.athing.comtr')!;
      byComment.set(comment, [...(byComment.get(comment) ?? []), card.id]);
    }
    const shared = [...byComment.entries()].filter(([, ids]) => ids.length > 1);
    expect(shared.length).toBeGreaterThan(0);
    for (const [comment, ids] of shared) {
      for (const id of ids) expect(cards.find((card) => card.id === id)!.element).not.toBe(comment);
    }
  });
});

describe('the generic adapter on hand-made pages', () => {
  const read = (body: string) => {
    const { document } = new JSDOM(`<!doctype html><body>${body}</body>`, { url: 'https://blog.example.com/post' }).window;
    return { document, cards: findGenericCards(document) };
  };

  it('puts each paper’s controls after its first link where several papers share a paragraph', () => {
    const { document, cards } = read(
      '<p>See <a href="https://arxiv.org/abs/1706.03762">Attention Is All You Need</a> and ' +
        '<a href="https://doi.org/10.1145/3394171.3413938">a DOI paper</a>, and again <a href="https://arxiv.org/pdf/1706.03762v5">the PDF</a>.</p>',
    );
    expect(cards.map((card) => [card.id, card.inline, card.links.length])).toEqual([
      ['arxiv:1706.03762', true, 2],
      ['doi:10.1145/3394171.3413938', true, 1],
    ]);
    const roots = mountAll(document, cards);
    expect([...roots.values()]).toEqual([1, 1]);
    const first = document.querySelector('a')!;
    expect(first.nextElementSibling?.getAttribute('data-shelfmark-id')).toBe('arxiv:1706.03762');
    expect(readGenericCard(cards[0]!).title).toBe('Attention Is All You Need');
  });

  it('puts the controls in the line of text after the link, which they neither cut nor make taller, and a row’s on a line of their own', () => {
    const { document, cards } = read(
      '<p>Read in <a href="https://arxiv.org/abs/1706.03762">Attention Is All You Need</a>; then more text.</p>' +
        '<table><tr><td><a href="https://arxiv.org/abs/2005.14165">GPT-3</a></td><td><p>A teaser.</p></td></tr></table>',
    );
    mountAll(document, cards);
    const [sentence, row] = ['arxiv:1706.03762', 'arxiv:2005.14165'].map((id) => document.querySelector<HTMLElement>(`[data-shelfmark-id="${id}"]`)!);
    expect(sentence!.previousElementSibling?.textContent).toBe('Attention Is All You Need');
    expect([sentence!.style.display, sentence!.style.marginBlock]).toEqual(['inline-block', '-13px']);
    // The row's root goes in at once and keeps the controls' room: nothing moves when they come.
    expect(row!.previousElementSibling?.textContent).toBe('A teaser.');
    expect(row!.style.display).toBe('');
    expect(cards.map((card) => generic.controlsInLine?.(card.element))).toEqual([true, false]);
  });

  it('makes a list item the card of the one paper it links, whatever else the item links', () => {
    const { cards } = read(
      '<ol><li>Vaswani et al. <a href="https://arxiv.org/abs/1706.03762">arXiv</a> <a href="https://github.com/x/y">code</a></li>' +
        '<li><a href="https://www.biorxiv.org/content/10.1101/2020.03.05.979302v2.full">Preprint</a> · <a href="https://pubmed.ncbi.nlm.nih.gov/31452104/">PubMed</a></li></ol>',
    );
    expect(cards.map((card) => [card.id, card.element.localName])).toEqual([
      ['arxiv:1706.03762', 'li'],
      // Two ids in one item are two papers as far as links tell: each is inline then.
      ['doi:10.1101/2020.03.05.979302', 'a'],
      ['pubmed:31452104', 'a'],
    ]);
  });

  it('adds nothing where no paper is linked, and reads no link that only looks like one', () => {
    expect(read('<p><a href="https://arxiv.org/list/cs.CL/new">new papers</a> <a href="https://example.com/10.1145/x">x</a> <a href="/abs/1706.03762">relative</a></p>').cards).toEqual([]);
    expect(read('<p>No links at all</p>').cards).toEqual([]);
  });
});

import { arxivIdOf, arxivLinks, cleanText, parseArxivId, type PaperId, type PaperRef } from '../paper';
import type { PageContext, SiteAdapter } from './types';

/*
 * Hugging Face papers. Page kinds and example URLs:
 *   daily        https://huggingface.co/papers, /papers?date=2024-08-01, /papers/date/2026-09-28
 *   week, month  /papers/week/2026-W39, /papers/month/2026-09
 *   trending     /papers/trending
 *   search       /papers?q=diffusion
 * Not served: /papers/submit, /papers/<id> sub-pages of other kinds, /models, /.
 *
 * Selectors anchor on what has stayed stable across layouts (2024 to 2026): the title link
 * `href="/papers/<id>"` inside a heading, and the enclosing <article>. Utility classes are not
 * used: `bg-gradient-to-b` (2024) became `bg-linear-to-b` (2026).
 */
const SELECTORS = {
  /** The title link of a listing card: <h3><a href="/papers/2407.21783">Title</a></h3> (2024, 2026). */
  titleLink: ':is(h2, h3, h4) > a[href^="/papers/"]',
  /** The card around a title link: <article> in every layout seen so far. */
  card: 'article',
} as const;

const LISTING_PATH = /^\/papers(?:\/(?:date\/\d{4}-\d{2}-\d{2}|week\/\d{4}-W\d{1,2}|month\/\d{4}-\d{2}|trending))?\/?$/;

export const huggingface: SiteAdapter = {
  name: 'huggingface',
  label: 'Hugging Face',

  matches(url) {
    return /^(?:www\.)?huggingface\.co$/.test(url.hostname) && LISTING_PATH.test(url.pathname);
  },

  findCards(root) {
    const cards: Element[] = [];
    const seen = new Set<Element>();
    for (const link of root.querySelectorAll(SELECTORS.titleLink)) {
      const card = link.closest(SELECTORS.card) ?? link.parentElement?.parentElement;
      if (card && !seen.has(card)) {
        seen.add(card);
        cards.push(card);
      }
    }
    return cards;
  },

  cardId(card) {
    return idFromLink(card.querySelector(SELECTORS.titleLink));
  },

  readCard(card: Element, page: PageContext): PaperRef | null {
    const link = card.querySelector(SELECTORS.titleLink);
    const id = idFromLink(link);
    const title = cleanText(link?.textContent);
    if (!id || !title) return null;
    const arxivId = arxivIdOf(id)!;
    const links = arxivLinks(arxivId);
    return { id, title, links: { huggingface: new URL(`/papers/${arxivId}`, page.url).href, abs: links.abs, pdf: links.pdf } };
  },

  mountControls(card, controls) {
    const heading = card.querySelector(SELECTORS.titleLink)?.parentElement;
    if (heading) heading.after(controls);
    else card.append(controls);
  },
};

function idFromLink(link: Element | null): PaperId | null {
  const href = link?.getAttribute('href');
  if (!href) return null;
  return parseArxivId(`https://huggingface.co${href.split(/[?#]/, 1)[0]}`)?.id ?? null;
}

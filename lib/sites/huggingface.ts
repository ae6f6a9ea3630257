import { arxivIdOf, arxivLinks, parseArxivId, type PaperId, type PaperLinks, type PaperRef } from '../paper';
import { absoluteUrl, dateInText, dayOfTimestamp, documentUrl, parseCount, readText } from './read';
import { boundPaperRef } from '../bounds';
import { withReader, type PageContext, type SiteAdapter, type SiteCards } from './types';

/*
 * Hugging Face papers. Page kinds and example URLs:
 *   daily        https://huggingface.co/papers, /papers?date=2024-08-01, /papers/date/2026-09-28
 *   week, month  /papers/week/2026-W39, /papers/month/2026-09
 *   trending     /papers/trending
 *   search       /papers?q=diffusion
 *   paper        /papers/2509.24002 (the paper itself is the one card)
 * Not served: /papers/submit, /papers/2509.24002/community or other sub-pages, /models, /.
 *
 * Selectors anchor on what has stayed stable across layouts (2024 to 2026): the title link
 * `href="/papers/<id>"` inside a heading, the enclosing <article>, `title` and `alt` attributes,
 * the upvote checkbox. Utility classes are not used: `bg-gradient-to-b` (2024) became
 * `bg-linear-to-b` (2026). Authors, abstracts and dates that the card markup leaves out are read
 * from the page's hydration props (`data-props` of the SVELTE_HYDRATER elements), parsed once per page.
 */
const SELECTORS = {
  /** A listing card's title: <h3><a href="/papers/2407.21783">Title</a></h3> (daily 2024 and 2026, search, trending). */
  titleLink: ':is(h2, h3, h4) > a[href^="/papers/"]',
  /** The card around a title link: <article> in every listing layout seen so far. */
  card: 'article',
  /** The paper page's title; the page is the one card there. */
  paperTitle: 'h1',
  /** The upvote widget: a hidden checkbox beside the count ("94"; "Upvote 118" on a paper page). */
  upvoteBox: 'input[type="checkbox"]',
  /** The discussion link, with the number of comments: <a href="/papers/2609.30222#community">1</a>. */
  commentsLink: 'a[href*="#community"]',
  /**
   * Author avatars: <li title="Yuan Yuan"> (2026). An avatar holding an <img> is an account,
   * titled by its user name ("mannatsingh", 2024), so it names no author.
   */
  authorAvatar: 'li[title]',
  /** "· 10 authors", "• 5 authors": a list item beside the avatars. */
  listItem: 'li',
  /** An organisation: <a href="/CarnegieMellonU"><img alt="CarnegieMellonU"> Carnegie Mellon University</a>. */
  orgLogo: 'a[href^="/"] > img[alt]',
  /** A date the card prints with its markup: <time datetime="2025-09-28T17:53:27.000Z">. */
  time: 'time[datetime]',
  /** Paper page: the authors, one <span class="author"> each. */
  paperAuthor: '.author',
  /** Paper page: the "Abstract" heading, followed by the abstract's paragraphs. */
  sectionHeading: 'h2',
  /** Paper page: its day in the daily listing, <a href="/papers?date=2025-10-01">. */
  dailyLink: 'a[href^="/papers?date="]',
  /** Paper page: the buttons to arXiv ("View arXiv page", "View PDF"). */
  arxivAbsLink: 'a[href*="arxiv.org/abs/"]',
  arxivPdfLink: 'a[href*="arxiv.org/pdf/"]',
  /** Paper page, logged out: the upvote asks to log in and come back, /login?next=%2Fpapers%2F2509.24002. */
  loginLink: 'a[href^="/login?next="]',
  /** Server-rendered props of the page's Svelte components. */
  hydration: '[data-target][data-props]',
} as const;

const HOST = /^(?:www\.)?huggingface\.co$/;
const LISTING_PATH = /^\/papers(?:\/(?:date\/\d{4}-\d{2}-\d{2}|week\/\d{4}-W\d{1,2}|month\/\d{4}-\d{2}|trending))?\/?$/;
const PAPER_PATH = /^\/papers\/([^/]+)\/?$/;
/** The paper page shows its id as "arxiv:2509.24002" above the title. */
const ID_CHIP = /^\s*arxiv:\s*(\S+)\s*$/i;
const AUTHOR_COUNT = /^[\s·•]*(\d[\d,]*)\s+authors?\s*$/i;
/** A paragraph this long in a listing card is its abstract (search and trending show one). */
const MIN_ABSTRACT = 80;

export const huggingfaceCards: SiteCards = {
  name: 'huggingface',
  label: 'Hugging Face',

  matches(url) {
    return HOST.test(url.hostname) && (LISTING_PATH.test(url.pathname) || paperPageId(url) !== null);
  },

  paperPage: (url) => paperPageId(url) !== null,

  findCards(root, page) {
    const url = page?.url ?? documentUrl(root);
    if (url && paperPageId(url) !== null) {
      const card = paperCard(root);
      return card ? [card] : [];
    }
    const cards: Element[] = [];
    const seen = new Set<Element>();
    for (const link of root.querySelectorAll(SELECTORS.titleLink)) {
      const card = listingCard(link);
      if (card && !seen.has(card)) {
        seen.add(card);
        cards.push(card);
      }
    }
    return cards;
  },

  cardId(card) {
    const title = card.querySelector(SELECTORS.paperTitle);
    return title ? paperCardId(card, title) : idFromLink(card.querySelector(SELECTORS.titleLink));
  },

  mountControls(card, controls) {
    const heading = card.querySelector(SELECTORS.paperTitle) ?? card.querySelector(SELECTORS.titleLink)?.parentElement;
    if (heading) heading.after(controls);
    else card.prepend(controls);
  },
};

/** The whole adapter: the cards, and what each shows of its paper (read when the user first saves it). */
export const huggingface: SiteAdapter = /* @__PURE__ */ withReader(huggingfaceCards, (card, page) => {
  const title = card.querySelector(SELECTORS.paperTitle);
  return title ? readPaperCard(card, title, page) : readListingCard(card, page);
});

function paperPageId(url: URL): PaperId | null {
  const match = PAPER_PATH.exec(url.pathname);
  return match ? (parseArxivId(`https://huggingface.co/papers/${match[1]}`)?.id ?? null) : null;
}

/**
 * The card of a title link: its <article>; without one, the largest ancestor that holds no other
 * paper's title (search results have been plain <div>s in some layouts).
 */
function listingCard(link: Element): Element | null {
  const article = link.closest(SELECTORS.card);
  if (article) return article;
  let card: Element | null = link.parentElement;
  for (let depth = 0; card?.parentElement && depth < 6; depth++) {
    const parent: Element = card.parentElement;
    if (parent.localName === 'body' || parent.localName === 'main' || parent.querySelectorAll(SELECTORS.titleLink).length > 1) break;
    card = parent;
  }
  return card;
}

/** The paper page's card: the section around its title (title, authors, abstract, links). */
function paperCard(root: ParentNode): Element | null {
  const title = root.querySelector(`main ${SELECTORS.paperTitle}`) ?? root.querySelector(SELECTORS.paperTitle);
  return title ? (title.closest('section') ?? title.parentElement) : null;
}

function idFromLink(link: Element | null): PaperId | null {
  const href = link?.getAttribute('href');
  if (!href) return null;
  return parseArxivId(`https://huggingface.co${href.split(/[?#]/, 1)[0]}`)?.id ?? null;
}

/** The paper page's id: the "arxiv:…" chip above the title, else its arXiv link, else the upvote's login link. */
function paperCardId(card: Element, title: Element): PaperId | null {
  const doc = card.ownerDocument;
  const walker = doc.createTreeWalker(card, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    // The chip comes before the title; what follows (abstract, comments) may name other papers.
    if (title.compareDocumentPosition(node) & 4 /* Node.DOCUMENT_POSITION_FOLLOWING */) break;
    const chip = ID_CHIP.exec(node.nodeValue ?? '');
    if (chip) return parseArxivId(chip[1]!)?.id ?? null;
  }
  const abs = parseArxivId(card.querySelector(SELECTORS.arxivAbsLink)?.getAttribute('href') ?? '');
  if (abs) return abs.id;
  const next = /[?&]next=([^&#]+)/.exec(card.querySelector(SELECTORS.loginLink)?.getAttribute('href') ?? '');
  if (!next) return null;
  try {
    return parseArxivId(`https://huggingface.co${decodeURIComponent(next[1]!)}`)?.id ?? null;
  } catch {
    return null;
  }
}

function readListingCard(card: Element, page: PageContext): PaperRef | null {
  const link = card.querySelector(SELECTORS.titleLink);
  const id = idFromLink(link);
  const title = readText(link);
  if (!id || !title) return null;
  const arxivId = arxivIdOf(id)!;
  const props = hydratedPapers(page).get(arxivId);
  const names = props?.authors ?? avatarNames(card);
  const authorCount = shownAuthorCount(card) ?? props?.authors?.length;
  return boundPaperRef({
    id,
    title,
    authors: names,
    authorCount: authorCount !== undefined && authorCount > (names?.length ?? 0) ? authorCount : undefined,
    organization: organization(card) ?? props?.organization,
    abstract: props?.summary ?? longestParagraph(card, link),
    date: cardDate(card, page) ?? props?.publishedAt ?? listingDay(page),
    upvotes: upvotes(card) ?? props?.upvotes,
    comments: parseCount(card.querySelector(SELECTORS.commentsLink)?.textContent) ?? props?.numComments,
    links: paperLinks(arxivId),
  });
}

function readPaperCard(card: Element, titleElement: Element, page: PageContext): PaperRef | null {
  const id = paperCardId(card, titleElement);
  const title = readText(titleElement);
  if (!id || !title) return null;
  const arxivId = arxivIdOf(id)!;
  const props = hydratedPapers(page).get(arxivId);
  const authors = [...card.querySelectorAll(SELECTORS.paperAuthor)].map((author) => readText(author).replace(/,$/, '').trim()).filter(Boolean);
  // "Published on Sep 28": the year is the one of the day it was listed, when the page links that day.
  const listedOn = dayOfTimestamp(/date=(\d{4}-\d{2}-\d{2})/.exec(card.querySelector(SELECTORS.dailyLink)?.getAttribute('href') ?? '')?.[1]);
  const reference = listedOn ? new Date(`${listedOn}T23:59:59Z`) : (page.now ?? new Date());
  const links = paperLinks(arxivId);
  return boundPaperRef({
    id,
    title,
    authors: authors.length ? authors : props?.authors,
    organization: organization(card) ?? props?.organization,
    abstract: props?.summary ?? paperAbstract(card),
    date: props?.publishedAt ?? publishedOn(card, reference),
    upvotes: upvotes(card) ?? props?.upvotes,
    links: {
      ...links,
      abs: absoluteUrl(card.querySelector(SELECTORS.arxivAbsLink)?.getAttribute('href'), page.url) ?? links.abs,
      pdf: absoluteUrl(card.querySelector(SELECTORS.arxivPdfLink)?.getAttribute('href'), page.url) ?? links.pdf,
    },
  });
}

function paperLinks(arxivId: string): Pick<PaperLinks, 'huggingface' | 'abs' | 'pdf'> {
  const { huggingface, abs, pdf } = arxivLinks(arxivId);
  return { huggingface, abs, pdf };
}

/** The upvote count beside the widget's checkbox. */
function upvotes(card: Element): number | undefined {
  return parseCount(card.querySelector(SELECTORS.upvoteBox)?.parentElement?.textContent);
}

function avatarNames(card: Element): string[] | undefined {
  const names: string[] = [];
  for (const avatar of card.querySelectorAll(SELECTORS.authorAvatar)) {
    if (avatar.querySelector('img')) continue;
    const name = avatar.getAttribute('title')?.trim();
    if (name) names.push(name);
  }
  return names.length ? names : undefined;
}

function shownAuthorCount(card: Element): number | undefined {
  for (const item of card.querySelectorAll(SELECTORS.listItem)) {
    const match = AUTHOR_COUNT.exec(item.textContent ?? '');
    if (match) return parseCount(match[1]);
  }
  return undefined;
}

/** An organisation's chip links to its page and shows its logo, whose alt text is the page's name. */
function organization(card: Element): string | undefined {
  for (const logo of card.querySelectorAll(SELECTORS.orgLogo)) {
    const link = logo.parentElement!;
    const handle = logo.getAttribute('alt')?.trim();
    if (handle && link.getAttribute('href') === `/${handle}`) return readText(link) || handle;
  }
  return undefined;
}

/** The card's abstract: its longest paragraph, if long enough to be one (not a title or a tag line). */
function longestParagraph(card: Element, titleLink: Element | null): string | undefined {
  let best = '';
  for (const paragraph of card.querySelectorAll('p')) {
    if (titleLink && paragraph.contains(titleLink)) continue;
    const text = readText(paragraph);
    if (text.length > best.length) best = text;
  }
  return best.length >= MIN_ABSTRACT ? best : undefined;
}

/** Paper page: the paragraphs right under the "Abstract" heading (not the AI summary boxed inside). */
function paperAbstract(card: Element): string | undefined {
  for (const heading of card.querySelectorAll(SELECTORS.sectionHeading)) {
    if (readText(heading).toLowerCase() !== 'abstract') continue;
    const body = heading.nextElementSibling;
    if (!body) return undefined;
    const own = [...body.children].filter((child) => child.localName === 'p').map((p) => readText(p)).filter(Boolean);
    const text = own.length ? own.join('\n\n') : readText(body);
    return text || undefined;
  }
  return undefined;
}

/** "Published on Sep 28" (or "Sep 28, 2025") on a paper page. */
function publishedOn(card: Element, reference: Date): string | undefined {
  for (const element of card.querySelectorAll('div, span, p')) {
    if (element.childElementCount > 0) continue;
    const text = element.textContent ?? '';
    if (/^\s*published on\b/i.test(text)) return dateInText(text, reference);
  }
  return undefined;
}

/** The date a listing card prints: a <time>, else a short line that is only a date ("Sep 8, 2025", "Jul 3"). */
function cardDate(card: Element, page: PageContext): string | undefined {
  const time = card.querySelector(SELECTORS.time);
  if (time) return dayOfTimestamp(time.getAttribute('datetime'));
  const walker = card.ownerDocument.createTreeWalker(card, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.nodeValue ?? '';
    if (text.length > 40 || !/^\s*(?:published on\s+)?[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?\s*$/i.test(text)) continue;
    const date = dateInText(text, page.now ?? new Date());
    if (date) return date;
  }
  return undefined;
}

/** The day of a daily listing, from its URL (/papers?date=2024-08-01, /papers/date/2026-09-28). */
function listingDay(page: PageContext): string | undefined {
  const match = /^\/papers\/date\/(\d{4}-\d{2}-\d{2})\/?$/.exec(page.url.pathname);
  return dayOfTimestamp(match?.[1] ?? page.url.searchParams.get('date') ?? undefined);
}

/** What the page's hydration props say about one paper. */
interface HydratedPaper {
  authors?: string[];
  summary?: string;
  publishedAt?: string;
  upvotes?: number;
  numComments?: number;
  organization?: string;
}

const HYDRATION_CACHE = 'huggingface:hydration';
/** Props larger than this are not parsed (a hostile page cannot make us parse megabytes per scan). */
const MAX_PROPS = 8_000_000;

/**
 * The papers described in the page's hydration props, by arXiv id: parsed once per page and kept
 * in the page context. The 2024 daily page keeps authors, abstracts and dates only there
 * (`data-target="DailyPapers"`); a paper page keeps its own under `data-target="PaperContent"`.
 */
function hydratedPapers(page: PageContext): Map<string, HydratedPaper> {
  const cached = page.cache.get(HYDRATION_CACHE);
  if (cached instanceof Map) return cached as Map<string, HydratedPaper>;
  const papers = new Map<string, HydratedPaper>();
  page.cache.set(HYDRATION_CACHE, papers);
  for (const element of page.document.querySelectorAll(SELECTORS.hydration)) {
    const props = element.getAttribute('data-props') ?? '';
    // Only props that describe papers are worth parsing.
    if (props.length > MAX_PROPS || !props.includes('"title"') || !props.includes('"id"')) continue;
    let data: unknown;
    try {
      data = JSON.parse(props);
    } catch {
      continue;
    }
    collectPapers(data, papers, 0);
  }
  return papers;
}

type Json = Record<string, unknown>;

function collectPapers(value: unknown, papers: Map<string, HydratedPaper>, depth: number): void {
  if (depth > 8 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const item of value) collectPapers(item, papers, depth + 1);
    return;
  }
  const object = value as Json;
  // A daily-papers entry wraps its paper: { paper: {...}, numComments, publishedAt (the listing's day), ... }
  const inner = isObject(object.paper) ? object.paper : null;
  const paper = inner ?? object;
  const arxivId = typeof paper.id === 'string' && typeof paper.title === 'string' ? parseArxivId(paper.id)?.arxivId : undefined;
  if (arxivId && (Array.isArray(paper.authors) || typeof paper.summary === 'string')) {
    const entry: HydratedPaper = papers.get(arxivId) ?? {};
    const names = Array.isArray(paper.authors)
      ? paper.authors.filter((author) => isObject(author) && author.hidden !== true).map((author) => (author as Json).name).filter((name): name is string => typeof name === 'string' && name.trim() !== '')
      : [];
    if (names.length) entry.authors = names.map((name) => name.trim());
    if (typeof paper.summary === 'string' && paper.summary.trim()) entry.summary = paper.summary;
    entry.publishedAt = dayOfTimestamp(paper.publishedAt) ?? entry.publishedAt;
    entry.upvotes = jsonCount(paper.upvotes) ?? entry.upvotes;
    entry.numComments = jsonCount(object.numComments) ?? jsonCount(paper.numComments) ?? entry.numComments;
    entry.organization = organizationName(paper.organization) ?? organizationName(object.organization) ?? entry.organization;
    papers.set(arxivId, entry);
    return;
  }
  for (const key of Object.keys(object)) collectPapers(object[key], papers, depth + 1);
}

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function jsonCount(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : undefined;
}

function organizationName(value: unknown): string | undefined {
  if (!isObject(value)) return undefined;
  const name = value.fullname ?? value.name;
  return typeof name === 'string' && name.trim() ? name.trim() : undefined;
}

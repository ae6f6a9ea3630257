import { arxivLinks, cleanText, parseArxivId, type PaperLinks, type PaperRef, type ParsedArxivId } from '../paper';
import { absoluteUrl, dateInText, dayOfTimestamp, documentUrl, parseCount, readText, readTexts } from './read';
import { boundPaperRef } from '../bounds';
import { inline } from './place';
import { withReader, type PageContext, type SiteAdapter, type SiteCards } from './types';

/*
 * arXiv, on arxiv.org, www.arxiv.org and export.arxiv.org. Page kinds and example URLs:
 *   listing   /list/cs.CL/new (new submissions, cross-lists, replacements), /list/cs.CL/recent,
 *             /list/hep-th/pastweek?skip=25&show=25, /list/cs.CL/2607 and /list/cs.CL/2026-07 (a month),
 *             /list/math/2026 (a year), /list/cs.CL/current
 *   catchup   /catchup/cs.CL/2026-07-27?abs=True
 *   abstract  /abs/2602.11156, /abs/2602.11156v2, /abs/hep-th/9901001 (the paper itself is the one card)
 *   search    /search/?query=…&searchtype=all, /search/advanced?…, /search/cs?searchtype=author&query=…
 *   HTML      /html/2603.02438, /html/2603.02438v1, /html/2603.02438v1/ (the paper, as LaTeXML renders
 *             it: the article is the one card, its controls under its title)
 * Not served: /pdf/…, /html/submission/… (a preview), /html/2603.02438v1/x1.png (a file of the
 * paper), /format/…, /list/cs.CL (no period), /catchup (the form), /, /help/….
 *
 * Each card's own abstract link decides its id (`<a href ="/abs/2607.22529" title="Abstract">` on
 * listings, note the space arXiv writes before `=`); arXiv ids mentioned in comments, journal
 * references or abstracts are other papers, never this card's.
 */
const SELECTORS = {
  /**
   * A listing entry is a <dt> (`[1] arXiv:2607.22529 [pdf, html, other]`) and the <dd> after it
   * (title, authors, comments, subjects, abstract on /new). Under #dlpage since the 2000s; `dl#articles` since 2024.
   */
  listEntry: '#dlpage dl > dt, dl#articles > dt',
  /** A search result (/search/, /search/advanced). */
  searchResult: 'li.arxiv-result',
  /** An abstract page's paper (one per page): dateline, title, authors, abstract, metadata table. */
  abstractPage: '#abs',
  /** An HTML paper (LaTeXML): the article, its title, authors, abstract. */
  htmlArticle: 'article.ltx_document',
  htmlTitle: 'h1.ltx_title_document',
  htmlAuthor: '.ltx_creator.ltx_role_author .ltx_personname',
  htmlAbstract: '.ltx_abstract',
  htmlAbstractHeading: '.ltx_title_abstract',
  /** The page header's way back to the paper: `<a href="…/abs/2603.02438v1" title="Back to abstract page">`. */
  htmlBackLink: 'a[title="Back to abstract page"], a[aria-label="Back to abstract page"]',

  /** Listing: the entry's own abstract link, and its download links in the same <dt>. */
  ownAbsLink: 'a[title="Abstract"]',
  absLink: 'a[href*="/abs/"]',
  pdfLink: 'a[title="Download PDF"], a[href*="/pdf/"]',
  htmlLink: 'a[title="View HTML"], a[href*="/html/"]',
  listTitle: '.list-title',
  listAuthors: '.list-authors a',
  listAuthorsText: '.list-authors',
  listComments: '.list-comments',
  listJournalRef: '.list-journal-ref',
  listSubjects: '.list-subjects',
  /** The abstract, shown on /new and catchup: <p class='mathjax'> in the entry's .meta. */
  listAbstract: 'p',
  /** Labels inside the fields ("Title:", "Comments:"): not part of the text. */
  descriptor: '.descriptor',
  primarySubject: '.primary-subject',
  /** A listing's headings: the day (`Mon, 27 Jul 2026 (showing 47 of 47 entries )`) or the section (`Cross submissions (…)`). */
  sectionHeading: 'h3',
  /** Where a listing says its day once for the page: /new ("Showing new listings for Monday, 27 July 2026"), catchup (<h1>), older layouts. */
  pageDateline: '#dlpage > h3, #dlpage > h1, .list-dateline',

  /** Search: the result's id link (first in its line, before [pdf, ps, other]), title, authors, abstract, dates line, category tags. */
  searchIdLink: '.list-title > a',
  searchLinks: '.list-title a',
  searchTitle: 'p.title',
  searchAuthors: 'p.authors a',
  searchAuthorsLine: 'p.authors',
  searchAbstractFull: '.abstract-full',
  searchAbstract: 'p.abstract',
  /** Category tags carry a tooltip with the category's name; DOI tags do not. */
  searchCategory: 'span.tag[data-tooltip]',
  /** Lines of small print: "Submitted 2 December, 2025; originally announced …", "Comments: …", "Journal ref: …". */
  searchSmallPrint: 'p.is-size-7',

  /** Abstract page fields. */
  absCiteLink: '.arxivid a',
  absVersionLink: '.arxividv a',
  absTitle: 'h1.title',
  absAuthors: '.authors a',
  absAbstract: 'blockquote.abstract',
  absDateline: '.dateline',
  absMetaRow: '.metatable tr',
  /** Abstract page download links, beside the paper in .extra-services. */
  absPdfLink: 'a.download-pdf, .full-text a[href^="/pdf/"]',
  absHtmlLink: '#latexml-download-link, a.download-html',
} as const;

const HOSTS = /^(?:www\.|export\.)?arxiv\.org$/;
const CONTEXT = '[A-Za-z-]+(?:\\.[A-Za-z-]+)?';
const LIST_PATH = new RegExp(`^/list/${CONTEXT}/(?:new|recent|pastweek|current|\\d{2}|\\d{4}|\\d{4}-\\d{1,2}|\\d{6})/?$`);
const CATCHUP_PATH = new RegExp(`^/catchup/${CONTEXT}/\\d{4}-\\d{2}-\\d{2}/?$`);
const SEARCH_PATH = new RegExp(`^/search(?:/(?:advanced|${CONTEXT}))?/?$`);
/** An HTML paper, not a file inside it: /html/2603.02438v1, /html/2603.02438v1/, /html/hep-th/9901001. */
const HTML_PATH = /^\/html\/(?:[a-z-]+\/)?[\d.]+(?:v\d+)?\/?$/;

type EntryKind = 'listing' | 'search' | 'abstract' | 'html';

/** An abstract page or an HTML paper: the paper's own page. */
function isPaperPath(path: string): boolean {
  return path.startsWith('/abs/') || HTML_PATH.test(path);
}

export const arxivCards: SiteCards = {
  name: 'arxiv',
  label: 'arXiv',

  matches(url) {
    if (!HOSTS.test(url.hostname)) return false;
    const path = url.pathname;
    if (LIST_PATH.test(path) || CATCHUP_PATH.test(path) || SEARCH_PATH.test(path)) return true;
    return isPaperPath(path) && parseArxivId(path) !== null;
  },

  paperPage: (url) => isPaperPath(url.pathname),

  findCards(root) {
    const entries = root.querySelectorAll(`${SELECTORS.listEntry}, ${SELECTORS.searchResult}`);
    if (entries.length) return [...entries];
    const paper = root.nodeType === 9 ? (root as Document).getElementById(SELECTORS.abstractPage.slice(1)) : root.querySelector(SELECTORS.abstractPage);
    if (paper) return [paper];
    const article = root.querySelector(SELECTORS.htmlArticle);
    return article?.querySelector(SELECTORS.htmlTitle) ? [article] : [];
  },

  cardId(card) {
    return ownId(card)?.id ?? null;
  },

  controlsInLine: (card) => idLine(card) !== null,

  mountControls(card, controls) {
    const line = idLine(card);
    if (line) {
      // In the id line, after [pdf, html, other] (a listing's <dt>, a search result's first line).
      line.append(inline(controls));
      return;
    }
    // An abstract page or HTML paper: under the title (a search result without its id line: first).
    const kind = kindOf(card);
    const title = kind === 'abstract' || kind === 'html' ? card.querySelector(kind === 'html' ? SELECTORS.htmlTitle : SELECTORS.absTitle) : null;
    if (title) title.after(controls);
    else card.prepend(controls);
  },
};

/** The whole adapter: the cards, and what each shows of its paper (read when the user first saves it). */
export const arxiv: SiteAdapter = /* @__PURE__ */ withReader(arxivCards, (card, page) => {
  switch (kindOf(card)) {
    case 'listing':
      return readListingEntry(card, page);
    case 'search':
      return readSearchResult(card, page);
    case 'abstract':
      return readAbstractPage(card, page);
    case 'html':
      return readHtmlPaper(card);
  }
});

/** The line of a listing entry or search result that its controls end: its id line. */
function idLine(card: Element): Element | null {
  switch (kindOf(card)) {
    case 'listing':
      return card;
    case 'search':
      return card.querySelector(SELECTORS.searchIdLink)?.parentElement ?? null;
    default:
      return null;
  }
}

function kindOf(card: Element): EntryKind {
  if (card.localName === 'dt') return 'listing';
  if (card.localName === 'li') return 'search';
  if (card.localName === 'article') return 'html';
  return 'abstract';
}

/** The entry's own id: its abstract link, never an id mentioned elsewhere in the entry. */
function ownId(card: Element): ParsedArxivId | null {
  switch (kindOf(card)) {
    case 'listing':
      return idOfLink(card.querySelector(SELECTORS.ownAbsLink) ?? card.querySelector(SELECTORS.absLink));
    case 'search':
      return idOfLink(card.querySelector(SELECTORS.searchIdLink) ?? card.querySelector(SELECTORS.absLink));
    case 'abstract':
      return idOfLink(card.querySelector(SELECTORS.absCiteLink)) ?? idOfLink(card.ownerDocument.querySelector('link[rel="canonical"]'));
    case 'html':
      return htmlPaperId(card);
  }
}

/**
 * An HTML paper's id: the page's address (/html/2603.02438v1), else the header's link back to its
 * abstract. Never a link inside the article: its references cite other papers.
 */
function htmlPaperId(article: Element): ParsedArxivId | null {
  const url = documentUrl(article);
  const own = url && HOSTS.test(url.hostname) && HTML_PATH.test(url.pathname) ? parseArxivId(url.pathname) : null;
  return own ?? idOfLink(article.ownerDocument.querySelector(SELECTORS.htmlBackLink));
}

function readHtmlPaper(article: Element): PaperRef | null {
  const own = htmlPaperId(article);
  const title = readText(article.querySelector(SELECTORS.htmlTitle));
  if (!own || !title) return null;
  const authors: string[] = [];
  for (const person of article.querySelectorAll(SELECTORS.htmlAuthor)) {
    // The name is the person's first line; affiliations and e-mails follow after line breaks.
    let first = '';
    for (let node = person.firstChild; node && !(node.nodeType === 1 && (node as Element).localName === 'br'); node = node.nextSibling) {
      // Affiliation marks (<sup>1</sup>) and footnotes are not the name.
      if (node.nodeType === 1 && (node as Element).matches('sup, .ltx_note, .ltx_role_email')) continue;
      first += node.textContent ?? '';
    }
    authors.push(...first.split(/\s*,\s*|\s+and\s+/).map((name) => cleanText(name)).filter(Boolean));
  }
  return boundPaperRef({
    id: own.id,
    title,
    version: own.version,
    authors,
    abstract: readText(article.querySelector(SELECTORS.htmlAbstract), SELECTORS.htmlAbstractHeading) || undefined,
    links: { abs: arxivLinks(own.arxivId).abs, pdf: arxivLinks(own.arxivId).pdf, html: documentUrl(article)?.href },
  });
}

function idOfLink(link: Element | null): ParsedArxivId | null {
  const href = link?.getAttribute('href')?.trim();
  if (!href) return null;
  const parsed = parseArxivId(href.startsWith('/') || /^https?:/i.test(href) ? href : `/${href}`);
  // Only an abstract link names the entry (a /pdf/ link could be anything the entry cites).
  return parsed && /\/abs\//.test(href) ? parsed : null;
}

function readListingEntry(dt: Element, page: PageContext): PaperRef | null {
  const own = ownId(dt);
  const dd = dt.nextElementSibling?.localName === 'dd' ? dt.nextElementSibling : null;
  const title = readText(dd?.querySelector(SELECTORS.listTitle), SELECTORS.descriptor);
  if (!own || !dd || !title) return null;
  const htmlHref = dt.querySelector(SELECTORS.htmlLink)?.getAttribute('href');
  const subjects = readSubjects(dd.querySelector(SELECTORS.listSubjects));
  const authors = readTexts(dd, SELECTORS.listAuthors);
  return boundPaperRef({
    id: own.id,
    title,
    // The abstract link is unversioned; the HTML link names the version listed (…/html/2607.22376v1).
    version: own.version ?? parseArxivId(htmlHref ?? '')?.version,
    authors: authors.length ? authors : splitNames(readText(dd.querySelector(SELECTORS.listAuthorsText), SELECTORS.descriptor)),
    abstract: readText(dd.querySelector(SELECTORS.listAbstract)) || undefined,
    paperComments: readText(dd.querySelector(SELECTORS.listComments), SELECTORS.descriptor) || undefined,
    journalRef: readText(dd.querySelector(SELECTORS.listJournalRef), SELECTORS.descriptor) || undefined,
    ...subjects,
    date: listingDate(dt, page),
    links: entryLinks(own.arxivId, dt.querySelector(SELECTORS.pdfLink) !== null, htmlHref, page),
  });
}

function readSearchResult(li: Element, page: PageContext): PaperRef | null {
  const own = ownId(li);
  const title = readText(li.querySelector(SELECTORS.searchTitle));
  if (!own || !title) return null;
  const authors = readTexts(li, SELECTORS.searchAuthors);
  // "…, et al. (12 additional authors not shown)"
  const hidden = /\((\d[\d,]*)\s+additional authors? not shown\)/i.exec(readText(li.querySelector(SELECTORS.searchAuthorsLine)));
  const categories = readTexts(li, SELECTORS.searchCategory);
  const smallPrint = new Map<string, string>();
  for (const line of li.querySelectorAll(`${SELECTORS.searchSmallPrint}, p.comments`)) {
    const text = readText(line);
    const label = /^(Submitted|Comments|Journal ref|Report number)\b:?/i.exec(text);
    if (label && !smallPrint.has(label[1]!.toLowerCase())) smallPrint.set(label[1]!.toLowerCase(), text.slice(label[0].length).trim());
  }
  // The version the result describes: its id link when versioned, else the id of its abstract ("2512.07321v2-abstract-full").
  const abstractId = li.querySelector('[id$="-abstract-full"]')?.id.replace(/-abstract-full$/, '');
  const version = own.version ?? (abstractId ? parseArxivId(abstractId)?.version : undefined);
  const links = [...li.querySelectorAll(SELECTORS.searchLinks)];
  const htmlHref = links.find((link) => /\/html\//.test(link.getAttribute('href') ?? ''))?.getAttribute('href');
  return boundPaperRef({
    id: own.id,
    title,
    version,
    authors,
    authorCount: hidden ? authors.length + (parseCount(hidden[1]) ?? 0) : undefined,
    abstract: searchAbstract(li),
    primaryCategory: categories[0],
    categories,
    paperComments: smallPrint.get('comments'),
    journalRef: smallPrint.get('journal ref'),
    date: dateInText(smallPrint.get('submitted')),
    links: entryLinks(own.arxivId, links.some((link) => /\/pdf\//.test(link.getAttribute('href') ?? '')), htmlHref, page),
  });
}

/** The full abstract (search shows a short one, and the full one hidden); without the "△ Less" toggle. */
function searchAbstract(li: Element): string | undefined {
  const full = li.querySelector(SELECTORS.searchAbstractFull);
  const text = full ? readText(full) : readText(li.querySelector(SELECTORS.searchAbstract)).replace(/^Abstract\s*:\s*/i, '');
  return text.replace(/\s*[△▽]\s*(?:Less|More)\s*$/, '') || undefined;
}

function readAbstractPage(card: Element, page: PageContext): PaperRef | null {
  const own = ownId(card);
  const title = readText(card.querySelector(SELECTORS.absTitle), SELECTORS.descriptor);
  if (!own || !title) return null;
  const rows = new Map<string, Element>();
  for (const row of card.querySelectorAll(SELECTORS.absMetaRow)) {
    const [label, value] = row.querySelectorAll('td');
    const name = readText(label).replace(/:$/, '').toLowerCase();
    if (name && value && !rows.has(name)) rows.set(name, value);
  }
  const doc = card.ownerDocument;
  return boundPaperRef({
    id: own.id,
    title,
    // "(or arXiv:2602.11156v1 for this version)"
    version: own.version ?? idOfLink(card.querySelector(SELECTORS.absVersionLink))?.version,
    authors: readTexts(card, SELECTORS.absAuthors),
    abstract: readText(card.querySelector(SELECTORS.absAbstract), SELECTORS.descriptor) || undefined,
    paperComments: readText(rows.get('comments')) || undefined,
    journalRef: readText(rows.get('journal reference')) || undefined,
    ...readSubjects(rows.get('subjects') ?? null),
    // "[Submitted on 30 Nov 2025]", "[Submitted on 3 Jan 2024 (v1), last revised …]": the first submission.
    date: dateInText(readText(card.querySelector(SELECTORS.absDateline))),
    links: entryLinks(own.arxivId, doc.querySelector(SELECTORS.absPdfLink) !== null, doc.querySelector(SELECTORS.absHtmlLink)?.getAttribute('href'), page),
  });
}

function entryLinks(arxivId: string, hasPdf: boolean, htmlHref: string | null | undefined, page: PageContext): PaperLinks {
  const canonical = arxivLinks(arxivId);
  const links: PaperLinks = { abs: canonical.abs };
  if (hasPdf) links.pdf = canonical.pdf;
  const html = absoluteUrl(htmlHref, page.url);
  if (html) links.html = html;
  return links;
}

/**
 * "Computation and Language (cs.CL); Computers and Society (cs.CY)": the categories by their ids,
 * the primary one first (it is marked <span class="primary-subject">).
 */
function readSubjects(element: Element | null): Pick<PaperRef, 'primaryCategory' | 'categories'> {
  if (!element) return {};
  const categories: string[] = [];
  for (const part of readText(element, SELECTORS.descriptor).split(';')) {
    const id = categoryId(part);
    if (id) categories.push(id);
  }
  const primary = categoryId(readText(element.querySelector(SELECTORS.primarySubject))) ?? categories[0];
  if (primary && categories[0] !== primary) categories.unshift(primary);
  return { primaryCategory: primary, categories: [...new Set(categories)] };
}

function categoryId(subject: string): string | undefined {
  // The id is the last parenthesised part: "Physics and Society (physics.soc-ph)".
  return /\(([a-z-]+(?:\.[A-Za-z-]+)?)\)\s*$/.exec(subject.trim())?.[1];
}

/** Authors written without links ("(author list is unavailable)" is not a name). */
function splitNames(text: string): string[] | undefined {
  if (!text || /^\(.*\)$/.test(text)) return undefined;
  const names = text.split(/\s*,\s*|\s+and\s+/).map((name) => name.trim()).filter(Boolean);
  return names.length ? names : undefined;
}

const DATES_CACHE = 'arxiv:section-dates';
const PAGE_DATE_CACHE = 'arxiv:page-date';

/**
 * The day a listing entry belongs to: its section's heading when that names a day (/recent,
 * /pastweek), else the day the page was announced (/new, catchup). Month listings name no day.
 */
function listingDate(dt: Element, page: PageContext): string | undefined {
  const list = dt.parentElement;
  if (!list) return pageDate(page);
  let dates = page.cache.get(DATES_CACHE) as Map<Element, string | undefined> | undefined;
  if (!dates) page.cache.set(DATES_CACHE, (dates = new Map()));
  if (dates.has(list)) return dates.get(list);
  // The heading sits inside the <dl> (2024 layout) or just before it (earlier layouts).
  const heading = list.querySelector(`:scope > ${SELECTORS.sectionHeading}`) ?? headingBefore(list);
  const date = dateInText(readText(heading)) ?? pageDate(page);
  dates.set(list, date);
  return date;
}

function headingBefore(list: Element): Element | null {
  const previous = list.previousElementSibling;
  return previous && /^h[1-4]$/.test(previous.localName) ? previous : null;
}

function pageDate(page: PageContext): string | undefined {
  if (page.cache.has(PAGE_DATE_CACHE)) return page.cache.get(PAGE_DATE_CACHE) as string | undefined;
  let date: string | undefined;
  for (const line of page.document.querySelectorAll(SELECTORS.pageDateline)) {
    date = dateInText(readText(line));
    if (date) break;
  }
  // A catchup page names its day in its URL too: /catchup/cs.CL/2026-07-27.
  date ??= dayOfTimestamp(/^\/catchup\/[^/]+\/(\d{4}-\d{2}-\d{2})/.exec(page.url.pathname)?.[1]);
  page.cache.set(PAGE_DATE_CACHE, date);
  return date;
}


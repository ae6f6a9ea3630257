import { paperLinks, parsePaperId, type PaperId, type PaperIdentity, type PaperRef } from '../paper';
import { absoluteUrl, documentUrl, identityOf, isParsed, pageHost, readText, readTexts, yearIn } from './read';
import { boundPaperRef } from '../bounds';
import { CVF_HOSTS, isHostIn } from './hosts';
import { inline } from './place';
import { withReader, type SiteAdapter, type SiteCards } from './types';

/*
 * CVF open access, openaccess.thecvf.com. Page kinds and example URLs:
 *   listing   /CVPR2024?day=all, /CVPR2024, /ICCV2015 (/ICCV2015.py before 2018),
 *             /CVPR2018.py?day=2018-06-19 (a day), /CVPR2024_workshops/ABAW (a workshop),
 *             /WACV2024, /CVPR2024?query_author=… (the author search gives a listing)
 *   paper     /content/CVPR2024/html/Yue_Object_Recognition_as_Next_Token_Prediction_CVPR_2024_paper.html,
 *             /content_iccv_2015/html/…_ICCV_2015_paper.html, /content/CVPR2024W/ABAW/html/…_paper.html
 * Not served: /, /menu.py, /CVPR2024_workshops/menu (menus of conferences), …/papers/….pdf,
 * …/supplemental/…, www.cv-foundation.org (the pre-2018 host, today redirected here).
 *
 * A listing is one `<dl>`: per paper a `dt.ptitle` (the title, linking the paper's page) and the
 * `dd`s after it: its authors (one search form per author), then its links ([pdf], [supp], [arXiv]
 * where the authors gave one, [bibtex]). The card is the `dt`; the `dd`s are part of it. Its id is
 * its arXiv id when it links one, else its CVF id (the page's file stem), which is then an alias.
 * A paper page is one `dd` holding #papertitle, #authors, #abstract and the same links.
 */
const SELECTORS = {
  /** A listing entry's title line. */
  entryTitle: 'dt.ptitle',
  titleLink: 'a[href]',
  /** The entry's links row and a paper page's links: its PDF and its arXiv version. */
  pdfLink: ':scope > a[href$=".pdf"][href*="/papers/"]',
  arxivLink: ':scope > a[href*="arxiv.org/"]',
  /** Authors: one search form each (2015–today), or plain text in older listings. */
  authorLink: 'form a, a',
  /** Where the links row's bibtex toggle starts: the controls go before it. */
  bibtex: ':scope > .link2',
  /** Paper page. */
  paperTitle: '#papertitle',
  paperAuthors: '#authors',
  paperAuthorNames: '#authors b, #authors i',
  paperAbstract: '#abstract',
} as const;

const ORIGIN = 'https://openaccess.thecvf.com/';
const LISTING_PATH = /^\/(?:CVPR|ICCV|WACV|ECCV|ACCV)\d{4}(?:_workshops\/(?!menu\b)[\w-]+)?(?:\.py)?\/?$/;

export const cvfCards: SiteCards = {
  name: 'cvf',
  label: 'CVF open access',

  matches(url) {
    if (!isHostIn(CVF_HOSTS, url.hostname)) return false;
    return LISTING_PATH.test(url.pathname) || (url.pathname.endsWith('.html') && parsePaperId(url.href)?.startsWith('cvf:') === true);
  },

  // Served, and not a listing: a paper's page.
  paperPage: (url) => !LISTING_PATH.test(url.pathname),

  findCards(root) {
    // Every titled entry is a card (one whose title links no CVF page has no id: skipped, and counted).
    const entries = [...root.querySelectorAll(SELECTORS.entryTitle)].filter((dt) => dt.querySelector(SELECTORS.titleLink));
    if (entries.length) return entries.filter(entryParsed);
    const title = root.querySelector(SELECTORS.paperTitle);
    const page = title?.parentElement;
    return page && isParsed(page) && identityOfPaperPage(page) ? [page] : [];
  },

  cardId(card) {
    return identityOfCard(card)?.id ?? null;
  },

  cardAliases(card) {
    return identityOfCard(card)?.aliases ?? [];
  },

  mountControls(card, controls) {
    if (card.localName !== 'dt') {
      const authors = card.querySelector(SELECTORS.paperAuthors);
      if (authors) authors.after(controls);
      else card.prepend(controls);
      return;
    }
    // In the links row ([pdf] [supp] [arXiv]), before its [bibtex] toggle.
    const row = linksRow(card);
    if (!row) {
      card.after(controls);
      return;
    }
    const bibtex = row.querySelector(SELECTORS.bibtex);
    if (bibtex) bibtex.before(inline(controls, '0.5em'));
    else row.append(inline(controls, '0.5em'));
  },
};

/** The whole adapter: the cards, and what each shows of its paper (read when the user first saves it). */
export const cvf: SiteAdapter = /* @__PURE__ */ withReader(cvfCards, (card) => card.localName === 'dt' ? readEntry(card) : readPaperPage(card));

function identityOfCard(card: Element): PaperIdentity | null {
  return card.localName === 'dt' ? identityOfEntry(card) : identityOfPaperPage(card);
}

/** An entry runs from its `dt` to the next one: it is parsed once that one is, or its list is. */
function entryParsed(dt: Element): boolean {
  if (dt.ownerDocument.readyState !== 'loading') return true;
  for (let next = dt.nextElementSibling; next; next = next.nextElementSibling) if (next.matches(SELECTORS.entryTitle)) return true;
  return dt.parentElement !== null && isParsed(dt.parentElement);
}

/** The entry's `dd`s: its authors, then its links. */
function entryParts(dt: Element): Element[] {
  const parts: Element[] = [];
  for (let next = dt.nextElementSibling; next?.localName === 'dd' && parts.length < 4; next = next.nextElementSibling) parts.push(next);
  return parts;
}

/** The `dd` with the entry's links: the last of its `dd`s that holds a PDF link, else the last one. */
function linksRow(dt: Element): Element | null {
  const parts = entryParts(dt);
  return parts.findLast((part) => part.querySelector(SELECTORS.pdfLink)) ?? parts.at(-1) ?? null;
}

function identityOfEntry(dt: Element): PaperIdentity | null {
  const row = linksRow(dt);
  const links = [dt.querySelector(SELECTORS.titleLink), ...(row ? row.querySelectorAll(`${SELECTORS.arxivLink}, ${SELECTORS.pdfLink}`) : [])];
  const identity = identityOf(links, [], ORIGIN);
  // An entry is a CVF paper: without its CVF id (a title linking elsewhere) it is not one.
  return identity && [identity.id, ...identity.aliases].some((id) => id.startsWith('cvf:')) ? identity : null;
}

function identityOfPaperPage(page: Element): PaperIdentity | null {
  const url = documentUrl(page);
  const own = url && isHostIn(CVF_HOSTS, url.hostname) ? parsePaperId(url.href) : null;
  const identity = identityOf(page.querySelectorAll(`${SELECTORS.arxivLink}, ${SELECTORS.pdfLink}`), [own], ORIGIN);
  return identity && [identity.id, ...identity.aliases].some((id) => id.startsWith('cvf:')) ? identity : null;
}

function readEntry(dt: Element): PaperRef | null {
  const identity = identityOfEntry(dt);
  const title = readText(dt.querySelector(SELECTORS.titleLink)) || readText(dt);
  if (!identity || !title) return null;
  const [authorsPart] = entryParts(dt);
  const linked = authorsPart ? readTexts(authorsPart, SELECTORS.authorLink) : [];
  return boundPaperRef({
    id: identity.id,
    aliases: identity.aliases,
    title,
    authors: linked.length ? linked : splitNames(readText(authorsPart)),
    ...conferenceOf(cvfIdOf(identity)),
    links: entryLinks(identity, dt.querySelector(SELECTORS.titleLink), linksRow(dt)?.querySelector(SELECTORS.pdfLink) ?? null),
  }, pageHost(dt));
}

function readPaperPage(page: Element): PaperRef | null {
  const identity = identityOfPaperPage(page);
  const title = readText(page.querySelector(SELECTORS.paperTitle));
  if (!identity || !title) return null;
  // "Author One, Author Two; Proceedings of the IEEE/CVF Conference … (CVPR), 2024, pp. 1-10"
  const byline = readText(page.querySelector(SELECTORS.paperAuthors));
  const names = readText(page.querySelector(SELECTORS.paperAuthorNames)) || (byline.split(';')[0] ?? '');
  const venue = byline.includes(';') ? byline.slice(byline.indexOf(';') + 1).replace(/,\s*pp\.\s*[\d-–]+\s*$/, '').trim() : undefined;
  const url = documentUrl(page);
  return boundPaperRef({
    id: identity.id,
    aliases: identity.aliases,
    title,
    authors: splitNames(names),
    abstract: readText(page.querySelector(SELECTORS.paperAbstract)) || undefined,
    ...conferenceOf(cvfIdOf(identity)),
    ...(venue ? { venue, year: yearIn(venue) } : {}),
    links: entryLinks(identity, null, page.querySelector(SELECTORS.pdfLink), url?.href),
  }, pageHost(page));
}

function cvfIdOf(identity: PaperIdentity): PaperId {
  return [identity.id, ...identity.aliases].find((id) => id.startsWith('cvf:'))!;
}

/** The stem ends with the conference and year (`…_ICCV_2015`, `…_CVPRW_2019`, `…_2013_CVPR`). */
function conferenceOf(id: PaperId): Pick<PaperRef, 'venue' | 'year'> {
  const late = /_([A-Z]{2,8})_(\d{4})$/.exec(id);
  const early = /_(\d{4})_([A-Z]{2,8})$/.exec(id);
  const [conference, year] = late ? [late[1]!, late[2]!] : early ? [early[2]!, early[1]!] : [];
  return conference && year ? { venue: `${conference} ${year}`, year: Number(year) } : {};
}

/** The paper's CVF page and PDF (standard links of an arXiv id kept when it has one). */
function entryLinks(identity: PaperIdentity, titleLink: Element | null, pdfLink: Element | null, pageUrl?: string): PaperRef['links'] {
  const links = { ...paperLinks(identity.id) };
  const page = absoluteUrl(titleLink?.getAttribute('href'), ORIGIN) ?? pageUrl;
  const pdf = absoluteUrl(pdfLink?.getAttribute('href'), ORIGIN);
  if (identity.id.startsWith('cvf:')) {
    if (page) links.abs = page;
    if (pdf) links.pdf = pdf;
  }
  return links;
}

function splitNames(text: string): string[] | undefined {
  const names = text.split(/\s*,\s*/).map((name) => name.trim()).filter(Boolean);
  return names.length ? names : undefined;
}

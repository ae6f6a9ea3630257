import { paperLinks, parsePaperId, type PaperId, type PaperRef } from '../paper';
import { absoluteUrl, documentUrl, identityOf, isParsed, pageHost, readText, readTexts } from './read';
import { boundPaperRef } from '../bounds';
import { ACL_HOSTS, isHostIn } from './hosts';
import { withReader, type PageContext, type SiteAdapter, type SiteCards } from './types';

/*
 * The ACL Anthology, aclanthology.org. Page kinds and example URLs:
 *   volume   /volumes/2024.acl-long/, /volumes/N04-1/, /volumes/W19-42/ (one entry per paper)
 *   event    /events/acl-2024/ (every volume of the event, each under its heading)
 *   author   /people/a/andreas-madsack/ (2019–2025), /people/andreas-madsack/ and
 *            /people/andreas-madsack/unverified/ (2026 redesign)
 *   paper    /2021.naacl-main.208/, /N04-1001/ (the paper itself is the one card)
 * Not served: /2021.naacl-main.208.pdf and .bib (files), /volumes/ and /events/ and /people/
 * (indexes), /venues/acl/ and /sigs/sigdat/ (they list volumes, not papers), /search/?q= (Google's
 * search box), /faq/, /info/….
 *
 * Entries are the same block on volume, event and author pages: a button column (pdf, bib, abs)
 * beside the title, authors and (author pages) volume. The 2019–2025 layout writes it as
 * `<p class="d-sm-flex align-items-stretch">`, the 2026 one as `<div class="d-sm-flex align-items-stretch mb-3">`;
 * both carry the title as `<strong><a href="/<Anthology id>/">`. The abstract, when there is one,
 * is the entry's next sibling, `div.abstract-collapse`. A volume's own entry (its front matter,
 * paper 0) is the volume, not a paper: it gets no controls.
 */
const SELECTORS = {
  /** A listing entry, in both layouts. */
  entry: '.d-sm-flex.align-items-stretch',
  /** The entry's title link, to the paper's page. */
  titleLink: 'strong > a[href]',
  /** The title, authors and (author pages) volume: where the controls go. */
  textBlock: 'span.d-block',
  /** Author links: /people/a/name/ (2019–2025), /people/name/ and /people/name/unverified/ (2026). */
  author: 'a[href*="/people/"]',
  /** The volume an entry belongs to (author pages), and volume headings (event pages). */
  volumeLink: 'a[href*="/volumes/"]',
  /** The entry's PDF badge. */
  pdfLink: 'a[href$=".pdf"]',
  /** The abstract, the entry's next sibling when the paper has one. */
  abstractCollapse: '.abstract-collapse',
  /** Paper page: the page's main section, its title, authors, abstract and details table. */
  paperMain: 'section#main',
  paperTitle: 'h2#title',
  paperAuthors: 'p.lead a[href*="/people/"]',
  paperAbstract: '.acl-abstract',
  abstractHeading: 'h5, .card-title',
  detailsTerm: 'dl > dt',
  /** A volume page's title. */
  pageTitle: 'h2#title',
} as const;

const ORIGIN = 'https://aclanthology.org/';
const LISTING_PATH = /^\/(?:volumes\/[^/]+|events\/[^/]+|people\/(?:[a-z]\/)?[^/]+(?:\/unverified)?)\/?$/;
const PAPER_PATH = /^\/([^/.][^/]*?)\/?$/;

export const aclCards: SiteCards = {
  name: 'acl',
  label: 'ACL Anthology',

  matches(url) {
    return isHostIn(ACL_HOSTS, url.hostname) && (LISTING_PATH.test(url.pathname) || paperPageId(url) !== null);
  },

  paperPage: (url) => paperPageId(url) !== null,

  findCards(root, page) {
    const url = page?.url ?? documentUrl(root);
    if (url && paperPageId(url) !== null) {
      const main = root.querySelector(SELECTORS.paperMain);
      return main?.querySelector(SELECTORS.paperTitle) && isParsed(main) ? [main] : [];
    }
    return [...root.querySelectorAll(SELECTORS.entry)].filter((entry) => {
      if (!isParsed(entry)) return false;
      const id = entryId(entry);
      return id !== null && !isFrontMatter(id);
    });
  },

  cardId(card) {
    return isPaperPage(card) ? paperPageCardId(card) : entryId(card);
  },

  mountControls(card, controls) {
    if (isPaperPage(card)) {
      const title = card.querySelector(SELECTORS.paperTitle);
      if (title) title.after(controls);
      else card.prepend(controls);
      return;
    }
    // Under the title, authors and volume, in the entry's text column.
    const block = card.querySelector(SELECTORS.titleLink)?.closest(SELECTORS.textBlock) ?? card.querySelector(SELECTORS.textBlock);
    (block ?? card).append(controls);
  },
};

/** The whole adapter: the cards, and what each shows of its paper (read when the user first saves it). */
export const acl: SiteAdapter = /* @__PURE__ */ withReader(aclCards, (card, page) => isPaperPage(card) ? readPaperPage(card) : readEntry(card, page));

function paperPageId(url: URL): PaperId | null {
  const m = PAPER_PATH.exec(url.pathname);
  return m ? parsePaperId(`acl:${m[1]}`) : null;
}

function isPaperPage(card: Element): boolean {
  return card.matches(SELECTORS.paperMain);
}

/** The entry's id, from its title link: `/2024.acl-long.1/` (as the Anthology writes it) or an absolute one. */
function entryId(entry: Element): PaperId | null {
  const href = entry.querySelector(SELECTORS.titleLink)?.getAttribute('href')?.trim() ?? '';
  // The site's own form, read without parsing a URL (an event page has thousands of entries).
  const own = /^\/([^/]+)\/?$/.exec(href)?.[1];
  const id = own ? parsePaperId(`acl:${own}`) : (identityOf([], [absoluteUrl(href, ORIGIN)])?.id ?? null);
  return id?.startsWith('acl:') ? id : null;
}

/** Paper 0 of a volume is its front matter: `2024.acl-long.0`, `N04-1000`, `W19-4200` (workshop volumes number papers in two digits). */
function isFrontMatter(id: PaperId): boolean {
  return /\.0$/.test(id) || /^acl:W\d{2}-\d{2}00$/.test(id) || /^acl:[A-VX-Z]\d{2}-\d000$/.test(id);
}

/** The paper page's id: its "Anthology ID" row, else the page's address. */
function paperPageCardId(card: Element): PaperId | null {
  const row = detailsRow(card, 'Anthology ID');
  const fromRow = row ? parsePaperId(`acl:${readText(row)}`) : null;
  if (fromRow) return fromRow;
  const url = documentUrl(card);
  return url && isHostIn(ACL_HOSTS, url.hostname) ? paperPageId(url) : null;
}

/** The <dd> of the paper page's details row named `label` ("Year", "Volume", "DOI"). */
function detailsRow(card: Element, label: string): Element | null {
  for (const term of card.querySelectorAll(SELECTORS.detailsTerm)) {
    if (readText(term).replace(/:$/, '') === label) return term.nextElementSibling?.localName === 'dd' ? term.nextElementSibling : null;
  }
  return null;
}

function readEntry(entry: Element, page: PageContext): PaperRef | null {
  const id = entryId(entry);
  const titleLink = entry.querySelector(SELECTORS.titleLink);
  const title = readText(titleLink);
  if (!id || !title) return null;
  const block = titleLink?.closest(SELECTORS.textBlock) ?? entry;
  const abstract = entry.nextElementSibling?.matches(SELECTORS.abstractCollapse) ? readText(entry.nextElementSibling) : '';
  return boundPaperRef({
    id,
    title,
    authors: readTexts(block, SELECTORS.author),
    abstract: abstract || undefined,
    venue: readText(block.querySelector(SELECTORS.volumeLink)) || volumeTitle(id, page),
    year: yearOfId(id),
    links: { ...paperLinks(id), ...pdfLink(entry) },
  }, pageHost(entry));
}

function readPaperPage(card: Element): PaperRef | null {
  const id = paperPageCardId(card);
  const title = readText(card.querySelector(SELECTORS.paperTitle));
  if (!id || !title) return null;
  const doi = detailsRow(card, 'DOI');
  return boundPaperRef({
    id,
    title,
    authors: readTexts(card, SELECTORS.paperAuthors),
    abstract: readText(card.querySelector(SELECTORS.paperAbstract), SELECTORS.abstractHeading) || undefined,
    venue: readText(detailsRow(card, 'Volume')) || undefined,
    year: Number(readText(detailsRow(card, 'Year'))) || yearOfId(id),
    // The DOI row names the same paper (10.18653/v1/<id>): no alias, but a DOI of another registrant would be one.
    aliases: [parsePaperId(readText(doi))].filter((alias): alias is PaperId => alias !== null && alias !== id),
    links: paperLinks(id),
  }, pageHost(card));
}

function pdfLink(entry: Element): { pdf?: string } {
  const pdf = absoluteUrl(entry.querySelector(SELECTORS.pdfLink)?.getAttribute('href'), ORIGIN);
  return pdf ? { pdf } : {};
}

/** New-style ids start with their year; old-style ones carry two digits (C65 is 1965, N04 is 2004). */
function yearOfId(id: PaperId): number | undefined {
  const modern = /^acl:(\d{4})\./.exec(id);
  if (modern) return Number(modern[1]);
  const old = /^acl:[A-Z](\d{2})-/.exec(id);
  if (!old) return undefined;
  const yy = Number(old[1]);
  return yy >= 50 ? 1900 + yy : 2000 + yy;
}

const VOLUMES_CACHE = 'acl:volumes';

/**
 * The title of the volume a paper belongs to, from the page: the headings of an event page link
 * each volume (`/volumes/2024.acl-long/`), a volume page is titled by its volume. Read once per page.
 */
function volumeTitle(id: PaperId, page: PageContext): string | undefined {
  let titles = page.cache.get(VOLUMES_CACHE) as Map<string, string> | undefined;
  if (!titles) {
    titles = new Map();
    for (const link of page.document.querySelectorAll(SELECTORS.volumeLink)) {
      const volume = /\/volumes\/([^/]+)\/?$/.exec(link.getAttribute('href') ?? '')?.[1];
      const text = readText(link);
      if (volume && text && !titles.has(volume)) titles.set(volume, text);
    }
    const own = /^\/volumes\/([^/]+)\/?$/.exec(page.url.pathname)?.[1];
    const heading = readText(page.document.querySelector(SELECTORS.pageTitle));
    if (own && heading) titles.set(own, heading);
    page.cache.set(VOLUMES_CACHE, titles);
  }
  return titles.get(volumeOfId(id));
}

/** `2024.acl-long.1` → `2024.acl-long`; `N04-1001` → `N04-1`; `W19-4201` → `W19-42`. */
function volumeOfId(id: PaperId): string {
  const bare = id.slice('acl:'.length);
  if (/^\d{4}\./.test(bare)) return bare.replace(/\.\d+$/, '');
  return bare.startsWith('W') ? bare.slice(0, 6) : bare.slice(0, 5);
}

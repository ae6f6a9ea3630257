import { paperLinks, parsePaperId, type PaperId, type PaperRef } from '../paper';
import { dateInText, documentUrl, isParsed, pageHost, readText, readTexts, yearIn } from './read';
import { boundPaperRef } from '../bounds';
import { OPENREVIEW_HOSTS, isHostIn } from './hosts';
import { withReader, type SiteAdapter, type SiteCards } from './types';

/*
 * OpenReview, openreview.net. Page kinds and example URLs:
 *   venue/group  /group?id=ICLR.cc/2024/Conference (tabs of submissions: oral, poster, …),
 *                /group?id=ICLR.cc/2018/Conference (the pre-2019 layout)
 *   forum        /forum?id=YicbFdNTTy (the paper and its reviews: the paper is the one card)
 * Not served: /pdf?id=…, /attachment?id=…, /profile?id=~…, /venues, /, /about, /forum (no id).
 *
 * Today's site is a Next.js app: the venue page arrives as a shell and its tabs render the notes
 * after load, and again on each tab change (the content script's observer follows; findCards
 * finds what is there now). So cards are found by their paper links, not by layout classes: a
 * heading link to `/forum?id=<id>` (without a `noteId` of another note, which is a review or a
 * comment in an activity tab) is a paper, and its card is the largest element around it that holds
 * no other paper: the `li` of the submissions list in every layout seen (`<li class="note">` in
 * 2017, `<li><div class="note">` since). The id is the forum id, case kept. On a forum page the
 * paper is `.forum-note` and its id is the page's; links in the reviews (other forums, PDFs of
 * other notes) are never read as its id.
 */
const SELECTORS = {
  /** A paper's title link on a venue page, in a heading (h4 in every layout). */
  titleLink: ':is(h2, h3, h4, h5) > a[href*="forum?id="]',
  /** Its PDF, beside the title. */
  pdfLink: 'a[href*="/pdf?id="], a[href*="/attachment?id="][href*="name=pdf"]',
  authors: '.note-authors',
  authorLink: 'a',
  /** "28 Oct 2017 · ICLR 2018 Conference Blind Submission" (2017), "Published: … · ICLR 2024 oral" (now). */
  metaInfo: '.note-meta-info',
  metaItem: ':scope > li, :scope > span',
  /** "Abstract:", "TL;DR:", "Keywords:": a field label, its value follows. */
  contentField: '.note-content-field',
  contentValue: '.note-content-value',
  /** Forum page: the paper's note, title, authors, meta line. */
  forumNote: '.forum-note',
  forumTitle: '.forum-title',
  forumHeading: '.forum-title h2, h2.citation_title',
  forumAuthors: '.forum-authors',
  forumMeta: '.forum-meta',
  forumMetaItem: '.item',
} as const;

const GROUP_PATH = /^\/group\/?$/;
const FORUM_PATH = /^\/forum\/?$/;
const ORIGIN = 'https://openreview.net/';

export const openreviewCards: SiteCards = {
  name: 'openreview',
  label: 'OpenReview',

  matches(url) {
    if (!isHostIn(OPENREVIEW_HOSTS, url.hostname)) return false;
    if (GROUP_PATH.test(url.pathname)) return url.searchParams.has('id');
    return forumPageId(url) !== null;
  },

  paperPage: (url) => forumPageId(url) !== null,

  findCards(root, page) {
    const url = page?.url ?? documentUrl(root);
    if (url && forumPageId(url) !== null) {
      const note = root.querySelector(SELECTORS.forumNote);
      return note?.querySelector(SELECTORS.forumHeading) && isParsed(note) ? [note] : [];
    }
    const cards: Element[] = [];
    const seen = new Set<Element>();
    for (const link of root.querySelectorAll(SELECTORS.titleLink)) {
      const id = linkId(link);
      const card = id ? cardAround(link, id) : null;
      if (card && !seen.has(card)) {
        seen.add(card);
        cards.push(card);
      }
    }
    return cards.filter(isParsed);
  },

  cardId(card) {
    return card.matches(SELECTORS.forumNote) ? forumNoteId(card) : linkId(card.querySelector(SELECTORS.titleLink));
  },

  mountControls(card, controls) {
    const heading = card.matches(SELECTORS.forumNote) ? card.querySelector(SELECTORS.forumTitle) : card.querySelector(SELECTORS.titleLink)?.parentElement;
    if (heading) heading.after(controls);
    else card.prepend(controls);
  },
};

/** The whole adapter: the cards, and what each shows of its paper (read when the user first saves it). */
export const openreview: SiteAdapter = /* @__PURE__ */ withReader(openreviewCards, (card) => readNote(card));

function forumPageId(url: URL): PaperId | null {
  return FORUM_PATH.test(url.pathname) ? parsePaperId(`${ORIGIN}forum${url.search}`) : null;
}

/** A forum link as the site writes it, site-relative or absolute: its query. */
const FORUM_HREF = /^(?:https?:\/\/(?:www\.)?openreview\.net)?\/forum\/?\?([^#]*)/;

/**
 * The paper a link names: a forum link without another note's `noteId`. Read without parsing a
 * whole URL (run for every card on every scan of a 1,000-paper venue).
 */
function linkId(link: Element | null): PaperId | null {
  const query = FORUM_HREF.exec(link?.getAttribute('href')?.trim() ?? '')?.[1];
  if (query === undefined) return null;
  const params = new URLSearchParams(query);
  const id = params.get('id');
  const noteId = params.get('noteId');
  return id && (noteId === null || noteId === id) ? parsePaperId(`openreview:${id}`) : null;
}

/**
 * The largest element around the title link that holds no other paper's title (its `li` in every
 * layout so far). Forum links in an abstract or a comment are not titles: they do not end the card.
 */
function cardAround(link: Element, id: PaperId): Element | null {
  let card: Element = link.parentElement!;
  for (let depth = 0; card.parentElement && depth < 8; depth++) {
    const parent: Element = card.parentElement;
    if (/^(?:body|main|ul|ol|table|tbody)$/.test(parent.localName)) break;
    const others = [...parent.querySelectorAll(SELECTORS.titleLink)].some((other) => {
      const otherId = linkId(other);
      return otherId !== null && otherId !== id;
    });
    if (others) break;
    card = parent;
    if (card.localName === 'li') break;
  }
  return card;
}

/** A forum page's paper: the page's own id (the address names the forum). */
function forumNoteId(note: Element): PaperId | null {
  const url = documentUrl(note);
  return url && isHostIn(OPENREVIEW_HOSTS, url.hostname) ? forumPageId(url) : null;
}

/** A paper's note, listed on a venue page or the subject of its forum: the same fields in two markups. */
function readNote(card: Element): PaperRef | null {
  const forum = card.matches(SELECTORS.forumNote);
  const id = forum ? forumNoteId(card) : linkId(card.querySelector(SELECTORS.titleLink));
  const title = readText(card.querySelector(forum ? SELECTORS.forumHeading : SELECTORS.titleLink));
  if (!id || !title) return null;
  const meta = forum ? card.querySelector(SELECTORS.forumMeta)?.querySelectorAll(SELECTORS.forumMetaItem) : card.querySelector(SELECTORS.metaInfo)?.querySelectorAll(SELECTORS.metaItem);
  return boundPaperRef({
    id,
    title,
    authors: authorsOf(card.querySelector(forum ? SELECTORS.forumAuthors : SELECTORS.authors)),
    abstract: fieldValue(card, 'Abstract'),
    ...dateAndVenue([...(meta ?? [])].map((item) => readText(item))),
    links: paperLinks(id),
  }, pageHost(card));
}

/** Linked author names (profiles), else the names as written ("Anonymous", "Alice, Bob"). */
function authorsOf(element: Element | null): string[] | undefined {
  if (!element) return undefined;
  const linked = readTexts(element, SELECTORS.authorLink);
  if (linked.length) return linked;
  const names = readText(element).split(/\s*,\s*/).filter(Boolean);
  return names.length ? names : undefined;
}

/** The value of a content field ("Abstract:") of the note, if shown. */
function fieldValue(note: Element, label: string): string | undefined {
  for (const field of note.querySelectorAll(SELECTORS.contentField)) {
    if (readText(field).replace(/:$/, '') !== label) continue;
    let value = field.nextElementSibling;
    while (value && !value.matches(SELECTORS.contentValue)) value = value.nextElementSibling;
    return readText(value) || undefined;
  }
  return undefined;
}

/** The meta line: its first date ("Published: 16 Jan 2024", "28 Oct 2017") and the venue after it. */
function dateAndVenue(items: string[]): Pick<PaperRef, 'date' | 'venue' | 'year'> {
  const dateIndex = items.findIndex((item) => dateInText(item) !== undefined);
  const date = dateIndex >= 0 ? dateInText(items[dateIndex]) : undefined;
  const venue = dateIndex >= 0 ? items[dateIndex + 1] : undefined;
  return { date, venue: venue && !/^Readers:/.test(venue) ? venue : undefined, year: yearIn(venue) };
}

/**
 * Size limits of the message protocol and of what is stored from a page, shared by the sending
 * side (content scripts, extension pages) and the background that enforces them. No Zod here: the
 * content script imports this module.
 *
 * Two tiers:
 * - LIMITS: what a message may be. A message over them is refused as a whole (it is not what a
 *   Shelfmark page sends), quickly: its size is counted before anything else looks at it.
 * - CAPS: what a paper record keeps of a page's metadata. Longer fields are clipped (never a reason
 *   to refuse the user's action), so a record written from a page stays small whatever the page
 *   shows: under 100 KB as JSON at worst, without its note (test/unit/bounds.test.ts builds the worst).
 */

export const LIMITS = {
  /**
   * Ids in one state request. The content script asks in chunks of at most this many (visible
   * cards first), one request at a time per tab; the rate below then paces a page with thousands.
   */
  idsPerRequest: 500,
  /**
   * Characters in one message, all strings counted plus one per value: room for the longest note
   * and a card's metadata well over the caps (clipped, not refused). A message over it is refused
   * after counting at most this many, however large it is.
   */
  messageChars: 300_000,
  /** A note as the user typed it: never clipped (that would lose their text), refused when longer. */
  note: 200_000,
  /** A paper id (the schema checks its form too). */
  id: 200,
  /** A link or page URL. */
  url: 2_000,
  /** The read papers' styles of one page: ~130 characters per read card, 50,000 cards read (lib/content/page-style.ts). */
  pageStyle: 8_000_000,
} as const;

/**
 * What a stored paper keeps of a page's metadata, in characters. The real extremes fit: arXiv
 * titles run to about 300 characters and abstracts to 1,920; a physics paper with 3,000 authors
 * keeps its first `authors` names and its `authorCount`.
 */
export const CAPS = {
  title: 1_000,
  /** First authors kept, in page order; `authorCount` keeps how many there are in all. */
  authors: 100,
  authorName: 100,
  organization: 200,
  abstract: 5_000,
  /** arXiv's "Comments:" line (pages, conference, code link). */
  paperComments: 1_000,
  journalRef: 500,
  /** Where a paper was published, as a page names it ("Proceedings of … (Volume 1: Long Papers)"). */
  venue: 500,
  categories: 20,
  category: 50,
  /** A page-supplied link (abs, pdf, html, Hugging Face); longer ones are dropped, not clipped. */
  link: 500,
  /**
   * Search-index words per paper (distinct, title's first, then authors', then the note's), each
   * at most 40 characters: a long note's later words may not be found by the search.
   */
  words: 1_000,
} as const;

/**
 * Pacing of state requests, per tab (a token bucket counted in ids; extension pages are not
 * paced). A page asks for the states of the cards it shows: a 2,000-entry arXiv listing is answered
 * within about 5 s, its first screenful at once, while a page inventing cards to enumerate the
 * library gets 200 ids a second after its first 1,000 (3,000 invented ids: about 10 s; 50,000:
 * about 4 minutes). Every request is answered, in order, however long it waits.
 */
export const STATE_RATE = {
  /** Ids a tab may ask for at once, after a quiet moment. */
  burst: 1_000,
  /** Ids per second after that. */
  perSecond: 200,
} as const;

/** Tags (lib/tags.ts): a name's length, and the tags one paper may have. */
export const TAG_LIMITS = {
  name: 40,
  perPaper: 32,
  /** Tag entries a paper keeps, removed ones included (their removal must reach other devices): the oldest removals go first beyond. */
  entries: 64,
} as const;

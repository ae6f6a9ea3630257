/**
 * Size limits of the message protocol, shared by the sending side (content scripts, extension pages)
 * and the background that enforces them. No Zod here: the content script imports this module.
 */

/** Caps on what a page can send: generous for real use, bounded against a hostile page. */
export const LIMITS = {
  // Per state request: a page asks for its cards in chunks (lib/content/state-requests.ts), one at a time.
  idsPerRequest: 500,
  title: 2_000,
  text: 100_000,
  list: 5_000,
  note: 200_000,
  /** The read papers' styles of one page: ~130 bytes per read card, 50,000 cards read (lib/content/page-style.ts). */
  pageStyle: 8_000_000,
} as const;

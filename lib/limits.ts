/**
 * Size limits of the message protocol, shared by the sending side (content scripts, extension pages)
 * and the background that enforces them. No Zod here: the content script imports this module.
 */

/** Caps on what a page can send: generous for real use, bounded against a hostile page. */
export const LIMITS = {
  idsPerRequest: 10_000,
  title: 2_000,
  text: 100_000,
  list: 5_000,
  note: 200_000,
} as const;

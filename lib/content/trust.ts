/**
 * Only the user acts. An event a page script made (dispatchEvent, element.click(), a forged key)
 * has `isTrusted` false: every Shelfmark handler ignores it, so a page cannot star, read, queue or
 * write a note. (Unit tests under jsdom, where no event is trusted, replace this module.)
 */
export function isUserEvent(event: Event): boolean {
  return event.isTrusted;
}

/** When the user acted, in milliseconds since the epoch: it orders the action among all others. */
export function actedAt(event: Event): number {
  // Relative to the page's time origin in today's browsers; some engines give epoch milliseconds.
  const stamp = event.timeStamp > 1e12 ? event.timeStamp : performance.timeOrigin + event.timeStamp;
  return Math.round(stamp);
}

/**
 * Only the user acts. An event a page script made (dispatchEvent, element.click(), a forged key)
 * has `isTrusted` false: every Shelfmark handler ignores it, so a page cannot star, read, queue or
 * write a note. (Unit tests under jsdom, where no event is trusted, replace `isUserEvent`.)
 */
export function isUserEvent(event: Event): boolean {
  return event.isTrusted;
}

let last = 0;

/**
 * When the user acted, in milliseconds since the epoch: it orders the action among all others, in
 * every tab. The wall clock, read as the event is handled (every tab reads the same clock; an
 * event's own timeStamp counts from its page's start, and pages opened at different times
 * disagree by milliseconds), and never twice the same in a tab.
 */
export function actionTime(): number {
  last = Math.max(Date.now(), last + 1);
  return last;
}

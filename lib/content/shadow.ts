/**
 * Shelfmark's UI in pages (card controls, note editor, page pill, shortcuts panel) lives in closed
 * shadow roots: a page script sees the host element and nothing inside it (`host.shadowRoot` is
 * null, and events from inside reach it retargeted to the host). This module keeps the roots for
 * Shelfmark's own code; the content script's world is not the page's, so nothing here is reachable
 * from the page.
 */

const roots = new WeakMap<Element, ShadowRoot>();

export function attachClosedRoot(host: HTMLElement): ShadowRoot {
  const root = host.attachShadow({ mode: 'closed' });
  roots.set(host, root);
  return root;
}

/** The closed root Shelfmark attached to `host`, if any (for Shelfmark's code and unit tests). */
export function shadowOf(host: Element | null | undefined): ShadowRoot | undefined {
  return host ? roots.get(host) : undefined;
}

/** The focused element, looking into the page's open shadow roots and Shelfmark's closed ones. */
export function deepActiveElement(doc: Document): Element | null {
  let active = doc.activeElement;
  for (;;) {
    const inner = (active && (roots.get(active) ?? active.shadowRoot))?.activeElement;
    if (!inner) return active;
    active = inner;
  }
}
